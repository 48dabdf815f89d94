"""What a user installs: the wheel carries the model and the data; the code is ruff clean."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_carries_model_and_dialogues(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("coach-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "coach/_bundle/models/coach.joblib" in names
    assert "coach/_bundle/models/manifest.json" in names
    shipped = {p.name for p in (ROOT / "data" / "dialogues" / "train").glob("*.yaml")}
    assert {f"coach/_bundle/dialogues/train/{name}" for name in shipped} <= names
    assert any(name.endswith("entry_points.txt") for name in names)


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    command = (ROOT / ".ci" / "run").read_text("utf-8").strip().splitlines()[-1]
    assert command in readme


def test_code_is_ruff_clean() -> None:
    for args in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr
