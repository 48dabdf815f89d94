"""``coach score``: score files or standard input like a linter."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from coach.assessment import Assessment
from coach.cli.rules import add_rules_option
from coach.errors import InputError
from coach.progress import Progress
from coach.rules.catalogue import SEVERITIES
from coach.textio import UNIT_KINDS, Unit, read_lines, units

FORMATS = ("text", "json", "jsonl")
MAX_WARNINGS = 3  # per file; the rest are counted


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "score",
        help="évaluer des fichiers (ou l'entrée standard)",
        description="Évalue des textes : score 0–100 (100 = donne, 0 = vend), étiquette, "
        "mots qui vendent. Codes de sortie : 0 ok, 1 une unité sous --fail-under, "
        "2 usage incorrect ou entrée illisible.",
    )
    parser.add_argument("paths", nargs="+", metavar="CHEMIN", help="fichiers, ou - pour stdin")
    parser.add_argument(
        "--each", choices=UNIT_KINDS, default="text", help="unité évaluée (défaut : text)"
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="format de sortie")
    parser.add_argument(
        "--fail-under",
        type=_score_threshold,
        metavar="N",
        help="code de sortie 1 si une unité a un score inférieur à N",
    )
    parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="RÈGLE",
        help="désactiver une règle (option répétable)",
    )
    parser.add_argument(
        "--min-severity",
        choices=SEVERITIES,
        default="suggestion",
        help="ne garder que les constats de cette gravité ou plus",
    )
    add_rules_option(parser)
    parser.add_argument("--model", type=Path, metavar="DOSSIER", help="modèle et son manifeste")
    parser.set_defaults(run=run)


def _score_threshold(value: str) -> float:
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"« {value} » n'est pas un nombre") from None
    if not 0 <= number <= 100:
        raise argparse.ArgumentTypeError(f"{value} n'est pas entre 0 et 100")
    return number


@dataclass
class Source:
    name: str
    stream: BinaryIO
    size: int | None  # bytes, when known: progress is shown against it


def open_source(path: str) -> Source:
    if path == "-":
        return Source("<stdin>", sys.stdin.buffer, None)
    location = Path(path)
    if location.is_dir():
        raise InputError(f"{path} : c'est un dossier, pas un fichier.")
    try:
        stream = location.open("rb")
    except FileNotFoundError:
        raise InputError(f"{path} : fichier introuvable.") from None
    except PermissionError:
        raise InputError(f"{path} : lecture non autorisée.") from None
    except OSError as error:
        raise InputError(f"{path} : lecture impossible ({error.strerror}).") from None
    return Source(path, stream, os.fstat(stream.fileno()).st_size)


def warn(message: str) -> None:
    print(f"coach : attention : {message}", file=sys.stderr)


class Scoring:
    """One `coach score` run: scores every source, writes units, keeps the exit status."""

    def __init__(self, args: argparse.Namespace) -> None:
        from coach.cli.render import TextRenderer, use_colour
        from coach.scorer import Coach

        self.args = args
        self.coach = Coach(
            args.model, rules=args.rules, disabled=args.disable, min_severity=args.min_severity
        )
        self.out = sys.stdout
        self.renderer = TextRenderer(self.out, use_colour(self.out))
        self.unreadable = self.failed = False
        self.scores: list[float] = []
        self.labels: list[str] = []
        self.documents: list[dict] = []

    def error(self, message: str) -> None:
        print(f"coach : erreur : {message}", file=sys.stderr)
        self.unreadable = True

    def run(self) -> int:
        for path in self.args.paths:
            try:
                source = open_source(path)
            except InputError as error:
                self.error(str(error))
                continue
            try:
                self.score(source)
            except InputError as error:
                self.error(str(error))
            finally:
                if source.stream is not sys.stdin.buffer:
                    source.stream.close()
        if self.args.format == "json":
            json.dump({"units": self.documents}, self.out, ensure_ascii=False, indent=2)
            self.out.write("\n")
        elif self.args.format == "text":
            self.renderer.summary(self.scores, self.labels)
        if self.unreadable:
            return 2
        return 1 if self.failed else 0

    def _scorable(
        self, source: Source, pieces: Iterator[Unit], pending: deque[Unit]
    ) -> Iterator[str]:
        """Texts of the units to score, in order; units too long are reported and skipped."""
        from coach.scorer import MAX_TEXT_CHARS, too_long

        for piece in pieces:
            if len(piece.text) > MAX_TEXT_CHARS:
                self.error(f"{source.name}:{piece.line} : {too_long(len(piece.text))}")
                continue
            pending.append(piece)
            yield piece.text

    def score(self, source: Source) -> None:
        pieces = units(read_lines(source.stream, source.name, warn), self.args.each)
        pending: deque[Unit] = deque()
        count = warned = 0
        with Progress(f"Évaluation de {source.name}", source.size) as progress:
            for assessment in self.coach.assess_many(self._scorable(source, pieces, pending)):
                piece = pending.popleft()
                count += 1
                for message in assessment.warnings:
                    warned += 1
                    if warned <= MAX_WARNINGS:
                        warn(f"{source.name}:{piece.line} : {message}")
                self.write(source, piece, assessment)
                progress.update(source.stream.tell() if source.size else count)
        if warned > MAX_WARNINGS:
            warn(
                f"{source.name} : {warned - MAX_WARNINGS} autre(s) unité(s) avec un avertissement."
            )
        if count == 0 and not self.unreadable:
            self.error(f"{source.name} : entrée vide, rien à évaluer.")

    def write(self, source: Source, piece: Unit, assessment: Assessment) -> None:
        self.scores.append(assessment.score)
        self.labels.append(assessment.label)
        if self.args.fail_under is not None and assessment.score < self.args.fail_under:
            self.failed = True
        record = {"source": source.name, "line": piece.line, **assessment.to_dict()}
        if self.args.format == "jsonl":
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.args.format == "json":
            self.documents.append(record)
        else:
            self.renderer.unit(source.name, piece.line, piece.column, assessment)
        self.out.flush()


def run(args: argparse.Namespace) -> int:
    return Scoring(args).run()
