"""The ``workshop-bot`` command line: one sub-command per job, each a thin adapter."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from scheduler.store import StorageProblem

# Each module registers its sub-commands with ``register(subparsers)``; the handler it sets as
# ``func`` takes the parsed arguments and returns the process exit code.
COMMAND_MODULES = (
    "bot.cli_corpus",
    "bot.cli_agenda",
    "bot.cli_faq",
    "bot.cli_chat",
    "bot.health",
    "bot.cli_ops",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workshop-bot",
        description="Treaty articles, FAQ and agenda for cybercrime workshops.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except StorageProblem as problem:
        print(problem, file=sys.stderr)
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
