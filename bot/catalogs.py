"""The message catalogs' upkeep: extract every text the bot writes, update the .po files.

``python -m bot.catalogs`` extracts the texts marked in the code (``_``, ``N_``,
``ngettext``, and ``Note`` in the domain rooms) and the help texts of ``bot/help.yaml`` into
``bot/locales/messages.pot``, then brings each language's ``messages.po`` up to date (new
texts untranslated, gone ones dropped; English copies the source). ``--check`` only says what
is missing or untranslated and exits 1 if anything is (the tests run the same check).
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from bot.conversation import HELP_FILE, HelpTexts
from bot.i18n import DOMAIN, ENGLISH, LANGUAGES, LOCALES, catalog_path

ROOT = Path(__file__).resolve().parent.parent
ROOMS = ("bot", "index", "scheduler")  # where texts for the reader are written
KEYWORDS = {**DEFAULT_KEYWORDS, "Note": None}
TEMPLATE = LOCALES / f"{DOMAIN}.pot"
# gettext's usual rule: CLDR gives French a third form, for millions, that no text here needs
PLURALS = {"fr": "nplurals=2; plural=(n > 1);"}


def help_texts(path: Path = HELP_FILE) -> Iterator[str]:
    """The texts of the command registry the bot shows: welcome, descriptions, questions."""
    texts = HelpTexts.load(path)
    yield texts.welcome
    yield from (c.description for c in texts.commands)
    yield from texts.questions


def extract() -> Catalog:
    """Every text the bot writes, as a catalog template."""
    template = Catalog(domain=DOMAIN, project="workshop-bot", fuzzy=False)
    for room in ROOMS:
        for path, line, message, comments, context in extract_from_dir(
            ROOT / room, [("**.py", "python")], keywords=KEYWORDS
        ):
            location = (f"{room}/{path}", line)
            template.add(message, locations=[location], auto_comments=comments, context=context)
    for text in help_texts():
        template.add(text, locations=[(str(HELP_FILE.relative_to(ROOT)), 0)])
    return template


def read(language: str) -> Catalog:
    with catalog_path(language).open("rb") as po:
        return read_po(po, locale=language, domain=DOMAIN)


def problems(template: Catalog, language: str) -> list[str]:
    """The texts of ``template`` the language's catalog lacks or leaves untranslated."""
    catalog = read(language)
    found = []
    for message in template:
        if not message.id:
            continue
        translated = catalog.get(message.id, message.context)
        strings = translated.string if translated is not None else None
        forms = strings if isinstance(strings, tuple | list) else (strings,)
        if translated is None:
            found.append(f"{language}: missing {message.id!r}")
        elif translated.fuzzy or not all(forms):
            found.append(f"{language}: untranslated {message.id!r}")
    return found


def update(template: Catalog) -> None:
    """Write the template and bring every language's catalog up to date with it."""
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    _write(TEMPLATE, template)
    for language in LANGUAGES:
        path = catalog_path(language)
        if path.exists():
            catalog = read(language)
        else:
            catalog = Catalog(locale=language, domain=DOMAIN, project="workshop-bot", fuzzy=False)
        if language in PLURALS:
            catalog.mime_headers = [("Plural-Forms", PLURALS[language])]
        catalog.update(copy.deepcopy(template), no_fuzzy_matching=True)
        catalog.obsolete.clear()
        if language == ENGLISH:
            for message in catalog:
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                if message.id and not all(strings):
                    message.string = message.id
        path.parent.mkdir(parents=True, exist_ok=True)
        _write(path, catalog)


def _write(path: Path, catalog: Catalog) -> None:
    with path.open("wb") as out:
        write_po(out, catalog, width=100, omit_header=False, sort_output=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.catalogs", description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report missing texts")
    args = parser.parse_args(argv)
    template = extract()
    if not args.check:
        update(template)
    found = [p for language in LANGUAGES for p in problems(template, language)]
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
