"""CLI sub-commands for the chat front ends: console, run (Telegram) and start (either)."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from bot.settings import load_settings


def register(subparsers: Any) -> None:
    console = subparsers.add_parser("console", help="chat with the bot in this terminal")
    console.add_argument(
        "--language", metavar="CODE", help="the language Telegram would give (en, fr, fr-CA...)"
    )
    console.set_defaults(func=run_console)

    run = subparsers.add_parser("run", help="run the Telegram bot (long polling or webhook)")
    run.add_argument("--webhook", metavar="URL", help="serve a webhook at this public URL")
    run.add_argument("--listen", default="127.0.0.1", help="webhook listen address")
    run.add_argument("--port", type=int, default=8443, help="webhook listen port")
    run.set_defaults(func=run_telegram)

    start = subparsers.add_parser(
        "start", help="Telegram when a token is configured, else the console chat"
    )
    start.set_defaults(func=run_start)


def run_console(args: argparse.Namespace) -> int:
    from bot.console import ConsoleChat
    from bot.conversation import Conversation
    from bot.services import build_services

    # the chat is the terminal: the bot's warnings (an audit line such as "user 0 tried
    # /broadcast without being an organiser") are not replies; errors still show
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    services = build_services(load_settings())
    chat = ConsoleChat(Conversation(services), sys.stdout, getattr(args, "language", None))
    try:
        chat.run(sys.stdin, interactive=sys.stdin.isatty())
    finally:
        services.close()
    return 0


def run_telegram(args: argparse.Namespace) -> int:
    from bot.telegram_app import TokenProblem, run_bot
    from scheduler.store import AlreadyRunning

    logging.basicConfig(
        format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.INFO
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # two lines per reminder tick ("Running job ...", "executed successfully") buried the rest
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    settings = load_settings()
    if not settings.telegram_token:
        print(
            "No Telegram token: set TELEGRAM_BOT_TOKEN (or telegram_token in config.yaml), "
            "or use `workshop-bot console`.",
            file=sys.stderr,
        )
        return 2
    try:
        run_bot(settings, webhook_url=args.webhook, listen=args.listen, port=args.port)
    except TokenProblem as problem:
        print(problem, file=sys.stderr)
        return 2
    except AlreadyRunning as problem:
        print(problem, file=sys.stderr)
        return 1
    return 0


def run_start(args: argparse.Namespace) -> int:
    settings = load_settings()
    if settings.telegram_token:
        args.webhook, args.listen, args.port = None, "127.0.0.1", 8443
        return run_telegram(args)
    print("No TELEGRAM_BOT_TOKEN configured: starting the console chat (Ctrl-D to quit).")
    return run_console(args)
