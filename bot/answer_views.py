"""How answers and articles read in a chat: the cited text, the best passage with the
question's words marked, buttons to the full text, neighbouring and referenced articles, and
long articles paged on paragraph boundaries under Telegram's 4,096 UTF-16 units."""

from __future__ import annotations

import re

from bot import actions
from bot.i18n import _, note
from bot.replies import (
    TELEGRAM_LIMIT,
    Button,
    Reply,
    Span,
    Style,
    bold,
    clip,
    italic,
    marked,
    split_pages,
    units,
)
from corpus.model import Article, Corpus
from index.answer import Answer, ArticleHit
from index.related import RelatedArticles

ROOM = 400  # units left on a page for its heading, title, page marker and notes
RELATED = 4  # related-article buttons under an answer
LABEL = 40  # units of a button label, cut at a word


class AnswerViews:
    def __init__(self, corpus: Corpus, related: RelatedArticles | None = None) -> None:
        self.corpus = corpus
        self.related = related or RelatedArticles(corpus)

    def cited_lines(self, hit: ArticleHit, text: str) -> list[list[Span]]:
        """A cited article or paragraph in full; a long one shows its first page."""
        title = f" – {hit.title}" if hit.title else ""
        pages = split_pages(text, limit=TELEGRAM_LIMIT - ROOM)
        lines = [[bold(f"{cite(hit)}{title}")], *([Span(p)] for p in pages[0].split("\n"))]
        if len(pages) > 1:
            lines.append([italic(_("(continues: press “Full text”)"))])
        return lines

    def hit_lines(self, hit: ArticleHit, *, lead: bool) -> list[list[Span]]:
        title = f" – {hit.title}" if hit.title else ""
        lines = [[bold(f"{cite(hit)}{title}")]]
        if lead:
            marks = [(h.start, h.end) for h in hit.highlights]
            for number, paragraph in enumerate(hit.snippet.split("\n\n")):
                offset = sum(len(p) + 2 for p in hit.snippet.split("\n\n")[:number])
                local = [
                    (s - offset, e - offset)
                    for s, e in marks
                    if offset <= s < offset + len(paragraph)
                ]
                lines.append(marked(paragraph, local, Style.UNDERLINE))
        return lines

    def answer_buttons(
        self, best: ArticleHit, others: tuple[ArticleHit, ...], shown: str | None = None
    ) -> list[list[Button]]:
        """Full text (unless ``shown``, the text quoted, is the whole article), the previous
        and next article, related articles and the answer's other results; each article once.
        """
        opened = actions.article(best.instrument, best.article)
        article = self.corpus.article(best.instrument, best.article)
        whole = article is not None and shown is not None and _whole(article, shown)
        full = [] if whole else [Button(_("📄 Full text"), opened)]
        around = self.neighbours(article) if article is not None else []
        seen = {opened, *(b.action for b in around)}
        results = _fresh([article_button(hit) for hit in others], seen)
        related = _fresh(self._related_buttons(article, best.instrument), seen)[:RELATED]
        return [row for row in (full, around, related, results) if row]

    def _related_buttons(self, article: Article | None, instrument: str) -> list[Button]:
        if article is None:
            return []
        buttons = []
        for ref in self.related.of(article):
            label = _("→ Art. {article}").format(article=ref.article)
            if ref.instrument != instrument:
                label += f" {self.corpus.instruments[ref.instrument].short_title}"
            buttons.append(Button(clip(label, LABEL), actions.article(ref.instrument, ref.article)))
        return buttons

    def neighbours(self, article: Article, *, turn: bool = False) -> list[Button]:
        """Buttons to the previous and next article: new messages under an answer, page
        turns (``turn``) under an article being read."""
        go = actions.page_turn if turn else actions.article
        instrument = self.corpus.instruments[article.instrument]
        numbers = [a.number for a in instrument.articles]
        position = numbers.index(article.number)
        row = []
        if position > 0:
            row.append(
                Button(
                    _("◀ Art. {article}").format(article=numbers[position - 1]),
                    go(article.instrument, numbers[position - 1]),
                )
            )
        if position < len(numbers) - 1:
            row.append(
                Button(
                    _("Art. {article} ▶").format(article=numbers[position + 1]),
                    go(article.instrument, numbers[position + 1]),
                )
            )
        return row

    def article_page(self, article: Article, page: int) -> Reply:
        """The full text of an article, paged on paragraph boundaries under Telegram's limit."""
        instrument = self.corpus.instruments[article.instrument]
        heading = _("{instrument} · Article {article}").format(
            instrument=instrument.short_title, article=article.number
        )
        reply = Reply().add(bold(heading))
        if article.title:
            reply.add(italic(article.title))
        reply.blank()
        if not article.available:
            reply.add(_("The English text of this article is not available in this source."))
            reply.buttons = [self.neighbours(article, turn=True)]
            return reply
        title = units(article.title or "")
        pages = split_pages(article.text, limit=TELEGRAM_LIMIT - units(heading) - title - ROOM)
        page = min(max(page, 0), len(pages) - 1)
        continued = _paragraph_continued(pages[:page], pages[page])
        if continued is not None:  # a page that opens with "b) Any request ..."
            reply.add(italic(_("… paragraph {number}, continued").format(number=continued)))
        reply.add(pages[page])
        paging: list[Button] = []
        if len(pages) > 1:
            reply.blank().add(
                italic(_("Page {page} of {pages}").format(page=page + 1, pages=len(pages)))
            )
            if page > 0:
                paging.append(
                    Button(
                        _("◀ Previous page"),
                        actions.page_turn(article.instrument, article.number, page - 1),
                    )
                )
            if page < len(pages) - 1:
                paging.append(
                    Button(
                        _("Next page ▶"),
                        actions.page_turn(article.instrument, article.number, page + 1),
                    )
                )
        reply.buttons = [row for row in (paging, self.neighbours(article, turn=True)) if row]
        return reply

    def unknown(self, answer: Answer) -> Reply:
        reply = Reply()
        for said in answer.notes:
            reply.add(note(said))
        if not answer.notes:
            reply.add(_("I don't know the answer to that, and I'd rather say so than guess."))
        if answer.faq_choices:
            reply.blank().add(_("Did you mean one of these?"))
            choices = [Button(clip(c.question, 60), f"v1|faq|{c.id}") for c in answer.faq_choices]
            reply.buttons = [[button] for button in _fresh(choices, set())[:3]]
        if answer.suggestions:
            reply.blank().add(italic(_("You can:")))
        for suggestion in answer.suggestions:
            reply.add(f"• {note(suggestion)}")
        return reply


