"""The chat screen: the conversation on the left, the coaching panel on the right."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from coach.assessment import Assessment, Suggestion
from coach.labels import FRENCH
from coach.practice.game import FAILURE, SUCCESS, Game, Turn
from coach.practice.scenarios import Scenario
from coach.tui.widgets import LABEL_STYLE, Bubble, Draft, Gauge, highlighted, label_content

MAX_SUGGESTIONS = 3
DRAFT_DELAY = 0.6  # seconds of quiet typing before the draft is scored


class ChatScreen(Screen):
    BINDINGS = [
        Binding("ctrl+r", "use_suggestion", "Reprendre la suggestion"),
        Binding("f6", "focus_suggestions", "Suggestions"),
        Binding("ctrl+e", "end", "Terminer"),
        Binding("escape", "end", "Terminer", show=False),
    ]

    def __init__(self, scenario: Scenario, seed: int) -> None:
        super().__init__()
        self.scenario = scenario
        self.game = Game(scenario, seed)
        self.session_id: int | None = None
        self.assessments: list[Assessment] = []
        self.suggestions: list[tuple[Assessment, Suggestion]] = []
        self.pending = 0  # turns sent and not yet answered
        self._draft_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="chat"):
            with Vertical(id="conversation"):
                yield Gauge("Relation", id="meter")
                yield VerticalScroll(id="log")
                yield Draft(id="draft", soft_wrap=True, show_line_numbers=False)
            with VerticalScroll(id="coaching"):
                yield Static(Content.styled("Coaching", "bold"), id="coaching-title")
                yield Gauge("Score", id="score")
                yield Static(id="verdict")
                yield Static(id="message")
                yield Static(id="advice")
                yield OptionList(id="suggestions")
                yield Static(id="draft-score")
        yield Static(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.scenario.title
        self.sub_title = f"avec {self.scenario.counterpart.name}"
        self.session_id = self.app.store.start(self.scenario.id, self.game.seed)  # type: ignore[attr-defined]
        self.query_one("#meter", Gauge).set(self.game.meter, "$accent")
        self.query_one("#score", Gauge).set(None)
        self.query_one("#verdict", Static).update("Écrivez votre première réplique, puis Entrée.")
        self.query_one("#suggestions", OptionList).display = False
        self._say(self.scenario.counterpart.name, self.game.opening, mine=False)
        self.query_one(Draft).focus()
        self.app.refresh_status()  # type: ignore[attr-defined]

    # The conversation -------------------------------------------------------------

    def _say(self, who: str, text: str, mine: bool) -> None:
        log = self.query_one("#log", VerticalScroll)
        log.mount(Bubble(who, text, mine))
        log.scroll_end(animate=False)

    def on_draft_submitted(self, event: Draft.Submitted) -> None:
        text = event.text.strip()
        if not text or self.game.over:
            return
        if self.pending:
            self.notify("Un instant : le coach analyse encore votre réplique précédente.")
            return
        event.draft.clear()
        self._say("Vous", text, mine=True)
        self.pending += 1
        self.query_one("#verdict", Static).update("Analyse en cours…")
        self.assess_turn(text)

    @work(thread=True, group="turn")
    def assess_turn(self, text: str) -> None:
        coach = self.app.wait_for_coach()  # type: ignore[attr-defined]
        assessment = coach.assess(text)
        self.app.call_from_thread(self._answer, text, assessment)

    def _answer(self, text: str, assessment: Assessment) -> None:
        self.pending -= 1
        if self.game.over:
            return
        turn = self.game.play(text, assessment)
        self.assessments.append(assessment)
        self.app.store.add_turn(self.session_id, turn)  # type: ignore[attr-defined]
        self._show_coaching(assessment, turn)
        self._say(self.scenario.counterpart.name, turn.reply, mine=False)
        if self.game.over:
            self.app.store.end(self.session_id, self.game.outcome)  # type: ignore[attr-defined]
            verdict = {
                SUCCESS: "Réussi : la relation est lancée.",
                FAILURE: "La conversation a tourné court.",
            }.get(self.game.outcome or "", "La conversation s'arrête là.")
            self._say("Coach", f"{verdict} Ctrl+E pour voir le rapport.", mine=False)
            self.query_one(Draft).disabled = True
        self.app.refresh_status()  # type: ignore[attr-defined]

    # The coaching panel -----------------------------------------------------------

    def _show_coaching(self, assessment: Assessment, turn: Turn) -> None:
        style = LABEL_STYLE[assessment.label]
        self.query_one("#meter", Gauge).set(turn.meter, "$accent")
        self.query_one("#score", Gauge).set(assessment.score, style, FRENCH[assessment.label])
        self.query_one("#verdict", Static).update(
            Content.assemble("Votre message : ", label_content(assessment))
        )
        self.query_one("#message", Static).update(highlighted(assessment))
        selling = [f for f in assessment.findings if f.kind == "selling"]
        giving = [f for f in assessment.findings if f.kind == "giving"]
        advice = selling[0].message if selling else giving[0].message if giving else ""
        self.query_one("#advice", Static).update(Content(advice))
        self.suggestions = [(assessment, s) for f in selling for s in f.suggestions[:1]][
            :MAX_SUGGESTIONS
        ]
        if len(self.suggestions) < MAX_SUGGESTIONS:
            more = [(assessment, s) for f in selling for s in f.suggestions[1:]]
            self.suggestions += more[: MAX_SUGGESTIONS - len(self.suggestions)]
        options = self.query_one("#suggestions", OptionList)
        options.clear_options()
        options.add_options(
            [
                Option(Content.assemble((f"{i}. ", "bold"), a.apply(s)))
                for i, (a, s) in enumerate(self.suggestions, 1)
            ]
        )
        options.display = bool(self.suggestions)
        if self.suggestions:
            options.highlighted = 0

    def action_focus_suggestions(self) -> None:
        if self.suggestions:
            self.query_one("#suggestions", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._use(event.option_index)

    def action_use_suggestion(self) -> None:
        index = self.query_one("#suggestions", OptionList).highlighted
        self._use(index or 0)

    def _use(self, index: int) -> None:
        if not self.suggestions or self.game.over:
            return
        assessment, suggestion = self.suggestions[index]
        draft = self.query_one(Draft)
        draft.text = assessment.apply(suggestion)
        draft.move_cursor(draft.document.end)
        draft.focus()

    # Scoring the draft as it is typed ------------------------------------------------

    def on_text_area_changed(self, event: Draft.Changed) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        text = event.text_area.text
        if text.strip() and self.app.coach is not None:  # type: ignore[attr-defined]
            self._draft_timer = self.set_timer(DRAFT_DELAY, lambda: self.assess_draft(text))
        else:
            self.query_one("#draft-score", Static).update("")

    @work(thread=True, group="draft", exclusive=True)
    def assess_draft(self, text: str) -> None:
        assessment = self.app.wait_for_coach().assess(text)  # type: ignore[attr-defined]
        self.app.call_from_thread(self._show_draft_score, text, assessment)

    def _show_draft_score(self, text: str, assessment: Assessment) -> None:
        if self.query_one(Draft).text != text:
            return  # typed on since
        self.query_one("#draft-score", Static).update(
            Content.assemble(
                ("Brouillon : ", "dim"), f"{assessment.score:.0f}/100 ", label_content(assessment)
            )
        )

    # Leaving -----------------------------------------------------------------------

    def action_end(self) -> None:
        if not self.game.over:
            self.game.finish()
            self.app.store.end(self.session_id, self.game.outcome)  # type: ignore[attr-defined]
        self.app.show_report(
            self.scenario.title, self.game.outcome, self.game.turns, self.assessments, replace=True
        )  # type: ignore[attr-defined]
