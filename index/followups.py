"""A message that goes on from the article just shown: "and paragraph 3?", "para 2 please",
"(b)?", "what about article 24?" after Lanzarote's Art. 23, "next article", "the full text".

A contact point reads an article and asks for a part of it, or the next one, without citing
the treaty again; alone, "paragraph 2 please" names no article, and "and article 24?" would be
the Budapest Convention's. ``follow_up`` turns such a message into the citation it means of
the article shown before it, in any of the five languages; anything more is a new question.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict
from collections.abc import Hashable

from corpus.model import ArticleRef

# what opens or closes a follow-up without saying anything of its own
_OPENING = (
    r"(?:and|also|then|now|ok(?:ay)?|so|what\s+about|how\s+about|and\s+what\s+about|show(?:\s+me)?"
    r"|give\s+me|et|et\s+pour|qu'en\s+est-il\s+de|y|y\s+qu[eé]\s+hay\s+de|e|e\s+quanto\s+a"
    r"|а|и|а\s+как\s+насч[её]т|а\s+что\s+насч[её]т|покажи)"
)
_CLOSING = (
    r"(?:please|pls|plz|too|as\s+well|then|thanks|thx|s'il\s+(?:te|vous)\s+pla[iî]t|svp|stp"
    r"|por\s+favor|pf|пожалуйста|тоже)"
)
_THE = r"(?:the|le|la|l'|el|los|o|a|the\s+same\s+article'?s?)?\s*"
_PARAGRAPH = (
    r"(?:paragraphs?|paras?\.?|par\.|§+|¶|no\.|alin[ée]as?|paragraphes?|p[áa]rrafos?|apartados?"
    r"|n[úu]meros?|n\.?º|par[áa]grafos?|пункт[а-я]*|п\.|част[а-я]*|абзац[а-я]*)\s*"
)
_ITEM = (
    r"(?:items?|points?|letters?|lit\.?|litera|sub-?paragraphs?|let(?:tre|ra)|inciso|al[íi]nea"
    r"|подпункт[а-я]*|буква)\s*"
)
_ARTICLE = r"(?:articles?|arts?\.?|art[íi]culos?|artigos?|стать[яеию]|ст\.)\s*"
_LETTER = r"[a-z]|[а-е]"  # Russian texts letter items а, б, в ...
_NUMBER = r"\d{1,3}"
_FOLLOW = re.compile(
    rf"^(?:{_OPENING}\s+)*{_THE}(?:"
    rf"(?P<article>{_ARTICLE}(?P<number>{_NUMBER})(?P<part>(?:\s*\(?\s*(?:\d{{1,2}}|{_LETTER})\s*\))*))"
    rf"|{_PARAGRAPH}(?P<paragraph>\d{{1,2}})\s*(?:\(?(?P<paragraph_item>{_LETTER})\)|(?P<loose_item>{_LETTER}))?"
    rf"|(?:{_ITEM}\(?(?P<item>{_LETTER})\)?|\((?P<bracketed>{_LETTER})\)|(?P<closed>{_LETTER})\))"
    rf"|\((?P<bracketed_paragraph>\d{{1,2}})\)|(?P<bare>\d{{1,2}})"
    rf"|(?P<next>(?:the\s+)?next\s+(?:article|one)|(?:article|art[íi]culo|artigo)\s+(?:suivant|siguiente|seguinte)"
    rf"|(?:siguiente|pr[óo]ximo)\s+(?:art[íi]culo|artigo)|следующ(?:ая|ую)(?:\s+статья|\s+статью)?)"
    rf"|(?P<previous>(?:the\s+)?previous\s+(?:article|one)|(?:article|art[íi]culo|artigo)\s+(?:pr[ée]c[ée]dent|anterior)"
    rf"|предыдущ(?:ая|ую)(?:\s+статья|\s+статью)?)"
    rf"|(?P<whole>(?:whole|full|entire|complete)\s+(?:article|text)|all\s+of\s+it|texte\s+(?:complet|int[ée]gral)"
    rf"|texto\s+(?:completo|[íi]ntegro)|полный\s+текст|всю\s+статью)"
    rf")(?:[,;]?\s+{_CLOSING})*$",
    re.IGNORECASE,
)
# what an opening must say for "article 24" to be the same treaty's: "and article 24?"
_GOES_ON = re.compile(rf"^{_OPENING}\s", re.IGNORECASE)
_CYRILLIC_LETTERS = str.maketrans("абвгде", "abcdef")


def follow_up(text: str, previous: ArticleRef) -> ArticleRef | None:
    """What ``text`` cites of ``previous`` (the article an answer just quoted, with the part
    shown), or None when it is not a follow-up. "and article 24?" goes on in the same treaty;
    "article 24" alone, or naming a treaty, is a new citation."""
    said = _plain(text)
    match = _FOLLOW.match(said)
    if match is None:
        return None
    article, paragraph = previous.article, previous.paragraph
    items: tuple[str, ...] = ()
    if match["article"]:
        if not _GOES_ON.match(said):
            return None
        article, paragraph = match["number"].lstrip("0") or "0", None
        items = tuple(re.findall(r"\d{1,2}|[a-zа-е]", match["part"] or "", re.IGNORECASE))
        if items and items[0].isdigit():
            paragraph, items = items[0], items[1:]
    elif match["bare"] and not _GOES_ON.match(said):
        return None  # "3" alone may be anything; "and 3?" is a paragraph
    elif match["paragraph"] or match["bracketed_paragraph"] or match["bare"]:
        paragraph = match["paragraph"] or match["bracketed_paragraph"] or match["bare"]
        letter = match["paragraph_item"] or match["loose_item"]
        items = (letter,) if letter else ()
    elif letter := match["item"] or match["bracketed"] or match["closed"]:
        # "(b)" after Art. 6(1)(a) is 6(1)(b); after 18(3) it is 18(3)(b)
        items = (letter,)
    elif match["next"] or match["previous"]:
        if not previous.article.isdigit():
            return None
        article = str(int(previous.article) + (1 if match["next"] else -1))
        paragraph = None
    else:  # the whole article
        paragraph = None
    letters = tuple(item.translate(_CYRILLIC_LETTERS) for item in items)
    return ArticleRef(previous.instrument, article, paragraph, letters)


def names_a_part(text: str) -> bool:
    """Whether ``text`` asks for a paragraph or an item of no article it names ("paragraph 2
    please", "item b"): with no article shown before, it must say which."""
    match = _FOLLOW.match(_plain(text))
    return match is not None and bool(match["paragraph"] or match["item"])


def _plain(text: str) -> str:
    """``text`` folded to compare: NFKC (fullwidth digits), lower case, single spaces, and no
    closing punctuation or question mark."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    folded = re.sub(r"^[\s¿¡]+|[\s?!.…]+$", "", folded)
    return re.sub(r"\s+", " ", folded)


def citation_of(ref: ArticleRef) -> str:
    """``ref`` as the citation parser reads it: "cets201 article 24(2)(a)"."""
    items = "".join(f"({item})" for item in ref.items)
    paragraph = f"({ref.paragraph})" if ref.paragraph else ""
    return f"{ref.instrument} article {ref.article}{paragraph}{items}"


class LastShown:
    """The articles each asker was last shown, first the one quoted, for their follow-ups.
    Kept in memory for the ``limit`` askers seen last: after a restart a follow-up is asked as
    a new question."""

    def __init__(self, limit: int = 10_000) -> None:
        self.limit = limit
        self._shown: OrderedDict[Hashable, tuple[ArticleRef, ...]] = OrderedDict()

    def get(self, asker: Hashable) -> tuple[ArticleRef, ...]:
        return self._shown.get(asker, ())

    def remember(self, asker: Hashable, shown: tuple[ArticleRef, ...]) -> None:
        self._shown[asker] = shown
        self._shown.move_to_end(asker)
        while len(self._shown) > self.limit:
            self._shown.popitem(last=False)
