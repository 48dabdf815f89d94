"""``coach rules list|test``: the rule catalogue, and running every rule's examples."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from coach.labels import FRENCH


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "rules",
        help="catalogue des règles, et test de leurs exemples",
        description="« list » affiche le catalogue ; « test » vérifie chaque exemple de chaque règle.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="afficher le catalogue")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    testing = actions.add_parser("test", help="vérifier les exemples de chaque règle")
    for sub in (listing, testing):
        add_rules_option(sub)
    listing.set_defaults(run=run_list)
    testing.set_defaults(run=run_test)


def add_rules_option(parser: argparse.ArgumentParser) -> None:
    """``--rules PATH`` (repeatable): the user's own rule files or folders."""
    parser.add_argument(
        "--rules",
        type=Path,
        action="append",
        default=[],
        metavar="CHEMIN",
        help="fichier ou dossier de règles YAML à ajouter",
    )


def run_list(args: argparse.Namespace) -> int:
    from coach.rules import catalogue

    extra = [file for path in args.rules for file in catalogue.rule_files(path)]
    rules = catalogue.load([*catalogue.builtin_files(), *extra])
    if args.format == "json":
        rows = [
            {
                "id": r.id,
                "category": r.category,
                "kind": r.kind,
                "severity": r.severity,
                "message": r.message,
            }
            for r in rules
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for r in rules:
        print(f"{r.id:<34} {r.category:<14} {FRENCH[r.kind]:<6} {r.severity:<10} {r.message}")
    selling = sum(r.kind == "selling" for r in rules)
    print(
        f"\n{len(rules)} règles : {selling} qui signalent une vente, {len(rules) - selling} qui "
        f"relèvent un point fort ; {len({r.category for r in rules})} catégories."
    )
    return 0


def run_test(args: argparse.Namespace) -> int:
    from coach.progress import Progress
    from coach.rules import selftest
    from coach.scorer import Coach

    coach = Coach(rules=args.rules)
    rules = coach.scorer.rules.all_rules if coach.scorer.rules else []
    failures = []
    with Progress("Test des règles", len(rules)) as progress:
        for rule in rules:
            failures += list(selftest.check_rule(coach, rule))
            progress.advance()
    for failure in failures:
        print(failure)
    examples = sum(len(r.matching) + len(r.not_matching) for r in rules)
    if failures:
        print(
            f"\n{len(failures)} échec(s) sur {examples} exemples de {len(rules)} règles.",
            file=sys.stderr,
        )
        return 1
    print(f"{len(rules)} règles, {examples} exemples : tout est conforme.")
    return 0
