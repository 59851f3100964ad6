"""A broadcast as the bot composes it: the organiser's words escaped and split into parts."""

from __future__ import annotations

from bot.conversation import Conversation, User
from bot.services import Services

ORGANISER = User(id=7, chat_id=7, name="Org", language="en")


def test_a_5000_character_text_is_escaped_and_split(services: Services) -> None:
    text = "<b>Important</b> & urgent\n\n" + "\n".join("line " * 19 for _ in range(52))
    head, *parts = Conversation(services).message(f"/broadcast {text}", ORGANISER)
    assert len(text) > 5000
    assert head.plain().startswith("Preview: 2 messages to everyone subscribed")
    sent = [part.html() for part in parts]
    assert [len(p) <= 4096 for p in sent] == [True, True]
    assert sent[0].startswith("&lt;b&gt;Important&lt;/b&gt; &amp; urgent\n\n")
    assert "<" not in "".join(sent)


def test_an_agenda_broadcast_lists_the_days_sessions(services: Services) -> None:
    head, *parts = Conversation(services).message("/broadcast agenda 2009-12-08", ORGANISER)
    assert head.plain() == "Preview: 1 message to everyone subscribed (0 chats)"
    assert parts[0].html() == (
        "<b>Agenda for Tuesday 08 December 2009</b>\n\n"
        "<b>Tue 08 Dec 2009, 09:00 – Thu 10 Dec 17:00</b> (Africa/Cairo)\n"
        "Training workshop for judges on cybercrime and child abuse\n"
        "Cairo, Egypt\n"
        "<code>cairo-2009-judges</code>"
    )
