"""The three labels and how probabilities become a score."""

from __future__ import annotations

from collections.abc import Mapping

GIVING = "giving"
NEUTRAL = "neutral"
SELLING = "selling"
LABELS: tuple[str, ...] = (GIVING, NEUTRAL, SELLING)

FRENCH = {GIVING: "donne", NEUTRAL: "neutre", SELLING: "vend"}


def score(probabilities: Mapping[str, float]) -> float:
    """0–100: 100 fully giving, 0 fully selling, 50 neutral."""
    value = 50.0 * (1.0 + probabilities[GIVING] - probabilities[SELLING])
    return min(100.0, max(0.0, value))


def best(probabilities: Mapping[str, float]) -> str:
    """The most probable label; ties go to neutral."""
    return max(LABELS, key=lambda label: (probabilities[label], label == NEUTRAL))
