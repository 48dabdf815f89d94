"""Labelled utterances read from ``data/dialogues/`` (YAML)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from coach import yamlfile
from coach.errors import DataError
from coach.labels import LABELS
from coach.resources import dialogues_dir

TRAIN = "train"
HELDOUT = "heldout"


@dataclass(frozen=True)
class Utterance:
    text: str
    label: str
    situation: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)
    source: str = ""
    line: int = 0


def split_files(split: str, root: Path | None = None) -> list[Path]:
    """The YAML files of one split (``train`` or ``heldout``), in a stable order."""
    folder = (root or dialogues_dir()) / split
    if not folder.is_dir():
        raise DataError(f"{folder} : dossier de données introuvable.")
    return sorted(folder.glob("*.yaml"))


def load_split(split: str, root: Path | None = None) -> list[Utterance]:
    return [u for path in split_files(split, root) for u in load_file(path)]


def load_file(path: Path) -> list[Utterance]:
    document = yamlfile.read(path)
    if not isinstance(document, dict) or not isinstance(document.get("utterances"), list):
        raise DataError(f"{path} : il manque la liste « utterances ».")
    default_situation = str(document.get("situation", ""))
    utterances = []
    for item in document["utterances"]:
        if not isinstance(item, dict):
            raise DataError(f"{yamlfile.where(path, document)} : chaque énoncé doit être un objet.")
        text, label = item.get("text"), item.get("label")
        if not isinstance(text, str) or not text.strip():
            raise DataError(f"{yamlfile.where(path, item)} : « text » manquant ou vide.")
        if label not in LABELS:
            raise DataError(
                f"{yamlfile.where(path, item)} : étiquette « {label} » inconnue "
                f"(attendu : {', '.join(LABELS)})."
            )
        tags = item.get("tags") or []
        utterances.append(
            Utterance(
                text=text,
                label=label,
                situation=str(item.get("situation", default_situation)),
                tags=tuple(str(t) for t in tags),
                source=path.name,
                line=getattr(item, "line", 0),
            )
        )
    return utterances


def fingerprint(paths: Iterable[Path]) -> str:
    """SHA-256 over the names and bytes of data files, independent of their location."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name):
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
