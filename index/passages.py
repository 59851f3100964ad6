"""The passages the dense retriever embeds: article paragraphs, whole articles, document parts,
the guide lines that explain an article (embedded in the guide's words, shown as the
article's text) and the questions an article answers (``index.exemplars``, likewise).

Each passage is embedded with a heading ("Budapest Convention, Article 16 – Expedited
preservation of stored computer data.") so a paragraph that says only "the order" is still
about preservation, and is shown as its exact text, never the heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from corpus.model import Article, Corpus, Document, DocumentRef, PassageKey
from index.citations import articles_cited
from index.exemplars import Exemplar
from index.search import article_blocks, document_blocks

DOCUMENT_CHUNK = 500  # characters: a long report block is split at lines into parts this size
INTRODUCTION = 200  # characters: a line this short that ends a part also begins the next
LINE_MINIMUM = 15  # characters: a shorter line ("Room 4", "GLACY") is not embedded alone
ROW_CELL = 80  # characters: a table row's leading cells this short (a date, a place) head it


@dataclass(frozen=True, slots=True)
class Passage:
    key: PassageKey
    shown: str  # exact corpus text: what an answer quotes
    embedded: str  # what the model reads: the heading, then the text
    line: bool = False  # one line of a programme document's part, embedded alone


def passages(corpus: Corpus, exemplars: Sequence[Exemplar] = ()) -> list[Passage]:
    """Every passage of every available article and every document, then the exemplars of
    available articles, in a stable order."""
    found: list[Passage] = []
    for instrument in sorted(corpus.instruments.values(), key=lambda i: i.id):
        for article in instrument.articles:
            if article.available:
                found += _article_passages(article, instrument.short_title)
    for document in sorted(corpus.documents.values(), key=lambda d: d.id):
        found += _document_passages(document)
        if document.kind == "guide":
            found += _explained_articles(document, corpus)
    found += _asked_articles(exemplars, corpus)
    return found


def _asked_articles(exemplars: Sequence[Exemplar], corpus: Corpus) -> Iterator[Passage]:
    """Each exemplar as a passage of its article: embedded in the asker's words, shown as the
    article's own text."""
    for exemplar in exemplars:
        ref = exemplar.article
        article = corpus.article(ref.instrument, ref.article)
        if article is not None and article.available:
            blocks = article_blocks(article) or [article.text]
            yield Passage(article.ref, blocks[0], exemplar.text)


# A guide's line that explains one article: "- Article 8 (computer-related fraud): causing
# ...", "- Lanzarote Article 23: ...", "- ETS 182 Article 19 ...".
_EXPLAINING = re.compile(r"^- [A-Za-z0-9 ]*?Article \d")


def _explained_articles(guide: Document, corpus: Corpus) -> Iterator[Passage]:
    """The article each line of a guide explains, embedded in the guide's words.

    Guides describe cases as practitioners tell them ("a SIM swap emptied the account"), which
    treaty prose never does; a question told that way is near the line, and the line names
    its article (first, as the ranker reads guide lines). The passage shows the article's own
    text, never the guide's.
    """
    for line in guide.body.splitlines():
        explaining = line.strip()
        if not _EXPLAINING.match(explaining):
            continue
        cited = articles_cited(explaining, corpus)
        if cited:
            blocks = article_blocks(cited[0]) or [cited[0].text]
            yield Passage(cited[0].ref, blocks[0], f"{guide.title}.\n{explaining[2:]}")


def _article_passages(article: Article, short_title: str) -> Iterator[Passage]:
    key = article.ref
    heading = f"{short_title}, Article {article.number}"
    heading += f" – {article.title}." if article.title else "."
    blocks = article_blocks(article)
    for block in blocks:
        yield Passage(key, block, f"{heading}\n{block}")
    if len(blocks) > 1:  # the article as a whole says what no single paragraph says
        yield Passage(key, blocks[0], f"{heading}\n{article.text}")


