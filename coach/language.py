"""A cheap check that a text is French: the model is trained for French only."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
FRENCH = frozenset(
    "le la les de des du un une et est je j tu vous nous il elle on pour pas que qui dans sur avec "
    "ce ça ca mais ou mon ma mes ton ta tes votre vos notre au aux en se sa son c qu d l n m t "
    "suis es sont fait bonjour salut merci oui non très tres bien".split()
)
ENGLISH = frozenset(
    "the and is are you to of for with this that i we it in on my your be have has do does not but "
    "hello hi thanks what how can will would our they their an at as".split()
)
NOT_FRENCH = "Ce texte ne semble pas être en français : le coach est fait pour le français, son score est peu fiable."
ENGLISH_TEXT = "Ce texte semble être en anglais : le coach est fait pour le français, son score est peu fiable."


def warning(text: str) -> str | None:
    """A French warning when the text looks like English or has no Latin letters at all."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return None
    latin = sum(1 for w in words if w.isascii() or any("à" <= c <= "ÿ" for c in w))
    if latin < len(words) / 2:
        return NOT_FRENCH
    french = sum(w in FRENCH for w in words)
    english = sum(w in ENGLISH for w in words)
    if english >= 2 and english > 2 * french:
        return ENGLISH_TEXT
    return None
