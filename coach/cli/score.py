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

from coach.errors import InputError
from coach.progress import Progress
from coach.rules.catalogue import SEVERITIES
from coach.textio import UNIT_KINDS, Unit, read_lines, units

FORMATS = ("text", "json", "jsonl")


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
    parser.add_argument(
        "--rules",
        type=Path,
        action="append",
        default=[],
        metavar="CHEMIN",
        help="fichier ou dossier de règles YAML à ajouter",
    )
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


def run(args: argparse.Namespace) -> int:
    from coach.cli.render import TextRenderer, use_colour
    from coach.scorer import Coach

    coach = Coach(
        args.model, rules=args.rules, disabled=args.disable, min_severity=args.min_severity
    )
    out = sys.stdout
    renderer = TextRenderer(out, use_colour(out))
    unreadable = failed = False
    scores: list[float] = []
    labels: list[str] = []
    documents: list[dict] = []
    for path in args.paths:
        try:
            source = open_source(path)
        except InputError as error:
            print(f"coach : erreur : {error}", file=sys.stderr)
            unreadable = True
            continue
        pieces = units(read_lines(source.stream, source.name, warn), args.each)
        pending: deque[Unit] = deque()

        def texts(pieces: Iterator[Unit] = pieces, pending: deque[Unit] = pending) -> Iterator[str]:
            for piece in pieces:
                pending.append(piece)
                yield piece.text

        count = 0
        with Progress(f"Évaluation de {source.name}", source.size) as progress:
            try:
                for assessment in coach.assess_many(texts()):
                    piece = pending.popleft()
                    count += 1
                    scores.append(assessment.score)
                    labels.append(assessment.label)
                    if args.fail_under is not None and assessment.score < args.fail_under:
                        failed = True
                    record = {"source": source.name, "line": piece.line, **assessment.to_dict()}
                    if args.format == "jsonl":
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    elif args.format == "json":
                        documents.append(record)
                    else:
                        renderer.unit(source.name, piece.line, piece.column, assessment)
                    out.flush()
                    progress.update(source.stream.tell() if source.size else count)
            except InputError as error:
                print(f"coach : erreur : {error}", file=sys.stderr)
                unreadable = True
                continue
            finally:
                if source.stream is not sys.stdin.buffer:
                    source.stream.close()
        if count == 0:
            print(f"coach : erreur : {source.name} : entrée vide, rien à évaluer.", file=sys.stderr)
            unreadable = True
    if args.format == "json":
        json.dump({"units": documents}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "text":
        renderer.summary(scores, labels)
    if unreadable:
        return 2
    return 1 if failed else 0