def _document_passages(document: Document) -> Iterator[Passage]:
    """Consecutive paragraphs packed into parts of about DOCUMENT_CHUNK characters; and each
    line of a programme document's part embedded alone, shown as the whole part.

    Slides and reports have many tiny blocks ("Tokyo, 20-21 May 2013", "Room 4") that mean
    nothing alone; packed with their neighbours they say what they are about. But a part's
    vector is the mean of all it says: "Duration 28 months (1 March 2009 – 30 June 2011)"
    is lost among the budget, funding and outputs of the same table, and "how long did
    phase 2 last?" found another part. Embedded alone under the document's title, the line
    is found, and the part around it shown. Measured on the development fact sets: 345 of
    397 answered, from 333. A guide's lines explain articles (``_explained_articles``).
    """
    key = DocumentRef(document.id)
    parts = list(_packed(document_blocks(document)))
    for part, following in zip(parts, [*parts[1:], ""], strict=True):
        yield Passage(key, part, f"{document.title}.\n{part}")
        if document.kind == "guide":
            continue
        for line in (line.strip() for line in _own_lines(part, following)):
            if len(line) >= LINE_MINIMUM and line != part:
                yield Passage(key, part, f"{document.title}.\n{line}", line=True)


def _own_lines(part: str, following: str) -> list[str]:
    """The lines of ``part`` but the introduction it ends with that also begins the
    ``following`` part: a heading ("Underlying offences", "Intentional attacks against ICT
    by") is found as the part that shows what it introduces, not as the part it closes."""
    lines = part.splitlines()
    if len(part) > DOCUMENT_CHUNK:  # grown to end with what closes it (``_slack``)
        return lines
    for start in range(1, len(lines)):
        ending = "\n".join(lines[start:])
        if ending.strip() and following.startswith(ending):
            return lines[:start]
    return lines


def _packed(blocks: list[str]) -> Iterator[str]:
    """Parts of at most DOCUMENT_CHUNK characters (unless one line is longer), in order;
    paragraphs stay separated by a blank line, the lines of a long paragraph by a newline.

    What introduces the text that follows a cut begins the next part too: a short last line,
    often a date, a place or a title ("25–26 Ebene, Jan 10 Mauritius" above the AfriNIC
    meeting), and the date and place that head a table row whose continuation lines
    (indented by tabs) were cut from it ("8-10 Dec Cairo, Egypt" above "2. During the Round
    table ...").
    """
    part, last, row = "", "", ""
    for position, block in enumerate(blocks):
        lines = [block] if len(block) <= DOCUMENT_CHUNK else block.splitlines()
        following = blocks[position + 1] if position + 1 < len(blocks) else ""
        for number, line in enumerate(lines):
            joiner = "\n" if number else "\n\n"
            if part and len(part) + len(line) > DOCUMENT_CHUNK + _slack(line, lines, following):
                yield part
                carried = len(last) <= INTRODUCTION and last != part
                continued = line.startswith("\t") and row
                introduction = [row] if continued and not (carried and last.startswith(row)) else []
                if carried:
                    introduction.append(last)
                part = "\n".join(introduction)
            part = f"{part}{joiner}{line}" if part else line
            last = line
            if not line.startswith("\t"):
                row = _row_head(line)
    if part:
        yield part


def _slack(line: str, lines: list[str], following: str) -> int:
    """How far past the size a part may grow to end with ``line``: a short paragraph of its
    own before a long one ends what precedes it ("Moderator: Alexander Seger" below the
    panellists, above the Council of Europe's self-description); a heading ("2nd round of
    T-CY Assessments:") or a line of a list introduces what follows."""
    closing = lines == [line] and len(line) <= ROW_CELL and not line.rstrip().endswith(":")
    return ROW_CELL if closing and len(following) > INTRODUCTION else 0


def _row_head(line: str) -> str:
    """The leading short cells of a tab-separated table row (its date and place), or ""."""
    cells = line.split("\t")
    if len(cells) < 2:
        return ""
    head = []
    for cell in cells:
        if not cell.strip() or len(cell) > ROW_CELL:
            break
        head.append(cell)
    return "\t".join(head)
