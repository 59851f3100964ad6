"""The README's command table, made from the command registry (bot/help.yaml).

`python -m bot.command_table` prints it; tests/bot/test_commands.py fails when the README's
copy (between the `<!-- commands -->` markers) is out of date.
"""

from __future__ import annotations

from bot.conversation import ORGANISER, HelpTexts

START, END = "<!-- commands -->", "<!-- /commands -->"


def command_table(help_texts: HelpTexts) -> str:
    rows = ["| command | who | what |", "|---|---|---|"]
    for entry in help_texts.commands:
        who = "organisers" if entry.role == ORGANISER else "everyone"
        what = entry.description.replace("{event}", "SESSION-ID").replace("|", "\\|")
        rows.append(f"| `/{entry.command}` | {who} | {what} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(f"{START}\n{command_table(HelpTexts.load())}\n{END}")
