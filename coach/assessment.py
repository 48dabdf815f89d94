"""What the coach says about a text: scores, labels, evidence, findings, suggestions.

Offsets are Python string indices into the assessed text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Suggestion:
    """An edit: replace ``text[start:end]`` with ``text``."""

    start: int
    end: int
    text: str

    def apply(self, text: str) -> str:
        """``text`` with this edit made."""
        if not 0 <= self.start <= self.end <= len(text):
            raise ValueError("suggestion hors du texte évalué")
        return text[: self.start] + self.text + text[self.end :]

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Finding:
    """A rule that matched: where, why (in French) and what to say instead."""

    rule: str
    kind: str  # "selling" (a problem) or "giving" (a strength)
    severity: str  # "suggestion" | "warning" | "error"; strengths are "suggestion"
    start: int
    end: int
    message: str
    suggestions: tuple[Suggestion, ...] = ()
    category: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "kind": self.kind,
            "severity": self.severity,
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "suggestions": [s.to_dict() for s in self.suggestions],
        }


@dataclass(frozen=True)
class Evidence:
    """A word that pushed its sentence toward ``toward`` ("selling" or "giving")."""

    start: int
    end: int
    text: str
    toward: str
    weight: float  # > 0, comparable within one assessment

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "toward": self.toward,
            "weight": round(self.weight, 4),
        }


@dataclass(frozen=True)
class SentenceAssessment:
    text: str
    start: int
    end: int
    score: float
    label: str
    probabilities: dict[str, float]
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 1),
            "label": self.label,
            "probabilities": _rounded(self.probabilities),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class Assessment:
    text: str
    score: float
    label: str
    probabilities: dict[str, float]
    sentences: tuple[SentenceAssessment, ...] = ()
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    warnings: tuple[str, ...] = ()  # in French, e.g. the text does not look French

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """The evidence of every sentence, in text order."""
        return tuple(e for s in self.sentences for e in s.evidence)

    def apply(self, suggestion: Suggestion) -> str:
        """The text with one suggestion applied."""
        return suggestion.apply(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "score": round(self.score, 1),
            "label": self.label,
            "probabilities": _rounded(self.probabilities),
            "sentences": [s.to_dict() for s in self.sentences],
            "findings": [f.to_dict() for f in self.findings],
            "warnings": list(self.warnings),
        }


def _rounded(probabilities: dict[str, float]) -> dict[str, float]:
    return {label: round(p, 4) for label, p in probabilities.items()}
