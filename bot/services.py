"""The composition root: every domain service built once, from settings, in one place."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.bookkeeping import Bookkeeping, LaterLog
from bot.change_views import NOTICES
from bot.checks import check_all
from bot.settings import Settings
from corpus.model import Corpus
from corpus.problems import Problem, ValidationError
from corpus.store import load_corpus
from faq.insight import UnansweredLog
from faq.matcher import FaqMatcher
from index.ask import AskService
from index.dense import DenseIndex
from index.embedding import EmbedderStatus, load_embedder
from index.scope import Scope
from index.search import SearchIndex
from scheduler.agenda import Agenda, load_agenda
from scheduler.announce import AnnouncedAgenda, Review
from scheduler.broadcast import BroadcastService
from scheduler.reminders import ReminderService, SubscriptionService
from scheduler.search import EventFinder
from scheduler.store import Database, storage_problem

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Services:
    settings: Settings
    corpus: Corpus
    search: SearchIndex
    ask: AskService
    faq: FaqMatcher | None = None
    unanswered: UnansweredLog | None = None
    agenda: Agenda = field(default_factory=Agenda)
    database: Database | None = None
    semantic: EmbedderStatus = field(default_factory=lambda: EmbedderStatus(None, "not loaded"))
    agenda_problems: list[Problem] = field(default_factory=list)  # the files failed to load
    # A large agenda change waits for an organiser: meanwhile the agenda announced before
    # stays live (listings, reminders) and the new one is kept here.
    held_agenda: Agenda | None = None
    previous_agenda: Agenda | None = None
    bookkeeping: Bookkeeping = field(default_factory=Bookkeeping)  # writes that can wait

    @property
    def agenda_loaded(self) -> bool:
        return not self.agenda_problems

    @property
    def subscriptions(self) -> SubscriptionService | None:
        return SubscriptionService(self.database) if self.database else None

    @property
    def broadcasts(self) -> BroadcastService | None:
        return BroadcastService(self.database, self.settings.organisers) if self.database else None

    @property
    def reminders(self) -> ReminderService | None:
        return ReminderService(self.database) if self.database else None

    @property
    def announced(self) -> AnnouncedAgenda | None:
        if self.database is None:
            return None
        return AnnouncedAgenda(self.database, self.settings.default_timezone)

    def reload(self) -> list[Problem]:
        """Reload corpus, thesaurus, FAQ and agenda; on any problem keep the current content
        live. The agenda's changes are then reviewed (see review_agenda)."""
        problems = check_all(self.settings)
        if problems:
            return problems
        fresh = build_services(
            self.settings, self.unanswered, self.database, self.semantic, self.bookkeeping
        )
        old_search = self.search
        self.corpus, self.search, self.ask = fresh.corpus, fresh.search, fresh.ask
        self.previous_agenda, self.held_agenda = self.agenda, None
        self.faq, self.agenda = fresh.faq, fresh.agenda
        self.agenda_problems = fresh.agenda_problems
        if old_search is not self.search:
            old_search.close()
        return []

    def review_agenda(self) -> Review | None:
        """Compare the agenda with the one last announced: followers hear of small changes at
        once, a large one waits for an organiser (None: nothing to tell). An agenda that
        failed to load is not reviewed: its emptiness is a mistake, not news."""
        announced = self.announced
        if announced is None or not self.agenda_loaded:
            return None
        candidate = self.held_agenda or self.agenda
        review = announced.review(candidate, datetime.now(UTC), NOTICES)
        if review is not None and review.held:  # participants keep the agenda they knew
            self.held_agenda = candidate
            self.agenda = self.previous_agenda or announced.snapshot() or candidate
        elif self.held_agenda is not None:  # the difference went away (a file restored)
            self.agenda, self.held_agenda = self.held_agenda, None
        return review

    def decide_agenda(self, held_id: int, *, send: bool) -> Review | None:
        """An organiser's decision on the held change ``held_id``: the new agenda goes live,
        with or without notices."""
        announced = self.announced
        if announced is None or not self.agenda_loaded:
            return None
        candidate = self.held_agenda or self.agenda
        review = announced.decide(held_id, candidate, datetime.now(UTC), NOTICES, send=send)
        if review is not None:
            self.agenda, self.held_agenda = candidate, None
        return review

    def close(self) -> None:
        self.bookkeeping.close()  # first: its last writes need the databases
        self.search.close()
        if self.unanswered is not None:
            self.unanswered.close()
        if self.database is not None:
            self.database.close()


def build_services(
    settings: Settings,
    unanswered: UnansweredLog | None = None,
    database: Database | None = None,
    semantic: EmbedderStatus | None = None,
    bookkeeping: Bookkeeping | None = None,
) -> Services:
    """Load the corpus, open (or rebuild) the index and wire the ask service.

    ``unanswered``, ``database``, the loaded embedder and the bookkeeping are passed in by a
    reload, which keeps them.
    """
    database = database or Database(settings.db_path)  # first: an unusable file stops the start
    corpus = load_corpus(settings.corpus_dir)
    search = SearchIndex.open(corpus, settings.index_dir, settings.thesaurus)
    semantic = semantic or load_embedder()
    dense = scope = None
    if semantic.embedder is not None:
        dense = DenseIndex.build(corpus, semantic.embedder, settings.vectors_dir)
        scope = Scope.load(semantic.embedder, settings.vectors_dir)
    known = {(a.instrument, a.number) for a in corpus.articles()}
    faq = FaqMatcher.load(settings.faq_dir, known)
    try:
        unanswered = unanswered or UnansweredLog(settings.db_path, settings.user_hash_salt)
    except (sqlite3.Error, OSError) as error:
        raise storage_problem(settings.db_path, error) from error
    agenda_problems: list[Problem] = []
    try:
        agenda = load_agenda(settings.agenda_dir)
    except ValidationError as error:  # the treaties still answer; `check` shows the lines
        agenda_problems = error.problems
        # participants keep the agenda last announced until the files are fixed
        agenda = AnnouncedAgenda(database, settings.default_timezone).snapshot() or Agenda()
        log.warning(
            "agenda files invalid, serving the agenda last announced (%d sessions); fix and "
            "/reload:\n%s",
            len(agenda.events),
            error,
        )
    # the finder reads the services' agenda when asked, so a reloaded agenda is seen at once
    events = EventFinder(lambda: services.agenda)
    bookkeeping = bookkeeping or Bookkeeping()
    ask = AskService(
        corpus,
        search,
        faq=faq,
        events=events,
        unanswered=LaterLog(unanswered, bookkeeping),
        dense=dense,
        scope=scope,
    )
    services = Services(
        settings,
        corpus,
        search,
        ask,
        faq,
        unanswered,
        agenda,
        database,
        semantic,
        agenda_problems,
        bookkeeping=bookkeeping,
    )
    return services
