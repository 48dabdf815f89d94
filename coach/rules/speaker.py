"""The speaker's trade, as they state it, so that a rewrite can keep who they are.

« Je suis graphiste, je fais des logos à 300 € » is selling, and a rewrite replaces
the sentence; the coach should still let the speaker say that they are a graphic
designer. This module finds such self-descriptions (« je suis graphiste », « j'bosse
comme plombier », « je travaille dans l'immobilier ») with the word lists of
``trades.yaml``, and gives each as a short clause a rewrite can start with.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span

from coach import yamlfile
from coach.features import fold

# « je suis … », « j'suis … », « chui … », with the adverbs people put in between.
_BE = frozenset({"suis", "chui", "chuis", "jsuis", "sui"})
_SUBJECT = frozenset({"je", "j'", "j"})
# « je bosse comme … », « je me suis lancée comme … », « je démarre en tant que … »
_WORK = frozenset(
    "travaille bosse taffe exerce bossais travaillais demarre debute commence lance lancee "
    "installe installee mis mise reconverti reconvertie etabli etablie".split()
)
_REFLEXIVE = frozenset({"me", "m'"})
_AUXILIARY = frozenset({"suis"})
_BETWEEN = frozenset(
    "maintenant aussi desormais moi-meme justement actuellement toujours juste surtout donc "
    "devenu devenue installe installee independant independante a mon compte".split()
)
_WHERE = frozenset({"chez", "a"})
_ARTICLE = frozenset({"un", "une"})
_HEADLINE_END = frozenset({",", ":", "-", "–", "—", ".", "!", "|"})
_SECTOR_ARTICLE = frozenset({"le", "la", "l'", "les"})
_LINK = frozenset({"de", "d'", "en"})
_NOT_COMPLEMENT = frozenset(
    "le la les l' un une des du mon ma mes ton ta tes son sa ses notre nos votre vos leur "
    "ce cette ces tout toute tous plus ici la-bas".split()
)


@dataclass(frozen=True)
class Trade:
    """A self-description: where it is, its head word, and the clause that says it."""

    start: int  # character offsets of « je suis graphiste »
    end: int
    head: str  # the folded role or sector word, to tell whether a rewrite kept it
    clause: str  # « je suis graphiste », « je travaille dans l'immobilier »


@dataclass(frozen=True)
class _Lexicon:
    roles: frozenset[str]
    modifiers: frozenset[tuple[str, ...]]  # « freelance », « à domicile »
    sectors: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    data = yamlfile.read(Path(__file__).with_name("trades.yaml"))
    return _Lexicon(
        roles=frozenset(fold(w) for w in data["roles"]),
        modifiers=frozenset(tuple(fold(w).split()) for w in data["role_modifiers"]),
        sectors=frozenset(fold(w) for w in data["sectors"]),
    )


def find(doc: Doc, words: list[str]) -> list[Trade]:
    """Self-descriptions in ``doc``; ``words`` are its tokens' folded forms."""
    lexicon = _lexicon()
    found: list[Trade] = []
    i = 0
    while i < len(words):
        trade = (
            _role_at(doc, words, i, lexicon)
            or _sector_at(doc, words, i, lexicon)
            or _headline_at(doc, words, i, lexicon)
        )
        if trade is None:
            i += 1
            continue
        found.append(trade)
        i = doc.char_span(trade.start, trade.end, alignment_mode="expand").end
    return found


def _after_be(words: list[str], i: int) -> int | None:
    """Index after « je suis » (or « jsuis »), or None."""
    if words[i] in _BE and words[i] != "suis":
        return i + 1  # « chui », « jsuis »: subject and verb in one token
    if words[i] in _SUBJECT and words[i + 1 : i + 2] == ["suis"]:
        return i + 2
    if words[i : i + 3] == ["moi", "qui", "suis"]:
        return i + 3  # « moi qui suis agent immobilier »
    return None


