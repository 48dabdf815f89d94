"""Matching rules on a Doc: findings with their span, message and rewrites."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from coach.assessment import Finding, Suggestion
from coach.errors import DataError
from coach.features import fold, person
from coach.rules import catalogue, rewriting, speaker
from coach.rules.catalogue import Rule

SEVERITY_RANK = {name: rank for rank, name in enumerate(catalogue.SEVERITIES)}
CAPTURE = "CAPTURE"  # a key of our own in pattern tokens: names the captured tokens
FOLD = "FOLD"  # shorthand for the accent-insensitive lowercase form


@dataclass(frozen=True)
class _Pattern:
    rule: Rule
    captures: dict[int, str]


@dataclass(frozen=True)
class _Context:
    """What every finding on one Doc shares, read once per Doc."""

    trades: list[speaker.Trade]  # where the speaker says their trade
    pitch: Collection[int]  # start offsets of the sentences read as selling
    form: str  # « tu » or « vous »


class RuleEngine:
    """Compiled rules for one vocabulary; safe to share between threads."""

    def __init__(
        self,
        nlp: Language,
        extra: Iterable[Path] = (),
        disabled: Iterable[str] = (),
        min_severity: str = "suggestion",
        builtin: bool = True,
    ) -> None:
        files = [
            *(catalogue.builtin_files() if builtin else []),
            *(file for path in extra for file in catalogue.rule_files(path)),
        ]
        all_rules = catalogue.load(files)
        unknown = set(disabled) - {r.id for r in all_rules}
        if unknown:
            raise DataError(f"règle inconnue pour --disable : {', '.join(sorted(unknown))}.")
        floor = SEVERITY_RANK[min_severity]
        self.rules = [
            r for r in all_rules if r.id not in set(disabled) and SEVERITY_RANK[r.severity] >= floor
        ]
        self.all_rules = all_rules
        self.vocab = nlp.vocab
        # Per rule, one Matcher for the patterns that name an anchor word (a word every
        # match needs), run only on texts that contain one of those words, and one for
        # the patterns that name none, run on every text.
        self._matchers: list[tuple[frozenset[str] | None, Matcher]] = []
        self._patterns: dict[str, _Pattern] = {}
        for rule in self.rules:
            anchored, unanchored = (
                Matcher(nlp.vocab, validate=True),
                Matcher(nlp.vocab, validate=True),
            )
            anchors: set[str] = set()
            for number, pattern in enumerate(_token_patterns(rule, nlp.tokenizer)):
                key = f"{rule.id}#{number}"
                tokens, captures = _strip_captures(pattern)
                words = _anchor_words(tokens)
                anchors |= words or set()
                try:
                    (unanchored if words is None else anchored).add(key, [tokens])
                except Exception as error:  # spaCy raises several kinds for bad patterns
                    raise DataError(
                        f"{rule.where} (règle « {rule.id} ») : motif {number + 1} invalide : "
                        f"{_first_line(error)}"
                    ) from None
                self._patterns[key] = _Pattern(rule, captures)
            if len(anchored):
                self._matchers.append((frozenset(anchors), anchored))
            if len(unanchored):
                self._matchers.append((None, unanchored))
        self._checks = [r for r in self.rules if r.check]

    def find(self, doc: Doc, pitch: Collection[int] = ()) -> list[Finding]:
        """Findings on a Doc, in text order; one per rule and sentence.

        ``pitch`` holds the start offsets of sentences the classifier reads as selling:
        a selling finding's rewrite also replaces the ones next to its own sentence, so
        that « Vous avez deux minutes ? J'aimerais vous parler d'une opportunité… »
        does not keep its second half.
        """
        best: dict[tuple[str, int], tuple[Span, dict[str, str], Rule]] = {}
        strings = doc.vocab.strings
        words = [fold(strings[orth]) for orth in doc.to_array([ORTH]).tolist()]
        for key, start, end, alignments in self._match(doc, words):
            pattern = self._patterns[self.vocab.strings[key]]
            if pattern.rule.unless_after and pattern.rule.unless_after.intersection(words[end:]):
                continue
            span = doc[start:end]
            sentence_start = span.sent.start if doc.has_annotation("SENT_START") else 0
            slot = (pattern.rule.id, sentence_start)
            kept = best.get(slot)
            if kept is None or (start, -(end - start)) < (kept[0].start, -len(kept[0])):
                captures = rewriting.captured(span, alignments, pattern.captures)
                best[slot] = (span, captures, pattern.rule)
        hits = list(best.values())
        hits += [(span, {}, r) for r in self._checks if (span := _self_centred(doc, words, r))]
        if not hits:
            return []
        context = _Context(speaker.find(doc, words), pitch, rewriting.address(doc))
        findings = [
            self._finding(doc, span, captures, rule, context) for span, captures, rule in hits
        ]
        return sorted(findings, key=lambda f: (f.start, f.end, f.rule))

    def _match(self, doc: Doc, words: list[str]) -> list[tuple[int, int, int, list[int]]]:
        """Match with each token's NORM set to its folded form (``words``), then restore
        the norms.

        NORM is a native attribute, so the Matcher compares it in compiled code; the
        pipeline's own components have already run, and the caller's Doc is left as
        it was.
        """
        strings = doc.vocab.strings
        present = set(words)
        matchers = [m for anchors, m in self._matchers if anchors is None or anchors & present]
        if not matchers:
            return []
        saved = doc.to_array([NORM])
        try:
            doc.from_array([NORM], numpy.array([strings.add(w) for w in words], dtype=numpy.uint64))
            return [match for matcher in matchers for match in matcher(doc, with_alignments=True)]
        finally:
            doc.from_array([NORM], saved)

    def _finding(
        self,
        doc: Doc,
        span: Span,
        captures: dict[str, str],
        rule: Rule,
        context: _Context,
    ) -> Finding:
        sentence = span.sent if doc.has_annotation("SENT_START") else doc[:]
        start, end = {
            "sentence": (sentence.start_char, _end_without_space(sentence)),
            "rest": (span.start_char, _end_without_space(sentence)),
            "match": (span.start_char, span.end_char),
            "append": (len(doc.text.rstrip()), len(doc.text.rstrip())),
        }[rule.replace]
        if rule.kind == "selling" and rule.replace in ("sentence", "rest") and context.pitch:
            start, end = _around_pitch(
                doc, sentence, rule.replace == "sentence", start, end, context.pitch
            )
        at_start = start <= sentence.start_char  # moved back over pitch sentences, or not
        return Finding(
            rule=rule.id,
            kind=rule.kind,
            severity=rule.severity,
            category=rule.category,
            start=span.start_char,
            end=span.end_char,
            message=rule.message,
            suggestions=self._suggestions(doc, rule, captures, start, end, at_start, context),
        )

    def _suggestions(
        self,
        doc: Doc,
        rule: Rule,
        captures: dict[str, str],
        start: int,
        end: int,
        at_start: bool,
        context: _Context,
    ) -> tuple[Suggestion, ...]:
        trade = _trade_lost(context.trades, start, end)
        suggestions: list[Suggestion] = []
        for template in rule.rewrites:
            text = rewriting.render(getattr(template, context.form), captures)
            if text is None:
                continue
            if rule.replace == "append":
                text = " " + text
            elif trade and trade.head not in fold(text):
                # The speaker said who they are in the words replaced: say it again.
                text = (
                    rewriting.fit_case(trade.clause, at_start)
                    + ". "
                    + rewriting.fit_case(text, True)
                )
            else:
                text = rewriting.fit_case(text, at_start)
            suggestion = Suggestion(start, end, text)
            if suggestion not in suggestions and text != doc.text[start:end]:
                suggestions.append(suggestion)
        return tuple(suggestions)


def _self_centred(doc: Doc, words: list[str], rule: Rule) -> Span | None:
    """The whole text, when it talks about the speaker and not to the other person."""
    (params,) = rule.check.values()  # the only check so far: self_centred
    first = second = questions = 0
    for form in words:
        who = person(form)
        first += who in ("1s", "1p")
        second += who == "2"
        questions += "?" in form
    if (
        first < params["first_person_min"]
        or second > params["second_person_max"]
        or questions > params["questions_max"]
    ):
        return None
    tokens = [t for t in doc if not (t.is_space or t.is_punct)]
    return doc[tokens[0].i : tokens[-1].i + 1]


def _around_pitch(
    doc: Doc, sentence: Span, backward: bool, start: int, end: int, pitch: Collection[int]
) -> tuple[int, int]:
    """``start`` and ``end`` moved over the pitch sentences next to ``sentence``: those
    after it, and those before it when ``backward``."""
    if not doc.has_annotation("SENT_START"):
        return start, end
    for following in doc[sentence.end :].sents:
        if not following.text.isspace():
            if following.start_char not in pitch:
                break
            end = _end_without_space(following)
    if backward:
        for preceding in reversed(list(doc[: sentence.start].sents)):
            if not preceding.text.isspace():
                if preceding.start_char not in pitch:
                    break
                start = preceding.start_char
    return start, end


def _trade_lost(trades: list[speaker.Trade], start: int, end: int) -> speaker.Trade | None:
    """The speaker's trade when every mention of it lies in ``[start, end)``."""
    inside = [t for t in trades if t.start < end and t.end > start]
    return inside[0] if inside and len(inside) == len(trades) else None


