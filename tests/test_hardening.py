"""Bad input, interruptions and odd text: clear French messages, defined exit codes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coach
from tests.conftest import ROOT, run_cli, text_of

FRENCH = "Bonjour, je vends des assurances, ça vous intéresse ?"


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=400))
def test_any_string_gets_a_well_formed_assessment(shared_coach: coach.Coach, text: str) -> None:
    a = shared_coach.assess(text)
    assert 0 <= a.score <= 100
    assert sum(a.probabilities.values()) == pytest.approx(1.0)
    spans = [
        *a.sentences,
        *a.evidence,
        *a.findings,
        *(s for f in a.findings for s in f.suggestions),
    ]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
    for sentence in a.sentences:
        assert text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize(
    "text",
    [
        "😀🎉🙏",
        "Bonjour\x07\x1b[31m, je vends\x00 des assurances",
        "مرحبا، أنا أبيع التأمين، هل أنت مهتم؟",
        "Salut ! I sell insurance, tu veux un devis ?",
        "\u202eetnev ed erffo\u202c Bonjour",
    ],
)
def test_odd_text_is_assessed_without_error(shared_coach: coach.Coach, text: str) -> None:
    a = shared_coach.assess(text)
    assert a.label in {"giving", "neutral", "selling"}
    json.dumps(a.to_dict())


def test_english_text_gets_a_warning_and_still_a_result(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text("Hello, I sell insurance, are you interested in a quote?\n", "utf-8")
    result = run_cli("score", str(path), "--format", "jsonl")
    out, err = text_of(result)
    assert result.returncode == 0
    unit = json.loads(out)
    assert unit["warnings"] and "anglais" in unit["warnings"][0]
    assert "anglais" in err


def test_a_unit_over_the_limit_is_refused_and_the_rest_still_scored(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("a" * 10_000_000 + "\n" + FRENCH + "\n", "utf-8")
    result = run_cli("score", str(path), "--each", "line", "--format", "jsonl")
    out, err = text_of(result)
    assert result.returncode == 2
    assert [json.loads(line)["line"] for line in out.splitlines()] == [2]
    assert f"{path}:1 : texte trop long" in err
    assert "Traceback" not in err


def test_a_hundred_thousand_lines_stream_through(tmp_path: Path) -> None:
    path = tmp_path / "many.txt"
    path.write_text("Merci !\n" * 100_000, "utf-8")
    result = run_cli("score", str(path), "--each", "line", "--format", "jsonl")
    assert result.returncode == 0
    assert result.stdout.count(b"\n") == 100_000


def test_output_starts_before_input_ends() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "coach", "score", "-", "--each", "line", "--format", "jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdin and process.stdout
    # A batch of units, then wait for their output while the input stays open.
    process.stdin.write((FRENCH + "\n").encode() * 64)
    process.stdin.flush()
    first = process.stdout.readline()
    assert json.loads(first)["text"] == FRENCH
    process.stdin.write(b"Et toi ?\n")
    process.stdin.close()
    rest = process.stdout.read().splitlines()
    assert process.wait(timeout=120) == 0
    assert json.loads(rest[-1])["text"] == "Et toi ?"


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text((FRENCH + "\n") * 5000, "utf-8")
    result = subprocess.run(
        f"'{sys.executable}' -m coach score '{path}' --each line --format jsonl | head -1; exit ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    assert result.stdout.count(b"\n") == 1
    assert result.stderr == b""
    assert result.returncode == 0


def _as_in_a_terminal() -> None:
    """Ctrl-C reaches the child even when the test runs as a background job (SIGINT ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_exits_130_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text((FRENCH + "\n") * 20_000, "utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "coach", "score", str(path), "--each", "line", "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        preexec_fn=_as_in_a_terminal,
    )
    assert process.stdout
    process.stdout.readline()  # scoring has started
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130
    assert b"Traceback" not in err
    assert b"interrompu" in err


def test_a_file_without_read_permission(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(FRENCH, "utf-8")
    path.chmod(0o000)
    command = [sys.executable, "-m", "coach", "score", str(path)]
    if os.geteuid() == 0:  # root reads anything: drop the capabilities that allow it
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("root without setpriv: permissions cannot be enforced")
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", *command]
    result = subprocess.run(command, capture_output=True, cwd=ROOT, check=False)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "lecture non autorisée" in err
    assert "Traceback" not in err


def test_interrupting_training_keeps_the_previous_model(tmp_path: Path) -> None:
    models = tmp_path / "models"
    shutil.copytree(ROOT / "models", models)
    before = (models / "coach.joblib").read_bytes()
    process = subprocess.Popen(
        [sys.executable, "-m", "coach", "train", "--output", str(models)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        preexec_fn=_as_in_a_terminal,
    )
    time.sleep(8)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert (models / "coach.joblib").read_bytes() == before
    coach.Coach(models)  # still loads: hash and manifest agree
