"""The command registry (bot/help.yaml) is the one list: every command is in it, and /help,
the README table and the roles follow it."""

from __future__ import annotations

from bot.command_table import END, START, command_table
from bot.conversation import ORGANISER, Conversation, HelpTexts, User
from bot.services import Services
from bot.settings import PROJECT_ROOT

REGISTRY = HelpTexts.load()


def test_every_command_is_registered_and_every_registered_one_exists(
    services: Services,
) -> None:
    handled = set(Conversation(services).commands) - {"start"}  # /start is Telegram's own
    assert {c.command for c in REGISTRY.commands} == handled


def test_the_readme_table_is_the_registrys() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme[readme.index(START) + len(START) : readme.index(END)].strip()
    assert shown == command_table(REGISTRY), "run: python -m bot.command_table"


def test_help_shows_organiser_commands_to_organisers_only(services: Services) -> None:
    conversation = Conversation(services)
    organiser_commands = [c.command for c in REGISTRY.commands if c.role == ORGANISER]
    for_participant = conversation.message("/help", User(8, 8))[0].plain()
    for_organiser = conversation.message("/help", User(7, 7))[0].plain()
    assert not any(f"/{c} " in for_participant for c in organiser_commands)
    assert all(f"/{c} " in for_organiser for c in organiser_commands)
    assert "For organisers:" in for_organiser
    assert "{event}" not in for_participant  # examples name a session of the live agenda