def _token_patterns(rule: Rule, tokenizer: Callable[[str], Doc]) -> list[list[dict[str, Any]]]:
    patterns = [[_expand(token) for token in pattern] for pattern in rule.patterns]
    for phrase in rule.phrases:
        patterns.append([{"NORM": fold(t.text)} for t in tokenizer(phrase)])
    return patterns


def _anchor_words(tokens: list[dict[str, Any]]) -> set[str] | None:
    """The smallest set of words one of which every match of the pattern contains, or
    None when no mandatory token names its words.

    A token names its words with NORM, LOWER, ORTH or TEXT given as a string or an IN
    list; other keys on the same token only narrow it further.
    """
    best: set[str] | None = None
    for token in tokens:
        if token.get("OP") not in (None, "+", "1"):
            continue
        for key in ("NORM", "LOWER", "ORTH", "TEXT"):
            words = _named_words(token.get(key))
            if words is None or words & _COMMON:
                continue  # « je », « de »… are in nearly every text: they filter nothing
            if best is None or len(words) < len(best):
                best = words
    return best


def _named_words(value: Any) -> set[str] | None:
    if isinstance(value, str):
        return {fold(value)}
    if isinstance(value, dict) and set(value) == {"IN"}:
        return {fold(str(w)) for w in value["IN"]}
    return None


