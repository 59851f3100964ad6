"""The conversation: what the bot says back to a message or a button, for every front end.

It parses commands and turns service results into :class:`Reply` objects; the Telegram and
console adapters only render those. No domain logic lives here: answers come from the ask
service, articles from the corpus.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
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
    moment,
    overlap_notes,
    parse_day,
)
from bot.answer_views import AnswerViews, article_button, cite, shown
from bot.change_views import review_reply
from bot.citing import as_citation
from bot.following import Following
from bot.organising import REFUSED, Organising
from bot.replies import Button, Reply, Span, Style, bold, clip, italic
from bot.services import Services
from corpus.problems import load_limited
from faq.matcher import hit_for
from index.answer import Answer, AnswerKind
from index.related import RelatedArticles
from scheduler.export import to_ics
from scheduler.reminders import EVERYTHING, DueReminder
from scheduler.zones import zone_label

HELP_FILE = Path(__file__).with_name("help.yaml")
log = logging.getLogger(__name__)
IN_PLACE = {"pg", "ag", "bc", "chg"}  # page turns and decisions replace the pressed message
_COMMAND = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s+(.*))?$", re.DOTALL)
_DEEP_LINK = re.compile(r"^art_([a-z]+\d+)_(\d+)$")


@dataclass(frozen=True, slots=True)
class User:
    id: int
    chat_id: int
    name: str = ""
    language: str | None = None  # Telegram's language_code, "fr" from "fr-CA"


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
        is logged with its traceback for the maintainers."""
        try:
            return self._message(text, user, formatted)
        except Exception:
            log.exception("could not answer a message of %d characters", len(text))
            return [
                Reply().add(
                    "Sorry, something went wrong on my side with that message. "
                    "It has been logged; please try again or send /help."
                )
            ]

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
                    .add(f"I don't know the command /{command.group(1)}. ")
                    .add("Send /help to see what I can do.")
                ]
            return handler((command.group(2) or "").strip(), user)
        if not text:
            return [Reply().add("Send me a question, or /help to see examples.")]
        answer = self.services.ask.ask(text, user_id=user.id, language=user.language)
        reply = self.answer(answer)
        log_ = self.services.unanswered
        if answer.kind is not AnswerKind.NONE and log_ is not None:  # wrong answers show too
            answer_id = log_.remember(text, shown(answer), user.id)
            reply.buttons.append(
                [
                    Button("👍", actions.feedback(answer_id, True)),
                    Button("👎", actions.feedback(answer_id, False)),
                ]
            )
        return [reply]

    def action(self, data: str | None, user: User) -> Reply | None:
        """The reply to a button press, or None when the button is stale or forged."""
        decoded = actions.decode(data)
        if decoded is None:
            return None
        if decoded.verb == "faq" and self.services.faq is not None:
            entry = self.services.faq.entry(decoded.fields[0])
            if entry is None:
                return None
            return self.answer(self.services.ask.faq_answer(entry.questions[0], hit_for(entry)))
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
        if not log_.judge(int(answer_id), verdict == "up", user.id):
            return Reply(toast="This answer can no longer be rated.")
        return Reply(toast="Thanks, noted." if verdict == "up" else "Thanks: organisers will look.")

    def _action(self, decoded: actions.Action, user: User) -> Reply | None:
        if decoded.verb == "bc":
            return self._broadcast_action(decoded.fields[0], decoded.fields[1], user)
        if decoded.verb == "chg":
            return self._agenda_decision(decoded.fields[0], decoded.fields[1], user)
        if decoded.verb == "ag":
            return self._agenda_page(*decoded.fields, user=user)
        if decoded.verb in {"art", "pg"}:
            instrument, number, page = decoded.fields
            article = self.services.corpus.article(instrument, number)
            if article is None or not page.isdigit():
                return None
            return self.views.article_page(article, int(page))
        return None

    # --- commands -------------------------------------------------------------------

    def start(self, payload: str, user: User) -> list[Reply]:
        if payload.startswith("event_"):
            return self.event_command(payload.removeprefix("event_"), user)
        link = _DEEP_LINK.match(payload)
        if link:
            article = self.services.corpus.article(link.group(1), link.group(2))
            if article is not None:
                return [self.views.article_page(article, 0)]
        greeting = Reply().add(bold("Welcome")).add(self.help.welcome).blank()
        greeting.add("Try:")
        for question in self.help.questions[:3]:
            greeting.add(f"• {question}")
        greeting.add("Send /help for every command.")
        return [greeting]

    def live(self, text: str) -> str:
        """A help text with "{event}" replaced by a session of the live agenda."""
        if "{event}" not in text:
            return text
        agenda = self.services.agenda
        upcoming = agenda.upcoming(self.now(), limit=1) or agenda.sorted()[-1:]
        return text.replace("{event}", upcoming[0].id if upcoming else "SESSION-ID")

    def show_help(self, _: str, user: User) -> list[Reply]:
        reply = Reply().add(bold("What I can do")).add(self.help.welcome).blank()
        organiser = self.is_organiser(user)
        for entry in self.help.for_role(organiser=False):
            reply.add(bold(f"/{entry.command}"), f" – {self.live(entry.description)}")
        if organiser:
            reply.blank().add(bold("For organisers:"))
            for entry in self.help.commands:
                if entry.role == ORGANISER:
                    reply.add(bold(f"/{entry.command}"), f" – {entry.description}")
        reply.blank().add(bold("Or just ask, for example:"))
        for question in self.help.questions:
            reply.add(f"• {question}")
        return [reply]

    def privacy_command(self, argument: str, user: User) -> list[Reply]:
        return [
            Reply()
            .add(bold("What I keep, and why"))
            .add(
                "• Your chat id, with what you follow (/subscribe, /remind) and your time zone: "
                "to send your reminders. /unsubscribe all drops them."
            )
            .add(
                "• Questions I could not answer, and answers you marked 👎: so organisers can "
                "improve the answers. E-mail addresses, phone and other long numbers, "
                "@handles, links and names you introduce are removed first; who asked is kept "
                "only as a keyed hash, never your id. Deleted after 90 days."
            )
            .add("• Messages queued for you (reminders, announcements) until they are sent.")
            .add(
                "Nothing is shared outside this bot. Only organisers see the questions, and only "
                "in a private chat. My logs carry no message text or names."
            )
        ]

    def article_command(self, argument: str, user: User) -> list[Reply]:
        if not argument:
            return [Reply().add("Which article? For example /article 29 or /article lanzarote 23")]
        citation = as_citation(argument, self.services.corpus)
        answer = self.services.ask.ask(citation, user_id=user.id, language=user.language)
        if answer.kind is not AnswerKind.CITATION:
            reply = Reply().add(*answer.notes or ("I could not read that citation.",))
            return [reply.add("Examples: /article 29, /article 29(3), /article lanzarote 23")]
        return [self.answer(answer)]

    def search_command(self, argument: str, user: User) -> list[Reply]:
        if not argument:
            return [Reply().add("Search for what? For example /search preservation of data")]
        hits = self.services.ask.search(argument, limit=8)
        if not hits:
            return [self._nothing_found(argument)]
        reply = Reply().add(bold(f"Results for “{clip(argument, 80)}”"))
        for hit in hits:
            reply.add(bold(cite(hit)), f" – {hit.title}" if hit.title else "")
        reply.buttons = [[article_button(hit)] for hit in hits[:6]]
        return [reply]

    def _reader_zone(self, user: User | None = None) -> ZoneInfo:
        subscriptions = self.services.subscriptions
        own = subscriptions.timezone(user.chat_id) if subscriptions and user else None
        return ZoneInfo(own or self.services.settings.default_timezone)

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
            named = ", ".join("the whole agenda" if s == EVERYTHING else f"“{s}”" for s in followed)
            empty = f"You follow {named}, which has no sessions on the agenda now."
        else:
            empty = "You follow no sessions yet: /subscribe, or /remind ID for one session."
        return Listing(MINE, "Your sessions", mine, empty=empty)

    def timezone_command(self, argument: str, user: User) -> list[Reply]:
        subscriptions = self.services.subscriptions
        if not argument.strip() or subscriptions is None:
            zone = self._reader_zone(user)
            return [
                Reply().add(
                    f"Times are shown in {zone_label(zone)}. Change it with /timezone Asia/Tokyo"
                )
            ]
        try:
            zone = subscriptions.set_timezone(user.chat_id, argument.strip())
        except ValueError:
            return [
                Reply().add(
                    f"I don't know the time zone “{clip(argument.strip(), 40)}”. "
                    "Use a city or a name like Europe/Paris, Tokyo or America/Bogota, "
                    "or an offset like UTC+3."
                )
            ]
        return [Reply().add(f"Times will be shown in {zone_label(zone)} too.")]

    def reminder(self, due: DueReminder) -> Reply:
        return self.following.reminder(due)

    def agenda_command(self, argument: str, user: User) -> list[Reply]:
        """The agenda from now (or one day), a page at a time."""
        try:
            day = parse_day(argument, self.now())
        except ValueError:
            return [Reply().add("Which day? For example /agenda 2026-03-23, /agenda today")]
        listing = self._agenda_listing(day.isoformat() if day else ALL)
        if listing is None:
            return [Reply().add("Which day? For example /agenda 2026-03-23, /agenda today")]
        return [first_page(listing, self._reader_zone(user), self.now())]

    def _agenda_listing(self, scope: str) -> Listing | None:
        agenda = self.services.agenda
        if scope == ALL:
            return Listing(ALL, "Agenda", agenda.sorted())
        try:
            day = date.fromisoformat(scope)
        except ValueError:
            return None
        return Listing(scope, f"Agenda for {day:%A %d %B %Y}", agenda.on_day(day), open_ended=False)

    def _agenda_page(
        self, scope: str, start: str, size: str, ordered_at: str, *, user: User
    ) -> Reply | None:
        """A page button of /agenda, /today or /mysessions (None when the data is forged)."""
        if not (start.isdigit() and size.isdigit() and ordered_at.isdigit()):
            return None
        if not 1 <= int(size) <= PAGE_SIZE or len(ordered_at) > 12:
            return None
        listing = self._my_sessions(user) if scope == MINE else self._agenda_listing(scope)
        if listing is None:
            return None
        notes = overlap_notes(listing.events) if scope == MINE else None
        return list_page(
            listing,
            int(start),
            int(size),
            self._reader_zone(user),
            self.now(),
            ordered_at=moment(int(ordered_at)),
            notes=notes,
        )

    def today_command(self, argument: str, user: User) -> list[Reply]:
        return self.agenda_command("today", user)

    def next_command(self, argument: str, user: User) -> list[Reply]:
        now = self.now()
        events = self.services.agenda.upcoming(now, limit=3)
        heading = "Now and next" if any(e.in_progress(now) for e in events) else "Coming up"
        empty = "Nothing is coming up on the agenda."
        return [agenda_reply(events, heading, self._reader_zone(user), now, empty)]

    def event_command(self, argument: str, user: User) -> list[Reply]:
        event = self.services.agenda.get(argument.strip())
        if event is None:
            return [Reply().add("No event with that ID. Send /agenda to see them all.")]
        reply = Reply()
        event_lines(reply, event, self._reader_zone(user), details=True, now=self.now())
        reply.buttons = [
            [
                Button(
                    f"Art. {r.article} {r.instrument.upper()}",
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
                return [Reply().add("No event with that ID. Send /agenda to see them all.")]
        name = f"{argument.strip() or 'agenda'}.ics"
        reply = Reply().add(f"{len(events)} event(s) for your calendar.")
        reply.document = (name, to_ics(events))
        return [reply]

    def is_organiser(self, user: User) -> bool:
        return user.id in self.services.settings.organisers

    def broadcast_command(
        self, argument: str, user: User, formatted: str | None = None
    ) -> list[Reply]:
        if not self.is_organiser(user):
            log.warning("user %s tried /broadcast without being an organiser", user.id)
            return [Reply().add(REFUSED)]
        return self.organising.broadcast(argument, user.id, formatted)

    def _broadcast_action(self, broadcast_id: str, choice: str, user: User) -> Reply | None:
        if not self.is_organiser(user):
            log.warning("user %s pressed a broadcast button without being an organiser", user.id)
            return Reply().add(REFUSED)
        return self.organising.decide(broadcast_id, choice, user.id)

    def delivery_command(self, argument: str, user: User) -> list[Reply]:
        if not self.is_organiser(user):
            return [Reply().add(REFUSED)]
        return self.organising.delivery(argument, user.id)

    def unanswered_command(self, argument: str, user: User) -> list[Reply]:
        if not self.is_organiser(user):
            log.warning("user %s tried /unanswered without being an organiser", user.id)
            return [Reply().add(REFUSED)]
        if user.chat_id != user.id:  # a group: everyone there would read the questions
            return [
                Reply().add(
                    "Participants' questions are private: send /unanswered to me in a private chat."
                )
            ]
        log_ = self.services.unanswered
        rows = log_.top(15) if log_ else []
        wrong = log_.unhelpful(10) if log_ else []
        if not rows and not wrong:
            return [Reply().add("No unanswered questions recorded yet, and no answer marked 👎.")]
        reply = Reply()
        if rows:
            reply.add(bold("Questions I could not answer well"))
        for row in rows:
            reply.add(f"{row.count}× ({row.users} users) ", italic(clip(row.question, 200)))
        if wrong:
            reply.blank().add(bold("Answered but marked unhelpful 👎"))
        for answer in wrong:
            reply.add(f"{answer.count}× ", italic(clip(answer.question, 200)), f" → {answer.shown}")
        return [reply]

    def reload_command(self, argument: str, user: User) -> list[Reply]:
        if not self.is_organiser(user):
            log.warning("user %s tried /reload without being an organiser", user.id)
            return [Reply().add(REFUSED)]
        problems = self.services.reload()
        if problems:
            reply = Reply().add(bold("Not reloaded: the current content stays live."))
            for problem in problems[:10]:
                reply.add(str(problem))
            return [reply]
        corpus = self.services.corpus
        replies = [
            Reply().add(
                f"Reloaded: {len(corpus.instruments)} treaties, {len(corpus.documents)} documents, "
                f"{len(self.services.faq.entries) if self.services.faq else 0} FAQ entries, "
                f"{len(self.services.agenda.events)} sessions."
            )
        ]
        review = self.services.review_agenda()
        if review is not None:
            replies.append(review_reply(review))
        if review is not None and review.held:
            replies[0].add(
                f"The agenda participants see is unchanged ({len(self.services.agenda.events)} "
                "sessions) until you decide below."
            )
        return replies

    def _agenda_decision(self, digest: str, choice: str, user: User) -> Reply | None:
        if choice not in {"send", "quiet"}:
            return None
        if not self.is_organiser(user):
            log.warning(
                "user %s pressed an agenda-change button without being an organiser", user.id
            )
            return Reply().add(REFUSED)
        review = self.services.decide_agenda(digest, send=choice == "send")
        if review is None:
            return Reply().add(
                "Nothing done: this change was already decided, or the agenda changed since. "
                "Send /reload to see what is waiting now."
            )
        return review_reply(review)

    # --- rendering answers -------------------------------------------------------------

    def answer(self, answer: Answer) -> Reply:
        if answer.kind is AnswerKind.NONE:
            return self.views.unknown(answer)
        reply = Reply()
        if answer.faq:
            reply.add(bold(answer.faq.question))
            reply.add(Span(answer.faq.answer, Style.HTML)).blank()
        if answer.kind is AnswerKind.EVENT:  # "nothing tomorrow; what comes next:" leads
            for note in answer.notes:
                reply.add(italic(note)).blank()
        for found in answer.events[:8]:
            event = self.services.agenda.get(found.id)
            if event is not None:
                event_lines(reply, event, self._reader_zone(), details=False, now=self.now())
                reply.add(f"/event {event.id}").blank()
        if answer.kind is AnswerKind.DOCUMENT:
            return self._fact_reply(reply, answer)
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
            reply.blank().add(italic("Also relevant:"))
            for hit in others:
                reply.add(f"• {cite(hit)}" + (f" – {hit.title}" if hit.title else ""))
        for document in answer.documents[:1]:
            reply.blank().add(italic(f"Guide: {document.title}")).add(clip(document.snippet, 300))
        for note in answer.notes if answer.kind is not AnswerKind.EVENT else ():
            reply.blank().add(italic(note))
        return reply

    def _fact_reply(self, reply: Reply, answer: Answer) -> Reply:
        """Passages of programme documents, each with its source and how old it is."""
        for document in answer.documents:
            reply.add(bold(document.title))
            dated = " · ".join(part for part in (document.source, document.as_of) if part)
            if dated:
                reply.add(italic(dated))
            reply.add(document.snippet).blank()
        if answer.articles:
            reply.add(italic("Treaty articles on this:"))
            for hit in answer.articles[:3]:
                reply.add(f"• {cite(hit)}" + (f" – {hit.title}" if hit.title else ""))
            reply.buttons = self.views.answer_buttons(answer.articles[0], answer.articles[1:4])
        for note in answer.notes:
            reply.blank().add(italic(note))
        return reply

    def _nothing_found(self, query: str) -> Reply:
        return (
            Reply()
            .add(f"Nothing in the treaties matches “{clip(query, 80)}”.")
            .add("Try other words, or cite an article: /article 29")
        )
