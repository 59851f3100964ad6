"""Import a treaty from the Markdown form of corpus/sources into the corpus model.

Handles the quirks listed in that folder's SOURCES.md: irregular heading spacing, missing
`####` lines, relative links, three kinds of quotation marks, Dutch notes standing in for
missing English text, and paragraph/item labels written several ways.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from corpus.instruments import (
    INSTRUMENTS_FILE,
    InstrumentMeta,
    instrument_names,
    load_metadata,
)
from corpus.model import Article, Division, Instrument, Item, Paragraph
from corpus.problems import Problem, ValidationError
from corpus.references import Citing, find_references
from corpus.store import write_instrument

__all__ = ["InstrumentMeta", "clean_text", "import_treaty_file", "parse_treaty"]

_HEADING = re.compile(r"^###(?!#)\s*(article|chapter|section|title)\s+(\S+)", re.IGNORECASE)
_SUBHEADING = re.compile(r"^####\s*(.*?)\s*$")
_CLOSING = re.compile(r"^\s*in witness whereof", re.IGNORECASE)
# The note that stands where the source has no English text ("Wijzigt het Europees Verdrag").
_DUTCH_NOTE = re.compile(r"^(wijzigt|wijziging|zie)\b.*\b(verdrag|protocol)\b", re.IGNORECASE)
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
# `*` may close emphasis right before a word ("*inter alia,*include"); `_` may not.
_EMPHASIS = re.compile(
    r"(?<![\w*])\*{1,2}(?=\S)(.+?)(?<=\S)\*{1,2}|(?<!\w)_{1,2}(?=\S)(.+?)(?<=\S)_{1,2}(?!\w)"
)
_BACKTICK_QUOTE = re.compile(r"``([^`\"]*?)\"")

_PARAGRAPH = re.compile(r"^(\d{1,3})\s*\.\s*(.*)$", re.DOTALL)
_ROMAN = re.compile(r"^\((i{1,3}|iv|vi{0,3}|ix|x)\)\s*(.*)$", re.DOTALL)
_LETTER = re.compile(r"^(\(([a-z])\)|([a-z])\)|([a-z])\.)\s*(.*)$", re.DOTALL)
_DASH = re.compile(r"^([–-])\s*(.*)$", re.DOTALL)
# The rest of a letter item whose dot is missing: "not to accept", "any reservation".
_GLUED_WORD = re.compile(r"^(not|any|the|to|that|a|an)\b")


# A sentence run into the next where the source lost a line break: "set out in the
# agreement.A joint investigation team may ..." (ETS 182 Art. 20), ";Considering" in preambles.
_RUN_ON = re.compile(r"(?<=[a-z]{2}[.;:])(?=[A-Z](?:[a-z]|\s))")


def clean_text(line: str) -> str:
    """Exact words of a source line, without Markdown: links keep their text, quotes
    normalised, a space where the source ran two sentences together."""
    text = _LINK.sub(r"\1", line)
    text = _EMPHASIS.sub(lambda match: match.group(1) or match.group(2), text)
    text = _BACKTICK_QUOTE.sub(r"“\1”", text)
    text = _RUN_ON.sub(" ", text)
    return " ".join(text.split())


@dataclass(slots=True)
class _Draft:
    number: str
    divisions: tuple[Division, ...]
    title: str | None = None
    lines: list[str] = field(default_factory=list)
    expects_title: bool = True


def parse_treaty(
    markdown: str,
    meta: InstrumentMeta,
    source: str = "",
    known: Mapping[str, InstrumentMeta] | None = None,
) -> Instrument:
    """Parse one treaty; raises ValidationError (with line numbers) on unusable input.

    ``known`` (default: instruments.yaml) gives the names that resolve citations such as
    "Article 9 of the Convention on Cybercrime" to another instrument.
    """
    lines = markdown.splitlines()
    title: str | None = None
    preamble: list[str] = []
    closing: list[str] = []
    drafts: list[_Draft] = []
    divisions: dict[str, Division] = {}
    pending_division: str | None = None
    current: _Draft | None = None
    started = False
    for line in lines:
        heading = _HEADING.match(line)
        subheading = _SUBHEADING.match(line)
        if heading:
            kind, number = heading.group(1).lower(), heading.group(2).strip()
            started = True
            if kind == "article":
                current = _Draft(number, _division_path(divisions))
                drafts.append(current)
                pending_division = None
            else:
                _open_division(divisions, kind, number)
                pending_division, current = kind, None
        elif subheading:
            text = clean_text(subheading.group(1))
            if title is None and not started:
                title = text
            elif pending_division:
                old = divisions[pending_division]
                divisions[pending_division] = Division(old.kind, old.number, text or None)
                pending_division = None
            elif current and current.expects_title and not current.lines:
                current.title = text or None
                current.expects_title = False
        elif line.strip():
            if _CLOSING.match(line):
                closing.append(clean_text(line))
                current = None
            elif current is not None:
                current.lines.append(line)
                current.expects_title = False
            elif closing:
                closing.append(clean_text(line))
            elif not started:
                preamble.append(clean_text(line))
    if not drafts:
        raise ValidationError([Problem(source or meta.id, 1, "no `### Article N` headings found")])
    articles = tuple(_article(meta.id, draft) for draft in drafts)
    names = instrument_names({**(load_metadata() if known is None else known), meta.id: meta})
    citing = Citing(meta.id, meta.parent, frozenset(a.number for a in articles), names)
    articles = tuple(
        _with_references(article, draft.lines, citing)
        for article, draft in zip(articles, drafts, strict=True)
    )
    full_title = meta.title or title or meta.id
    return Instrument(
        id=meta.id,
        title=full_title,
        short_title=meta.short_title or full_title,
        number=meta.number,
        year=meta.year,
        aliases=meta.aliases,
        preamble="\n\n".join(p for p in preamble if p),
        articles=articles,
        source=source,
        closing=" ".join(closing),
        parent=meta.parent,
    )


def _open_division(divisions: dict[str, Division], kind: str, number: str) -> None:
    order = ("chapter", "section", "title")
    for deeper in order[order.index(kind) :]:
        divisions.pop(deeper, None)
    divisions[kind] = Division(kind, number, None)


def _division_path(divisions: dict[str, Division]) -> tuple[Division, ...]:
    return tuple(divisions[k] for k in ("chapter", "section", "title") if k in divisions)


def _article(instrument: str, draft: _Draft) -> Article:
    blocks = [clean_text(line) for line in draft.lines]
    blocks = [b for b in blocks if b and not _DUTCH_NOTE.match(b)]
    if not blocks:  # only the Dutch note that stands for text this source does not give
        return Article(instrument, draft.number, draft.title, (), "", False, draft.divisions)
    paragraphs, rendered = _structure(blocks)
    return Article(
        instrument,
        draft.number,
        draft.title,
        paragraphs,
        "\n\n".join(rendered),
        True,
        draft.divisions,
    )


def _structure(blocks: list[str]) -> tuple[tuple[Paragraph, ...], list[str]]:
    """Split blocks into numbered paragraphs holding lettered, roman and dash items.

    Roman items belong to the lettered item before them, and so do dashes after a lettered item
    that ends with a colon ("b) engaging in sexual activities with a child where:").
    """
    paragraphs: list[tuple[str | None, str, list[Item]]] = []
    rendered: list[str] = []
    for block in blocks:
        items = paragraphs[-1][2] if paragraphs else []
        label, text, kind = _label(block, items[-1].label if items else "")
        rendered.append(f"{label} {text}".strip() if label else text)
        if kind in ("paragraph", "text"):
            paragraphs.append((label.rstrip(".") or None, text, []))
            continue
        if not paragraphs:
            paragraphs.append((None, "", items))
        item = Item(label.strip("()."), text)
        if items and _holds(items[-1], kind):
            parent = items[-1]
            items[-1] = Item(parent.label, parent.text, (*parent.items, item))
        else:
            items.append(item)
    built = tuple(Paragraph(n, t, tuple(i)) for n, t, i in paragraphs)
    return built, rendered


def _holds(item: Item, kind: str) -> bool:
    """Whether a roman or dash item belongs under ``item`` rather than beside it."""
    lettered = len(item.label) == 1 and item.label.isalpha()
    if kind == "roman":
        return lettered
    return kind == "dash" and lettered and item.text.endswith(":")


def _label(block: str, previous: str) -> tuple[str, str, str]:
    """The block's label as written (normalised), its text, and what kind of label it is.

    ``previous`` is the label of the item before, which tells a roman ``(i)`` from the letter
    after ``h`` and recovers a letter printed without its dot ("cnot to accept" after "b.").
    """
    if match := _PARAGRAPH.match(block):
        return f"{match.group(1)}.", match.group(2), "paragraph"
    roman = _ROMAN.match(block)
    if roman and not (roman.group(1) == "i" and previous == "h"):
        return f"({roman.group(1)})", roman.group(2), "roman"
    if match := _LETTER.match(block):
        letter = match.group(2) or match.group(3) or match.group(4)
        style = (
            f"({letter})" if match.group(2) else (f"{letter})" if match.group(3) else f"{letter}.")
        )
        return style, match.group(5), "letter"
    follows = len(previous) == 1 and previous.isalpha() and block[:1] == chr(ord(previous) + 1)
    if follows and _GLUED_WORD.match(block[1:]):
        return block[0], block[1:], "letter"
    if match := _DASH.match(block):
        return match.group(1), match.group(2), "dash"
    return "", block, "text"


def _with_references(article: Article, raw_lines: list[str], citing: Citing) -> Article:
    if not article.available:
        return article
    return replace(article, references=find_references(citing, article.number, raw_lines))


def import_treaty_file(path: Path, out_dir: Path, instrument_id: str | None = None) -> Instrument:
    """Import ``path`` and write ``out_dir/<id>.json``; raises ValidationError on bad input.

    The id defaults to the file name before its first dot (``ets185.en.md`` -> ``ets185``).
    Metadata comes from the instruments.yaml beside ``out_dir`` (else the packaged one); a
    treaty not listed there takes its title from its first ``####`` line.
    """
    identifier = instrument_id or path.name.split(".")[0].lower()
    beside = out_dir.parent / INSTRUMENTS_FILE.name
    known = load_metadata(beside if beside.is_file() else INSTRUMENTS_FILE)
    meta = known.get(identifier, InstrumentMeta(identifier))
    try:
        markdown = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationError([Problem(str(path), 1, f"cannot read: {error}")]) from error
    instrument = parse_treaty(markdown, meta, path.name, known)
    write_instrument(instrument, out_dir)
    return instrument
