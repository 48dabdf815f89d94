"""Widgets of the practice chat: the draft, gauges, chat bubbles, highlighted text.

Every piece of user text goes through ``textual.content.Content`` so that markup-like
input (``[bold]``, ``[/]``) shows literally.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Static, TextArea

from coach.assessment import Assessment
from coach.labels import FRENCH, GIVING, SELLING

BAR_CELLS = 20
LABEL_STYLE = {GIVING: "bold $success", SELLING: "bold $error", "neutral": "bold $warning"}


class Draft(TextArea):
    """The message being written: Enter sends, Ctrl+J or Shift+Enter starts a new line."""

    BINDINGS = [
        Binding("enter", "submit", "Envoyer", priority=True),
        Binding("ctrl+j", "newline", "Nouvelle ligne"),
    ]

    class Submitted(Message):
        def __init__(self, draft: Draft, text: str) -> None:
            super().__init__()
            self.draft = draft
            self.text = text

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self, self.text))

    def action_newline(self) -> None:
        self.insert("\n")

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "shift+enter":
            event.stop()
            event.prevent_default()
            self.insert("\n")
            return
        await super()._on_key(event)


def bar(value: float, cells: int = BAR_CELLS) -> str:
    filled = round(max(0.0, min(100.0, value)) / 100 * cells)
    return "█" * filled + "░" * (cells - filled)


class Gauge(Static):
    """A labelled 0–100 bar: the relationship meter, or the last turn's score."""

    def __init__(self, title: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.title = title
        self.value: float | None = None

    def set(self, value: float | None, style: str = "$accent", caption: str = "") -> None:
        self.value = value
        if value is None:
            self.update(Content.assemble((self.title, "bold"), " —"))
            return
        self.update(
            Content.assemble(
                (f"{self.title} ", "bold"),
                (bar(value), style),
                f" {value:.0f}/100",
                (f"  {caption}" if caption else "", style),
            )
        )


def highlighted(assessment: Assessment) -> Content:
    """The assessed text with the words that sell underlined in red, and those that give in green."""
    content = Content(assessment.text)
    for sentence in assessment.sentences:
        for evidence in sentence.evidence:
            if evidence.toward == SELLING and sentence.label != GIVING:
                content = content.stylize("bold $error underline", evidence.start, evidence.end)
            elif evidence.toward == GIVING and sentence.label == GIVING:
                content = content.stylize("$success", evidence.start, evidence.end)
    for finding in assessment.findings:
        if finding.kind == SELLING:
            content = content.stylize("$error underline", finding.start, finding.end)
    return content


def label_content(assessment: Assessment) -> Content:
    return Content.styled(FRENCH[assessment.label], LABEL_STYLE[assessment.label])


class Bubble(Static):
    """One chat message: who speaks, then their words, taken literally."""

    def __init__(self, who: str, text: str, mine: bool) -> None:
        super().__init__(
            Content.assemble((f"{who} : ", "bold"), text), classes="mine" if mine else "theirs"
        )