def cite(hit: ArticleHit) -> str:
    return _("{instrument} · Art. {article}").format(
        instrument=hit.instrument_name, article=f"{hit.article}{hit.part}"
    )


def article_button(hit: ArticleHit) -> Button:
    label = _("Art. {article}").format(article=hit.article) + (f" {hit.title}" if hit.title else "")
    return Button(clip(label, LABEL), actions.article(hit.instrument, hit.article))


def _fresh(buttons: list[Button], seen: set[str]) -> list[Button]:
    """``buttons`` leading somewhere no earlier button leads (``seen`` grows)."""
    fresh = []
    for button in buttons:
        if button.action not in seen:
            seen.add(button.action)
            fresh.append(button)
    return fresh


def _whole(article: Article, shown: str) -> bool:
    """Whether ``shown`` is all of ``article`` on one page: no "Full text" to offer then."""
    if " ".join(shown.split()) != " ".join(article.text.split()):
        return False
    return len(split_pages(article.text, limit=TELEGRAM_LIMIT - ROOM)) == 1


def shown(answer: Answer) -> str:
    """What an answer pointed the reader to, in a line (kept with a 👍/👎)."""
    parts = [f"FAQ {answer.faq.id}"] if answer.faq else []
    if answer.best is not None:
        parts.append(cite(answer.best))
    elif answer.events:
        parts.append(f"session {answer.events[0].id}")
    elif answer.documents:
        parts.append(answer.documents[0].title)
    return "; ".join(parts) or str(answer.kind)


_PARAGRAPH_NUMBER = re.compile(r"(?m)^\s*(\d+)\.")


def _paragraph_continued(before: list[str], page: str) -> str | None:
    """The number of the paragraph a page goes on with, when it does not open one."""
    if not before or _PARAGRAPH_NUMBER.match(page):
        return None
    numbers = _PARAGRAPH_NUMBER.findall("\n".join(before))
    return numbers[-1] if numbers else None
