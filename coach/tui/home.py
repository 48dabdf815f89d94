"""The first screen: pick a scenario (usable at once, while the model loads)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from coach.practice.scenarios import Scenario


class HomeScreen(Screen):
    BINDINGS = [
        Binding("enter", "start", "Commencer", show=True),
        Binding("h", "app.history", "Historique"),
        Binding("p", "app.progress", "Progrès"),
        Binding("q", "app.quit", "Quitter"),
    ]

    def __init__(self, scenarios: list[Scenario]) -> None:
        super().__init__()
        self.scenarios = scenarios

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home"):
            yield OptionList(
                *[
                    Option(
                        Content.assemble((s.title, "bold"), f"\n  avec {s.counterpart.name}"),
                        id=s.id,
                    )
                    for s in self.scenarios
                ],
                id="scenarios",
            )
            with VerticalScroll(id="briefing"):
                yield Static(id="briefing-text")
        yield Static(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Coach — réseauter n'est pas vendre"
        self.sub_title = "Choisissez un scénario"
        self.query_one(OptionList).highlighted = 0
        self.app.refresh_status()  # type: ignore[attr-defined]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        scenario = self.scenarios[event.option_index]
        person = scenario.counterpart
        self.query_one("#briefing-text", Static).update(
            Content.assemble(
                (scenario.title, "bold $accent"),
                "\n\n",
                scenario.setting,
                "\n\n",
                ("Votre rôle : ", "bold"),
                scenario.briefing,
                "\n\n",
                ("Objectif : ", "bold"),
                scenario.objective,
                "\n\n",
                ("Votre interlocuteur : ", "bold"),
                f"{person.name}, {person.trade} — {person.personality}.",
            )
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.start_scenario(self.scenarios[event.option_index])  # type: ignore[attr-defined]

    def action_start(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None:
            self.app.start_scenario(self.scenarios[index])  # type: ignore[attr-defined]
