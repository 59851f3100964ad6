"""The shared conversation: help examples, organiser commands, reload, console rendering."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.agenda_views import parse_day
from bot.change_views import agenda_problems_reply
from bot.console import ConsoleChat, terminal_text
from bot.conversation import Conversation, HelpTexts, User
from bot.services import Services, build_services
from bot.settings import Settings

ORGANISER = User(id=7, chat_id=7)
PARTICIPANT = User(id=8, chat_id=8)


@pytest.mark.parametrize(
    "example",
    [e for c in HelpTexts.load().commands for e in c.examples] + list(HelpTexts.load().questions),
)
def test_help_examples_get_real_answers(services: Services, example: str) -> None:
    conversation = Conversation(services)
    replies = conversation.message(conversation.live(example), PARTICIPANT)
    text = "\n".join(r.plain() for r in replies)
    assert text
    assert "I don't know" not in text
    assert "could not read" not in text


def test_unanswered_is_for_organisers_only(services: Services) -> None:
    conversation = Conversation(services)
    conversation.message("tell me a joke", PARTICIPANT)
    conversation.message("Tell me a joke!", PARTICIPANT)
    refused = conversation.message("/unanswered", PARTICIPANT)[0].plain()
    assert refused == "Sorry, only organisers can do that."
    report = conversation.message("/unanswered", ORGANISER)[0].plain().splitlines()
    assert report[0] == "Questions I could not answer well"
    assert report[1].startswith("2× (1 user) ")


def test_unanswered_counts_no_askers_for_questions_asked_without_one(
    services: Services,
) -> None:
    services.ask.ask("tell me a joke")  # as the CLI asks: no one to count

    report = Conversation(services).message("/unanswered", ORGANISER)[0].plain().splitlines()

    assert report[1] == "1× tell me a joke"


def test_unanswered_is_never_posted_to_a_group(services: Services) -> None:
    conversation = Conversation(services)
    conversation.message("my name is Ana Silva, tell me a joke", PARTICIPANT)
    in_group = conversation.message("/unanswered", User(id=7, chat_id=-100123))[0].plain()
    assert in_group.startswith("Participants' questions are private")
    private = conversation.message("/unanswered", ORGANISER)[0].plain()
    assert "my name is [name], tell me a joke" in private
    assert "Ana" not in private


def test_reload_with_broken_faq_keeps_current_content(services: Services) -> None:
    conversation = Conversation(services)
    before = services.faq
    (services.settings.faq_dir / "broken.yaml").write_text("- id: x\n  questions: [a\n")
    lines = conversation.message("/reload", ORGANISER)[0].plain().splitlines()
    assert lines[0] == "Not reloaded: the current content stays live."
    assert lines[1].startswith(f"{services.settings.faq_dir / 'broken.yaml'}:")
    assert services.faq is before
    assert (
        conversation.message("what is the T-CY?", PARTICIPANT)[0]
        .plain()
        .startswith("What is the T-CY?")
    )


def test_reload_picks_up_a_new_faq_entry(services: Services) -> None:
    conversation = Conversation(services)
    (services.settings.faq_dir / "venue.yaml").write_text(
        '- id: venue-wifi\n  questions: ["What is the wifi password at the venue?"]\n'
        "  answer: It is printed on your badge.\n"
    )
    assert conversation.message("/reload", ORGANISER)[0].plain().startswith("Reloaded: 8 treaties")
    reply = conversation.message("what is the wifi password at the venue", PARTICIPANT)[0]
    assert reply.plain().splitlines()[1] == "It is printed on your badge."


def test_console_numbers_buttons_and_presses_them(services: Services) -> None:
    output = io.StringIO()
    chat = ConsoleChat(Conversation(services), output)
    chat.send("art 35(1)")
    assert "[1] 📄 Full text" in output.getvalue()
    chat.send("1")
    assert "Budapest Convention · Article 35\n24/7 Network\n\n1. Each Party" in output.getvalue()


def test_a_terminal_that_is_not_utf8_is_read_as_typed(services: Services) -> None:
    """A Latin-1 terminal's "données" reaches Python as "donn\\udce9es", which the logs of
    questions could not store: the reply was "Sorry, something went wrong"."""
    typed = "conservation des données".encode("latin-1").decode("utf-8", "surrogateescape")
    output = io.StringIO()

    ConsoleChat(Conversation(services), output).run(io.StringIO(typed + "\n"), interactive=False)

    assert terminal_text(typed) == "conservation des données"
    assert "Article 16" in output.getvalue() or "Art. 16" in output.getvalue()
    assert "went wrong" not in output.getvalue()


def test_the_console_shows_what_the_outbox_holds_for_it(services: Services) -> None:
    """A broadcast confirmed while the console was subscribed said "Queued 1 message" and was
    never shown: no Telegram sender reaches the console's chat. Another chat's copy stays
    queued for the sender."""
    output = io.StringIO()
    chat = ConsoleChat(Conversation(services), output)
    chat.send("/subscribe")
    Conversation(services).message("/subscribe", PARTICIPANT)
    broadcasts = services.broadcasts
    assert broadcasts is not None
    preview = broadcasts.create(7, ["Lunch moved to <b>13:00</b> &amp; coffee at 15:00"])
    broadcasts.confirm(7, preview.broadcast_id)

    chat.send("/mysessions")
    chat.send("/mysessions")

    assert output.getvalue().count("🔔 Lunch moved to 13:00 & coffee at 15:00\n") == 1
    report = broadcasts.report(preview.broadcast_id)
    assert (report.sent, report.pending) == (1, 1)


def test_console_pipe_mode_prints_only_replies(services: Services) -> None:
    output = io.StringIO()
    ConsoleChat(Conversation(services), output).run(io.StringIO("art 29(7)\n"), interactive=False)
    assert output.getvalue().startswith("Budapest Convention · Art. 29(7)")
    assert "you>" not in output.getvalue()


def test_reload_tells_followers_when_a_session_moves(services: Services, tmp_path: Path) -> None:
    agenda_dir = tmp_path / "agenda"
    agenda_dir.mkdir()
    (agenda_dir / "a.yaml").write_text(
        "timezone: UTC\nevents:\n  - {id: opening, title: Opening, start: 2099-03-23T09:00,"
        " end: 2099-03-23T10:00, room: Room 1}\n"
    )
    services.settings = replace(services.settings, agenda_dir=agenda_dir)
    conversation = Conversation(services)
    conversation.message("/reload", ORGANISER)
    conversation.message("/subscribe", PARTICIPANT)
    (agenda_dir / "a.yaml").write_text(
        "timezone: UTC\nevents:\n  - {id: opening, title: Opening, start: 2099-03-23T09:00,"
        " end: 2099-03-23T10:00, room: Room 9}\n"
    )
    replies = conversation.message("/reload", ORGANISER)
    assert replies[0].plain().startswith("Reloaded")
    assert replies[1].plain() == ("Agenda updated: 1 moved elsewhere. Notices queued: 1 to 1 chat.")
    assert services.database is not None
    queued = services.database.query("SELECT chat_id, html FROM outbox")
    assert queued == [
        (
            PARTICIPANT.chat_id,
            "🔄 <b>Changed: </b><b>Opening</b>\n"
            "Place: <s>Room 1</s> → <b>Room 9</b>\n/event opening",
        )
    ]


def _two_agenda_files(tmp_path: Path) -> Path:
    """An agenda folder of two files, main.yaml and camp2026.yaml, of three talks each."""
    agenda_dir = tmp_path / "agenda"
    agenda_dir.mkdir()
    for name in ("main", "camp2026"):
        (agenda_dir / f"{name}.yaml").write_text(
            "timezone: UTC\nevents:\n"
            + "".join(
                f"  - {{id: {name}{n}, title: Talk {n}, start: 2099-03-23T0{n}:00,"
                f" end: 2099-03-23T0{n}:30}}\n"
                for n in range(1, 4)
            )
        )
    return agenda_dir


def test_a_removed_agenda_file_waits_for_an_organiser(services: Services, tmp_path: Path) -> None:
    agenda_dir = _two_agenda_files(tmp_path)
    services.settings = replace(services.settings, agenda_dir=agenda_dir)
    conversation = Conversation(services)
    conversation.message("/reload", ORGANISER)
    conversation.message("/subscribe", PARTICIPANT)
    (agenda_dir / "camp2026.yaml").rename(tmp_path / "camp2026.yaml")
    held = conversation.message("/reload", ORGANISER)[1]
    assert held.plain().splitlines()[:3] == [
        "Agenda change waiting for your decision",
        "3 sessions changed (3 cancelled: file camp2026.yaml removed or emptied).",
        "• Cancelled: Talk 1",
    ]
    send, quiet = held.buttons[0]
    assert (send.label, quiet.label) == ("📣 Send 3 notices", "🤫 Update silently")
    assert services.database is not None
    assert services.database.query("SELECT COUNT(*) FROM outbox") == [(0,)]
    assert len(services.agenda.events) == 6  # participants keep the agenda they knew
    refused = conversation.action(send.action, PARTICIPANT)
    assert refused is not None and refused.plain() == "Sorry, only organisers can do that."
    done = conversation.action(quiet.action, ORGANISER)
    assert done is not None
    assert (
        done.plain()
        == "Agenda updated silently: 3 cancelled: file camp2026.yaml removed or emptied. "
        "No notices sent."
    )
    assert len(services.agenda.events) == 3  # decided: the new agenda is live
    again = conversation.action(send.action, ORGANISER)  # a double tap, or the other button
    assert again is not None and again.plain().startswith("Nothing done: this change was")
    assert services.database.query("SELECT COUNT(*) FROM outbox") == [(0,)]
    assert len(conversation.message("/reload", ORGANISER)) == 1  # nothing waiting any more


def test_a_file_removed_while_the_console_was_closed_waits_for_an_organiser(
    services: Services, tmp_path: Path
) -> None:
    """The Telegram bot reviews the agenda at start; the console had put the new agenda live
    unannounced, and its next /reload said the agenda was unchanged (walkthrough 31)."""
    agenda_dir = _two_agenda_files(tmp_path)
    settings = replace(services.settings, agenda_dir=agenda_dir, organisers=frozenset({0}))
    services.settings = settings
    before = ConsoleChat(Conversation(services), io.StringIO())
    before.run(io.StringIO("/reload\n/subscribe\n"), interactive=False)
    (agenda_dir / "camp2026.yaml").unlink()
    restarted = build_services(settings)
    output = io.StringIO()
    try:
        ConsoleChat(Conversation(restarted), output).run(
            io.StringIO("/mysessions\n"), interactive=False
        )
        assert output.getvalue().startswith("Agenda change waiting for your decision\n")
        assert len(restarted.agenda.events) == 6  # the agenda participants knew, meanwhile
    finally:
        restarted.close()


def test_the_console_tells_an_organiser_at_start_that_the_agenda_files_do_not_load(
    services: Services, tmp_path: Path
) -> None:
    """Only the log had said so, and /agenda showed the agenda last announced (walkthrough
    32)."""
    agenda_dir = tmp_path / "agenda"
    agenda_dir.mkdir()
    (agenda_dir / "conf.yaml").write_text("events:\n  - id: [\n")
    said = {}
    for organisers in (frozenset({0}), frozenset({7})):  # the console's user is 0
        settings = replace(services.settings, agenda_dir=agenda_dir, organisers=organisers)
        restarted = build_services(settings, database=services.database)
        output = io.StringIO()
        ConsoleChat(Conversation(restarted), output).run(io.StringIO(""), interactive=False)
        said[0 in organisers] = output.getvalue()

    assert said[True].startswith("⚠ The agenda files have problems\n")
    assert f"• {agenda_dir / 'conf.yaml'}:" in said[True]
    assert said[False] == ""  # a participant is not told


def test_an_old_button_does_not_act_on_a_later_identical_change(
    services: Services, tmp_path: Path
) -> None:
    agenda_dir = tmp_path / "agenda"
    agenda_dir.mkdir()
    for name in ("main", "camp2026"):
        (agenda_dir / f"{name}.yaml").write_text(
            "timezone: UTC\nevents:\n"
            f"  - {{id: {name}1, title: Talk, start: 2099-03-23T09:00, end: 2099-03-23T10:00}}\n"
        )
    services.settings = replace(services.settings, agenda_dir=agenda_dir)
    conversation = Conversation(services)
    conversation.message("/reload", ORGANISER)
    conversation.message("/subscribe", PARTICIPANT)
    camp, away = agenda_dir / "camp2026.yaml", tmp_path / "camp2026.yaml"
    camp.rename(away)
    old_send, old_quiet = conversation.message("/reload", ORGANISER)[1].buttons[0]
    assert conversation.action(old_quiet.action, ORGANISER) is not None  # decided: silently
    away.rename(camp)
    conversation.message("/reload", ORGANISER)  # back: a new session, no news
    camp.rename(away)  # the same mistake again: the same change, to be decided again
    new_send, _ = conversation.message("/reload", ORGANISER)[1].buttons[0]

    stale = conversation.action(old_send.action, ORGANISER)

    assert new_send.action != old_send.action
    assert stale is not None and stale.plain().startswith("Nothing done: this change was")
    assert services.database is not None
    assert services.database.query("SELECT COUNT(*) FROM outbox") == [(0,)]
    sent = conversation.action(new_send.action, ORGANISER)
    assert sent is not None and sent.plain().startswith("Agenda updated: 1 cancelled")
    assert services.database.query("SELECT COUNT(*) FROM outbox") == [(1,)]


def test_a_fact_is_answered_from_the_programme_document_with_its_age(
    services: Services,
) -> None:
    [reply] = Conversation(services).message(
        "Where did the REMJA working group on cyber-crime meet in January 2010?", PARTICIPANT
    )

    lines = reply.plain().splitlines()
    assert lines[0] == "Global Project on Cybercrime (phase 2): update December 2009 - January 2010"
    assert lines[1].endswith("· as of 2010")
    assert "Washington D.C · Sixth Meeting of the REMJA Working Group" in reply.plain()


def test_a_fact_from_slides_reads_without_markdown_marks(services: Services) -> None:
    [reply] = Conversation(services).message(
        "how many phishing attacks a month did the Tokyo capacity building slides mention?",
        PARTICIPANT,
    )

    shown = reply.plain()
    assert "US$ 110 billion/year (Symantec)" in shown
    assert "**" not in shown
    assert "\n# " not in shown


def test_which_states_are_parties_gets_the_dated_count_and_one_state_the_chart(
    services: Services,
) -> None:
    conversation = Conversation(services)
    [listed] = conversation.message(
        "which countries have ratified the budapest convention", PARTICIPANT
    )
    [one] = conversation.message("Has Brazil ratified the Budapest Convention?", PARTICIPANT)

    assert "As of August 2014" in listed.plain()
    assert "https://www.coe.int/en/web/conventions" in one.plain()
    assert "Art. 36" not in one.plain()
    assert "as of 2014" not in one.plain()  # the 2014 list of Parties says nothing of Brazil


def test_a_question_in_french_says_the_texts_are_in_english(services: Services) -> None:
    user = User(id=9, chat_id=9, language="fr")
    [reply] = Conversation(services).message("Qu'est-ce que le réseau 24/7 ?", user)

    assert "Budapest Convention · art. 35" in reply.plain()  # the interface in French
    assert (
        reply.plain()
        .rstrip()
        .endswith("Les textes des traités sont cités en anglais, la version que ce bot détient.")
    )


@pytest.mark.parametrize(
    ("argument", "heading"),
    [
        ("ETS 182 7", "Second Additional Protocol to the MLA Convention · Art. 7 –"),
        ("108 5", "Convention 108 · Art. 5 –"),
        ("29 3", "Budapest Convention · Art. 29(3) –"),
        ("30 2", "Budapest Convention · Art. 30(2) –"),
        ("lanzarote 23", "Lanzarote Convention · Art. 23 –"),
        # an id glued to the number, as contact points type it (had been Budapest's Art. 30)
        ("ETS30-3", "European Convention on Mutual Assistance in Criminal Matters · Art. 3\n"),
        ("cets201/23", "Lanzarote Convention · Art. 23 –"),
        ("-1", "Budapest Convention has no Article -1"),  # had been Art. 1
        # a year only one instrument bears (2001 is three's)
        ("1959 2", "European Convention on Mutual Assistance in Criminal Matters · Art. 2\n"),
    ],
)
def test_article_command_reads_instrument_numbers(
    services: Services, argument: str, heading: str
) -> None:
    [reply, *_] = Conversation(services).message(f"/article {argument}", PARTICIPANT)

    assert reply.plain().startswith(heading)


@pytest.mark.parametrize(
    "message",
    [
        "/timezone Europe",
        "/timezone " + "a" * 300,
        "/remind x ²",
        "what sessions are on 2026-02-30?",
        "/delivery 99999999999999999999",
        "/remind 99999999999999999999999 5",
        "/agenda 2026-13-45",
        "/event",
    ],
)
def test_odd_arguments_get_a_clear_reply(services: Services, message: str) -> None:
    replies = Conversation(services).message(message, PARTICIPANT)

    text = "\n".join(r.plain() for r in replies)
    assert text
    assert "Traceback" not in text
    assert "something went wrong" not in text  # handled, not merely caught


def test_a_fault_inside_gets_a_reply_and_is_logged(
    services: Services, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(services.ask, "ask", broken)

    [reply] = Conversation(services).message("how long can data be preserved?", PARTICIPANT)

    assert reply.plain().startswith("Sorry, something went wrong on my side")
    assert "database is locked" in caplog.text


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    command=st.sampled_from(
        [
            "/timezone",
            "/remind",
            "/agenda",
            "/event",
            "/article",
            "/search",
            "/subscribe",
            "/unsubscribe",
            "/next",
            "/today",
            "/ics",
            "/mysessions",
            "/delivery",
            "/start",
            "",
        ]
    ),
    argument=st.text(max_size=60),
)
def test_every_command_replies_to_any_argument(
    services: Services, command: str, argument: str
) -> None:
    replies = Conversation(services).message(f"{command} {argument}", PARTICIPANT)

    assert replies
    assert not any("something went wrong" in r.plain() for r in replies)


def test_an_invalid_agenda_file_does_not_stop_the_treaties_answering(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    agenda = tmp_path / "agenda"
    agenda.mkdir()
    (agenda / "a.yaml").write_text("events:\n  - id: x\n    title: [unclosed\n", encoding="utf-8")
    settings = replace(
        Settings(),
        agenda_dir=agenda,
        data_dir=tmp_path,
        db_path=tmp_path / "bot.sqlite3",
        index_dir=tmp_path / "index",
    )
    built = build_services(settings)
    try:
        [reply, *_] = Conversation(built).message("art 29(3)", PARTICIPANT)
    finally:
        built.close()

    assert reply.plain().startswith("Budapest Convention · Art. 29(3)")
    assert built.agenda.events == []
    assert f"{agenda / 'a.yaml'}:" in caplog.text


def test_a_thumbs_down_puts_a_wrong_answer_beside_the_unanswered(services: Services) -> None:
    conversation = Conversation(services)
    [reply] = conversation.message("how long can data be preserved?", PARTICIPANT)
    up, down = reply.buttons[-1]
    assert (up.label, down.label) == ("👍", "👎")
    someone_else = conversation.action(down.action, User(id=9, chat_id=9))
    assert someone_else is not None and someone_else.toast == "This answer can no longer be rated."
    judged = conversation.action(down.action, PARTICIPANT)
    assert (
        judged is not None and judged.toast == "Thanks: organisers will look." and not judged.lines
    )
    report = conversation.message("/unanswered", ORGANISER)[0].plain().splitlines()
    assert "Answered but marked unhelpful 👎" in report
    [line] = [r for r in report if r.startswith("1× how long can data be preserved?")]
    # what the participant was shown
    assert line.endswith(" → FAQ preservation-duration; Budapest Convention · Art. 16")


def test_a_broken_agenda_at_start_serves_the_agenda_last_announced(
    services: Services, tmp_path: Path
) -> None:
    agenda_dir = tmp_path / "agenda"
    agenda_dir.mkdir()
    (agenda_dir / "conf.yaml").write_text(
        "timezone: UTC\nevents:\n  - {id: opening, title: Opening, start: 2099-03-23T09:00,"
        " end: 2099-03-23T10:00, room: Room 1}\n"
    )
    services.settings = replace(services.settings, agenda_dir=agenda_dir)
    Conversation(services).message("/reload", ORGANISER)  # announced: the snapshot is kept
    (agenda_dir / "conf.yaml").write_text("events:\n  - id: [\n")  # broken while stopped
    restarted = build_services(services.settings, database=services.database)
    assert [e.id for e in restarted.agenda.events] == ["opening"]
    assert str(restarted.agenda_problems[0]).startswith(f"{agenda_dir / 'conf.yaml'}:")
    assert restarted.review_agenda() is None  # a broken file is not news
    said = agenda_problems_reply(restarted).plain().splitlines()
    assert said[:2] == [
        "⚠ The agenda files have problems",
        "Participants see the agenda last announced (1 session) until the files are fixed "
        "and you send /reload.",
    ]
    assert said[2].startswith(f"• {agenda_dir / 'conf.yaml'}:")


def test_a_deep_link_to_nothing_held_says_so_before_the_welcome(services: Services) -> None:
    conversation = Conversation(services)

    unknown = conversation.start("art_ets185_999", PARTICIPANT)[0].plain()
    known = conversation.start("art_ets185_29", PARTICIPANT)[0].plain()
    plain = conversation.start("", PARTICIPANT)[0].plain()

    assert unknown.startswith("The link you followed points to nothing I hold")
    assert "Welcome" in unknown
    assert "Article 29" in known or "Art. 29" in known
    assert plain.startswith("Welcome")


def test_event_without_an_id_asks_for_one_with_a_live_example(services: Services) -> None:
    conversation = Conversation(services)

    reply = conversation.message("/event", PARTICIPANT)[0].plain()

    assert reply.startswith("Which session? Send /event and its ID, e.g. /event ")
    assert reply.split()[-1] in {e.id for e in services.agenda.events}


@pytest.mark.parametrize(
    ("argument", "expected"),
    [
        ("friday", date(2026, 12, 11)),
        ("vendredi", date(2026, 12, 11)),
        ("sun", date(2026, 12, 6)),
        ("yesterday", date(2026, 12, 5)),
        ("31/12/2026", date(2026, 12, 31)),
        ("23.03", date(2026, 3, 23)),
        ("2026-12-24", date(2026, 12, 24)),
    ],
)
def test_agenda_days_are_read_as_people_write_them(argument: str, expected: date) -> None:
    assert parse_day(argument, datetime(2026, 12, 6, 10, tzinfo=UTC)) == expected


@pytest.mark.parametrize(
    "argument", ["2026-13-45", "99/99/2026", "next week", "31/02", "0001-01-01"]
)
def test_impossible_agenda_days_are_refused(argument: str) -> None:
    with pytest.raises(ValueError):
        parse_day(argument, datetime(2026, 12, 6, 10, tzinfo=UTC))


def test_a_fact_answer_leads_with_the_passage_then_the_sessions(services: Services) -> None:
    conversation = Conversation(services)

    reply = conversation.message(
        "where were the judges trained on child abuse in December 2009?", PARTICIPANT
    )
    text = "\n".join(r.plain() for r in reply)

    assert text.index("Cairo, Egypt") < text.index("On the agenda:")
    assert "/event cairo-2009-judges" in text.split("On the agenda:")[1]


def test_timezone_alone_suggests_a_zone_other_than_the_readers(services: Services) -> None:
    conversation = Conversation(services)
    conversation.message("/timezone tokyo", PARTICIPANT)

    shown = conversation.message("/timezone", PARTICIPANT)[0].plain()

    assert shown.startswith("Times are shown in Asia/Tokyo. Change it with /timezone ")
    assert not shown.endswith("Asia/Tokyo")


def test_a_follow_up_goes_on_from_the_article_shown(services: Services) -> None:
    conversation = Conversation(services)
    asked = [
        ("lanzarote art 23", "Lanzarote Convention · Art. 23 –"),
        ("and article 24?", "Lanzarote Convention · Art. 24 –"),
        ("paragraph 2 please", "Lanzarote Convention · Art. 24(2) –"),
        ("how long can data be preserved?", "Art. 16"),
        ("and paragraph 2?", "Budapest Convention · Art. 16(2) –"),
        # Art. 16 has no paragraph 7; the answer's Art. 29 has (walkthrough 31b)
        ("how long can data be preserved?", "Art. 16"),
        ("and paragraph 7?", "Budapest Convention · Art. 29(7) –"),
        # a letter after a whole article: the one paragraph with that item
        ("art 29", "Budapest Convention · Art. 29 –"),
        ("(c)?", "Budapest Convention · Art. 29(2)(c) –"),
    ]
    for message, heading in asked:
        [reply] = conversation.message(message, PARTICIPANT)
        assert heading in reply.plain(), message


def test_a_follow_up_in_a_group_is_its_askers_own(services: Services) -> None:
    conversation = Conversation(services)
    reader, other = User(id=21, chat_id=-100), User(id=22, chat_id=-100)
    conversation.message("art 29 budapest", reader)
    conversation.message("lanzarote art 23", other)

    [reply] = conversation.message("and paragraph 3?", reader)

    assert "Budapest Convention · Art. 29(3) –" in reply.plain()


def test_a_follow_up_goes_on_from_the_page_turned_to(services: Services) -> None:
    conversation = Conversation(services)
    [answer] = conversation.message("art 29", PARTICIPANT)
    turned = next(b for row in answer.buttons for b in row if "Art. 30" in b.label)
    conversation.action(turned.action, PARTICIPANT)

    [reply] = conversation.message("and paragraph 2", PARTICIPANT)

    assert "Budapest Convention · Art. 30(2) –" in reply.plain()


def test_an_article_command_naming_only_a_treaty_asks_which_article(services: Services) -> None:
    """It had said only that treaty texts are quoted in English (walkthrough 31)."""
    [reply] = Conversation(services).message("/article lanzarote", PARTICIPANT)

    assert reply.plain() == "Which article? For example /article 29 or /article lanzarote 23"


def test_a_paragraph_of_no_article_asks_which(services: Services) -> None:
    [reply] = Conversation(services).message("paragraph 2 please", User(id=23, chat_id=23))

    assert reply.plain().startswith("Which article?")


def test_a_page_that_goes_on_with_a_paragraph_says_which(services: Services) -> None:
    """Page 2 of Art. 27 opened with "b) Any request ..." and did not say it was paragraph 9
    (walkthrough 31)."""
    views = Conversation(services).views
    article = services.corpus.article("ets185", "27")
    assert article is not None

    first, second = (views.article_page(article, page).plain() for page in (0, 1))

    assert "continued" not in first
    assert "… paragraph 9, continued\nb) " in second
