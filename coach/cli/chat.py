"""``coach chat`` (and plain ``coach``): the practice app; ``coach scenarios`` lists scenarios."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:
    chat = commands.add_parser("chat", help="s'entraîner dans le chat (commande par défaut)")
    chat.add_argument("--scenario", metavar="ID", help="ouvrir directement ce scénario")
    chat.add_argument("--seed", type=int, help="graine des répliques, pour rejouer une partie")
    chat.set_defaults(run=run_chat)
    listing = commands.add_parser("scenarios", help="lister les scénarios d'entraînement")
    listing.set_defaults(run=run_scenarios)


def run_chat(args: argparse.Namespace) -> int:
    from coach.practice import scenarios

    if getattr(args, "scenario", None):
        scenarios.find(args.scenario)  # a clear error before the screen opens
    from coach.tui.app import CoachApp

    CoachApp(scenario_id=getattr(args, "scenario", None), seed=getattr(args, "seed", None)).run()
    return 0


def run_scenarios(args: argparse.Namespace) -> int:
    from coach.practice import scenarios

    for scenario in scenarios.load_all():
        print(
            f"{scenario.id}\t{scenario.title} — avec {scenario.counterpart.name}, {scenario.counterpart.trade}"
        )
    return 0
