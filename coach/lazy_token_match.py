"""spaCy's French ``TOKEN_MATCH``, compiled lazily and exactly.

``spacy/lang/fr/tokenizer_exceptions.py`` compiles, at import time, one regular
expression of 1.45 MB: 266 alternatives (``^porte-…$``, ``^entr'…``, ``^x-en-y$``…)
with huge Unicode character classes. That alone takes seconds, on every start.

Every alternative needs a hyphen or an apostrophe, and most start with a literal
word. So this object answers ``match(text)`` the same way (spaCy only uses the
truth of the result) while compiling only the alternatives that could match: a
text without a hyphen or an apostrophe matches nothing, and among the others only
the alternatives whose literal start fits the text are compiled, once each.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# A pattern this long is the French token_match; nothing else in spaCy comes close.
GIANT = 100_000
# Characters one of which every alternative requires (a test checks it).
GATE = frozenset("-–—‐‑'’")
_META = set("[](){}\\.^$|?*+")


def alternatives(pattern: str) -> list[str] | None:
    """Split ``(?flags)(?:a)|(?:b)|…`` into its alternatives, or None if it is not of that form."""
    body = pattern[pattern.index(")") + 1 :] if pattern.startswith("(?") else pattern
    if not (body.startswith("(?:") and body.endswith(")")):
        return None
    parts = body[3:-1].split(")|(?:")
    for part in parts:  # each piece must be a whole group, or the split was wrong
        opened = part.count("(") - part.count("\\(")
        closed = part.count(")") - part.count("\\)")
        if opened != closed:
            return None
    return parts


def literal_prefix(alternative: str) -> str:
    """The lowercase literal text every match of ``^…`` starts with."""
    text = alternative[1:] if alternative.startswith("^") else ""
    prefix = []
    for i, c in enumerate(text):
        following = text[i + 1 : i + 2]
        if c in _META or following in ("?", "*", "{"):
            break
        prefix.append(c)
        if following == "+":
            break
    return "".join(prefix).lower()


class LazyTokenMatch:
    """A stand-in for the compiled pattern: ``.match`` and ``.pattern`` as spaCy uses them."""

    def __init__(self, pattern: str, flags: int, compile: Callable[..., re.Pattern[str]]) -> None:
        self.pattern = pattern  # spaCy serialises token_match through .pattern
        self.flags = flags
        self._compile = compile
        inline = pattern[: pattern.index(")") + 1] if pattern.startswith("(?") else ""
        self._inline = inline
        self._by_start: dict[str, list[tuple[str, str]]] = {}
        self._anywhere: list[tuple[str, str]] = []
        parts = alternatives(pattern)
        self._gated = parts is not None  # an unexpected shape: compile it whole, on first use
        for alternative in parts or []:
            prefix = literal_prefix(alternative)
            bucket = self._by_start.setdefault(prefix[0], []) if prefix else self._anywhere
            bucket.append((prefix, alternative))
        self._compiled: dict[str, re.Pattern[str]] = {}

    def _regex(self, alternative: str) -> re.Pattern[str]:
        regex = self._compiled.get(alternative)
        if regex is None:
            regex = self._compile(self._inline + alternative, self.flags)
            self._compiled[alternative] = regex
        return regex

    def match(self, text: str, *args: Any) -> re.Match[str] | None:
        if args or not self._gated:
            return self._full().match(text, *args)
        if not GATE.intersection(text):
            return None
        lowered = text.lower()
        for prefix, alternative in [*self._by_start.get(lowered[:1], ()), *self._anywhere]:
            if lowered.startswith(prefix):
                found = self._regex(alternative).match(text)
                if found:
                    return found
        return None

    def _full(self) -> re.Pattern[str]:
        return self._regex(self.pattern[len(self._inline) :])


@contextmanager
def lazy_giant_patterns() -> Iterator[None]:
    """While active, ``re.compile`` of a giant pattern returns a ``LazyTokenMatch``."""
    original = re.compile

    def compile(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and len(pattern) > GIANT:
            return LazyTokenMatch(pattern, flags, original)
        return original(pattern, flags)

    re.compile = compile  # type: ignore[assignment]
    try:
        yield
    finally:
        re.compile = original  # type: ignore[assignment]
