"""Reading text files whatever their encoding, and cutting them into scored units."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass

from coach.errors import InputError

UNIT_KINDS = ("text", "line", "paragraph")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Decoded:
    text: str
    warning: str | None = None


def decode(data: bytes, name: str) -> Decoded:
    """Decode bytes as text: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name)
    if b"\x00" in data:
        raise InputError(f"{name} : contenu binaire (octets nuls) ; ce n'est pas un texte.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
            encoding = "Windows-1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            encoding = "Latin-1"
        _refuse_binary(text, name)
        warning = f"{name} : pas de l'UTF-8 ; lu comme du {encoding}, vérifiez les accents."
        return Decoded(text, warning)
    _refuse_binary(text, name)
    return Decoded(text)


def _strict(data: bytes, encoding: str, name: str) -> Decoded:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"{name} : encodage {encoding.upper()} annoncé mais invalide.") from None
    _refuse_binary(text, name)
    return Decoded(text)


def _refuse_binary(text: str, name: str) -> None:
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > 0.1 * len(sample):
        raise InputError(f"{name} : contenu binaire ; ce n'est pas un texte.")


@dataclass(frozen=True)
class Unit:
    """A piece of a file scored on its own; ``line`` and ``column`` are 1-based."""

    text: str
    line: int
    column: int = 1


def units(text: str, each: str) -> Iterator[Unit]:
    """Cut a text into units: the whole text, each non-blank line, or each paragraph."""
    if each == "text":
        if text.strip():
            yield Unit(text, 1)
        return
    lines = text.split("\n")
    if each == "line":
        for number, line in enumerate(lines, start=1):
            line = line.removesuffix("\r")
            if line.strip():
                yield Unit(line, number)
        return
    block: list[str] = []
    first = 0
    for number, line in enumerate([*lines, ""], start=1):
        line = line.removesuffix("\r")
        if line.strip():
            if not block:
                first = number
            block.append(line)
        elif block:
            yield Unit("\n".join(block), first)
            block = []
