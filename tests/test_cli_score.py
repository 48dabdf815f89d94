"""`coach score` as a user runs it: a real process, real files, real exit codes."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from tests.conftest import run_cli, text_of

PITCH = "Bonjour, je vends des assurances, ça vous intéresse ?"
CURIOUS = "Et toi, qu'est-ce qui t'a amenée à te lancer en freelance ?"


@pytest.fixture
def pitches(tmp_path: Path) -> Path:
    path = tmp_path / "pitchs.txt"
    path.write_text(f"{PITCH}\n\n{CURIOUS}\nMerci pour ton aide hier soir, vraiment.\n", "utf-8")
    return path


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_jsonl_has_one_unit_per_line_with_contract_fields(pitches: Path) -> None:
    out, err = text_of(
        result := run_cli("score", str(pitches), "--each", "line", "--format", "jsonl")
    )
    assert result.returncode == 0, err
    units = jsonl(out)
    assert [u["line"] for u in units] == [1, 3, 4]
    for unit in units:
        assert {"text", "score", "label", "probabilities", "findings", "source", "line"} <= set(
            unit
        )
        assert unit["source"] == str(pitches)
        assert 0 <= unit["score"] <= 100
    assert units[0]["label"] == "selling"
    assert units[1]["label"] == "giving"
    assert units[0]["text"] == PITCH


def test_paragraph_units_start_at_their_first_line(pitches: Path) -> None:
    out, _ = text_of(run_cli("score", str(pitches), "--each", "paragraph", "--format", "jsonl"))
    units = jsonl(out)
    assert [u["line"] for u in units] == [1, 3]
    assert units[1]["text"] == f"{CURIOUS}\nMerci pour ton aide hier soir, vraiment."


def test_json_format_is_one_document(pitches: Path) -> None:
    out, _ = text_of(run_cli("score", str(pitches), "--format", "json"))
    document = json.loads(out)
    assert len(document["units"]) == 1
    assert document["units"][0]["line"] == 1
    assert len(document["units"][0]["sentences"]) == 3


def test_text_format_reads_like_a_linter(pitches: Path) -> None:
    out, _ = text_of(run_cli("score", str(pitches), "--each", "line"))
    first = out.splitlines()[0]
    assert first.startswith(f"{pitches}:1:1: ")
    assert "/100 vend" in first
    assert "« vends »" in out
    assert "\033[" not in out  # piped: no colour
    assert "Répartition des scores" in out


def test_fail_under_sets_exit_code_one(pitches: Path) -> None:
    assert run_cli("score", str(pitches), "--each", "line", "--fail-under", "30").returncode == 1
    assert run_cli("score", str(pitches), "--each", "line", "--fail-under", "0").returncode == 0


def test_standard_input_with_dash() -> None:
    result = run_cli("score", "-", "--format", "jsonl", stdin=PITCH.encode())
    out, _ = text_of(result)
    assert result.returncode == 0
    assert jsonl(out)[0]["source"] == "<stdin>"


def test_several_files_are_scored_in_order(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(PITCH, "utf-8")
    second.write_text(CURIOUS, "utf-8")
    out, _ = text_of(run_cli("score", str(first), str(second), "--format", "jsonl"))
    assert [u["source"] for u in jsonl(out)] == [str(first), str(second)]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "absent.txt", "fichier introuvable"),
        (lambda d: d, "c'est un dossier"),
        (lambda d: _write(d / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binaire"),
        (lambda d: _write(d / "vide.txt", b"  \n\t\n"), "entrée vide"),
    ],
)
def test_unreadable_input_exits_two_with_a_french_message(tmp_path: Path, make, message) -> None:
    result = run_cli("score", str(make(tmp_path)))
    out, err = text_of(result)
    assert result.returncode == 2
    assert message in err
    assert "Traceback" not in err
    assert out == ""


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    good = _write(tmp_path / "ok.txt", PITCH.encode())
    result = run_cli("score", str(tmp_path / "absent.txt"), str(good), "--format", "jsonl")
    out, err = text_of(result)
    assert result.returncode == 2
    assert len(jsonl(out)) == 1
    assert "fichier introuvable" in err


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),  # with BOM
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    ],
)
def test_text_is_text_whatever_its_encoding(tmp_path: Path, encode) -> None:
    path = _write(tmp_path / "intro.txt", encode(f"{PITCH}\n{CURIOUS}\n"))
    result = run_cli("score", str(path), "--each", "line", "--format", "jsonl")
    out, err = text_of(result)
    assert result.returncode == 0, err
    units = jsonl(out)
    assert [u["text"] for u in units] == [PITCH, CURIOUS]


def test_cp1252_is_read_with_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path / "windows.txt", PITCH.encode("cp1252"))
    result = run_cli("score", str(path), "--format", "jsonl")
    out, err = text_of(result)
    assert result.returncode == 0
    assert jsonl(out)[0]["text"] == PITCH
    assert "Windows-1252" in err


def test_usage_errors_exit_two_in_french(pitches: Path) -> None:
    result = run_cli("score", str(pitches), "--fail-under", "beaucoup")
    _, err = text_of(result)
    assert result.returncode == 2
    assert "n'est pas un nombre" in err
    result = run_cli("score")
    _, err = text_of(result)
    assert result.returncode == 2
    assert "arguments obligatoires manquants" in err


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch) -> None:
    from coach.cli.render import use_colour

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(Terminal())  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(Terminal())  # type: ignore[arg-type]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
