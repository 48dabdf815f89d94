"""The giving / neutral / selling classifier: features → TF-IDF → linear model.

Training uses scikit-learn (``coach.training``); the shipped model is compiled to
plain numpy arrays, so scoring imports neither scikit-learn nor SciPy and starts
fast. Predictions equal scikit-learn's to floating-point precision (a test checks
it). The model is linear on purpose: every probability can be traced back to the
words that pushed it, which is what the coach shows its users.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from coach.features import Extraction
from coach.labels import GIVING, LABELS, SELLING


@dataclass(frozen=True)
class Head:
    """One linear scorer. With ``calibration`` (a, b per class): one-vs-rest sigmoid
    calibration, normalised over classes; without: a softmax over classes."""

    weights: np.ndarray  # (classes, features)
    intercept: np.ndarray  # (classes,)
    calibration: tuple[np.ndarray, np.ndarray] | None = None

    def probabilities(self, columns: np.ndarray, values: np.ndarray) -> np.ndarray:
        decision = self.weights[:, columns] @ values + self.intercept
        if self.calibration is None:
            exp = np.exp(decision - decision.max())
            return exp / exp.sum()
        a, b = self.calibration
        proba = 1.0 / (1.0 + np.exp(a * decision + b))
        total = proba.sum()
        if total == 0:
            return np.full_like(proba, 1.0 / len(proba))
        proba = proba / total
        proba[(proba > 1.0) & (proba <= 1.0 + 1e-5)] = 1.0
        return proba


@dataclass(frozen=True)
class TokenWeight:
    """How much one token pushed its span toward selling (> 0) or giving (< 0)."""

    index: int  # token index in the Doc
    weight: float


class LinearCoachModel:
    """Vocabulary, IDF weights and linear heads; probabilities in ``LABELS`` order."""

    def __init__(
        self,
        family: str,
        vocabulary: dict[str, int],
        idf: np.ndarray,
        heads: Sequence[Head],
        classes: Sequence[str],
    ) -> None:
        self.family = family
        self.vocabulary = vocabulary
        self.idf = idf
        self.heads = tuple(heads)
        order = [list(classes).index(label) for label in LABELS]
        self.heads = tuple(
            Head(
                h.weights[order],
                h.intercept[order],
                None
                if h.calibration is None
                else (h.calibration[0][order], h.calibration[1][order]),
            )
            for h in heads
        )
        # Weights of (selling − giving) in the decision function, averaged over heads.
        mean = np.mean([h.weights for h in self.heads], axis=0)
        self.direction = mean[LABELS.index(SELLING)] - mean[LABELS.index(GIVING)]

    def _row(self, extraction: Extraction) -> tuple[np.ndarray, np.ndarray]:
        """Sparse TF-IDF row: (columns, values), sublinear TF, L2-normalised."""
        pairs = sorted(
            (self.vocabulary[name], count)
            for name, count in extraction.total().items()
            if name in self.vocabulary and count > 0
        )
        if not pairs:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        columns = np.fromiter((c for c, _ in pairs), dtype=np.int64, count=len(pairs))
        values = np.fromiter(
            (1.0 + math.log(n) for _, n in pairs), dtype=np.float64, count=len(pairs)
        )
        values *= self.idf[columns]
        norm = np.sqrt(values @ values)
        return columns, values / norm if norm else values

    def predict_proba(self, extractions: Sequence[Extraction]) -> np.ndarray:
        """Probabilities in ``LABELS`` order, one row per extraction."""
        rows = np.zeros((len(extractions), len(LABELS)))
        for i, extraction in enumerate(extractions):
            columns, values = self._row(extraction)
            rows[i] = sum(h.probabilities(columns, values) for h in self.heads) / len(self.heads)
        return rows

    def token_weights(self, extraction: Extraction) -> list[TokenWeight]:
        """Each token's share of the span's selling-minus-giving evidence."""
        columns, values = self._row(extraction)
        value_of = dict(zip(columns.tolist(), values.tolist(), strict=True))
        totals = extraction.total()
        weights = []
        for token, features in extraction.tokens:
            weight = 0.0
            for name, count in features.items():
                column = self.vocabulary.get(name)
                if column is not None and column in value_of:
                    weight += value_of[column] * self.direction[column] * count / totals[name]
            if weight:
                weights.append(TokenWeight(token.i, weight))
        return weights