_COMMON = frozenset(
    "je j' tu t' vous te me m' moi toi le la les l' de d' un une des du au aux et a à est "
    "c' ce ca ça si pas ne n' que qu' on nous il elle pour en mon ma mes ton ta tes votre "
    "vos notre nos son sa ses se s' y , . ! ?".split()
)


def _expand(token: dict[str, Any]) -> dict[str, Any]:
    token = dict(token)
    if FOLD in token:
        value = token.pop(FOLD)
        if isinstance(value, dict):
            value = {
                k: [fold(v) for v in vs] if isinstance(vs, list) else vs for k, vs in value.items()
            }
        else:
            value = fold(value)
        token["NORM"] = value
    return token


def _strip_captures(pattern: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[int, str]]:
    captures = {}
    tokens = []
    for position, token in enumerate(pattern):
        token = dict(token)
        name = token.pop(CAPTURE, None)
        if name:
            captures[position] = str(name)
        tokens.append(token)
    return tokens, captures


def _end_without_space(span: Span) -> int:
    return span.start_char + len(span.text.rstrip())


def _first_line(error: Exception) -> str:
    """spaCy's pattern errors span several lines; keep the ones that say what is wrong."""
    lines = [line.strip(" -") for line in str(error).strip().splitlines() if line.strip()]
    details = [line for line in lines if "[" in line and "]" in line] or lines[:1]
    return " ; ".join(details) or type(error).__name__
