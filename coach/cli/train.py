"""``coach train``: rebuild ``models/`` from ``data/dialogues``."""

from __future__ import annotations

import argparse
from pathlib import Path

from coach.resources import dialogues_dir, models_dir


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "train",
        help="réentraîner le modèle à partir des données",
        description="Compare les familles de modèles en validation croisée, entraîne la "
        "meilleure sur data/dialogues/train et l'enregistre avec son manifeste.",
    )
    parser.add_argument("--data", type=Path, default=None, metavar="DOSSIER")
    parser.add_argument("--output", type=Path, default=None, metavar="DOSSIER")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from coach.training import train

    output = args.output or models_dir()
    manifest = train(args.data or dialogues_dir(), output)
    heldout = manifest["metrics"]["heldout"]
    print(
        f"Modèle « {manifest['family']} » enregistré dans {output} "
        f"({manifest['training']['utterances']} énoncés).\n"
        + "\n".join(
            f"  validation croisée {family} : F1 macro {m['macro_f1']:.3f}"
            for family, m in manifest["metrics"]["cross_validation"].items()
        )
        + f"\n  jeu réservé : F1 macro {heldout['macro_f1']:.3f}, "
        f"bon côté de 50 {heldout['score_side']['right_side']:.3f}"
    )
    return 0
