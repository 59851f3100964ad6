"""Change notices through /reload: a recurring series moved in time, a session restored."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bot.conversation import Conversation, User
from bot.services import Services
from scheduler.export import write_agenda_file
from scheduler.importers import import_schedule

ORGANISER = User(id=7, chat_id=7)
PARTICIPANT = User(id=8, chat_id=8)


def webinars_ics(hour: int) -> str:
    """A calendar with a daily webinar at ``hour`` (UTC) on 23-26 March 2099, the 25th
    excluded."""
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-WR-CALNAME:Webinars\r\n"
        "BEGIN:VEVENT\r\nUID:w1@x.org\r\nSUMMARY:Webinar\r\n"
        f"DTSTART:20990323T{hour:02d}0000Z\r\nDTEND:20990323T{hour:02d}5000Z\r\n"
        f"RRULE:FREQ=DAILY;COUNT=4\r\nEXDATE:20990325T{hour:02d}0000Z\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def _import(tmp_path: Path, text: str) -> None:
    export = tmp_path / "webinars.ics"
    export.write_text(text)
    write_agenda_file(import_schedule(export), tmp_path / "agenda", export.stem)


def _following(services: Services, tmp_path: Path) -> Conversation:
    """The organiser's agenda folder announced once, with a participant following it all."""
    services.settings = replace(services.settings, agenda_dir=tmp_path / "agenda")
    conversation = Conversation(services)
    conversation.message("/reload", ORGANISER)
    conversation.message("/subscribe", PARTICIPANT)
    return conversation


def _queued(services: Services) -> list[str]:
    assert services.database is not None
    return [str(row[0]) for row in services.database.query("SELECT html FROM outbox")]


def test_a_series_moved_an_hour_later_is_told_as_moved_in_time(
    services: Services, tmp_path: Path
) -> None:
    _import(tmp_path, webinars_ics(9))
    conversation = _following(services, tmp_path)
    _import(tmp_path, webinars_ics(10))  # the same calendar, the whole series an hour later

    replies = conversation.message("/reload", ORGANISER)

    assert replies[1].plain() == "Agenda updated: 3 moved in time. Notices queued: 3 to 1 chats."
    queued = _queued(services)
    assert [html.splitlines()[0] for html in queued] == ["🔄 <b>Changed: </b><b>Webinar</b>"] * 3
    assert queued[0].splitlines()[1] == (
        "Time: <s>Mon 23 Mar 2099, 09:00–09:50 (UTC) · Mon 23 Mar, 10:00–10:50 your time "
        "(Europe/Paris)</s> → <b>Mon 23 Mar 2099, 10:00–10:50 (UTC) · Mon 23 Mar, 11:00–11:50 "
        "your time (Europe/Paris)</b>"
    )