def _after_work(words: list[str], i: int) -> int | None:
    """Index after « je bosse », « je me suis lancée », or None."""
    if words[i] not in _SUBJECT:
        return None
    j = _skip(words, i + 1, _REFLEXIVE)
    j = _skip(words, j, _AUXILIARY)
    return j + 1 if j < len(words) and words[j] in _WORK else None


def _skip_phrases(words: list[str], j: int, phrases: frozenset[tuple[str, ...]]) -> int:
    """Index after any run of ``phrases`` starting at ``j``."""
    moved = True
    while moved:
        moved = False
        for length in (3, 2, 1):
            if tuple(words[j : j + length]) in phrases:
                j += length
                moved = True
                break
    return j


def _skip(words: list[str], i: int, skippable: frozenset[str]) -> int:
    while i < len(words) and words[i] in skippable:
        i += 1
    return i


def _after_intro(words: list[str], i: int) -> tuple[int, bool] | None:
    """Index after « je suis » or « je bosse » and the adverbs that follow, and whether
    the verb was one of work (then « comme … » must follow for a role)."""
    j = _after_be(words, i)
    work = j is None
    if work:
        j = _after_work(words, i)
    return None if j is None else (_skip(words, j, _BETWEEN), work)


def _role_at(doc: Doc, words: list[str], i: int, lexicon: _Lexicon) -> Trade | None:
    intro = _after_intro(words, i)
    if intro is None:
        return None
    j, work = intro
    if work:
        if words[j : j + 1] == ["comme"]:
            j += 1
        elif words[j : j + 3] == ["en", "tant", "que"]:
            j += 3
        else:
            return None
        j = _skip(words, j, _BETWEEN)
    role = _role_phrase(doc, words, _skip(words, j, _ARTICLE), lexicon)
    if role is None:
        return None
    return Trade(doc[i].idx, role.end_char, fold(role[0].text), f"je suis {role.text}")


def _headline_at(doc: Doc, words: list[str], i: int, lexicon: _Lexicon) -> Trade | None:
    """A sentence that opens on the speaker's role: « Notaire à Liège, je … »."""
    if not doc[i].is_sent_start:
        return None
    role = _role_phrase(doc, words, i, lexicon)
    if role is None or (role.end < len(doc) and doc[role.end].text not in _HEADLINE_END):
        return None
    text = role.text[0].lower() + role.text[1:]
    return Trade(role.start_char, role.end_char, fold(role[0].text), f"je suis {text}")


def _role_phrase(doc: Doc, words: list[str], j: int, lexicon: _Lexicon) -> Span | None:
    """« graphiste freelance à Lyon », « prof de yoga », when a role starts at ``j``."""
    if j >= len(words) or words[j] not in lexicon.roles:
        return None
    start = j
    j = _skip_phrases(words, j + 1, lexicon.modifiers)
    for _ in range(2):  # « prof de yoga », « conseillère en gestion de patrimoine »
        if (
            j + 1 < len(words)
            and words[j] in _LINK
            and words[j + 1].isalpha()
            and words[j + 1] not in _NOT_COMPLEMENT
        ):
            j += 2
    return doc[start : _place(doc, words, j)]


def _place(doc: Doc, words: list[str], j: int) -> int:
    """Index after « chez Decathlon » or « à Lyon » when they follow ``j``, else ``j``."""
    if j < len(words) and words[j] in _WHERE:
        end = j + 1
        while end < len(words) and end - j <= 3 and doc[end].text[:1].isupper():
            end += 1
        if end > j + 1:
            return end
    return j


def _sector_at(doc: Doc, words: list[str], i: int, lexicon: _Lexicon) -> Trade | None:
    intro = _after_intro(words, i)
    if intro is None:
        return None
    j = intro[0]
    if j + 2 >= len(words) or words[j] != "dans" or words[j + 1] not in _SECTOR_ARTICLE:
        return None
    if words[j + 2] not in lexicon.sectors:
        return None
    place = doc[j + 1 : j + 3]
    return Trade(doc[i].idx, place.end_char, words[j + 2], f"je travaille dans {place.text}")
