"""Where the shipped model and the dialogue data live.

In a checkout (or an editable install) they are the top-level ``models/`` and
``data/dialogues/`` folders; in an installed wheel they travel inside the package
as ``coach/_bundle/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_BUNDLE = _PACKAGE / "_bundle"
_CHECKOUT = _PACKAGE.parent


def models_dir() -> Path:
    """The folder of the shipped model and its manifest."""
    bundled = _BUNDLE / "models"
    return bundled if bundled.is_dir() else _CHECKOUT / "models"


def dialogues_dir() -> Path:
    """The folder of labelled utterances and practice scenarios."""
    bundled = _BUNDLE / "dialogues"
    return bundled if bundled.is_dir() else _CHECKOUT / "data" / "dialogues"
