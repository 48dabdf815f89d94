"""The ``coach`` command: practice chat, file scoring, training and evaluation."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from coach.cli.french_argparse import FrenchArgumentParser
from coach.errors import CoachError

EXIT_OK, EXIT_FAILED_UNDER, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def build_parser() -> FrenchArgumentParser:
    from coach.cli import chat, evaluate, rules, score, train

    parser = FrenchArgumentParser(
        prog="coach",
        description="Coach de réseautage : réseauter n'est pas vendre.",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMANDE", parser_class=FrenchArgumentParser
    )
    chat.register(commands)
    score.register(commands)
    train.register(commands)
    evaluate.register(commands)
    rules.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from coach.cli.chat import run_chat

        args.run = run_chat
    try:
        return int(args.run(args))
    except CoachError as error:
        print(f"coach : erreur : {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\ncoach : interrompu.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`coach score … | head`): stop quietly, and keep
        # Python from complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
