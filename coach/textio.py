"""Reading text whatever its encoding, as a stream of lines, and cutting it into units.

UTF-8 with or without BOM and UTF-16 with BOM are read as such; text that is not
UTF-8 is read as Windows-1252 (or Latin-1) with a warning; binary content is refused.
Files are read as a stream, so memory does not grow with the input.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from coach.errors import InputError

UNIT_KINDS = ("text", "line", "paragraph")
CHUNK = 1 << 16

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _refuse_binary(text: str, name: str) -> None:
    sample = text[:CHUNK]
    if "\x00" in sample or (sample and len(_CONTROL.findall(sample)) > 0.1 * len(sample)):
        raise InputError(f"{name} : contenu binaire ; ce n'est pas un texte.")


class _LineDecoder:
    """Decodes single-byte-newline encodings line by line, falling back from UTF-8."""

    def __init__(self, name: str, warn: Callable[[str], None]) -> None:
        self.name = name
        self.warn = warn
        self.warned = False

    def __call__(self, raw: bytes) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        try:
            text, encoding = raw.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            text, encoding = raw.decode("latin-1"), "Latin-1"
        if not self.warned:
            self.warned = True
            self.warn(
                f"{self.name} : pas de l'UTF-8 ; lu comme du {encoding}, vérifiez les accents."
            )
        return text


def read_lines(stream: BinaryIO, name: str, warn: Callable[[str], None]) -> Iterator[str]:
    """Lines of a binary stream, decoded, line endings kept; raises InputError on binary."""
    head = stream.read1(CHUNK)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        yield from _utf16_lines(head, stream, name)
        return
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    if b"\x00" in head:
        raise InputError(f"{name} : contenu binaire (octets nuls) ; ce n'est pas un texte.")
    decode = _LineDecoder(name, warn)
    _refuse_binary(decode(head), name)
    pending = b""
    chunk = head
    while chunk:
        if b"\x00" in chunk:
            raise InputError(f"{name} : contenu binaire (octets nuls) ; ce n'est pas un texte.")
        pending += chunk
        *complete, pending = pending.split(b"\n")
        for raw in complete:
            yield decode(raw + b"\n")
        chunk = stream.read1(CHUNK)
    if pending:
        yield decode(pending)


def _utf16_lines(head: bytes, stream: BinaryIO, name: str) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder("utf-16")()
    pending = ""
    chunk = head
    first = True
    while chunk:
        try:
            pending += decoder.decode(chunk)
        except UnicodeDecodeError:
            raise InputError(f"{name} : UTF-16 annoncé mais invalide.") from None
        if first:
            _refuse_binary(pending, name)
            first = False
        *complete, pending = pending.split("\n")
        for line in complete:
            yield line + "\n"
        chunk = stream.read1(CHUNK)
    pending += decoder.decode(b"", final=True)
    if pending:
        yield pending


def decode(data: bytes, name: str) -> tuple[str, str | None]:
    """A whole buffer decoded as ``read_lines`` would; returns (text, warning or None)."""
    import io

    warnings: list[str] = []
    text = "".join(read_lines(io.BytesIO(data), name, warnings.append))
    return text, (warnings[0] if warnings else None)


@dataclass(frozen=True)
class Unit:
    """A piece of a file scored on its own; ``line`` and ``column`` are 1-based."""

    text: str
    line: int
    column: int = 1


def units(lines: Iterable[str], each: str) -> Iterator[Unit]:
    """Cut lines (endings kept) into units: the whole text, each non-blank line, or each paragraph."""
    if each == "text":
        text = "".join(lines)
        if text.strip():
            yield Unit(text, 1)
        return
    block: list[str] = []
    first = 0
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        if each == "line":
            if line.strip():
                yield Unit(line, number)
        elif line.strip():
            if not block:
                first = number
            block.append(line)
        elif block:
            yield Unit("\n".join(block), first)
            block = []
    if block:
        yield Unit("\n".join(block), first)
