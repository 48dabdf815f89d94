"""The practice app, driven by Textual's Pilot on the real model and real SQLite files."""

from __future__ import annotations

from pathlib import Path

import pytest

import coach
from coach.practice import scenarios
from coach.practice.game import FAILURE, SUCCESS
from coach.practice.store import SessionStore, default_path
from coach.tui.app import CoachApp
from coach.tui.chat import ChatScreen
from coach.tui.history import HistoryScreen, ProgressScreen
from coach.tui.report_screen import ReportScreen
from coach.tui.widgets import Bubble, Draft

SCENARIO = "apero-coworking"
GIVING_TURNS = [
    "Et toi, qu'est-ce qui t'amène ici ce soir ?",
    "C'est passionnant ! Comment tu as eu l'idée de te lancer ?",
    "Si tu cherches un imprimeur, je peux te présenter le mien, il est vraiment top.",
    "Merci de m'avoir raconté tout ça, ça m'inspire beaucoup.",
]
SELLING_TURNS = [
    "Je fais des sites web à 990 €, ça t'intéresse ?",
    "Voici ma carte, appelle-moi vite pour un devis gratuit !",
]


def make_app(
    tmp_path: Path, shared_coach: coach.Coach, scenario: str | None = SCENARIO
) -> CoachApp:
    return CoachApp(
        store_path=tmp_path / "sessions.db",
        scenario_id=scenario,
        seed=7,
        export_dir=tmp_path / "exports",
        coach=shared_coach,
    )


async def send(pilot, text: str) -> None:
    draft = pilot.app.screen.query_one(Draft)
    draft.text = text
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def bubbles(app: CoachApp) -> list[str]:
    return [b.content.plain for b in app.screen.query(Bubble)]


async def test_a_giving_game_ends_in_success_with_a_report_and_an_export(
    tmp_path: Path, shared_coach: coach.Coach
) -> None:
    app = make_app(tmp_path, shared_coach)
    scenario = scenarios.find(SCENARIO)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChatScreen)
        assert bubbles(app) == [f"{scenario.counterpart.name} : {screen.game.opening}"]
        meters = []
        for text in GIVING_TURNS:
            await send(pilot, text)
            meters.append(screen.game.meter)
            if screen.game.over:
                break
        assert screen.game.outcome == SUCCESS
        assert meters == sorted(meters)
        last_reply = bubbles(app)[-2].split(" : ", 1)[1]
        assert last_reply in scenario.lines["success"]
        assert screen.query_one(Draft).disabled

        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        await pilot.press("e")
        exported = app.screen.exported
    assert exported is not None and exported.parent == tmp_path / "exports"
    markdown = exported.read_text("utf-8")
    assert "Issue : réussie" in markdown
    for turn in screen.game.turns:
        assert turn.text.split()[0] in markdown
    assert "## À travailler ensuite" in markdown

    store = SessionStore(tmp_path / "sessions.db")
    (session,) = store.sessions()
    assert session.outcome == SUCCESS
    assert [t.text for t in store.turns(session.id)] == [t.text for t in screen.game.turns]


async def test_a_selling_game_ends_in_failure(tmp_path: Path, shared_coach: coach.Coach) -> None:
    app = make_app(tmp_path, shared_coach)
    scenario = scenarios.find(SCENARIO)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        for text in SELLING_TURNS:
            await send(pilot, text)
        assert screen.game.outcome == FAILURE
        assert screen.game.meter < 40
        assert bubbles(app)[-2].split(" : ", 1)[1] in scenario.lines["failure"]
        assert all(t.label == "selling" for t in screen.game.turns)


async def test_same_seed_replays_the_same_game(tmp_path: Path, shared_coach: coach.Coach) -> None:
    transcripts = []
    for run in range(2):
        app = make_app(tmp_path / str(run), shared_coach)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for text in GIVING_TURNS[:2] + SELLING_TURNS[:1]:
                await send(pilot, text)
            transcripts.append(bubbles(app))
    assert transcripts[0] == transcripts[1]


async def test_sessions_survive_a_restart_and_show_in_history_and_progress(
    tmp_path: Path, shared_coach: coach.Coach
) -> None:
    async with make_app(tmp_path, shared_coach).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for text in SELLING_TURNS:
            await send(pilot, text)

    app = make_app(tmp_path, shared_coach, scenario=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.query_one("DataTable").row_count == 1
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        assert "Issue : échouée" in app.screen.report.to_markdown()
        await pilot.press("escape", "escape", "p")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        assert "première" in app.screen.query(".progress-title").first().content.plain


async def test_markup_like_text_shows_literally(tmp_path: Path, shared_coach: coach.Coach) -> None:
    text = "[bold]gras[/] et [link=x]lien[/link] [/] [red"
    async with make_app(tmp_path, shared_coach).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await send(pilot, text)
        assert f"Vous : {text}" in bubbles(pilot.app)
        assert pilot.app.screen.query_one("#message").content.plain == text


async def test_draft_keys_enter_sends_and_ctrl_j_adds_a_line(
    tmp_path: Path, shared_coach: coach.Coach
) -> None:
    async with make_app(tmp_path, shared_coach).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"Salut", "ctrl+j", *"toi")
        assert pilot.app.screen.query_one(Draft).text == "Salut\ntoi"
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "Vous : Salut\ntoi" in bubbles(pilot.app)
        assert pilot.app.screen.query_one(Draft).text == ""


async def test_a_suggestion_goes_into_the_draft(tmp_path: Path, shared_coach: coach.Coach) -> None:
    async with make_app(tmp_path, shared_coach).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        await send(pilot, "Bonjour, je vends des assurances, ça t'intéresse ?")
        assert screen.suggestions, "a selling turn should offer rewrites"
        await pilot.press("ctrl+r")
        assessment, suggestion = screen.suggestions[0]
        assert screen.query_one(Draft).text == assessment.apply(suggestion)


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_every_part_fits_the_terminal(
    tmp_path: Path, shared_coach: coach.Coach, size
) -> None:
    async with make_app(tmp_path, shared_coach, scenario=None).run_test(size=size) as pilot:
        await pilot.pause()
        width, height = size
        for selector in ("#scenarios", "#briefing", "#status", "Footer"):
            region = pilot.app.screen.query_one(selector).region
            assert region.width > 0 and region.height > 0
            assert region.right <= width and region.bottom <= height
        await pilot.press("enter")
        await pilot.pause()
        await send(pilot, GIVING_TURNS[0])
        for selector in ("#meter", "#log", "#draft", "#coaching", "#score", "Footer"):
            region = pilot.app.screen.query_one(selector).region
            assert region.width > 0 and region.height > 0, selector
            assert region.right <= width and region.bottom <= height, selector


async def test_model_loads_in_the_background(tmp_path: Path) -> None:
    app = CoachApp(store_path=tmp_path / "s.db", scenario_id=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # The picker is there and usable while the coach is still loading.
        assert app.screen.query_one("#scenarios").has_focus or app.screen.query_one("#scenarios")
        await pilot.press("down")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.coach is not None, app.coach_error
        assert "Coach prêt" in app.screen.query_one("#status").content.plain


def test_session_database_follows_xdg_data_home(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_path() == tmp_path / "coach" / "sessions.db"
