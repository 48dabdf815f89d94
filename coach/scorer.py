"""Scoring: a parsed Doc in, an ``Assessment`` out; and ``Coach``, which also parses."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span, Token

from coach import features, labels, language, modelstore
from coach.assessment import Assessment, Evidence, SentenceAssessment
from coach.classifier import Row
from coach.errors import InputError
from coach.resources import models_dir
from coach.rules.engine import RuleEngine

# Evidence shown per sentence and direction, and the share of the sentence's
# strongest push a word needs to be shown at all.
EVIDENCE_PER_SIDE = 4
EVIDENCE_MIN_SHARE = 0.2

# What one message, note or email can be; spaCy's own default limit. Longer input is
# refused with a clear message rather than parsed for minutes.
MAX_TEXT_CHARS = 1_000_000

_NOTHING = {labels.GIVING: 0.0, labels.NEUTRAL: 1.0, labels.SELLING: 0.0}


class DocScorer:
    """The trained classifier and the rules applied to spaCy Docs; parses nothing itself."""

    def __init__(self, model_dir: Path | str | None, rules: RuleEngine | None) -> None:
        self.model, self.manifest = modelstore.load(Path(model_dir or models_dir()))
        self.rules = rules

    def assess_docs(self, docs: Iterable[Doc]) -> list[Assessment]:
        return [self.assess_doc(doc) for doc in docs]

    def assess_doc(self, doc: Doc) -> Assessment:
        whole = features.extract(doc)
        whole_row = self.model.row(whole)
        whole_p = _probabilities(self.model.probabilities(whole_row), whole)
        assessed = []
        for span in _sentences(doc):
            if span.start == 0 and span.end == len(doc):  # one sentence: the same features
                extraction, row, probabilities = whole, whole_row, whole_p
            else:
                extraction = features.extract(span)
                row = self.model.row(extraction)
                probabilities = _probabilities(self.model.probabilities(row), extraction)
            assessed.append(
                SentenceAssessment(
                    text=span.text,
                    start=span.start_char,
                    end=span.end_char,
                    score=labels.score(probabilities),
                    label=labels.best(probabilities),
                    probabilities=probabilities,
                    evidence=self._evidence(doc, extraction, row),
                )
            )
        return Assessment(
            text=doc.text,
            score=labels.score(whole_p),
            label=labels.best(whole_p),
            probabilities=whole_p,
            sentences=tuple(assessed),
            findings=tuple(self.rules.find(doc, _pitch(assessed))) if self.rules else (),
            warnings=tuple(w for w in [language.warning(doc.text)] if w),
        )

    def _evidence(
        self, doc: Doc, extraction: features.Extraction, row: Row
    ) -> tuple[Evidence, ...]:
        weights = [
            w for w in self.model.token_weights(extraction, row) if _shows_as_evidence(doc[w.index])
        ]
        if not weights:
            return ()
        strongest = max(abs(w.weight) for w in weights)
        chosen = []
        for toward, sign in ((labels.SELLING, 1.0), (labels.GIVING, -1.0)):
            side = sorted(
                (w for w in weights if sign * w.weight >= EVIDENCE_MIN_SHARE * strongest),
                key=lambda w: -sign * w.weight,
            )
            for w in side[:EVIDENCE_PER_SIDE]:
                token = doc[w.index]
                chosen.append(
                    Evidence(
                        start=token.idx,
                        end=token.idx + len(token.text),
                        text=token.text,
                        toward=toward,
                        weight=abs(w.weight),
                    )
                )
        return tuple(sorted(chosen, key=lambda e: e.start))


# Function words carry weight in the model but mean nothing to a reader.
_FUNCTION_WORDS = frozenset(
    "le la les l' un une des du de d' à a au aux en et ou mais que qu' qui ce cet cette ces "
    "se s' ne n' pas y si ni car donc or par pour sur dans avec sans sous chez vers -ce -t -il".split()
)


def _shows_as_evidence(token: Token) -> bool:
    return features.fold(token.text) not in _FUNCTION_WORDS and any(
        c.isalnum() or c in "€$%" for c in token.text
    )


def _pitch(sentences: list[SentenceAssessment]) -> frozenset[int]:
    """Start offsets of the sentences read as selling, when the text has several."""
    if len(sentences) < 2:
        return frozenset()
    return frozenset(s.start for s in sentences if s.label == labels.SELLING)


def _sentences(doc: Doc) -> list[Span]:
    return [span for span in doc.sents if not span.text.isspace()] if len(doc) else []


def _probabilities(row: np.ndarray, extraction: features.Extraction) -> dict[str, float]:
    if not any(not token.is_punct for token, _ in extraction.tokens):
        return dict(_NOTHING)  # no word at all: nothing to judge
    total = float(sum(row))
    return {label: float(p) / total for label, p in zip(labels.LABELS, row, strict=True)}


class Coach:
    """Parser, classifier and rules loaded once; safe to share between threads.

    ``rules`` adds YAML rule files or folders to the built-in catalogue;
    ``disabled`` names rules to skip; ``min_severity`` drops findings below it.
    """

    def __init__(
        self,
        model_dir: Path | str | None = None,
        *,
        rules: Iterable[Path | str] = (),
        disabled: Iterable[str] = (),
        min_severity: str = "suggestion",
    ) -> None:
        from coach import nlp

        self.nlp = nlp.load()
        engine = RuleEngine(
            self.nlp, [Path(p) for p in rules], disabled=disabled, min_severity=min_severity
        )
        self.scorer = DocScorer(model_dir, engine)
        self._parse_lock = threading.Lock()

    @property
    def manifest(self) -> dict[str, Any]:
        return self.scorer.manifest

    def assess(self, text: str) -> Assessment:
        _check_text(text)
        with self._parse_lock:
            doc = self.nlp(text)
        return self.scorer.assess_doc(doc)

    def assess_many(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Assessment]:
        """Assess texts lazily, parsing them in batches with ``nlp.pipe``."""
        iterator = iter(texts)
        while batch := list(islice(iterator, batch_size)):
            for text in batch:
                _check_text(text)
            with self._parse_lock:
                docs = list(self.nlp.pipe(batch, batch_size=batch_size))
            yield from self.scorer.assess_docs(docs)


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise TypeError(
            f"coach attend un texte (str), pas {type(text).__name__}. "
            "Décodez d'abord les octets, par exemple avec data.decode('utf-8')."
        )
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(too_long(len(text)))


def too_long(length: int) -> str:
    return (
        f"texte trop long : {length:,} caractères pour un maximum de {MAX_TEXT_CHARS:,} ; "
        "découpez-le (coach score --each line ou --each paragraph)."
    ).replace(",", " ")
