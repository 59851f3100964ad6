"""The console chat: the same conversation as Telegram, in a terminal or a pipe.

Buttons are shown as numbered choices; typing the number presses the button. When stdin is
not a terminal, each input line is one message and only the replies are printed, so
``echo "art 29" | workshop-bot console`` works in scripts.
"""

from __future__ import annotations

from typing import TextIO

from bot.conversation import Conversation, User
from bot.replies import Button, Reply

CONSOLE_USER = User(id=0, chat_id=0, name="console")
PROMPT = "you> "


class ConsoleChat:
    def __init__(self, conversation: Conversation, output: TextIO) -> None:
        self.conversation = conversation
        self.output = output
        self.choices: list[Button] = []

    def send(self, text: str) -> None:
        """Handle one line typed by the user and print the replies."""
        stripped = text.strip()
        if stripped.isdigit() and 0 < int(stripped) <= len(self.choices):
            button = self.choices[int(stripped) - 1]
            reply = self.conversation.action(button.action, CONSOLE_USER)
            if reply is not None and reply.toast is not None:
                reply = Reply().add(reply.toast)
            self.show([reply] if reply else [Reply().add("That choice has expired.")])
            return
        self.show(self.conversation.message(stripped, CONSOLE_USER))

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

    def run(self, source: TextIO, *, interactive: bool) -> None:
        if interactive:
            self.show(self.conversation.message("/start", CONSOLE_USER))
        while True:
            if interactive:
                self.output.write(PROMPT)
                self.output.flush()
            line = source.readline()
            if not line:
                break
            if line.strip() in {"/quit", "/exit"} and interactive:
                break
            self.send(line)
