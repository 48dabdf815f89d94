"""Decoding and unit cutting, on real bytes."""

from __future__ import annotations

import codecs

import pytest

from coach.errors import InputError
from coach.textio import decode, units


def test_utf8_with_and_without_bom() -> None:
    assert decode("Réseauter".encode(), "f").text == "Réseauter"
    assert decode(codecs.BOM_UTF8 + "Réseauter".encode(), "f").text == "Réseauter"


def test_utf16_with_bom_both_endians() -> None:
    for encoding in ("utf-16-le", "utf-16-be"):
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        assert decode(bom + "Ça va ?".encode(encoding), "f").text == "Ça va ?"


def test_cp1252_and_latin1_decode_with_a_warning() -> None:
    decoded = decode("« Ça coûte 5 € »".encode("cp1252"), "f")
    assert decoded.text == "« Ça coûte 5 € »"
    assert "Windows-1252" in (decoded.warning or "")
    assert decode(b"caf\xe9 \x81", "f").warning  # 0x81 is not cp1252: Latin-1


@pytest.mark.parametrize("data", [b"\x00\x01\x02abc", bytes(range(1, 32)) * 10])
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="binaire"):
        decode(data, "f")


def test_units_by_line_skip_blank_lines_and_strip_carriage_returns() -> None:
    cut = list(units("un\r\n\r\n  \ndeux\n", "line"))
    assert [(u.text, u.line) for u in cut] == [("un", 1), ("deux", 4)]


def test_units_by_paragraph_and_whole_text() -> None:
    text = "a\nb\n\n\nc\n"
    assert [(u.text, u.line) for u in units(text, "paragraph")] == [("a\nb", 1), ("c", 5)]
    assert [(u.text, u.line) for u in units(text, "text")] == [(text, 1)]
    assert list(units("  \n", "text")) == []
