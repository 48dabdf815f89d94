"""Decoding and unit cutting, on real bytes and real streams."""

from __future__ import annotations

import codecs
import io

import pytest

from coach.errors import InputError
from coach.textio import CHUNK, decode, read_lines, units


def test_utf8_with_and_without_bom() -> None:
    assert decode("Réseauter".encode(), "f") == ("Réseauter", None)
    assert decode(codecs.BOM_UTF8 + "Réseauter".encode(), "f") == ("Réseauter", None)


def test_utf16_with_bom_both_endians() -> None:
    for encoding, bom in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)):
        assert decode(bom + "Ça va ?\nOui".encode(encoding), "f") == ("Ça va ?\nOui", None)


def test_cp1252_and_latin1_decode_with_a_warning() -> None:
    text, warning = decode("« Ça coûte 5 € »".encode("cp1252"), "f")
    assert text == "« Ça coûte 5 € »"
    assert "Windows-1252" in (warning or "")
    assert "Latin-1" in (decode(b"caf\xe9 \x81", "f")[1] or "")


def test_a_bad_line_late_in_a_big_file_does_not_spoil_earlier_lines() -> None:
    data = ("é ligne\n" * 20_000).encode() + "fin en Windows-1252 : é\n".encode("cp1252")
    warnings: list[str] = []
    lines = list(read_lines(io.BytesIO(data), "f", warnings.append))
    assert len(data) > CHUNK
    assert lines[0] == "é ligne\n"
    assert lines[-1] == "fin en Windows-1252 : é\n"
    assert len(warnings) == 1


@pytest.mark.parametrize(
    "data", [b"\x00\x01\x02abc", bytes(range(1, 32)) * 10, b"ok\n" * 30_000 + b"\x00"]
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="binaire"):
        decode(data, "f")


def test_units_by_line_skip_blank_lines_and_strip_line_endings() -> None:
    cut = list(units(["un\r\n", "\r\n", "  \n", "deux\n"], "line"))
    assert [(u.text, u.line) for u in cut] == [("un", 1), ("deux", 4)]


def test_units_by_paragraph_and_whole_text() -> None:
    lines = ["a\n", "b\n", "\n", "\n", "c\n"]
    assert [(u.text, u.line) for u in units(lines, "paragraph")] == [("a\nb", 1), ("c", 5)]
    assert [(u.text, u.line) for u in units(lines, "text")] == [("a\nb\n\n\nc\n", 1)]
    assert list(units(["  \n"], "text")) == []


def test_units_are_produced_lazily() -> None:
    def lines():
        yield "premier\n"
        raise AssertionError("read too far")

    assert next(units(lines(), "line")).text == "premier"
