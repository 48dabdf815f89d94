"""Filling rewrite templates: slots bound from the match, tu or vous as in the source.

Templates name captured tokens in braces: ``{object}`` is the captured text as said,
``{object.bare}`` drops its leading article, ``{object.de}`` contracts it after
« de » (« des assurances » → « d'assurances », « le conseil » → « du conseil »).
"""

from __future__ import annotations

import re
import string

from spacy.tokens import Doc, Span, Token

from coach.features import fold

_TU = frozenset({"tu", "t'", "toi", "te", "ton", "ta", "tes", "t'as", "tas"})
_VOUS = frozenset({"vous", "votre", "vos", "-vous"})
_ARTICLES = ("les ", "des ", "le ", "la ", "l'", "l’", "un ", "une ", "du ", "de la ", "de l'", "de l’")  # fmt: skip
_VOWEL = re.compile(r"^[aeiouyhàâéèêëîïôöûü]", re.IGNORECASE)
_SLOT = re.compile(r"\{(\w+)(?:\.(\w+))?\}")


# Imperatives say tu or vous too: « Tiens, ma carte », « Écrivez-moi ».
_TU_IMPERATIVES = frozenset(
    "tiens dis regarde ecoute viens passe hesite ecris appelle envoie goute essaie prends "
    "garde note contacte".split()
)
_OBJECT_AFTER_IMPERATIVE = ("-moi", "-nous", "-le", "-la", "-les", "-en", "-y", "-lui", "-leur")
_NOT_VERBS = frozenset({"chez", "assez", "nez"})


def address(doc: Doc) -> str:
    """« tu » or « vous », as the speaker addresses the other person (vous by default)."""
    tu = vous = 0
    for token in doc:
        form = fold(token.text)
        if form in _VOUS or form.startswith("-vous"):
            vous += 1
        elif form in _TU or form.startswith(("-tu", "-toi", "-te")):
            tu += 1
        elif _is_imperative(token, form):
            if form.endswith("ez") and form not in _NOT_VERBS:
                vous += 1
            elif not form.endswith(("ons", "ez")):
                tu += 1
    return "tu" if tu > vous else "vous"


def _is_imperative(token: Token, form: str) -> bool:
    following = fold(token.nbor().text) if token.i + 1 < len(token.doc) else ""
    if following.startswith(_OBJECT_AFTER_IMPERATIVE):
        return True  # « écris-moi », « appelez-nous »
    clause_start = token.is_sent_start is True or token.nbor(-1).text in {",", ":", ";"}
    return clause_start and (form in _TU_IMPERATIVES or form.endswith("ez"))


def bare(text: str) -> str:
    lowered = text.lower()
    for article in _ARTICLES:
        if lowered.startswith(article):
            return text[len(article) :].lstrip()
    return text


def after_de(text: str) -> str:
    """The noun phrase as it reads after « de »: « des X » → « d'X », « le X » → « du X »."""
    lowered = text.lower()
    for article, contracted in (("les ", "des "), ("le ", "du ")):
        if lowered.startswith(article):
            return contracted + text[len(article) :]
    if lowered.startswith(("des ", "du ", "de la ", "de l'", "de l’")):
        text = bare(text)  # a partitive disappears after « de »
    return ("d'" if _VOWEL.match(text) else "de ") + text


_FILTERS = {"bare": bare, "de": after_de}


def render(template: str, captures: dict[str, str]) -> str | None:
    """The template with its slots filled, or None when a slot was not captured."""
    missing = False

    def fill(match: re.Match[str]) -> str:
        nonlocal missing
        name, flt = match.group(1), match.group(2)
        value = captures.get(name)
        if value is None or (flt and flt not in _FILTERS):
            missing = True
            return ""
        return _FILTERS[flt](value) if flt else value

    text = _SLOT.sub(fill, template)
    return None if missing else text


def fit_case(text: str, at_sentence_start: bool) -> str:
    """Capitalise a rewrite that starts a sentence, lower it inside one."""
    if not text:
        return text
    first = text[0]
    if at_sentence_start:
        return first.upper() + text[1:]
    if first in string.ascii_uppercase or first in "ÀÂÉÈÊËÎÏÔÖÙÛÜÇ":
        return first.lower() + text[1:]
    return text


def captured(span: Span, alignments: list[int], captures: dict[int, str]) -> dict[str, str]:
    """Text of the tokens aligned to pattern positions that carry a capture name."""
    groups: dict[str, list[int]] = {}
    for offset, position in enumerate(alignments):
        name = captures.get(position)
        if name:
            groups.setdefault(name, []).append(span.start + offset)
    doc = span.doc
    return {
        name: doc.text[doc[indices[0]].idx : doc[indices[-1]].idx + len(doc[indices[-1]].text)]
        for name, indices in groups.items()
    }
