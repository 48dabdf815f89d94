"""Text output of ``coach score``: linter-style lines, highlights, a score histogram."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TextIO

from coach.assessment import Assessment
from coach.labels import FRENCH, GIVING, SELLING

RED, GREEN, BOLD, DIM, UNDERLINE, RESET = (
    "\033[31m",
    "\033[32m",
    "\033[1m",
    "\033[2m",
    "\033[4m",
    "\033[0m",
)
HISTOGRAM_WIDTH = 30


def use_colour(stream: TextIO) -> bool:
    """Colour on a terminal, unless NO_COLOR is set (https://no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


class TextRenderer:
    def __init__(self, stream: TextIO, colour: bool) -> None:
        self.stream = stream
        self.colour = colour

    def _paint(self, text: str, *codes: str) -> str:
        return "".join(codes) + text + RESET if self.colour else text

    def unit(self, source: str, line: int, column: int, assessment: Assessment) -> None:
        p = assessment.probabilities
        label_colour = {SELLING: RED, GIVING: GREEN}.get(assessment.label, DIM)
        self.stream.write(
            f"{self._paint(f'{source}:{line}:{column}', BOLD)}: "
            f"{assessment.score:.0f}/100 {self._paint(FRENCH[assessment.label], label_colour)} "
            f"(donne {p[GIVING]:.0%} · neutre {p['neutral']:.0%} · vend {p[SELLING]:.0%})\n"
        )
        text = assessment.text
        for sentence in assessment.sentences:
            s_line, s_column = _position(text, sentence.start, line, column)
            self.stream.write(
                f"  {f'{s_line}:{s_column}':<7} {sentence.score:>3.0f} "
                f"{FRENCH[sentence.label]:<6} {self._highlight(text, sentence)}\n"
            )
            selling = [e.text for e in sentence.evidence if e.toward == SELLING]
            if selling and sentence.label == SELLING:
                words = ", ".join(f"« {w} »" for w in selling)
                self.stream.write(f"{'':>21}{self._paint('ce qui vend :', DIM)} {words}\n")
        for finding in assessment.findings:
            f_line, f_column = _position(text, finding.start, line, column)
            self.stream.write(
                f"  {f'{f_line}:{f_column}':<7} {finding.severity} [{finding.rule}] "
                f"{finding.message}\n"
            )
            if finding.suggestions:
                self.stream.write(f"{'':>21}→ {finding.suggestions[0].text}\n")

    def _highlight(self, text: str, sentence) -> str:
        pieces = []
        cursor = sentence.start
        for evidence in sentence.evidence:
            if evidence.toward == SELLING and sentence.label != GIVING:
                pieces.append(text[cursor : evidence.start])
                pieces.append(self._paint(text[evidence.start : evidence.end], RED, UNDERLINE))
                cursor = evidence.end
        pieces.append(text[cursor : sentence.end])
        return " ".join("".join(pieces).split())

    def summary(self, scores: Sequence[float], labels: Sequence[str]) -> None:
        count = len(scores)
        if count < 2:
            return
        mean = sum(scores) / count
        tally = ", ".join(f"{labels.count(k)} {FRENCH[k]}" for k in (GIVING, "neutral", SELLING))
        self.stream.write(f"\n{count} unités · score moyen {mean:.0f}/100 · {tally}\n")
        self.stream.write(histogram(scores, self._paint) + "\n")


def histogram(scores: Sequence[float], paint=lambda text, *codes: text) -> str:
    """Score distribution in five bands, drawn with block characters."""
    bands = [0] * 5
    for score in scores:
        bands[min(4, int(score // 20))] += 1
    top = max(bands) or 1
    rows = ["Répartition des scores"]
    for index, count in enumerate(bands):
        low, high = index * 20, index * 20 + 20
        bar = "█" * round(count / top * HISTOGRAM_WIDTH) if count else ""
        colour = RED if index < 2 else GREEN if index > 2 else DIM
        rows.append(f"  {low:>3}–{high:<3} {paint(bar, colour)} {count}")
    return "\n".join(rows)


def _position(text: str, offset: int, line: int, column: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in a unit starting at (line, column)."""
    before = text[:offset]
    newlines = before.count("\n")
    if newlines == 0:
        return line, column + offset
    return line + newlines, offset - before.rfind("\n")
