"""The giving / neutral / selling classifier: features → TF-IDF → linear model.

Training uses scikit-learn (``coach.training``); the shipped model is compiled to
plain numpy arrays, so scoring imports neither scikit-learn nor SciPy and starts
fast. Predictions equal scikit-learn's to floating-point precision (a test checks
it). The model is linear on purpose: every probability can be traced back to the
words that pushed it, which is what the coach shows its users.
"""

from __future__ import annotations

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

    def probabilities(self, decision: np.ndarray) -> np.ndarray:
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


Row = tuple[np.ndarray, np.ndarray]  # a sparse TF-IDF row: (columns, values)


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
        self._derive()

    def _derive(self) -> None:
        """Arrays computed from the heads: not pickled, rebuilt on load."""
        # All heads in one matrix, so that a row is scored with one product.
        self._stacked = np.vstack([h.weights for h in self.heads])
        self._intercepts = np.concatenate([h.intercept for h in self.heads])
        # Weights of (selling − giving) in the decision function, averaged over heads.
        mean = np.mean([h.weights for h in self.heads], axis=0)
        self.direction = mean[LABELS.index(SELLING)] - mean[LABELS.index(GIVING)]

    def __getstate__(self) -> dict:
        derived = {"_stacked", "_intercepts", "direction"}
        return {k: v for k, v in self.__dict__.items() if k not in derived}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._derive()

    def row(self, extraction: Extraction) -> Row:
        """Sparse TF-IDF row: (columns, values), sublinear TF, L2-normalised."""
        vocabulary = self.vocabulary
        columns, counts = [], []
        for name, count in extraction.counts.items():
            column = vocabulary.get(name)
            if column is not None:
                columns.append(column)
                counts.append(count)
        if not columns:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        index = np.array(columns, dtype=np.int64)
        values = (1.0 + np.log(np.array(counts, dtype=np.float64))) * self.idf[index]
        norm = np.sqrt(values @ values)
        return index, values / norm if norm else values

    def probabilities(self, row: Row) -> np.ndarray:
        """Probabilities in ``LABELS`` order for one row."""
        columns, values = row
        decisions = self._stacked[:, columns] @ values + self._intercepts
        classes = len(LABELS)
        return sum(
            head.probabilities(decisions[i * classes : (i + 1) * classes])
            for i, head in enumerate(self.heads)
        ) / len(self.heads)

    def predict_proba(self, extractions: Sequence[Extraction]) -> np.ndarray:
        """Probabilities in ``LABELS`` order, one row per extraction."""
        rows = np.zeros((len(extractions), len(LABELS)))
        for i, extraction in enumerate(extractions):
            rows[i] = self.probabilities(self.row(extraction))
        return rows

    def token_weights(self, extraction: Extraction, row: Row) -> list[TokenWeight]:
        """Each token's share of the span's selling-minus-giving evidence."""
        columns, values = row
        pushed = dict(
            zip(columns.tolist(), (values * self.direction[columns]).tolist(), strict=True)
        )
        vocabulary = self.vocabulary
        totals = extraction.counts
        weights = []
        for token, features in extraction.tokens:
            weight = 0.0
            for name, count in features.items():
                column = vocabulary.get(name)
                if column is not None:
                    weight += pushed.get(column, 0.0) * count / totals[name]
            if weight:
                weights.append(TokenWeight(token.i, weight))
        return weights
