"""Past sessions, their reports, and progress over time per scenario."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Sparkline, Static

from coach.practice.report import OUTCOMES
from coach.practice.store import SessionRow


def _when(row: SessionRow) -> str:
    return row.started_at.replace("T", " ")[:16]


class HistoryScreen(Screen):
    BINDINGS = [
        Binding("enter", "open", "Voir le rapport"),
        Binding("escape", "app.pop_screen", "Retour"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Static(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Historique des séances"
        self.rows = self.app.store.sessions()  # type: ignore[attr-defined]
        names = self.app.scenario_titles  # type: ignore[attr-defined]
        table = self.query_one(DataTable)
        table.add_columns("Date", "Scénario", "Tours", "Score moyen", "Issue")
        for row in self.rows:
            mean = f"{row.mean_score:.0f}" if row.mean_score is not None else "—"
            table.add_row(
                _when(row),
                Content(names.get(row.scenario, row.scenario)),
                str(row.turns),
                mean,
                OUTCOMES.get(row.outcome, "—"),
                key=str(row.id),
            )
        if not self.rows:
            self.query_one("#status", Static).update("Aucune séance pour l'instant.")
        table.focus()
        self.app.refresh_status()  # type: ignore[attr-defined]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_report(int(event.row_key.value or 0))

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if self.rows:
            self.open_report(self.rows[table.cursor_row].id)

    @work(thread=True, group="history")
    def open_report(self, session_id: int) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        row = store.session(session_id)
        turns = store.turns(session_id)
        coach = self.app.wait_for_coach()  # type: ignore[attr-defined]
        assessments = list(coach.assess_many([t.text for t in turns]))
        title = self.app.scenario_titles.get(row.scenario, row.scenario)  # type: ignore[attr-defined]
        self.app.call_from_thread(self.app.show_report, title, row.outcome, turns, assessments)  # type: ignore[attr-defined]


class ProgressScreen(Screen):
    """Scores over time per scenario: first, best and latest session, and a sparkline."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Retour")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(id="progress")
        yield Static(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Vos progrès"
        rows = [r for r in self.app.store.sessions() if r.mean_score is not None]  # type: ignore[attr-defined]
        names = self.app.scenario_titles  # type: ignore[attr-defined]
        box = self.query_one("#progress", VerticalScroll)
        if not rows:
            box.mount(Static("Jouez une première séance pour voir vos progrès ici."))
        by_scenario: dict[str, list[SessionRow]] = {}
        for row in reversed(rows):  # oldest first
            by_scenario.setdefault(row.scenario, []).append(row)
        for scenario, sessions in by_scenario.items():
            scores = [s.mean_score or 0.0 for s in sessions]
            box.mount(
                Static(
                    Content.assemble(
                        (names.get(scenario, scenario), "bold"),
                        f"  ({len(sessions)} séance{'s' if len(sessions) > 1 else ''})  ",
                        f"première {scores[0]:.0f} · meilleure {max(scores):.0f} · dernière {scores[-1]:.0f}",
                    ),
                    classes="progress-title",
                )
            )
            box.mount(Sparkline(scores, summary_function=max, classes="progress-line"))
        self.app.refresh_status()  # type: ignore[attr-defined]
