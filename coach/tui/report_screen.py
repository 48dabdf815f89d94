"""The end-of-session report, with a Markdown export."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown, Static

from coach.practice.report import Report


class ReportScreen(Screen):
    BINDINGS = [
        Binding("e", "export", "Exporter en Markdown"),
        Binding("escape", "close", "Retour"),
        Binding("q", "close", "Retour", show=False),
    ]

    def __init__(self, report: Report, export_dir: Path) -> None:
        super().__init__()
        self.report = report
        self.export_dir = export_dir
        self.exported: Path | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        # Markdown renders the report; user text inside it is escaped by the Markdown
        # parser as text, never interpreted as Textual markup.
        yield Markdown(self.report.to_markdown(), id="report")
        yield Static(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Rapport de séance"
        self.sub_title = self.report.title
        self.app.refresh_status()  # type: ignore[attr-defined]

    def action_export(self) -> None:
        name = f"coach-{datetime.now():%Y%m%d-%H%M%S}.md"
        path = self.export_dir / name
        try:
            self.export_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(self.report.to_markdown(), encoding="utf-8")
        except OSError as error:
            self.notify(f"Export impossible : {error.strerror} ({path})", severity="error")
            return
        self.exported = path
        self.notify(f"Rapport exporté : {path}")

    def action_close(self) -> None:
        self.app.pop_screen()
