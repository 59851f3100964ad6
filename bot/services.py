"""The composition root: every domain service built once, from settings, in one place."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.change_views import notice_html
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
    agenda_loaded: bool = True  # False when the agenda files were invalid at load

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
        fresh = build_services(self.settings, self.unanswered, self.database, self.semantic)
        old_search = self.search
        self.corpus, self.search, self.ask = fresh.corpus, fresh.search, fresh.ask
        self.faq, self.agenda, self.agenda_loaded = fresh.faq, fresh.agenda, fresh.agenda_loaded
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
        return announced.review(self.agenda, datetime.now(UTC), notice_html)

    def decide_agenda(self, digest: str, *, send: bool) -> Review | None:
        """An organiser's decision on the held change named by ``digest``."""
        announced = self.announced
        if announced is None or not self.agenda_loaded:
            return None
        return announced.decide(digest, self.agenda, datetime.now(UTC), notice_html, send=send)

    def close(self) -> None:
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
) -> Services:
    """Load the corpus, open (or rebuild) the index and wire the ask service.

    ``unanswered``, ``database`` and the loaded embedder are passed in by a reload, which
    keeps them.
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
    agenda_loaded = True
    try:
        agenda = load_agenda(settings.agenda_dir)
    except ValidationError as problems:  # the treaties still answer; `check` shows the lines
        log.warning("agenda not loaded, fix it and /reload:\n%s", problems)
        agenda, agenda_loaded = Agenda(), False
    # the finder reads the services' agenda when asked, so a reloaded agenda is seen at once
    events = EventFinder(lambda: services.agenda)
    ask = AskService(
        corpus, search, faq=faq, events=events, unanswered=unanswered, dense=dense, scope=scope
    )
    services = Services(
        settings, corpus, search, ask, faq, unanswered, agenda, database, semantic, agenda_loaded
    )
    return services
