"""Shared fixtures: the real model, loaded once, and a way to run the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import coach

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def shared_coach() -> coach.Coach:
    return coach.Coach()


def run_cli(
    *args: str,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m coach`` in a real process and capture its output as text."""
    environment = {**os.environ, "NO_COLOR": "", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        input=stdin,
        capture_output=True,
        env=environment,
        cwd=cwd,
        timeout=300,
        check=False,
    )


def text_of(result: subprocess.CompletedProcess) -> tuple[str, str]:
    return result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
