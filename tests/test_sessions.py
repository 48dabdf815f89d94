"""Practice sessions never get lost: corrupt or unwritable databases, two instances, kill -9."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import coach
from coach.practice.game import Turn
from coach.practice.store import SessionStore
from coach.tui.app import CoachApp
from coach.tui.quit_screen import ExportBeforeQuit
from coach.tui.widgets import Draft
from tests.conftest import ROOT


def turn(number: int) -> Turn:
    return Turn(number, f"réplique {number}", 80.0, "giving", 50.0 + number, "réponse")


def test_a_corrupt_database_is_moved_aside_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "sessions.db"
    garbage = b"ceci n'est pas une base SQLite" * 100
    path.write_bytes(garbage)
    store = SessionStore(path)
    assert store.persistent
    assert store.warning and "mis de côté" in store.warning
    (moved,) = tmp_path.glob("sessions.db.corrompu-*")
    assert moved.read_bytes() == garbage
    session = store.start("apero-coworking", 1)
    store.add_turn(session, turn(1))
    assert len(SessionStore(path).turns(session)) == 1


def test_an_unwritable_location_keeps_the_session_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", "utf-8")
    store = SessionStore(blocker / "coach" / "sessions.db")
    assert not store.persistent
    assert store.warning and "en mémoire" in store.warning
    session = store.start("apero-coworking", 1)
    store.add_turn(session, turn(1))
    assert [t.text for t in store.turns(session)] == ["réplique 1"]


def test_two_instances_write_to_the_same_database(tmp_path: Path) -> None:
    path = tmp_path / "sessions.db"
    stores = [SessionStore(path), SessionStore(path)]

    def play(store: SessionStore) -> None:
        session = store.start("apero-coworking", 1)
        for number in range(1, 51):
            store.add_turn(session, turn(number))
        store.end(session, "success")

    threads = [threading.Thread(target=play, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rows = SessionStore(path).sessions()
    assert [r.turns for r in rows] == [50, 50]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


KILLED_GAME = """
import asyncio, sys
from pathlib import Path
from coach.tui.app import CoachApp
from coach.tui.widgets import Draft

async def main():
    app = CoachApp(store_path=Path(sys.argv[1]), scenario_id="apero-coworking", seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        for text in ["Et toi, qu'est-ce qui t'amène ici ?", "Comment tu as commencé ?"]:
            app.screen.query_one(Draft).text = text
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
        app.screen.query_one(Draft).text = "un brouillon jamais envoyé"
        print("ready", flush=True)
        await asyncio.sleep(600)

asyncio.run(main())
"""


def test_kill_9_mid_session_loses_at_most_the_draft(tmp_path: Path) -> None:
    path = tmp_path / "sessions.db"
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_GAME, str(path)], stdout=subprocess.PIPE, cwd=ROOT, text=True
    )
    assert process.stdout
    assert process.stdout.readline().strip() == "ready"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    store = SessionStore(path)
    (session,) = store.sessions()
    assert [t.text for t in store.turns(session.id)] == [
        "Et toi, qu'est-ce qui t'amène ici ?",
        "Comment tu as commencé ?",
    ]
    assert session.outcome is None  # the session was cut, its turns were kept


async def test_the_app_warns_and_offers_an_export_when_history_cannot_be_saved(
    tmp_path: Path, shared_coach: coach.Coach
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", "utf-8")
    app = CoachApp(
        store_path=blocker / "sessions.db",
        scenario_id="apero-coworking",
        seed=1,
        export_dir=tmp_path / "exports",
        coach=shared_coach,
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "historique en mémoire seulement" in app.screen.query_one("#status").content.plain
        app.screen.query_one(Draft).text = "Et toi, qu'est-ce qui t'amène ici ?"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ExportBeforeQuit)
        await pilot.press("e")
        await pilot.pause()
    (exported,) = (tmp_path / "exports").glob("coach-seances-*.md")
    assert "Et toi, qu'est-ce qui t'amène ici ?" in exported.read_text("utf-8")
