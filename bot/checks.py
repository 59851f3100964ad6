"""`workshop-bot check`: validate every file organisers edit (and the ranking weights),
reporting file:line problems."""

from __future__ import annotations

from bot.settings import Settings
from corpus.problems import Problem
from corpus.store import check_corpus, load_corpus
from faq.entries import read_entries
from index.exemplars import check_exemplars
from index.thesaurus import parse_thesaurus
from index.weights import WeightsError, load_weights
from scheduler.agenda import check_agenda


def check_all(settings: Settings, *, twice: bool = False) -> list[Problem]:
    """Problems that stop a reload; with ``twice``, also sessions imported twice (for
    `workshop-bot check`)."""
    problems = list(check_corpus(settings.corpus_dir))
    problems += parse_thesaurus(settings.thesaurus)[1]
    known = None
    if not problems:
        known = {(a.instrument, a.number) for a in load_corpus(settings.corpus_dir).articles()}
    problems += read_entries(settings.faq_dir, known)[1]
    if known is not None:
        problems += check_exemplars(known)
    problems += check_agenda(settings.agenda_dir, twice=twice)
    try:
        load_weights()
    except WeightsError as error:
        problems += error.problems
    return problems
