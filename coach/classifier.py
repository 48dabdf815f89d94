"""The giving / neutral / selling classifier: features → TF-IDF → a linear model.

The model is linear on purpose: every probability can be traced back to the words
that pushed it, which is what the coach shows its users.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.base import ClassifierMixin, clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

from coach.features import Extraction
from coach.labels import GIVING, LABELS, SELLING

# The families compared at training time; the best by cross-validated macro-F1 ships.
FAMILIES: dict[str, ClassifierMixin] = {
    "logistic_regression": LogisticRegression(C=8.0, max_iter=5000, class_weight="balanced"),
    "linear_svm_calibrated": CalibratedClassifierCV(
        LinearSVC(C=1.0, class_weight="balanced", max_iter=20000, random_state=0),
        method="sigmoid",
        cv=5,
    ),
}


@dataclass(frozen=True)
class TokenWeight:
    """How much one token pushed its span toward selling (> 0) or giving (< 0)."""

    index: int  # token index in the Doc
    weight: float


class LinearCoachModel:
    """A fitted vectorizer and linear classifier over ``features.Extraction`` objects."""

    def __init__(self, family: str) -> None:
        self.family = family
        self.vectorizer = DictVectorizer()
        self.tfidf = TfidfTransformer(sublinear_tf=True)
        self.estimator: ClassifierMixin = clone(FAMILIES[family])
        self.direction: np.ndarray = np.zeros(0)

    def fit(self, extractions: Sequence[Extraction], labels: Sequence[str]) -> LinearCoachModel:
        counts = self.vectorizer.fit_transform([e.total() for e in extractions])
        matrix = self.tfidf.fit_transform(counts)
        self.estimator.fit(matrix, list(labels))
        self.direction = self._selling_direction()
        return self

    def _matrix(self, extractions: Sequence[Extraction]):
        return self.tfidf.transform(self.vectorizer.transform([e.total() for e in extractions]))

    def predict_proba(self, extractions: Sequence[Extraction]) -> np.ndarray:
        """Probabilities in ``LABELS`` order, one row per extraction."""
        if not extractions:
            return np.zeros((0, len(LABELS)))
        probabilities = self.estimator.predict_proba(self._matrix(extractions))
        order = [list(self.estimator.classes_).index(label) for label in LABELS]
        return probabilities[:, order]

    def token_weights(self, extraction: Extraction) -> list[TokenWeight]:
        """Each token's share of the span's selling-minus-giving evidence."""
        row = self._matrix([extraction]).tocsr()
        value_of = dict(zip(row.indices, row.data, strict=True))
        vocabulary = self.vectorizer.vocabulary_
        totals = extraction.total()
        weights = []
        for token, features in extraction.tokens:
            weight = 0.0
            for name, count in features.items():
                column = vocabulary.get(name)
                if column is not None and column in value_of:
                    weight += value_of[column] * self.direction[column] * count / totals[name]
            if weight:
                weights.append(TokenWeight(token.i, weight))
        return weights

    def _selling_direction(self) -> np.ndarray:
        """Weights of (selling − giving) in the linear decision function."""
        if isinstance(self.estimator, CalibratedClassifierCV):
            coefs = np.mean(
                [c.estimator.coef_ for c in self.estimator.calibrated_classifiers_], axis=0
            )
        else:
            coefs = self.estimator.coef_
        classes = list(self.estimator.classes_)
        return coefs[classes.index(SELLING)] - coefs[classes.index(GIVING)]
