"""The composition root: every domain service built once, from settings, in one place."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime

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
from scheduler.broadcast import BroadcastService
from scheduler.changes import diff_agendas
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

    @property
    def subscriptions(self) -> SubscriptionService | None:
        return SubscriptionService(self.database) if self.database else None

    @property
    def broadcasts(self) -> BroadcastService | None:
        return BroadcastService(self.database, self.settings.organisers) if self.database else None

    @property
    def reminders(self) -> ReminderService | None:
        return ReminderService(self.database) if self.database else None

    def reload(self) -> list[Problem]:
        """Reload corpus, thesaurus and FAQ; on any problem keep the current content live."""
        problems = check_all(self.settings)
        if problems:
            return problems
        fresh = build_services(self.settings, self.unanswered, self.database, self.semantic)
        old_search, old_agenda = self.search, self.agenda
        self.corpus, self.search, self.ask = fresh.corpus, fresh.search, fresh.ask
        self.faq, self.agenda = fresh.faq, fresh.agenda
        if old_search is not self.search:
            old_search.close()
        changes = diff_agendas(old_agenda, self.agenda, datetime.now(UTC))
        if changes and self.broadcasts is not None:
            self.broadcasts.notify_changes(changes)  # followers hear of moved or cancelled sessions
        return []

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
    try:
        agenda = load_agenda(settings.agenda_dir)
    except ValidationError as problems:  # the treaties still answer; `check` shows the lines
        log.warning("agenda not loaded, fix it and /reload:\n%s", problems)
        agenda = Agenda()
    # the finder reads the services' agenda when asked, so a reloaded agenda is seen at once
    events = EventFinder(lambda: services.agenda)
    ask = AskService(
        corpus, search, faq=faq, events=events, unanswered=unanswered, dense=dense, scope=scope
    )
    services = Services(settings, corpus, search, ask, faq, unanswered, agenda, database, semantic)
    return services
