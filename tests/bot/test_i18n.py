"""The message catalogs: complete in every language, placeholders kept, the language chosen."""

from __future__ import annotations

import re

import pytest
from babel.messages.catalog import Catalog

from bot.catalogs import extract, problems, read
from bot.i18n import LANGUAGES, _, note, speaking, supported
from index.notes import Note
from index.replies import ENGLISH_TEXTS

_PLACEHOLDER = re.compile(r"\{[a-z_]*\}|</?[a-z-]+>")


@pytest.fixture(scope="module")
def template() -> Catalog:
    return extract()


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_text_the_code_writes_is_translated(template: Catalog, language: str) -> None:
    assert problems(template, language) == [], "run: python -m bot.catalogs, then translate"


def _forms(value: object) -> list[str]:
    return list(value) if isinstance(value, tuple | list) else [str(value)]


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_translations_keep_the_placeholders_and_tags(language: str) -> None:
    wrong = []
    for message in read(language):
        if not message.id:
            continue
        wanted = sorted(_PLACEHOLDER.findall(_forms(message.id)[-1]))
        for form in _forms(message.string):
            if sorted(_PLACEHOLDER.findall(form)) != wanted:
                wrong.append((message.id, form))
    assert wrong == []


def test_the_catalogs_hold_no_text_the_code_no_longer_writes(template: Catalog) -> None:
    used = {m.id if isinstance(m.id, str) else tuple(m.id) for m in template if m.id}
    for language in LANGUAGES:
        held = {m.id if isinstance(m.id, str) else tuple(m.id) for m in read(language) if m.id}
        assert held - used == set(), language


@pytest.mark.parametrize(
    ("code", "language"),
    [("fr", "fr"), ("fr-FR", "fr"), ("fr-CA", "fr"), ("en-GB", "en"), ("de", "en"), (None, "en")],
)
def test_telegrams_language_code_picks_a_catalog(code: str | None, language: str) -> None:
    assert supported(code) == language


def test_a_text_is_written_in_the_language_spoken() -> None:
    with speaking("fr-CA"):
        assert _("Welcome") == "Bienvenue"
    assert _("Welcome") == "Welcome"


def test_a_domain_note_is_translated_with_its_values() -> None:
    said = Note("Article {number} does not exist; showing the whole article.", number="29(9)")
    assert said == "Article 29(9) does not exist; showing the whole article."
    with speaking("fr"):
        assert note(said) == "L’article 29(9) n’existe pas ; voici l’article entier."
        assert note(ENGLISH_TEXTS["es"]) == (
            "Les textes des traités sont cités en anglais, la version que ce bot détient."
        )
