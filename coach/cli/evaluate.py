"""``coach evaluate FILE.jsonl``: metrics of the model on labelled lines."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from coach.errors import DataError, InputError
from coach.labels import LABELS


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "evaluate",
        help="mesurer le modèle sur des lignes étiquetées",
        description='Lit un fichier JSONL dont chaque ligne est {"text": …, "label": …} '
        "(label : giving, neutral ou selling) et affiche exactitude, F1 macro, F1 par "
        "étiquette et matrice de confusion.",
    )
    parser.add_argument("file", type=Path, metavar="FICHIER.jsonl")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--model", type=Path, metavar="DOSSIER")
    parser.set_defaults(run=run)


def read_labelled(path: Path) -> list[tuple[str, str]]:
    from coach.textio import decode

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path} : fichier introuvable.") from None
    except IsADirectoryError:
        raise InputError(f"{path} : c'est un dossier, pas un fichier.") from None
    except OSError as error:
        raise InputError(f"{path} : lecture impossible ({error.strerror}).") from None
    items = []
    for number, line in enumerate(decode(data, str(path))[0].splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise DataError(f"{path}:{number} : JSON invalide ({error.msg}).") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise DataError(f'{path}:{number} : il faut un objet avec un champ "text".')
        if item.get("label") not in LABELS:
            raise DataError(
                f"{path}:{number} : étiquette {item.get('label')!r} inconnue "
                f"(attendu : {', '.join(LABELS)})."
            )
        items.append((item["text"], item["label"]))
    if not items:
        raise DataError(f"{path} : aucune ligne étiquetée.")
    return items


def run(args: argparse.Namespace) -> int:
    from coach import metrics
    from coach.progress import Progress
    from coach.scorer import Coach

    items = read_labelled(args.file)
    coach = Coach(args.model)
    predicted, scores = [], []
    with Progress("Évaluation", len(items)) as progress:
        for assessment in coach.assess_many(text for text, _ in items):
            predicted.append(assessment.label)
            scores.append(assessment.score)
            progress.advance()
    result = metrics.compute([label for _, label in items], predicted, scores)
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(metrics.report(result))
    return 0
