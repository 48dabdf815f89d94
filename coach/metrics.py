"""Classification metrics and the score-side check, with a French text report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from coach.labels import FRENCH, GIVING, LABELS, SELLING


def compute(
    gold: Sequence[str], predicted: Sequence[str], scores: Sequence[float] | None = None
) -> dict[str, Any]:
    from sklearn.metrics import (
        accuracy_score,
        confusion_matrix,
        f1_score,
        precision_recall_fscore_support,
    )

    precision, recall, f1, support = precision_recall_fscore_support(
        gold, predicted, labels=list(LABELS), zero_division=0
    )
    matrix = confusion_matrix(gold, predicted, labels=list(LABELS))
    result: dict[str, Any] = {
        "n": len(gold),
        "accuracy": round(float(accuracy_score(gold, predicted)), 4),
        "macro_f1": round(
            float(f1_score(gold, predicted, labels=list(LABELS), average="macro", zero_division=0)),
            4,
        ),
        "per_label": {
            label: {
                "precision": round(float(precision[i]), 4),
                "recall": round(float(recall[i]), 4),
                "f1": round(float(f1[i]), 4),
                "support": int(support[i]),
            }
            for i, label in enumerate(LABELS)
        },
        "confusion": {
            label: {other: int(matrix[i][j]) for j, other in enumerate(LABELS)}
            for i, label in enumerate(LABELS)
        },
    }
    if scores is not None:
        result["score_side"] = score_side(gold, scores)
    return result


def score_side(gold: Sequence[str], scores: Sequence[float]) -> dict[str, Any]:
    """Share of giving items scored above 50 and selling items below 50."""
    polar = [(g, s) for g, s in zip(gold, scores, strict=True) if g in (GIVING, SELLING)]
    right = sum(1 for g, s in polar if (s > 50) == (g == GIVING) and s != 50)
    return {"n": len(polar), "right_side": round(right / len(polar), 4) if polar else None}


def report(metrics: dict[str, Any]) -> str:
    """The metrics as a short French text table."""
    lines = [
        f"Énoncés évalués : {metrics['n']}",
        f"Exactitude      : {metrics['accuracy']:.3f}",
        f"F1 macro        : {metrics['macro_f1']:.3f}",
    ]
    side = metrics.get("score_side")
    if side and side["right_side"] is not None:
        lines.append(
            f"Bon côté de 50  : {side['right_side']:.3f} "
            f"(sur {side['n']} énoncés « donne » ou « vend »)"
        )
    lines += ["", f"{'étiquette':<10} {'précision':>9} {'rappel':>7} {'F1':>6} {'effectif':>8}"]
    for label, values in metrics["per_label"].items():
        lines.append(
            f"{FRENCH[label]:<10} {values['precision']:>9.3f} {values['recall']:>7.3f} "
            f"{values['f1']:>6.3f} {values['support']:>8}"
        )
    lines += ["", "Matrice de confusion (lignes : attendu, colonnes : prédit)"]
    lines.append(" " * 10 + "".join(f"{FRENCH[label]:>8}" for label in LABELS))
    for label, row in metrics["confusion"].items():
        lines.append(f"{FRENCH[label]:<10}" + "".join(f"{row[other]:>8}" for other in LABELS))
    return "\n".join(lines)
