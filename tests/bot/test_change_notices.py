"""Change notices through /reload: a recurring series moved in time (also across midnight), a
session restored."""

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

    assert replies[1].plain() == "Agenda updated: 3 moved in time. Notices queued: 3 to 1 chat."
    queued = _queued(services)
    assert [html.splitlines()[0] for html in queued] == ["🔄 <b>Changed: </b><b>Webinar</b>"] * 3
    assert queued[0].splitlines()[1] == (
        "Time: <s>Mon 23 Mar 2099, 09:00–09:50 (UTC) · Mon 23 Mar, 10:00–10:50 your time "
        "(Europe/Paris)</s> → <b>Mon 23 Mar 2099, 10:00–10:50 (UTC) · Mon 23 Mar, 11:00–11:50 "
        "your time (Europe/Paris)</b>"
    )


def test_a_session_restored_after_its_cancellation_was_sent_is_told_back(
    services: Services, tmp_path: Path
) -> None:
    """The file moved away by mistake, the held cancellation sent, the file put back: the
    follower hears the session is on again (in their language and zone) before its reminder."""
    agenda = tmp_path / "agenda"
    agenda.mkdir()
    for name, hour in (("main", 9), ("glacy", 11)):
        (agenda / f"{name}.yaml").write_text(
            f"timezone: UTC\nevents:\n  - {{id: {name}, title: {name.title()} workshop,"
            f" start: 2099-03-23T{hour:02d}:00, end: 2099-03-23T{hour:02d}:30, room: Salle A}}\n"
        )
    conversation = _following(services, tmp_path)
    conversation.message("/language fr", PARTICIPANT)
    conversation.message("/timezone Asia/Tokyo", PARTICIPANT)
    (agenda / "glacy.yaml").rename(tmp_path / "glacy.yaml")
    send, _ = conversation.message("/reload", ORGANISER)[1].buttons[0]
    conversation.action(send.action, ORGANISER)
    (tmp_path / "glacy.yaml").rename(agenda / "glacy.yaml")

    replies = conversation.message("/reload", ORGANISER)

    assert replies[1].plain() == (
        "Agenda updated: 1 back on the agenda. Notices queued: 1 to 1 chat."
    )
    cancelled, back = _queued(services)
    assert cancelled.startswith("❌ <b>Annulée : </b><b>Glacy workshop</b>")
    assert back == (
        "✅ <b>De retour au programme : </b><b>Glacy workshop</b>\n"
        "Elle est prévue le lun. 23 mars 2099, 11:00–11:30 (UTC) · lun. 23 mars, 20:00–20:30 "
        "chez vous (Asia/Tokyo), Salle A.\n/event glacy"
    )


def test_a_series_moved_across_midnight_is_told_two_hours_earlier(
    services: Services, tmp_path: Path
) -> None:
    """01:00 moved to 23:00 the day before: named by their date, two of the three sessions
    were told cancelled and the third moved 22 hours later (N1)."""
    _import(tmp_path, webinars_ics(1))
    conversation = _following(services, tmp_path)
    earlier = webinars_ics(1).replace("20990323T01", "20990322T23")
    _import(tmp_path, earlier.replace("20990325T01", "20990324T23"))  # the same one excluded

    replies = conversation.message("/reload", ORGANISER)

    assert replies[1].plain() == "Agenda updated: 3 moved in time. Notices queued: 3 to 1 chat."
    queued = _queued(services)
    assert [html.splitlines()[0] for html in queued] == ["🔄 <b>Changed: </b><b>Webinar</b>"] * 3
    assert queued[0].splitlines()[1] == (
        "Time: <s>Mon 23 Mar 2099, 01:00–01:50 (UTC) · Mon 23 Mar, 02:00–02:50 your time "
        "(Europe/Paris)</s> → <b>Sun 22 Mar 2099, 23:00–23:50 (UTC) · Mon 23 Mar, 00:00–00:50 "
        "your time (Europe/Paris)</b>"
    )
