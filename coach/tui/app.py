"""The practice app: scenario picker, chat, report, history and progress screens.

The model loads in a background thread at start-up; the scenario picker is usable at
once and a status line says when the coach is ready.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from coach.assessment import Assessment
from coach.practice import report, scenarios
from coach.practice.game import Turn
from coach.practice.store import SessionStore
from coach.tui.chat import ChatScreen
from coach.tui.history import HistoryScreen, ProgressScreen
from coach.tui.home import HomeScreen
from coach.tui.quit_screen import ExportBeforeQuit
from coach.tui.report_screen import ReportScreen

if TYPE_CHECKING:
    from coach.scorer import Coach


class CoachApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "Coach"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quitter", priority=True),
        Binding("ctrl+t", "toggle_theme", "Thème"),
        Binding("ctrl+p", "command_palette", "Commandes", show=False, priority=True),
    ]

    def __init__(
        self,
        store_path: Path | None = None,
        scenario_id: str | None = None,
        seed: int | None = None,
        export_dir: Path | None = None,
        coach: Coach | None = None,
    ) -> None:
        super().__init__()
        self.scenarios = scenarios.load_all()
        self.scenario_titles = {s.id: s.title for s in self.scenarios}
        self.start_with = scenarios.find(scenario_id) if scenario_id else None
        self.seed = seed
        self.store = SessionStore(store_path)
        self.export_dir = export_dir or Path.cwd()
        self.coach: Coach | None = coach  # given: already loaded (tests, embedding)
        self.coach_error: str | None = None
        self._coach_ready = threading.Event()
        if coach is not None:
            self._coach_ready.set()

    # Start-up -------------------------------------------------------------------

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.scenarios))
        if self.start_with:
            self.start_scenario(self.start_with)
        if self.store.warning:
            self.notify(self.store.warning, severity="warning", timeout=10)
        if self.coach is None:
            self.run_worker(self._load_coach, thread=True, group="model")

    def _load_coach(self) -> None:
        try:
            from coach.scorer import Coach

            self.coach = Coach()
        except Exception as error:  # shown to the user; the app keeps running
            self.coach_error = str(error)
        finally:
            self._coach_ready.set()
            self.call_from_thread(self.refresh_status)

    def wait_for_coach(self) -> Coach:
        """From a worker thread: the coach, once loaded."""
        self._coach_ready.wait()
        if self.coach is None:
            raise RuntimeError(self.coach_error or "modèle indisponible")
        return self.coach

    def refresh_status(self) -> None:
        if self.coach is not None:
            text = Content.styled("● Coach prêt", "$success")
        elif self.coach_error:
            text = Content.styled(f"● Coach indisponible : {self.coach_error}", "$error")
        else:
            text = Content.styled("◌ Chargement du modèle…", "$warning")
        if not self.store.persistent:
            text = Content.assemble(text, ("  · historique en mémoire seulement", "$warning"))
        for status in self.screen.query("#status").results(Static):
            status.update(text)

    # Navigation -----------------------------------------------------------------

    def start_scenario(self, scenario: scenarios.Scenario) -> None:
        seed = self.seed if self.seed is not None else random.randrange(1 << 30)
        self.push_screen(ChatScreen(scenario, seed))

    def show_report(
        self,
        title: str,
        outcome: str | None,
        turns: Sequence[Turn],
        assessments: Sequence[Assessment],
        replace: bool = False,
    ) -> None:
        screen = ReportScreen(report.build(title, outcome, turns, assessments), self.export_dir)
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def action_history(self) -> None:
        self.push_screen(HistoryScreen())

    def action_progress(self) -> None:
        self.push_screen(ProgressScreen())

    def action_new_scenario(self) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def action_export(self) -> None:
        if isinstance(self.screen, ReportScreen):
            self.screen.action_export()
        else:
            self.notify("Ouvrez d'abord un rapport (fin de séance ou historique).")

    async def action_quit(self) -> None:
        if self.store.persistent or not self.store.sessions():
            self.exit()
            return

        def chosen(choice: str | None) -> None:
            if choice == "export":
                path = self.export_sessions()
                self.exit(message=f"Séances exportées : {path}" if path else None)
            elif choice == "quit":
                self.exit()

        self.push_screen(ExportBeforeQuit(), chosen)

    def export_sessions(self) -> Path | None:
        """Every session of the store as one Markdown file in the export folder."""
        reports = []
        for row in reversed(self.store.sessions()):
            turns = self.store.turns(row.id)
            assessments = (
                list(self.coach.assess_many([t.text for t in turns])) if self.coach else []
            )
            title = self.scenario_titles.get(row.scenario, row.scenario)
            reports.append(report.build(title, row.outcome, turns, assessments).to_markdown())
        path = self.export_dir / f"coach-seances-{datetime.now():%Y%m%d-%H%M%S}.md"
        try:
            self.export_dir.mkdir(parents=True, exist_ok=True)
            path.write_text("\n---\n\n".join(reports), encoding="utf-8")
        except OSError as error:
            self.notify(f"Export impossible : {error.strerror} ({path})", severity="error")
            return None
        return path

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Nouveau scénario", "Revenir au choix du scénario", self.action_new_scenario
        )
        yield SystemCommand("Historique", "Séances passées et leurs rapports", self.action_history)
        yield SystemCommand(
            "Progrès", "Vos scores au fil du temps, par scénario", self.action_progress
        )
        yield SystemCommand(
            "Exporter le rapport", "Enregistrer le rapport affiché en Markdown", self.action_export
        )
        yield SystemCommand("Thème", "Changer de thème (clair, sombre…)", self.action_change_theme)
        yield SystemCommand("Quitter", "Quitter le coach", self.action_quit)

    def on_unmount(self) -> None:
        self.store.close()
