"""French through the real PTB Application: Telegram's language_code, /language, a reminder."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from scheduler.agenda import Agenda
from tests.telegram.conftest import Harness, button, message


def _french(text: str, *, user: int = 51) -> dict[str, Any]:
    sent = message(text, user=user, chat=user)
    sent["from"]["language_code"] = "fr-CA"
    return {"message": sent}


async def test_a_french_user_is_answered_in_french(organiser_harness: Harness) -> None:
    await organiser_harness.feed(_french("/start"))
    await organiser_harness.feed(_french("art 29(3)"))
    welcome, article = (r["text"] for r in organiser_harness.replies()[-2:])
    assert welcome.startswith("<b>Bienvenue</b>\nBonjour ! Je réponds aux questions")
    assert "Budapest Convention · art. 29(3)" in article
    assert article.endswith(
        "<i>Les textes des traités sont cités en anglais, la version que ce bot détient.</i>"
    )
    full_text = organiser_harness.replies()[-1]["reply_markup"]["inline_keyboard"][0][0]
    assert full_text["text"] == "📄 Texte intégral"


async def test_language_is_switched_by_command_and_button(organiser_harness: Harness) -> None:
    await organiser_harness.feed(_french("/language en"))
    assert organiser_harness.replies()[-1]["text"].startswith("From now on I write to you in")
    await organiser_harness.feed(_french("/language"))
    shown = organiser_harness.replies()[-1]
    assert shown["text"].startswith("I write to you in English.")
    french = shown["reply_markup"]["inline_keyboard"][0][1]
    await organiser_harness.feed(button(french["callback_data"], user=51, pressed=shown))
    [edited] = organiser_harness.request.sent("editMessageText")
    assert edited["text"].startswith("Désormais, je vous écris en français.")
    await organiser_harness.text("/help", user=51)  # no language_code: the choice holds
    assert organiser_harness.replies()[-1]["text"].startswith("<b>Ce que je sais faire</b>")


async def test_a_reminder_goes_out_in_the_followers_language(organiser_harness: Harness) -> None:
    await organiser_harness.feed(_french("/subscribe"))
    front = organiser_harness.application.handlers[0][0].callback.__self__  # type: ignore[attr-defined]
    services = front.services
    now = datetime.now(UTC)
    soon = replace(
        services.agenda.sorted()[-1],
        start=now + timedelta(minutes=14),
        end=now + timedelta(minutes=74),
    )
    services.agenda = Agenda([soon])
    services.reminders.due(services.agenda, now - timedelta(hours=1))  # on the agenda since
    front.conversation.queue_due_reminders(resume=False)
    [(html,)] = services.database.query("SELECT html FROM outbox WHERE chat_id = 51")
    assert str(html).startswith("<b>⏰ Début dans environ 15 minutes</b>")
