"""A note for the reader: English text that a front end can translate through its catalogs.

Domain rooms write no words of their own for the interface: a :class:`Note` is its English
template (the catalog's msgid, found by the extractor through the ``Note(`` call) and the
values put into it. It is a ``str`` (the English text), so logs, the CLI and the JSON output
read it as before; ``bot/`` renders it in the reader's language.
"""

from __future__ import annotations

from datetime import date
from typing import Any


class Note(str):
    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Note:
        note = super().__new__(cls, template.format(**{k: english(v) for k, v in values.items()}))
        note.template = template
        note.values = values
        return note

    @classmethod
    def said(cls, text: str, template: str) -> Note:
        """``text`` (already in the asker's language) that a front end reads as ``template``."""
        note = super().__new__(cls, text)
        note.template = template
        note.values = {}
        return note


def english(value: Any) -> str:
    """A value as the English text shows it: a date as "15 September 2010"."""
    return f"{value:%d %B %Y}" if isinstance(value, date) else str(value)
