"""Message catalogs: every text the bot writes, in the reader's language (gettext, Babel).

The catalogs are the ``.po`` files in ``bot/locales/<language>/LC_MESSAGES/messages.po``,
read directly with Babel (no compile step: a fresh clone runs as it is). Texts are marked
``_("...")`` where they are written and ``N_("...")`` where they are defined ahead of the
reader (module constants); ``python -m bot.catalogs`` extracts them and updates the catalogs.

The language of the message being written is a context variable, set by :func:`speaking`
around each reply, reminder or notice, so the views need no language parameter.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from functools import cache
from pathlib import Path

from babel.dates import format_date, format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from index.notes import Note

LOCALES = Path(__file__).with_name("locales")
DOMAIN = "messages"
ENGLISH = "en"
LANGUAGES = {"en": "English", "fr": "Français"}  # each has a complete catalog; its own name
_current: ContextVar[str] = ContextVar("language", default=ENGLISH)


def supported(code: str | None) -> str:
    """The interface language for Telegram's ``language_code``: "fr-CA" -> "fr", anything
    without a catalog -> English."""
    base = (code or "").replace("_", "-").split("-")[0].casefold()
    return base if base in LANGUAGES else ENGLISH


def catalog_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: str) -> Translations:
    """The catalog of ``language``, read from its .po file and compiled in memory."""
    with catalog_path(language).open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def current() -> str:
    return _current.get()


@contextmanager
def speaking(language: str | None) -> Iterator[str]:
    """Write in ``language`` (a supported code; others mean English) inside the block."""
    token = _current.set(supported(language))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def _(message: str) -> str:
    """``message`` in the current language."""
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of ``singular``/``plural`` for ``count``, in the current language."""
    return translations(current()).ngettext(singular, plural, count)


def language_name(code: str) -> str:
    """A language's name in the current language: "French", "français"."""
    return _(_NAMES[code])


def N_(message: str) -> str:
    """Marks a text for the catalogs where it is defined; :func:`_` translates it when used."""
    return message


_NAMES = {"en": N_("English"), "fr": N_("French")}  # see language_name


def note(text: str) -> str:
    """A domain room's :class:`Note` in the current language (other text as it is)."""
    if not isinstance(text, Note):
        return text
    if not text.values:
        return _(text.template)
    values = {
        k: format_date(v, "d MMMM y", locale=current()) if isinstance(v, date) else v
        for k, v in text.values.items()
    }
    return _(text.template).format(**values)


def dated(moment: datetime, english: str, pattern: str) -> str:
    """A moment in the current language: by ``english`` (strftime) in English, else by the
    CLDR ``pattern`` ("EEE d MMM" reads "mer. 15 sept." in French)."""
    if current() == ENGLISH:
        return moment.strftime(english)
    return format_datetime(moment, pattern, tzinfo=moment.tzinfo, locale=current())
