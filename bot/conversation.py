"""The conversation: what the bot says back to a message or a button, for every front end.

It parses commands and turns service results into :class:`Reply` objects; the Telegram and
console adapters only render those. No domain logic lives here: answers come from the ask
service, articles from the corpus.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot import actions
from bot.agenda_views import (
    ALL,
    MINE,
    PAGE_SIZE,
    Listing,
    agenda_reply,
    event_lines,
    first_page,
    list_page,
    long_day,
    moment,
    overlap_notes,
    parse_day,
)
from bot.answer_views import AnswerViews, article_button, cite, shown
from bot.change_views import review_reply
from bot.citing import as_citation
from bot.following import Following
from bot.i18n import LANGUAGES, N_, _, language_name, ngettext, note, speaking, supported
from bot.organising import REFUSED, Organising
from bot.replies import Button, Reply, Span, Style, bold, clip, italic
from bot.services import Services
from corpus.model import ArticleRef
from corpus.problems import load_limited
from faq.matcher import hit_for
from index.answer import Answer, AnswerKind, DocumentHit
from index.followups import LastShown
from index.related import RelatedArticles
from index.replies import TREATIES_IN_ENGLISH
from scheduler.export import to_ics
from scheduler.reminders import EVERYTHING, DueReminder
from scheduler.store import is_busy
from scheduler.zones import zone_label

HELP_FILE = Path(__file__).with_name("help.yaml")
WHICH_DAY = N_("Which day? For example /agenda 2026-03-23, /agenda today")
NO_EVENT = N_("No event with that ID. Send /agenda to see them all.")
WHICH_EVENT = N_("Which session? Send /event and its ID, e.g. /event {event}")
_ZONE_EXAMPLES = ("Asia/Tokyo", "America/Sao_Paulo")  # never the zone the reader has
WHICH_ARTICLE = N_("Which article? For example /article 29 or /article lanzarote 23")
UNKNOWN_LINK = N_("The link you followed points to nothing I hold (an article or a session).")
# A change the user asked for met a locked database: said plainly, never "something went wrong"
DATABASE_BUSY = N_(
    "I could not do that just now: my database is busy, so nothing was changed or sent. "
    "Please try again in a minute."
)
log = logging.getLogger(__name__)
SHOWN_ARTICLES = 4  # an answer's articles a follow-up may go on from: the one quoted, then "also"
IN_PLACE = {"pg", "ag", "bc", "chg", "lang"}  # page turns, decisions replace the pressed message
_COMMAND = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s+(.*))?$", re.DOTALL)
_DEEP_LINK = re.compile(r"^art_([a-z]+\d+)_(\d+)$")


@dataclass(frozen=True, slots=True)
class User:
    id: int
    chat_id: int
    name: str = ""
    language: str | None = None  # Telegram's language_code, "fr" from "fr-CA" ("en" if none)


PARTICIPANT, ORGANISER = "participant", "organiser"


@dataclass(frozen=True, slots=True)
class CommandHelp:
    command: str
    description: str
    examples: tuple[str, ...]
    role: str = PARTICIPANT  # organiser commands are shown to organisers only


@dataclass(frozen=True, slots=True)
class HelpTexts:
    welcome: str
    commands: tuple[CommandHelp, ...]
    questions: tuple[str, ...]

    @classmethod
    def load(cls, path: Path = HELP_FILE) -> HelpTexts:
        data = load_limited(path.read_text(encoding="utf-8"))
        commands = tuple(
            CommandHelp(
                c["command"],
                c["description"],
                tuple(c.get("examples", ())),
                c.get("role", PARTICIPANT),
            )
            for c in data["commands"]
        )
        return cls(" ".join(data["welcome"].split()), commands, tuple(data["questions"]))

    def for_role(self, organiser: bool) -> tuple[CommandHelp, ...]:
        return tuple(c for c in self.commands if organiser or c.role == PARTICIPANT)


Handler = Callable[[str, User], list[Reply]]


class Conversation:
    def __init__(
        self,
        services: Services,
        help_texts: HelpTexts | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.services = services
        self.now = now
        self.help = help_texts or HelpTexts.load()
        self._related: RelatedArticles | None = None
        self.last_shown = LastShown()  # "and paragraph 3?" goes on from it
        self.organising = Organising(
            lambda: self.services.broadcasts, lambda: self.services.agenda, now
        )
        self.following = Following(
            lambda: self.services.subscriptions,
            lambda: self.services.agenda,
            now,
            lambda chat: self._reader_zone(User(chat, chat)),
        )
        self.commands: dict[str, Handler] = {
            "start": self.start,
            "help": self.show_help,
            "article": self.article_command,
            "search": self.search_command,
            "agenda": self.agenda_command,
            "today": self.today_command,
            "next": self.next_command,
            "event": self.event_command,
            "ics": self.ics_command,
            "subscribe": self.subscribe_command,
            "unsubscribe": self.unsubscribe_command,
            "remind": self.remind_command,
            "mysessions": self.my_sessions_command,
            "timezone": self.timezone_command,
            "language": self.language_command,
            "privacy": self.privacy_command,
            "broadcast": self.broadcast_command,
            "delivery": self.delivery_command,
            "unanswered": self.unanswered_command,
            "reload": self.reload_command,
        }

    @property
    def views(self) -> AnswerViews:
        """Renders answers from the current corpus (a reload may have replaced it)."""
        if self._related is None or self._related.corpus is not self.services.corpus:
            self._related = RelatedArticles(self.services.corpus)
        return AnswerViews(self.services.corpus, self._related)

    def message(self, text: str, user: User, formatted: str | None = None) -> list[Reply]:
        """Answer one message: a command, or a question for the ask service. ``formatted`` is
        the same message as Telegram HTML, for the commands that keep formatting (/broadcast).

        Whatever goes wrong inside, the user gets a reply and the session goes on: the fault
        is logged with its traceback for the maintainers. The reply is in the chat's language."""
        with speaking(self.language_of(user)):
            try:
                replies = self._message(text, user, formatted)
                self._keep_language(user)  # after: a /subscribe may just have made its row
                return replies
            except Exception as error:
                if is_busy(error):
                    log.warning("database locked: a message's change was not made (%s)", error)
                    return [Reply().add(_(DATABASE_BUSY))]
                log.exception("could not answer a message of %d characters", len(text))
                return [
                    Reply().add(
                        _(
                            "Sorry, something went wrong on my side with that message. "
                            "It has been logged; please try again or send /help."
                        )
                    )
                ]

    def language_of(self, user: User) -> str:
        """The chat's language: chosen with /language, else the user's Telegram language
        (kept for the chat's reminders and notices), else English."""
        subscriptions = self.services.subscriptions
        chosen = subscriptions.chosen_language(user.chat_id) if subscriptions else None
        if chosen:
            return chosen
        return supported(user.language)

    def _keep_language(self, user: User) -> None:
        """Telegram's language of a private chat, for the reminders and notices it follows."""
        subscriptions = self.services.subscriptions
        if subscriptions is not None and user.language and user.chat_id == user.id:
            language = supported(user.language)
            self.services.bookkeeping.attempt(
                "a chat's language", lambda: subscriptions.seen_language(user.chat_id, language)
            )

    def _tell_once(self, user: User) -> bool:
        """Whether to tell the chat now that treaty texts are quoted in English: the first
        time, and whenever a locked database could not note that it was told."""
        subscriptions = self.services.subscriptions
        if subscriptions is None:
            return False
        told = self.services.bookkeeping.attempt(
            "a chat told of English texts", lambda: subscriptions.tell_once(user.chat_id)
        )
        return told is not False

    def _message(self, text: str, user: User, formatted: str | None) -> list[Reply]:
        text = text.strip()
        command = _COMMAND.match(text)
        if command:
            name = command.group(1).lower()
            if name == "broadcast" and formatted is not None:
                html = _COMMAND.match(formatted.strip())
                argument = (html.group(2) or "") if html else None
                return self.broadcast_command((command.group(2) or "").strip(), user, argument)
            handler = self.commands.get(name)
            if handler is None:
                return [
                    Reply()
                    .add(_("I don't know the command /{name}. ").format(name=command.group(1)))
                    .add(_("Send /help to see what I can do."))
                ]
            return handler((command.group(2) or "").strip(), user)
        if not text:
            return [Reply().add(_("Send me a question, or /help to see examples."))]
        answer = self.services.ask.ask(
            text,
            user_id=user.id,
            language=self.language_of(user),
            now=self.now(),
            zone=self._reader_zone(user),  # "what is on today?" is their day, as /today's
            previous=self.last_shown.get(_asker(user)),
        )
        reply = self.answer(answer, user)
        log_ = self.services.unanswered
        if answer.kind is not AnswerKind.NONE and log_ is not None:  # wrong answers show too
            with speaking("en"):  # the organisers' log reads the same whoever asked
                said = shown(answer)
            try:
                answer_id = log_.remember(text, said, user.id)
            except sqlite3.OperationalError as error:
                if not is_busy(error):
                    raise
                log.warning("database locked: an answer goes without its feedback buttons")
                return [reply]
            reply.buttons.append(
                [
                    Button("👍", actions.feedback(answer_id, True)),
                    Button("👎", actions.feedback(answer_id, False)),
                ]
            )
        return [reply]

    def action(self, data: str | None, user: User) -> Reply | None:
        """The reply to a button press, or None when the button is stale or forged. When the
        database is locked nothing is done, and the reply says so below the pressed message,
        whose buttons stay to be pressed again."""
        with speaking(self.language_of(user)):
            try:
                return self._pressed(data, user)
            except Exception as error:
                if not is_busy(error):
                    raise
                log.warning("database locked: a button's change was not made (%s)", error)
                return Reply().add(_(DATABASE_BUSY))

    def _pressed(self, data: str | None, user: User) -> Reply | None:
        decoded = actions.decode(data)
        if decoded is None:
            return None
        if decoded.verb == "faq" and self.services.faq is not None:
            entry = self.services.faq.entry(decoded.fields[0])
            if entry is None:
                return None
            return self.answer(
                self.services.ask.faq_answer(entry.questions[0], hit_for(entry)), user
            )
        if decoded.verb == "fb":
            return self._feedback(decoded.fields[0], decoded.fields[1], user)
        reply = self._action(decoded, user)
        if reply is not None and decoded.verb in IN_PLACE:
            reply.in_place = True
        return reply

    def _feedback(self, answer_id: str, verdict: str, user: User) -> Reply | None:
        log_ = self.services.unanswered
        if log_ is None or not answer_id.isdigit() or verdict not in {"up", "dn"}:
            return None
        try:
            judged = log_.judge(int(answer_id), verdict == "up", user.id)
        except sqlite3.OperationalError as error:
            if not is_busy(error):
                raise
            return Reply(toast=_("I could not note that just now. Please try again in a minute."))
        if not judged:
            return Reply(toast=_("This answer can no longer be rated."))
        return Reply(
            toast=_("Thanks, noted.") if verdict == "up" else _("Thanks: organisers will look.")
        )

    def _action(self, decoded: actions.Action, user: User) -> Reply | None:
        if decoded.verb == "bc":
            return self._broadcast_action(decoded.fields[0], decoded.fields[1], user)
        if decoded.verb == "chg":
            return self._agenda_decision(decoded.fields[0], decoded.fields[1], user)
        if decoded.verb == "ag":
            return self._agenda_page(*decoded.fields, user=user)
        if decoded.verb == "lang":
            return self._choose_language(decoded.fields[0], user)
        if decoded.verb in {"art", "pg"}:
            instrument, number, page = decoded.fields
            article = self.services.corpus.article(instrument, number)
            if article is None or not page.isdigit():
                return None
            self.last_shown.remember(_asker(user), (ArticleRef(instrument, number),))
            return self._in_english(self.views.article_page(article, int(page)), user)
        return None

    def _in_english(self, reply: Reply, user: User, *, told: bool = False) -> Reply:
        """Say once per chat, to a reader of another language, that treaty texts are quoted
        in English (``told``: the answer's own note says it already, in any language)."""
        if told or supported(self.language_of(user)) == "en":
            return reply
        if self._tell_once(user):
            reply.blank().add(italic(_(TREATIES_IN_ENGLISH)))
        return reply

    # --- commands -------------------------------------------------------------------

    def start(self, payload: str, user: User) -> list[Reply]:
        if payload.startswith("event_"):
            return self.event_command(payload.removeprefix("event_"), user)
        link = _DEEP_LINK.match(payload)
        if link:
            article = self.services.corpus.article(link.group(1), link.group(2))
            if article is not None:
                return [self._in_english(self.views.article_page(article, 0), user)]
        greeting = Reply()
        if payload:  # a link to something this bot does not hold: say so before the welcome
            greeting.add(italic(_(UNKNOWN_LINK))).blank()
        greeting.add(bold(_("Welcome"))).add(_(self.help.welcome)).blank()
        greeting.add(_("Try:"))
        for question in self.help.questions[:3]:
            greeting.add(f"• {_(question)}")
        greeting.add(_("Send /help for every command."))
        return [greeting]

    def live(self, text: str) -> str:
        """A help text in the reader's language, "{event}" replaced by a session of the live
        agenda."""
        text = _(text)
        if "{event}" not in text:
            return text
        agenda = self.services.agenda
        upcoming = agenda.upcoming(self.now(), limit=1) or agenda.sorted()[-1:]
        return text.replace("{event}", upcoming[0].id if upcoming else "SESSION-ID")

    def show_help(self, argument: str, user: User) -> list[Reply]:
        reply = Reply().add(bold(_("What I can do"))).add(_(self.help.welcome)).blank()
        organiser = self.is_organiser(user)
        for entry in self.help.for_role(organiser=False):
            reply.add(bold(f"/{entry.command}"), f" – {self.live(entry.description)}")
        if organiser:
            reply.blank().add(bold(_("For organisers:")))
            for entry in self.help.commands:
                if entry.role == ORGANISER:
                    reply.add(bold(f"/{entry.command}"), f" – {_(entry.description)}")
        reply.blank().add(bold(_("Or just ask, for example:")))
        for question in self.help.questions:
            reply.add(f"• {_(question)}")
        return [reply]

    def language_command(self, argument: str, user: User) -> list[Reply]:
        """/language fr, /language en, or /language alone: the current one, with buttons."""
        wanted = argument.strip().casefold()
        if wanted:
            code = next(
                (c for c, name in LANGUAGES.items() if wanted in {c, name.casefold()}), None
            )
            if code is None:
                return [
                    Reply().add(
                        _("I don't speak “{language}” yet. Languages: {languages}.").format(
                            language=clip(argument.strip(), 40), languages=_language_list()
                        )
                    )
                ]
            return [self._choose_language(code, user) or Reply()]
        current = self.language_of(user)
        reply = Reply().add(
            _("I write to you in {language}. Change it with /language fr or /language en.").format(
                language=language_name(current)
            )
        )
        reply.buttons = [
            [
                Button(("✓ " if code == current else "") + name, actions.language(code))
                for code, name in LANGUAGES.items()
            ]
        ]
        return [reply]

    def _choose_language(self, code: str, user: User) -> Reply | None:
        subscriptions = self.services.subscriptions
        if code not in LANGUAGES:
            return None
        if subscriptions is None:
            return Reply().add(_("Languages cannot be changed here."))
        subscriptions.set_language(user.chat_id, code)
        with speaking(code):
            return Reply().add(
                _("From now on I write to you in English."),
                " ",
                _("Treaty texts are always quoted in English."),
            )

    def privacy_command(self, argument: str, user: User) -> list[Reply]:
        return [
            Reply()
            .add(bold(_("What I keep, and why")))
            .add(
                _(
                    "• Your chat id: to send you the organisers' announcements. With it, what "
                    "you follow (/subscribe, /remind), your time zone and your language: to send "
                    "your reminders in your language. /unsubscribe all drops what you follow "
                    "and the announcements."
                )
            )
            .add(
                _(
                    "• Questions I could not answer, and answers you marked 👎: so organisers can "
                    "improve the answers. E-mail and street addresses, phone, bank account, "
                    "passport and other long numbers, @handles, links and names you introduce "
                    "are removed first; who asked is kept only as a keyed hash, never your id. "
                    "Deleted after 90 days."
                )
            )
            .add(_("• Messages queued for you (reminders, announcements) until they are sent."))
            .add(
                _(
                    "Nothing is shared outside this bot. Only organisers see the questions, and "
                    "only in a private chat. My logs carry no message text or names."
                )
            )
        ]

    def article_command(self, argument: str, user: User) -> list[Reply]:
        if not argument:
            return [Reply().add(_(WHICH_ARTICLE))]
        citation = as_citation(argument, self.services.corpus)
        answer = self.services.ask.ask(citation, user_id=user.id, language=self.language_of(user))
        if answer.kind is not AnswerKind.CITATION:
            # "/article lanzarote": a treaty, no number (not the note on English texts)
            said = [note(n) for n in answer.notes if not _tells_english_texts(n)]
            if not said and not any(ch.isdigit() for ch in argument):
                return [Reply().add(_(WHICH_ARTICLE))]
            said = said or [_("I could not read that citation.")]
            reply = Reply().add(*said)
            return [reply.add(_("Examples: /article 29, /article 29(3), /article lanzarote 23"))]
        return [self.answer(answer, user)]

    def search_command(self, argument: str, user: User) -> list[Reply]:
        if not argument:
            return [Reply().add(_("Search for what? For example /search preservation of data"))]
        hits = self.services.ask.search(argument, limit=8)
        if not hits:
            return [self._nothing_found(argument)]
        reply = Reply().add(bold(_("Results for “{query}”").format(query=_echo(argument))))
        for hit in hits:
            reply.add(bold(cite(hit)), f" – {hit.title}" if hit.title else "")
        reply.buttons = [[article_button(hit)] for hit in hits[:6]]
        return [reply]

    def _reader_zone(self, user: User | None = None) -> ZoneInfo:
        return self._chosen_zone(user) or ZoneInfo(self.services.settings.default_timezone)

    def _chosen_zone(self, user: User | None) -> ZoneInfo | None:
        """The zone the reader chose with /timezone, if any."""
        subscriptions = self.services.subscriptions
        own = subscriptions.timezone(user.chat_id) if subscriptions and user else None
        return ZoneInfo(own) if own else None

    def subscribe_command(self, argument: str, user: User) -> list[Reply]:
        return self.following.subscribe(argument, user.chat_id)

    def unsubscribe_command(self, argument: str, user: User) -> list[Reply]:
        return self.following.unsubscribe(argument, user.chat_id)

    def remind_command(self, argument: str, user: User) -> list[Reply]:
        return self.following.remind(argument, user.chat_id)

    def my_sessions_command(self, argument: str, user: User) -> list[Reply]:
        listing = self._my_sessions(user)
        notes = overlap_notes(listing.events)
        return [first_page(listing, self._reader_zone(user), self.now(), notes)]

    def _my_sessions(self, user: User) -> Listing:
        subscriptions = self.services.subscriptions
        mine = subscriptions.my_events(user.chat_id, self.services.agenda) if subscriptions else []
        followed = subscriptions.series(user.chat_id) if subscriptions else []
        if followed:  # following, but nothing of it is on the agenda now
            named = ", ".join(
                _("the whole agenda") if s == EVERYTHING else f"“{s}”" for s in followed
            )
            empty = _("You follow {named}, which has no sessions on the agenda now.").format(
                named=named
            )
        else:
            empty = _("You follow no sessions yet: /subscribe, or /remind ID for one session.")
        return Listing(MINE, _("Your sessions"), mine, empty=empty)

    def timezone_command(self, argument: str, user: User) -> list[Reply]:
        subscriptions = self.services.subscriptions
        if not argument.strip() or subscriptions is None:
            zone = self._reader_zone(user)
            return [
                Reply().add(
                    _("Times are shown in {zone}. Change it with /timezone {example}").format(
                        zone=zone_label(zone),
                        example=next(z for z in _ZONE_EXAMPLES if z != str(zone.key)),
                    )
                )
            ]
        try:
            zone = subscriptions.set_timezone(user.chat_id, argument.strip())
        except ValueError:
            return [
                Reply().add(
                    _(
                        "I don't know the time zone “{zone}”. Use a city or a name like "
                        "Europe/Paris, Tokyo or America/Bogota, or an offset like UTC+3."
                    ).format(zone=clip(argument.strip(), 40))
                )
            ]
        return [Reply().add(_("Times will be shown in {zone} too.").format(zone=zone_label(zone)))]

    def reminder(self, due: DueReminder) -> Reply:
        """A due reminder, in its chat's language."""
        subscriptions = self.services.subscriptions
        with speaking(subscriptions.language(due.chat_id) if subscriptions else None):
            return self.following.reminder(due)

    def queue_due_reminders(self, *, resume: bool) -> int:
        """Claim the reminders due now and queue them in the outbox, each in its chat's
        language; ``resume`` (a process's first tick) first queues claims a previous run made
        and never queued. Returns how many were queued."""
        reminders = self.services.reminders
        if reminders is None:
            return 0
        now = self.now()
        # Claims left unqueued by a previous run first, then new claims (never the other way
        # round: fresh claims are unqueued too until queue() has run).
        resumed = reminders.unsent(self.services.agenda, now) if resume else []
        due = resumed + reminders.due(self.services.agenda, now)
        if due:
            reminders.queue([(r, self.reminder(r).html()) for r in due])
        return len(due)

    def agenda_command(self, argument: str, user: User) -> list[Reply]:
        """The agenda from now (or one day), a page at a time."""
        zone = self._reader_zone(user)
        try:  # "today" is the reader's: in Tokyo it may already be tomorrow in Paris
            day = parse_day(argument, self.now().astimezone(zone))
        except ValueError:
            return [Reply().add(_(WHICH_DAY))]
        listing = self._agenda_listing(day.isoformat() if day else ALL, zone)
        if listing is None:
            return [Reply().add(_(WHICH_DAY))]
        return [first_page(listing, zone, self.now())]

    def _agenda_listing(self, scope: str, zone: ZoneInfo) -> Listing | None:
        """The whole agenda, or the sessions on one of the reader's days (in ``zone``, where
        the list shows their times: an evening webinar in New York is the next morning in
        Paris, as its reminder says)."""
        agenda = self.services.agenda
        if scope == ALL:
            return Listing(ALL, _("Agenda"), agenda.sorted())
        try:
            day = date.fromisoformat(scope)
        except ValueError:
            return None
        heading = _("Agenda for {day}").format(day=long_day(day))
        return Listing(scope, heading, agenda.on_day(day, zone), open_ended=False)

    def _agenda_page(
        self, scope: str, start: str, size: str, ordered_at: str, *, user: User
    ) -> Reply | None:
        """A page button of /agenda, /today or /mysessions (None when the data is forged)."""
        if not (start.isdigit() and size.isdigit() and ordered_at.isdigit()):
            return None
        if not 1 <= int(size) <= PAGE_SIZE or len(ordered_at) > 12:
            return None
        zone = self._reader_zone(user)
        listing = self._my_sessions(user) if scope == MINE else self._agenda_listing(scope, zone)
        if listing is None:
            return None
        notes = overlap_notes(listing.events) if scope == MINE else None
        return list_page(
            listing,
            int(start),
            int(size),
            zone,
            self.now(),
            ordered_at=moment(int(ordered_at)),
            notes=notes,
        )

    def today_command(self, argument: str, user: User) -> list[Reply]:
        return self.agenda_command("today", user)

    def next_command(self, argument: str, user: User) -> list[Reply]:
        now = self.now()
        events = self.services.agenda.upcoming(now, limit=3)
        heading = _("Now and next") if any(e.in_progress(now) for e in events) else _("Coming up")
        empty = _("Nothing is coming up on the agenda.")
        return [agenda_reply(events, heading, self._reader_zone(user), now, empty)]

    def event_command(self, argument: str, user: User) -> list[Reply]:
        if not argument.strip():
            return [Reply().add(self.live(WHICH_EVENT))]
        event = self.services.agenda.get(argument.strip())
        if event is None:
            return [Reply().add(_(NO_EVENT))]
        reply = Reply()
        event_lines(reply, event, self._reader_zone(user), details=True, now=self.now())
        reply.buttons = [
            [
                Button(
                    _("Art. {article}").format(article=r.article) + f" {r.instrument.upper()}",
                    actions.article(r.instrument, r.article),
                )
                for r in event.articles[:4]
            ]
        ]
        reply.buttons = [row for row in reply.buttons if row]
        return [reply]

    def ics_command(self, argument: str, user: User) -> list[Reply]:
        """The agenda, or one event, as an .ics file for the phone's calendar."""
        events = self.services.agenda.sorted()
        if argument.strip():
            events = [e for e in events if e.id == argument.strip()]
            if not events:
                return [Reply().add(_(NO_EVENT))]
        name = f"{argument.strip() or 'agenda'}.ics"
        reply = Reply().add(
            ngettext(
                "{count} event for your calendar.", "{count} events for your calendar.", len(events)
            ).format(count=len(events))
        )
        reply.document = (name, to_ics(events))
        return [reply]

    def is_organiser(self, user: User) -> bool:
        return user.id in self.services.settings.organisers

    def broadcast_command(
        self, argument: str, user: User, formatted: str | None = None
    ) -> list[Reply]:
        if not self.is_organiser(user):
            log.warning("user %s tried /broadcast without being an organiser", user.id)
            return [Reply().add(_(REFUSED))]
        return self.organising.broadcast(argument, user.id, formatted)

    def _broadcast_action(self, broadcast_id: str, choice: str, user: User) -> Reply | None:
        if not self.is_organiser(user):
            log.warning("user %s pressed a broadcast button without being an organiser", user.id)
            return Reply().add(_(REFUSED))
        return self.organising.decide(broadcast_id, choice, user.id)

    def delivery_command(self, argument: str, user: User) -> list[Reply]:
        if not self.is_organiser(user):
            return [Reply().add(_(REFUSED))]
        return self.organising.delivery(argument, user.id)

    def unanswered_command(self, argument: str, user: User) -> list[Reply]:
        if not self.is_organiser(user):
            log.warning("user %s tried /unanswered without being an organiser", user.id)
            return [Reply().add(_(REFUSED))]
        if user.chat_id != user.id:  # a group: everyone there would read the questions
            return [
                Reply().add(
                    _(
                        "Participants' questions are private: send /unanswered to me in a "
                        "private chat."
                    )
                )
            ]
        log_ = self.services.unanswered
        rows = log_.top(15) if log_ else []
        wrong = log_.unhelpful(10) if log_ else []
        if not rows and not wrong:
            return [
                Reply().add(_("No unanswered questions recorded yet, and no answer marked 👎."))
            ]
        reply = Reply()
        if rows:
            reply.add(bold(_("Questions I could not answer well")))
        for row in rows:
            # asked in the console, or before askers were recorded: no one to count
            users = (
                ngettext("{count}× ({users} user) ", "{count}× ({users} users) ", row.users)
                if row.users
                else "{count}× "
            )
            reply.add(
                users.format(count=row.count, users=row.users), italic(clip(row.question, 200))
            )
        if wrong:
            reply.blank().add(bold(_("Answered but marked unhelpful 👎")))
        for answer in wrong:
            reply.add(f"{answer.count}× ", italic(clip(answer.question, 200)), f" → {answer.shown}")
        return [reply]

    def reload_command(self, argument: str, user: User) -> list[Reply]:
        if not self.is_organiser(user):
            log.warning("user %s tried /reload without being an organiser", user.id)
            return [Reply().add(_(REFUSED))]
        problems = self.services.reload()
        if problems:
            reply = Reply().add(bold(_("Not reloaded: the current content stays live.")))
            for problem in problems[:10]:
                reply.add(str(problem))
            return [reply]
        corpus = self.services.corpus
        replies = [
            Reply().add(
                _(
                    "Reloaded: {treaties} treaties, {documents} documents, {faq} FAQ entries, "
                    "{sessions} sessions."
                ).format(
                    treaties=len(corpus.instruments),
                    documents=len(corpus.documents),
                    faq=len(self.services.faq.entries) if self.services.faq else 0,
                    sessions=len(self.services.agenda.events),
                )
            )
        ]
        review = self.services.review_agenda()
        if review is not None:
            replies.append(review_reply(review))
        if review is not None and review.held:
            replies[0].add(
                _(
                    "The agenda participants see is unchanged ({sessions} sessions) until you "
                    "decide below."
                ).format(sessions=len(self.services.agenda.events))
            )
        return replies

    def _agenda_decision(self, held_id: str, choice: str, user: User) -> Reply | None:
        if choice not in {"send", "quiet"} or not held_id.isdigit() or len(held_id) > 12:
            return None
        if not self.is_organiser(user):
            log.warning(
                "user %s pressed an agenda-change button without being an organiser", user.id
            )
            return Reply().add(_(REFUSED))
        review = self.services.decide_agenda(int(held_id), send=choice == "send")
        if review is None:
            return Reply().add(
                _(
                    "Nothing done: this change was already decided, or the agenda changed since. "
                    "Send /reload to see what is waiting now."
                )
            )
        return review_reply(review)

    # --- rendering answers -------------------------------------------------------------

    def answer(self, answer: Answer, user: User) -> Reply:
        """An answer in the reader's language; treaty texts stay in English, and a reader of
        another language is told so once (by the answer's own note, or on a first quote).
        The article it quotes first is what the reader's follow-up goes on from."""
        if answer.kind is not AnswerKind.NONE and answer.articles:
            shown_refs = tuple(
                ArticleRef(hit.instrument, hit.article, hit.paragraph, hit.items)
                for hit in answer.articles[:SHOWN_ARTICLES]
            )
            self.last_shown.remember(_asker(user), shown_refs)
        told = any(_tells_english_texts(n) for n in answer.notes)
        # per chat, not each time: whoever asks in Spanish on an English phone has read it
        if told and self.services.subscriptions is not None and not self._tell_once(user):
            kept = tuple(n for n in answer.notes if not _tells_english_texts(n))
            answer = replace(answer, notes=kept)
        reply = self._answer(answer, user)
        quoted = answer.kind is not AnswerKind.NONE and bool(answer.articles)
        return self._in_english(reply, user, told=told) if quoted else reply

    def _answer(self, answer: Answer, user: User) -> Reply:
        if answer.kind is AnswerKind.NONE:
            return self.views.unknown(answer)
        reply = Reply()
        if answer.faq:
            reply.add(bold(answer.faq.question))
            reply.add(Span(answer.faq.answer, Style.HTML)).blank()
        if answer.kind is AnswerKind.EVENT:  # "nothing tomorrow; what comes next:" leads
            for said in answer.notes:
                reply.add(italic(note(said))).blank()
        if answer.kind is AnswerKind.DOCUMENT:  # the passage that states the fact leads
            reply = self._fact_reply(reply, answer)
            if answer.events:
                reply.blank().add(italic(_("On the agenda:")))
            return self._events(reply, answer, user)
        self._events(reply, answer, user)
        best = answer.best
        if best is not None and answer.kind is AnswerKind.CITATION and answer.text:
            reply.lines += self.views.cited_lines(best, answer.text)
            reply.buttons = self.views.answer_buttons(best, answer.articles[1:4], answer.text)
        elif best is not None:
            lead = answer.kind is not AnswerKind.FAQ
            reply.lines += self.views.hit_lines(best, lead=lead)
            shown = best.snippet if lead else None
            reply.buttons = self.views.answer_buttons(best, answer.articles[1:4], shown)
        others = answer.articles[1:4]
        if others and answer.kind is AnswerKind.SEARCH:
            reply.blank().add(italic(_("Also relevant:")))
            for hit in others:
                reply.add(f"• {cite(hit)}" + (f" – {hit.title}" if hit.title else ""))
        for document in answer.documents[:1]:
            if document.kind == "guide":
                guide = _("Guide: {title}").format(title=document.title)
                reply.blank().add(italic(guide)).add(clip(document.snippet, 300))
            else:  # a fact beside the articles: shown whole, with its source and age
                _document_lines(reply.blank(), document)
        for said in answer.notes if answer.kind is not AnswerKind.EVENT else ():
            reply.blank().add(italic(note(said)))
        return reply

    def _events(self, reply: Reply, answer: Answer, user: User) -> Reply:
        """The agenda sessions of an answer, each with its /event command, in the reader's
        zone; a busy day's sessions left out are counted, with the command listing them all."""
        zone = self._reader_zone(user)
        for found in answer.events[:8]:
            event = self.services.agenda.get(found.id)
            if event is not None:
                event_lines(reply, event, zone, details=False, now=self.now())
                reply.add(f"/event {event.id}").blank()
        more = answer.events_more + max(len(answer.events) - 8, 0)
        if more and answer.events_day is not None:
            reply.add(
                italic(
                    ngettext(
                        "And {count} more session that day: /agenda {day}",
                        "And {count} more sessions that day: /agenda {day}",
                        more,
                    ).format(count=more, day=answer.events_day.isoformat())
                )
            )
        return reply

    def _fact_reply(self, reply: Reply, answer: Answer) -> Reply:
        """Passages of programme documents, each with its source and how old it is."""
        for document in answer.documents:
            _document_lines(reply, document).blank()
        if answer.articles:
            reply.add(italic(_("Treaty articles on this:")))
            for hit in answer.articles[:3]:
                reply.add(f"• {cite(hit)}" + (f" – {hit.title}" if hit.title else ""))
            reply.buttons = self.views.answer_buttons(answer.articles[0], answer.articles[1:4])
        for said in answer.notes:
            reply.blank().add(italic(note(said)))
        return reply

    def _nothing_found(self, query: str) -> Reply:
        return (
            Reply()
            .add(_("Nothing in the treaties matches “{query}”.").format(query=_echo(query)))
            .add(_("Try other words, or cite an article: /article 29"))
        )


def _tells_english_texts(said: str) -> bool:
    """Whether a note of an answer is the one saying treaty texts are quoted in English."""
    return getattr(said, "template", None) == TREATIES_IN_ENGLISH


def _asker(user: User) -> tuple[int, int]:
    """Whose follow-ups go on together: one person in one chat (a group has many)."""
    return (user.chat_id, user.id)


def _document_lines(reply: Reply, document: DocumentHit) -> Reply:
    """A programme-document passage under its title, source and age ("as of 2014")."""
    reply.add(bold(document.title))
    dated = " · ".join(part for part in (document.source, document.as_of) if part)
    if dated:
        reply.add(italic(dated))
    return reply.add(document.readable)


def _language_list() -> str:
    return ", ".join(f"{name} ({code})" for code, name in LANGUAGES.items())


def _echo(query: str) -> str:
    """The words searched for as typed, less what is not seen: control characters (a
    terminal escape) and format characters (a right-to-left override would turn the rest of
    the line around). Markup stays, escaped when the reply is rendered."""
    shown = "".join(ch for ch in query if ch.isprintable() and unicodedata.category(ch) != "Cf")
    return clip(shown, 80)
