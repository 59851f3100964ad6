"""The console chat: the same conversation as Telegram, in a terminal or a pipe.

Buttons are shown as numbered choices; typing the number presses the button. When stdin is
not a terminal, each input line is one message and only the replies are printed, so
``echo "art 29" | workshop-bot console`` works in scripts.
"""

from __future__ import annotations

from typing import TextIO

from bot.change_views import agenda_problems_reply, review_reply
from bot.conversation import Conversation, User
from bot.i18n import N_, _, speaking
from bot.replies import Button, Reply, plain_text
from scheduler.outbox import CONSOLE_CHAT, take_due

CONSOLE_USER = User(id=0, chat_id=CONSOLE_CHAT, name="console")
PROMPT = "you> "
EXPIRED = N_("That choice has expired.")


class ConsoleChat:
    """``language`` plays Telegram's language_code (``--language fr``); /language works too."""

    def __init__(
        self, conversation: Conversation, output: TextIO, language: str | None = None
    ) -> None:
        self.conversation = conversation
        self.output = output
        self.choices: list[Button] = []
        self.user = User(CONSOLE_USER.id, CONSOLE_USER.chat_id, CONSOLE_USER.name, language)
        self._resumed = False

    def deliver(self) -> None:
        """Show what the outbox holds for the console, as Telegram would deliver it: a
        broadcast, an agenda change, a reminder now due (no Telegram sender reaches chat 0)."""
        self.conversation.queue_due_reminders(resume=not self._resumed)
        self._resumed = True
        database = self.conversation.services.database
        if database is None:
            return
        for html in take_due(database, self.user.chat_id, self.conversation.now().timestamp()):
            self.output.write(f"🔔 {plain_text(html).rstrip()}\n\n")
        self.output.flush()

    def send(self, text: str) -> None:
        """Handle one line typed by the user and print the replies."""
        stripped = text.strip()
        if stripped.isdigit() and 0 < int(stripped) <= len(self.choices):
            button = self.choices[int(stripped) - 1]
            reply = self.conversation.action(button.action, self.user)
            if reply is not None and reply.toast is not None:
                reply = Reply().add(reply.toast)
            if reply is None:
                with speaking(self.conversation.language_of(self.user)):
                    reply = Reply().add(_(EXPIRED))
            self.show([reply])
        else:
            self.show(self.conversation.message(stripped, self.user))
        self.deliver()

    def show(self, replies: list[Reply]) -> None:
        self.choices = []
        for reply in replies:
            self.output.write(reply.plain().rstrip() + "\n")
            if reply.document:
                self.output.write(f"[file: {reply.document[0]}, {len(reply.document[1])} bytes]\n")
            labels = []
            for row in reply.buttons:
                for button in row:
                    self.choices.append(button)
                    labels.append(f"[{len(self.choices)}] {button.label}")
            if labels:
                self.output.write("  ".join(labels) + "\n")
        self.output.write("\n")
        self.output.flush()

    def review_at_start(self) -> None:
        """Agenda edits made while the console was closed, reviewed as the Telegram bot does
        at start: small ones are announced (shown by ``deliver``), a large one is held and
        its decision shown to an organiser (it had gone live unannounced); files that do not
        load are shown to an organiser too, with what participants see meanwhile (only the
        log had said so, and /agenda showed the last agenda announced)."""
        services = self.conversation.services
        review = services.review_agenda()
        if not self.conversation.is_organiser(self.user):
            return
        with speaking(self.conversation.language_of(self.user)):
            if services.agenda_problems:
                self.show([agenda_problems_reply(services)])
            if review is not None and review.held:
                self.show([review_reply(review)])

    def run(self, source: TextIO, *, interactive: bool) -> None:
        self.review_at_start()
        if interactive:
            self.show(self.conversation.message("/start", self.user))
            self.deliver()
        while True:
            if interactive:
                self.output.write(PROMPT)
                self.output.flush()
            line = terminal_text(source.readline())
            if not line:
                break
            if line.strip() in {"/quit", "/exit"} and interactive:
                break
            self.send(line)


def terminal_text(text: str) -> str:
    """``text`` as typed: a terminal that is not UTF-8 (Latin-1, Windows-1252) gives Python
    bytes it keeps as lone surrogates ("donn\\udce9es"), which no database or output can
    store; they are read again as Windows-1252 ("données"), or Latin-1 where that fails."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogateescape")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return raw.decode("cp1252")
            except UnicodeDecodeError:
                return raw.decode("latin-1")
    return text
