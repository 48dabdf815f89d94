"""coach — a French networking conversation coach: réseauter n'est pas vendre.

>>> import coach
>>> a = coach.assess("Bonjour, je vends des assurances, ça vous intéresse ?")
>>> a.label
'selling'

``Coach`` (and spaCy behind it) is imported on first use, so that the command line
and the practice app start fast.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from coach.assessment import Assessment, Evidence, Finding, SentenceAssessment, Suggestion
from coach.errors import CoachError, DataError, InputError, ModelError

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    if name == "Coach":
        from coach.scorer import Coach

        return Coach
    raise AttributeError(f"module 'coach' has no attribute {name!r}")


def assess(text: str) -> Assessment:
    """Assess one text with a shared ``Coach`` created on first use."""
    global _default
    with _default_lock:
        if _default is None:
            from coach.scorer import Coach

            _default = Coach()
    return _default.assess(text)
