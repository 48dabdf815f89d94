"""coach — a French networking conversation coach: réseauter n'est pas vendre.

>>> import coach
>>> a = coach.assess("Bonjour, je vends des assurances, ça vous intéresse ?")
>>> a.label
'selling'
"""

from __future__ import annotations

import threading

from coach.assessment import Assessment, Evidence, Finding, SentenceAssessment, Suggestion
from coach.errors import CoachError, DataError, InputError, ModelError
from coach.scorer import Coach

__all__ = [
    "Assessment",
    "Coach",
    "CoachError",
    "DataError",
    "Evidence",
    "Finding",
    "InputError",
    "ModelError",
    "SentenceAssessment",
    "Suggestion",
    "assess",
]

_default: Coach | None = None
_default_lock = threading.Lock()


def assess(text: str) -> Assessment:
    """Assess one text with a shared ``Coach`` created on first use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Coach()
    return _default.assess(text)
