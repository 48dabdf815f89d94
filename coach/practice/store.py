"""Practice sessions in SQLite, in the user data directory.

Each turn is written the moment it is played, so a crash loses at most the draft
being typed. Two app instances can share the file (WAL mode, busy timeout). A
corrupt file is moved aside, never overwritten; an unwritable one leaves the app
running with the session kept in memory, and a warning.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from coach.practice.game import Turn

APP_NAME = "coach"
DB_NAME = "sessions.db"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    scenario TEXT NOT NULL,
    seed INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    outcome TEXT
);
CREATE TABLE IF NOT EXISTS turns (
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    number INTEGER NOT NULL,
    text TEXT NOT NULL,
    score REAL NOT NULL,
    label TEXT NOT NULL,
    meter REAL NOT NULL,
    reply TEXT NOT NULL,
    played_at TEXT NOT NULL,
    PRIMARY KEY (session_id, number)
);
"""


@dataclass(frozen=True)
class SessionRow:
    id: int
    scenario: str
    seed: int
    started_at: str
    ended_at: str | None
    outcome: str | None
    turns: int
    mean_score: float | None


def default_path() -> Path:
    """``$XDG_DATA_HOME/coach/sessions.db`` (platformdirs picks the folder per OS)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / DB_NAME


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SessionStore:
    """The session database; ``warning`` says in French what went wrong, if anything."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self.warning: str | None = None
        self.persistent = True
        self._lock = threading.Lock()
        self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect(self.path)
        except sqlite3.DatabaseError as error:
            if self.path.exists() and _is_corrupt(error):
                moved = self.path.with_name(
                    f"{self.path.name}.corrompu-{datetime.now():%Y%m%d-%H%M%S}"
                )
                os.replace(self.path, moved)
                for suffix in ("-wal", "-shm"):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
                self.warning = (
                    f"L'historique était illisible ; il a été mis de côté dans {moved} "
                    "et un nouvel historique commence."
                )
                try:
                    return self._connect(self.path)
                except (sqlite3.Error, OSError):
                    pass
            return self._in_memory()
        except OSError:
            return self._in_memory()

    def _in_memory(self) -> sqlite3.Connection:
        self.persistent = False
        self.warning = (
            f"Impossible d'écrire l'historique dans {self.path} : cette séance reste en mémoire. "
            "Exportez son rapport avant de quitter."
        )
        return self._connect(Path(":memory:"))

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(str(path), timeout=5.0, check_same_thread=False, isolation_level=None)
        db.execute("PRAGMA busy_timeout = 5000")
        if str(path) != ":memory:":
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                db.close()
                raise sqlite3.DatabaseError("file is not a database (quick_check)")
        db.executescript(_SCHEMA)
        return db

    def _write(self, sql: str, parameters: tuple) -> int:
        with self._lock:
            try:
                return self._db.execute(sql, parameters).lastrowid or 0
            except sqlite3.Error as error:
                if not self.persistent:
                    raise
                # The disk went away or filled up mid-session: keep playing in memory.
                self.warning = (
                    f"L'historique n'a pas pu être écrit ({error}) ; la séance continue en mémoire."
                )
                self.persistent = False
                self._db = self._connect(Path(":memory:"))
                return self._db.execute(sql, parameters).lastrowid or 0

    def start(self, scenario: str, seed: int) -> int:
        return self._write(
            "INSERT INTO sessions (scenario, seed, started_at) VALUES (?, ?, ?)",
            (scenario, seed, _now()),
        )

    def add_turn(self, session_id: int, turn: Turn) -> None:
        self._write(
            "INSERT INTO turns VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                turn.number,
                turn.text,
                turn.score,
                turn.label,
                turn.meter,
                turn.reply,
                _now(),
            ),
        )

    def end(self, session_id: int, outcome: str) -> None:
        self._write(
            "UPDATE sessions SET ended_at = ?, outcome = ? WHERE id = ?",
            (_now(), outcome, session_id),
        )

    def sessions(self) -> list[SessionRow]:
        """Past sessions, newest first."""
        with self._lock:
            rows = self._db.execute(
                """SELECT s.id, s.scenario, s.seed, s.started_at, s.ended_at, s.outcome,
                          COUNT(t.number), AVG(t.score)
                   FROM sessions s LEFT JOIN turns t ON t.session_id = s.id
                   GROUP BY s.id ORDER BY s.started_at DESC, s.id DESC"""
            ).fetchall()
        return [SessionRow(*row) for row in rows]

    def session(self, session_id: int) -> SessionRow | None:
        return next((s for s in self.sessions() if s.id == session_id), None)

    def turns(self, session_id: int) -> list[Turn]:
        with self._lock:
            rows = self._db.execute(
                "SELECT number, text, score, label, meter, reply FROM turns "
                "WHERE session_id = ? ORDER BY number",
                (session_id,),
            ).fetchall()
        return [Turn(*row) for row in rows]

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _is_corrupt(error: sqlite3.DatabaseError) -> bool:
    text = str(error).lower()
    return "not a database" in text or "malformed" in text or "quick_check" in text
