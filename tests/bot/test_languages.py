"""The conversation in French: from Telegram's language_code, /language, reminders, notices."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.change_views import notice_html
from bot.conversation import Conversation, User
from bot.services import Services
from scheduler.changes import EventChange
from scheduler.reminders import DueReminder

FRENCH = User(id=21, chat_id=21, language="fr-FR")
ENGLISH = User(id=22, chat_id=22, language="en")
TREATIES = "Les textes des traités sont cités en anglais, la version que ce bot détient."


def _plain(replies: list) -> str:  # type: ignore[type-arg]
    return "\n".join(r.plain() for r in replies)


def test_a_french_speaking_user_is_answered_in_french(services: Services) -> None:
    conversation = Conversation(services)
    assert _plain(conversation.message("/start", FRENCH)).startswith("Bienvenue\nBonjour !")
    assert _plain(conversation.message("/frobnicate", FRENCH)) == (
        "Je ne connais pas la commande /frobnicate. \nEnvoyez /help pour voir ce que je sais faire."
    )


def test_an_english_speaking_user_is_answered_in_english(services: Services) -> None:
    assert _plain(Conversation(services).message("/start", ENGLISH)).startswith("Welcome\nHello!")


def test_language_switches_and_stays_for_the_chat(services: Services) -> None:
    conversation = Conversation(services)
    [switched] = conversation.message("/language en", FRENCH)
    assert switched.plain() == (
        "From now on I write to you in English. Treaty texts are always quoted in English."
    )
    assert _plain(conversation.message("/start", FRENCH)).startswith("Welcome")
    [shown] = conversation.message("/language", FRENCH)
    assert shown.plain().startswith("I write to you in English.")
    [row] = shown.buttons
    assert [b.label for b in row] == ["✓ English", "Français"]
    chosen = conversation.action(row[1].action, FRENCH)
    assert chosen is not None and chosen.in_place
    assert chosen.plain().startswith("Désormais, je vous écris en français.")
    assert _plain(conversation.message("/language", FRENCH)).startswith(
        "Je vous écris en français."
    )


def test_an_unknown_language_is_refused_with_the_list(services: Services) -> None:
    [reply] = Conversation(services).message("/language klingon", ENGLISH)
    assert reply.plain() == ("I don't speak “klingon” yet. Languages: English (en), Français (fr).")


def test_treaty_texts_are_said_to_be_in_english_once_per_chat(services: Services) -> None:
    conversation = Conversation(services)
    first = _plain(conversation.message("art 29(3)", FRENCH))
    again = _plain(conversation.message("art 16", FRENCH))
    assert first.rstrip().endswith(TREATIES)
    assert "Paragraph" not in first and "Expedited preservation" in first  # quoted in English
    assert TREATIES not in again
    assert "cités en anglais" not in _plain(conversation.message("art 29", ENGLISH))


def test_a_question_in_another_language_is_told_of_english_texts_once_too(
    services: Services,
) -> None:
    """On an English phone, each Spanish question had ended with the same sentence."""
    conversation = Conversation(services)
    english = "Treaty texts are quoted in English"  # in the interface's language
    first = _plain(
        conversation.message("¿Qué dice el artículo 16 del Convenio de Budapest?", ENGLISH)
    )
    again = _plain(conversation.message("¿Y el artículo 29 del Convenio de Budapest?", ENGLISH))
    assert english in first
    assert "Expedited preservation" in again and english not in again


def test_a_french_reminder_and_notice(services: Services) -> None:
    conversation = Conversation(services)
    conversation.message("/subscribe", FRENCH)
    event = services.agenda.sorted()[0]
    due = DueReminder(FRENCH.chat_id, event, 15, late=False)
    text = conversation.reminder(due).plain()
    assert text.startswith("⏰ Début dans environ 15 minutes\n")
    assert conversation.reminder(DueReminder(ENGLISH.chat_id, event, 15, late=False)).plain() == (
        conversation.following.reminder(due).plain()
    )
    notice = notice_html(EventChange(event, None, ("cancelled",)), ZoneInfo("UTC"), "fr")
    assert notice.startswith("❌ <b>Annulée : </b>")
    assert "Elle était prévue le " in notice


def test_french_dates_and_days(services: Services) -> None:
    conversation = Conversation(services, now=lambda: datetime(2010, 9, 14, 9, 0, tzinfo=UTC))
    heading = _plain(conversation.message("/agenda demain", FRENCH)).splitlines()[0]
    assert heading == "Programme du mercredi 15 septembre 2010"
