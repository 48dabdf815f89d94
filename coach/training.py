"""``coach train``: rebuild the shipped model from ``data/dialogues``, reproducibly."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from coach import dataset, features, labels, metrics, modelstore
from coach.classifier import Head, LinearCoachModel
from coach.progress import Progress

FOLDS = 5
SEED = 0
FAMILIES = ("logistic_regression", "linear_svm_calibrated")  # compared by cross-validation


def estimator(family: str):
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    if family == "logistic_regression":
        return LogisticRegression(C=8.0, max_iter=5000, class_weight="balanced")
    return CalibratedClassifierCV(
        LinearSVC(C=2.0, class_weight="balanced", max_iter=20000, random_state=SEED),
        method="sigmoid",
        cv=5,
    )


def fit(
    family: str, extractions: Sequence[features.Extraction], gold: Sequence[str]
) -> tuple[LinearCoachModel, tuple[Any, Any, Any]]:
    """Fit vectorizer, TF-IDF and classifier with scikit-learn; compile them to numpy.

    Returns the compiled model and the scikit-learn (vectorizer, tfidf, classifier).
    """
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfTransformer

    vectorizer = DictVectorizer()
    tfidf = TfidfTransformer(sublinear_tf=True)
    matrix = tfidf.fit_transform(vectorizer.fit_transform([e.counts for e in extractions]))
    classifier = estimator(family).fit(matrix, list(gold))
    if isinstance(classifier, CalibratedClassifierCV):
        heads = [
            Head(
                c.estimator.coef_,
                c.estimator.intercept_,
                (
                    np.array([k.a_ for k in c.calibrators]),
                    np.array([k.b_ for k in c.calibrators]),
                ),
            )
            for c in classifier.calibrated_classifiers_
        ]
    else:
        heads = [Head(classifier.coef_, classifier.intercept_)]
    return LinearCoachModel(
        family, dict(vectorizer.vocabulary_), tfidf.idf_, heads, list(classifier.classes_)
    ), (vectorizer, tfidf, classifier)


def extract_texts(texts: Sequence[str], label: str) -> list[features.Extraction]:
    """Parse and featurize texts, with progress on a terminal."""
    from coach import nlp

    pipeline = nlp.load()
    extractions = []
    with Progress(label, len(texts)) as progress:
        for doc in pipeline.pipe(texts, batch_size=128):
            extractions.append(features.extract(doc))
            progress.advance()
    return extractions


def cross_validate(
    family: str, extractions: Sequence[features.Extraction], gold: Sequence[str]
) -> tuple[dict[str, Any], list[str]]:
    """Stratified k-fold predictions for one model family; metrics and predictions."""
    from sklearn.model_selection import StratifiedKFold

    predicted = [""] * len(gold)
    scores = [0.0] * len(gold)
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    with Progress(f"Validation croisée ({family})", FOLDS) as progress:
        for train_index, test_index in folds.split(extractions, gold):
            model, _ = fit(
                family, [extractions[i] for i in train_index], [gold[i] for i in train_index]
            )
            rows = model.predict_proba([extractions[i] for i in test_index])
            for i, row in zip(test_index, rows, strict=True):
                probabilities = dict(zip(labels.LABELS, map(float, row), strict=True))
                predicted[i] = labels.best(probabilities)
                scores[i] = labels.score(probabilities)
            progress.advance()
    return metrics.compute(gold, predicted, scores), predicted


def evaluate_model(
    model: LinearCoachModel, extractions: Sequence[features.Extraction], gold: Sequence[str]
) -> dict[str, Any]:
    rows = model.predict_proba(extractions)
    probabilities = [dict(zip(labels.LABELS, map(float, row), strict=True)) for row in rows]
    return metrics.compute(
        gold, [labels.best(p) for p in probabilities], [labels.score(p) for p in probabilities]
    )


def train(data_root: Path, output: Path) -> dict[str, Any]:
    """Compare the model families, fit the best on all training data, save it."""
    train_set = dataset.load_split(dataset.TRAIN, data_root)
    heldout_set = dataset.load_split(dataset.HELDOUT, data_root)
    gold = [u.label for u in train_set]
    extractions = extract_texts([u.text for u in train_set], "Analyse des énoncés")

    comparison = {family: cross_validate(family, extractions, gold)[0] for family in FAMILIES}
    best = max(comparison, key=lambda family: comparison[family]["macro_f1"])
    model, _ = fit(best, extractions, gold)

    heldout = evaluate_model(
        model,
        extract_texts([u.text for u in heldout_set], "Analyse du jeu réservé"),
        [u.label for u in heldout_set],
    )
    manifest = {
        "family": best,
        "data_sha256": dataset.fingerprint(dataset.split_files(dataset.TRAIN, data_root)),
        "heldout_sha256": dataset.fingerprint(dataset.split_files(dataset.HELDOUT, data_root)),
        "training": {
            "utterances": len(train_set),
            "labels": dict(sorted(Counter(gold).items())),
            "folds": FOLDS,
            "seed": SEED,
        },
        "metrics": {"cross_validation": comparison, "heldout": heldout},
    }
    return modelstore.save(model, output, manifest)
