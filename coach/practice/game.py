"""The conversation game: a relationship meter moved by how much each turn gives.

Giving turns warm the counterpart up (they share more, ask back, and in the end
offer an introduction or an invitation); selling turns cool them down (they
deflect, and in the end leave politely); neutral turns keep the talk going.
Replies are deterministic for a given seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from coach.assessment import Assessment
from coach.practice.scenarios import Scenario

START_METER = 40.0
WIN_METER = 80.0
LOSE_METER = 10.0
MIN_TURNS_TO_WIN = 3
MAX_TURNS = 12
# A turn moves the meter by (score − 50) × SWING / 50: +SWING for a fully giving
# turn, −SWING for a fully selling one. Neutral turns add a little warmth.
SWING = 20.0
NEUTRAL_WARMTH = 3.0

SUCCESS, FAILURE, UNFINISHED = "success", "failure", "unfinished"


@dataclass(frozen=True)
class Turn:
    number: int  # 1-based
    text: str
    score: float
    label: str
    meter: float  # after this turn
    reply: str


@dataclass
class Game:
    scenario: Scenario
    seed: int
    meter: float = START_METER
    turns: list[Turn] = field(default_factory=list)
    outcome: str | None = None
    opening: str = ""

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)
        self.opening = self._random.choice(self.scenario.lines["opening"])
        self._used = {"giving": 0, "neutral": 0, "selling": 0}

    @property
    def over(self) -> bool:
        return self.outcome is not None

    def play(self, text: str, assessment: Assessment) -> Turn:
        """Record the player's turn, move the meter, and return the counterpart's reply."""
        if self.over:
            raise RuntimeError("la partie est terminée")
        label = assessment.label
        delta = (assessment.score - 50.0) * SWING / 50.0
        if label == "neutral":
            delta = max(delta, 0.0) + NEUTRAL_WARMTH
        self.meter = min(100.0, max(0.0, self.meter + delta))
        number = len(self.turns) + 1
        self.outcome = self._outcome(number, label)
        reply = self._reply(label)
        turn = Turn(number, text, assessment.score, label, round(self.meter, 1), reply)
        self.turns.append(turn)
        return turn

    def finish(self) -> None:
        """The player leaves before the end."""
        if not self.over:
            self.outcome = UNFINISHED

    def _outcome(self, number: int, label: str) -> str | None:
        two_selling = label == "selling" and bool(self.turns) and self.turns[-1].label == "selling"
        if self.meter <= LOSE_METER or two_selling:
            return FAILURE
        if self.meter >= WIN_METER and number >= MIN_TURNS_TO_WIN:
            return SUCCESS
        if number >= MAX_TURNS:
            return UNFINISHED
        return None

    def _reply(self, label: str) -> str:
        if self.outcome in (SUCCESS, FAILURE):
            return self._random.choice(self.scenario.lines[self.outcome])
        lines = self.scenario.lines[label]
        line = lines[self._used[label] % len(lines)]
        self._used[label] += 1
        return line
