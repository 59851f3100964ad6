"""Parse the ways practitioners cite articles: "art 29(3)", "Article 6 1.a.ii", "Lanzarote art 23".

A citation goes straight to the article, no search. The Budapest Convention (ets185) is the
default instrument when none is named.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz

from corpus.model import Article, ArticleRef, Corpus, normalise_name, unaccented_letters

DEFAULT_INSTRUMENT = "ets185"
MAX_INPUT = 300  # a citation is short; longer text is a question, not a citation

_ROMAN = r"(?:i{1,3}|iv|v|vi{1,3}|ix|x)"
_ARTICLE = re.compile(
    r"(?:(?<![\w-])(?:art(?:icle|[ií]culo|igo|ikel|icolo|ykuł\w*)?s?(?![a-z])\.?|стать[яиюеё]\w*|ст\."
    # in German, Italian, Polish and Turkish too: a contact point's own word
    r"|madde(?:si)?\b|a\.(?=\s*\d)"
    # "§ 29 par. 7": a section mark before an article's number and its paragraph
    r"|§(?=\s*\d{1,3}\s*(?:\(\d|par|§|\.\d)))"
    # an instrument id glued to the number: "ETS30-3", "CETS201/23"
    r"|(?<=ets\d)[-/]|(?<=ets\d\d)[-/]|(?<=ets\d\d\d)[-/]"
    r"|(?<=ets \d)[-/]|(?<=ets \d\d)[-/]|(?<=ets \d\d\d)[-/])"
    # "12bis": no article held here is numbered so, which the answer then says
    # "art-2" is Article 2; "article -1" none, which the answer says
    r"(?:(?<![\s-])-(?=\d)|\s*(?:no\.?\s*)?)(?P<number>(?:(?<=\s)-)?\d+(?:\s?(?:bis|ter|quater)\b)?)"
    # a range: "art 2-4", "articles 29 to 31"
    r"(?:\s*(?:-|–|to|through)\s*(?:art(?:icle)?s?\.?\s*)?(?P<last>\d+))?(?![\d-])",
    re.IGNORECASE,
)
# Another article after "and": "art 16 and 17", "articles 2 & 3".
_ALSO = re.compile(
    r"\s*(?:,\s*(?:and\s+|&\s*)?|(?:and|&|et|y|e|и)\s+)(\d{1,3})(?![\d(.§-])"
    r"(?!\s*(?:days?|hours?|weeks?|months?|years?|minutes?|%|per\s*cent))",
    re.IGNORECASE,
)
RANGE = 10  # articles at most in a range cited ("art 2-4"); a wider one cites its first
# A paragraph written before its article: "§ 2 of art 29", "paragraph 2 of article 29", "the
# third paragraph of article 29" (its ordinal read as "3rd" by _plain_digits).
_PARAGRAPH_BEFORE = re.compile(
    r"(?:(?:para(?:graph)?s?\b\.?|par\b\.?|§|p\.)\s*(?P<para>\d{1,3})"
    r"|(?P<ordinal>\d{1,3})(?:st|nd|rd|th)\s+para(?:graph)?\b)\s*(?:of\s+(?:the\s+)?|,\s*)?$",
    re.IGNORECASE,
)
_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMBER_WORDS = {
    **{word: n for n, word in enumerate(_UNITS)},
    **{word: 10 + n for n, word in enumerate(_TEENS)},
    **{word: 20 + 10 * n for n, word in enumerate(_TENS)},
}
_NUMBER_WORD = re.compile(
    rf"(?<=\bart)(?:icle)?\.?\s+(?P<words>(?:{'|'.join(_TENS)})(?:[\s-]+(?:{'|'.join(_UNITS[1:])}))?"
    rf"|{'|'.join(_TEENS + _UNITS + _TENS)})\b"
    # only where a citation goes on: "article twelve of the Lanzarote convention", "art. one."
    r"(?=\s*(?:$|[(.,;:?!§]|para|of\s+the\b|(?:of\s+)?(?:c?ets|budapest|bc|lanzarote|convention)"
    r"\b))",
    re.IGNORECASE,
)
# A paragraph's number as a word: "paragraph three", "par. two", "§ five".
_PARAGRAPH_WORD = re.compile(
    rf"(?<![\w-])(?:para(?:graph)?|par\.?|§)\s*(?P<words>(?:{'|'.join(_TENS)})(?:[\s-]+"
    rf"(?:{'|'.join(_UNITS[1:])}))?|{'|'.join(_TEENS + _UNITS[1:] + _TENS)})\b",
    re.IGNORECASE,
)
_COUNTED = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
)
# An ordinal paragraph: "the third paragraph", "3rd paragraph", "second para".
_ORDINAL_PARAGRAPH = re.compile(
    rf"(?<![\w-])(?P<ordinal>{'|'.join(_COUNTED)})(?=\s+para(?:graph)?\b)", re.IGNORECASE
)
# An article number in Roman numerals: "art. XXIX budapest", "article iv of the protocol".
_ROMAN_NUMBER = re.compile(
    r"(?<=\bart)(?:icle)?\.?\s+(?P<roman>[ivxl]{1,7})\b"
    r"(?=\s*(?:$|[(.,;:?!§]|para|of\s+the\b|(?:of\s+)?(?:c?ets|budapest|bc|lanzarote|convention"
    r"|protocol)\b))",
    re.IGNORECASE,
)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}
# What may follow the article number: "(3)", "para 3", ", paragraph 3", " 3", "3.a.ii", "(1)(a)".
_PARAGRAPH = re.compile(
    r"""^\s*(?:
        (?:,\s*)?(?:para(?:graph)?s?\b\.?|par\b\.?|§|p\.
          # "al. 7", "Abs. 3", "párrafo 3", "пункт 3", "sub 7"
          |al(?:in[ée]a)?\b\.?|abs(?:atz)?\b\.?|p[áa]rrafo|par[áa]grafo|пункт\w*|п\.|част\w*|ч\.
          |sub\b\.?)\s*(?P<para>\d{1,3})
      | (?:,\s*|\(\s*)?(?:the\s+)?(?P<ordinal>\d{1,3})(?:st|nd|rd|th)\s+para(?:graph)?\b\)?
      | /(?P<slashed>\d{1,3})(?![\d/])
      | \((?P<paren>\d+)\)
      | (?:,\s*)?(?P<bare>\d{1,3})(?=$|[\s.,;)(]|[a-z]\b)(?!\s*(?:,|and\b|&)\s*\d)
      | \.(?P<dotted>\d{1,3})
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_ITEM = re.compile(
    rf"""^\s*(?:,\s*)?(?:(?:sub-?)?(?:item|letter|litt?\.?|point|sub-?paragraph)\s*)?
        (?:\.?\s*\((?P<paren>{_ROMAN}|[a-z])\)|\.?(?P<dotted>{_ROMAN}|[a-z])(?=$|[\s.,;)]|\())""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Citation:
    """One cited article; ``instrument`` is resolved, ``named`` tells if the text named it."""

    ref: ArticleRef
    named: bool
    span: tuple[int, int]


GUIDE_CITATION = 200  # a guide line cites its article near the start; the rest is explanation


def articles_cited(line: str, corpus: Corpus) -> list[Article]:
    """The available articles a guide's line cites near its start, in order."""
    found = []
    for citation in parse_citations(line[:GUIDE_CITATION], corpus):
        article = corpus.article(citation.ref.instrument, citation.ref.article)
        if article is not None and article.available:
            found.append(article)
    return found


def parse_citations(text: str, corpus: Corpus) -> list[Citation]:
    """Every article citation in ``text``, in order; empty when the text cites nothing."""
    if not text or len(text) > MAX_INPUT:
        return []
    text = _plain_digits(text)
    matches = list(_ARTICLE.finditer(text))
    if not matches:
        return _bare_citation(text, corpus)
    instrument, named = _named_instrument(text, matches, corpus)
    own = _own_instruments(text, matches, corpus) if len(matches) > 1 else {}
    citations = []
    for position, match in enumerate(matches):
        instrument, named = own.get(position, (instrument, named))
        paragraph, items, end = _paragraph_and_items(text, match.end())
        start = match.start()
        before = _PARAGRAPH_BEFORE.search(text[:start])
        if paragraph is None and before is not None:
            written = before.group("para") or before.group("ordinal")
            paragraph, start = written.lstrip("0") or "0", before.start()
        number = "".join(match.group("number").split()).lstrip("0") or "0"
        last = int(match.group("last") or 0)
        if paragraph is None and not items and number.isdigit() and 0 < last < int(number):
            paragraph, last = str(last), 0  # "Art.29-3" is 29(3); "art 2-4" a range
        if paragraph is None and items and not _has_item(corpus, instrument, number, items[0]):
            items, end = (), match.end()  # "art 29 b", "is art 2 a crime": not an item
        ref = ArticleRef(instrument, number, paragraph, items)
        citations.append(Citation(ref, named, (start, end)))
        also = _ALSO.match(text, end) if paragraph is None else None
        while also:  # "art 16 and 17 budapest", "art 29, 30 and 35"
            citations.append(
                Citation(ArticleRef(instrument, also.group(1)), named, (also.start(1), also.end()))
            )
            also = _ALSO.match(text, also.end())
        if number.isdigit() and int(number) < last <= int(number) + RANGE and paragraph is None:
            citations += [
                Citation(ArticleRef(instrument, str(n)), named, (start, end))
                for n in range(int(number) + 1, last + 1)
            ]
    return citations


def _has_item(corpus: Corpus, instrument: str, number: str, item: str) -> bool:
    """Whether the article has no numbered paragraphs and an item ``item`` (Art. 1's
    definitions a) to d))."""
    article = corpus.article(instrument, number)
    if article is None or re.search(r"(?m)^1\.", article.text):
        return False
    return bool(re.search(rf"(?m)^\(?{re.escape(item)}[).]", article.text))


# "budapest 46", "Lanzarote 23(2)": a treaty's name and a number, nothing else
_BARE = re.compile(
    r"^\s*(?P<name>[^\W\d][^\d]*?)\s+(?P<number>\d{1,3})(?!\d)(?P<rest>[^\n]{0,16})$"
)


# "ETS 185 29", "cets201 23(2)": a treaty's id and a number, nothing else
_BARE_ID = re.compile(
    r"^\s*(?P<name>c?ets\s*(?:no\.?\s*|n[°º]\s*)?\d{2,3})\s+(?P<number>\d{1,3})(?!\d)"
    r"(?P<rest>[^\n]{0,16})$",
    re.IGNORECASE,
)


def _bare_citation(text: str, corpus: Corpus) -> list[Citation]:
    """A name or id and a number with no "article" between them, when the name alone names
    a treaty (and the number is not part of its name, as in "Convention 108")."""
    bare = _BARE_ID.match(text)
    if bare is not None:
        instrument = named_instrument(bare.group("name"), corpus)
    elif (bare := _BARE.match(text)) is not None:
        instrument = named_instrument(bare.group("name"), corpus)
        if instrument is None or named_instrument(text, corpus) != instrument:
            return []
        # only the name: "which article of the Lanzarote Convention says a child is anyone
        # under 18" asks a question, about an age
        held = corpus.instruments[instrument]
        naming = {w for a in (held.id, *held.aliases) for w in spelt_out(a).split()}
        said = spelt_out(bare.group("name")).split()
        if any(w not in naming and w not in _GENERIC for w in said):
            return []
    if bare is None or instrument is None:
        return []
    # what follows the number is its paragraph and items, "(2)", "3(b)", "20 1 f", or nothing
    paragraph, items, end = _paragraph_and_items(text, bare.end("number"))
    if text[end:].strip():
        return []
    number = bare.group("number").lstrip("0") or "0"
    if paragraph is None and items and not _has_item(corpus, instrument, number, items[0]):
        return []
    ref = ArticleRef(instrument, number, paragraph, items)
    return [Citation(ref, True, (bare.start("number"), bare.end()))]


def _plain_digits(text: str) -> str:
    """``text`` with the same length and ASCII digits: fullwidth "２９" and Arabic-Indic "٢٩"
    become "29", fullwidth letters ASCII, a number written as a word after "article"
    ("article twelve", "art. twenty-one") or in Roman numerals ("art. XXIX") and a paragraph's
    ("paragraph three") its digits, an ordinal paragraph ("the third paragraph") "3rd", all
    padded with spaces so that every span found here is a span of the text as typed."""
    plain = _NUMBER_WORD.sub(_digits_for_words, "".join(map(_plain_char, text)))
    plain = _PARAGRAPH_WORD.sub(_digits_for_words, plain)
    plain = _ORDINAL_PARAGRAPH.sub(_digits_for_ordinal, plain)
    return _ROMAN_NUMBER.sub(_digits_for_roman, plain)


def _plain_char(ch: str) -> str:
    if "\uff01" <= ch <= "\uff5e":  # fullwidth ASCII forms
        return chr(ord(ch) - 0xFEE0)
    if not ch.isascii() and ch.isdecimal():
        return str(unicodedata.decimal(ch))
    return ch


def _digits_for_words(match: re.Match[str]) -> str:
    words = re.split(r"[\s-]+", match.group("words").lower())
    digits = str(sum(_NUMBER_WORDS[word] for word in words))
    written = match.group()
    start = match.start("words") - match.start()
    return written[:start] + digits.rjust(len(written) - start)  # the span ends where it did


def _digits_for_ordinal(match: re.Match[str]) -> str:
    """ "third" as "3rd  ": the same length, so spans stay those of the text as typed."""
    number = _COUNTED.index(match.group("ordinal").lower()) + 1
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number, "th")
    return f"{number}{suffix}".ljust(len(match.group()))


def _digits_for_roman(match: re.Match[str]) -> str:
    values = [_ROMAN_VALUES[ch] for ch in match.group("roman").lower()]
    number = sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))
    written = match.group()
    start = match.start("roman") - match.start()
    return written[:start] + str(number).rjust(len(written) - start)


def _paragraph_and_items(text: str, start: int) -> tuple[str | None, tuple[str, ...], int]:
    rest = text[start:]
    para_match = _PARAGRAPH.match(rest)
    paragraph = None
    consumed = 0
    if para_match:
        paragraph = next(
            g
            for g in para_match.group("para", "ordinal", "slashed", "paren", "bare", "dotted")
            if g
        )
        consumed = para_match.end()
    items: list[str] = []
    while len(items) < 3:
        item_match = _ITEM.match(rest[consumed:])
        if not item_match:
            break
        label = (item_match.group("paren") or item_match.group("dotted")).lower()
        if items and not re.fullmatch(_ROMAN, label):
            break  # after a letter only roman sub-items follow
        items.append(label)
        consumed += item_match.end()
    if paragraph is None:  # "art 1 d": an item of an article without numbered paragraphs
        return None, tuple(items), start + consumed
    return paragraph.lstrip("0") or "0", tuple(items), start + consumed


def _named_instrument(text: str, matches: list[re.Match[str]], corpus: Corpus) -> tuple[str, bool]:
    """The instrument named anywhere outside the article numbers, or the default."""
    remainder = text
    for match in reversed(matches):
        remainder = remainder[: match.start()] + " " + remainder[match.end() :]
    named = named_instrument(remainder, corpus) or described_instrument(remainder, corpus)
    # "108 art 6", "protocol 182 art 20", "convenion 108 art 5", "conv108 art 5": by its number
    words = re.sub(r"(?<=[^\W\d_])(?=\d)", " ", remainder).split()
    number = " ".join(w for w in words if not _treaty_word(w)).strip(" .,:;-")
    if not named and number.isdigit():
        found = corpus.instrument(number)
        named = found.id if found else None
    named = named or _misspelt_name(remainder, corpus)
    return (named, True) if named else (DEFAULT_INSTRUMENT, False)


def _own_instruments(
    text: str, matches: list[re.Match[str]], corpus: Corpus
) -> dict[int, tuple[str, bool]]:
    """The instrument each of several citations names itself: a name right after an
    article, up to the next "and" or comma, is its own ("art 29 budapest and art 23
    lanzarote", "art 35 of the budapest convention and art 23 of lanzarote"); otherwise a
    name right before it ("Lanzarote art 23 and Budapest art 35")."""
    own: dict[int, tuple[str, bool]] = {}
    for position, match in enumerate(matches):
        end = matches[position + 1].start() if position + 1 < len(matches) else len(text)
        start = matches[position - 1].end() if position else 0
        tail = _JOINED.split(text[match.end() : end], maxsplit=1)[0]
        head = _JOINED.split(text[start : match.start()])[-1]
        for segment in (tail, head):
            found = named_instrument(segment, corpus) or _misspelt_name(segment, corpus)
            if found:
                own[position] = (found, True)
                break
    return own


# What joins two citations: "art 29 budapest and art 23 lanzarote", "art 2, art 3"
_JOINED = re.compile(r"[,;]|\s(?:and|&|et|y|e|и|plus|as\s+well\s+as)\s", re.IGNORECASE)


def _treaty_word(word: str) -> bool:
    """A word saying "treaty", even misspelt ("convenion"), or "the", "no."."""
    folded = word.lower().strip(".,:;")
    return bool(_TREATY_WORD.fullmatch(folded)) or any(
        fuzz.ratio(folded, treaty) >= _LIKE_HELD + 5 for treaty in _TREATY_WORDS
    )


_TREATY_WORDS = ("convention", "protocol", "treaty", "additional", "conv")


def _misspelt_name(text: str, corpus: Corpus) -> str | None:
    """The instrument a one-word name of which ("Lanzarote", "Budapest") the text misspells
    ("lanzerote art 20", "art 5 budapset"): a citation must not fall back to Budapest's
    article of the same number without a word."""
    typed = [w for w in normalise_name(text).split() if len(w) >= MISSPELT_NAME and w.isalpha()]
    for instrument in corpus.instruments.values():
        names = [normalise_name(a) for a in instrument.aliases]
        names = [n for n in names if len(n) >= MISSPELT_NAME and " " not in n]
        if any(fuzz.ratio(w, n) >= _LIKE_NAME for w in typed for n in names):
            return instrument.id
    return None


MISSPELT_NAME = 6  # shorter words are too alike by chance ("BC")
_LIKE_NAME = 80  # "lanzerote" 89, "lanzaroti" 89, "budapset" 88 like the names'


_TREATY_WORD = re.compile(r"\b(?:the|protocol|convention|treaty|additional|no)\b\.?", re.IGNORECASE)
_ABBREVIATIONS = {
    "add": "additional",
    "addl": "additional",
    "conv": "convention",
    "prot": "protocol",
    "2nd": "second",
}
_GLUED_ID = re.compile(r"\b(c?ets)\s*(?:no\.?\s*|n[°º]\s*)?(\d+)", re.IGNORECASE)


def named_instrument(text: str, corpus: Corpus) -> str | None:
    """The instrument a text names ("under the Lanzarote Convention"), longest alias first;
    abbreviations ("MLA conv. 1959", "second add. protocol") and ids glued to their number
    ("ETS30") name it too."""
    padded = f" {spelt_out(text)} "
    best: tuple[int, str] | None = None
    for instrument in corpus.instruments.values():
        for alias in (instrument.id, *instrument.aliases):
            key = normalise_name(alias)
            if not key or f" {key} " not in padded or (best and len(key) <= best[0]):
                continue
            # "second additional protocol to the Budapest Convention" (CETS 224, not held)
            # is not the "additional protocol to the Budapest Convention" (ETS 189)
            before = padded[: padded.index(f" {key} ")].split()[-1:]
            if not (before and before[0] in _ORDINALS and before[0] not in key):
                best = (len(key), instrument.id)
    return best[1] if best else None


_ORDINALS = frozenset("first second third fourth 1st 2nd 3rd 4th".split())


def spelt_out(text: str) -> str:
    """``text`` normalised as names are, with abbreviations written out ("add." ->
    "additional") and ids apart from their number ("ETS30" -> "ets 30")."""
    spelt = _GLUED_ID.sub(lambda m: f"{m.group(1)} {m.group(2)}", text)
    return " ".join(_ABBREVIATIONS.get(w, w) for w in normalise_name(spelt).split())


_INSTRUMENT_WORD = re.compile(
    r"((?:[\w-]+\s+){0,4})(convention|protocol|treaty|regulation|directive|agreement|scheme"
    r"|framework\s+decision|charter|constitution|covenant|convenio|convencion|convencao"
    r"|protocole|protocolo|traite|tratado"
    r"|конвенци[яиюей])\b"
    r"|\b(c?ets\s*(?:no\.?\s*)?\d+)",
    re.IGNORECASE,
)
_GENERIC = frozenset(
    "a an the this that these those its our their your my of to under in on for and by with "
    "from art article articles para paragraph same which what whose any some every each other "
    "another such relevant applicable international existing main is are does do can "
    # the same in French, Spanish and Portuguese: "¿Qué dice el Convenio de Estambul?" ("un"
    # is the UN's too)
    "le la les l une du des ce cette que quoi dit dise selon el los las una del este esta "
    "qué dice o os as um uma diz segundo al au aux à do da dos das".split()
)
# Words that put a treaty name outside the Council of Europe texts held here: "the UN
# cybercrime convention" is not the (Budapest) "Cybercrime Convention".
_FOREIGN = frozenset(
    "un united nations eu union african arab asean commonwealth malabo istanbul harare "
    "onu ue estambul istambul shanghai sco cis osce oas ecowas sadc "
    # the Americas' and the UN's crime treaties: "Inter-American Convention on Mutual
    # Assistance", "el Protocolo de Palermo"
    "american interamerican interamericana interamericano interamericaine palermo palerme "
    "untoc".split()
)


def unknown_instrument(text: str, corpus: Corpus, *, surely: bool = False) -> str | None:
    """A treaty or law named in ``text`` that is none of the corpus' instruments ("Istanbul
    Convention", "CETS 224", "the UN cybercrime convention"), or None; "the Convention" alone
    is not a name. ``surely``: only names that cannot be a held text misspelt or described
    ("MLA treaty"): another organisation's, a numbered one, a regulation or directive."""
    if _MODERNISED_108.search(text):
        return MODERNISED_108
    spelt = spelt_out(text)
    if _BUDAPEST_SECOND_PROTOCOL.search(spelt) or _UNQUALIFIED_SECOND_PROTOCOL.search(spelt):
        return SECOND_PROTOCOL
    numbered = _numbered_not_held(spelt, corpus)
    if numbered is not None:  # "la Convention Médicrime (STCE 211)", "CETS No. 210"
        typed = re.search(rf"\b(?:c?ets|stce|ste)\W*(?:no\b|n°)?\W*{numbered}\b", text, re.I)
        return typed.group() if typed else f"CETS {numbered}"
    for mention in _treaty_mentions(spelt):
        words_of_name = set(normalise_name(mention.whole).split())
        foreign = bool(words_of_name & _FOREIGN)
        if named_instrument(mention.whole, corpus) is not None and not foreign:
            continue
        subject = _subject_words(mention)
        if not foreign and _described_by(subject, corpus) is not None:
            continue  # "the Convention on the protection of children": Lanzarote, described
        # "the Convention on Artificial Intelligence": a subject no held treaty's name says
        treaty = mention.keyword in _TREATIES  # not "a fraud scheme on facebook"
        unheld = treaty and bool(subject) and not subject & _held_words(corpus)
        other = (
            foreign
            or unheld
            or bool(words_of_name & _SURELY_OTHER)
            or _OTHER_LAW.fullmatch(mention.whole) is not None  # "T-CY Guidance Note", "StPO"
            or _named_otherwise(mention, text, corpus)
        )
        if mention.described and not other and surely:
            continue  # described, not named: "the Convention on protection of children ..."
        if not surely or other or _NUMBERED.search(mention.name):
            return _as_typed(_titled(mention), text)
    return None


# A Council of Europe treaty by its number in the series: "CETS 210", "STCE n° 211", "ETS 5".
_SERIES_NUMBER = re.compile(r"\b(?:c?ets|stce|ste)\s*(?:no\s*|n\s*)?(\d{1,3})\b")


def _numbered_not_held(spelt: str, corpus: Corpus) -> int | None:
    """The first number of the series named in ``spelt`` that none of the held texts has
    (211 of "stce 211"), or None."""
    held = {
        int(digits)
        for instrument in corpus.instruments.values()
        if (digits := "".join(ch for ch in instrument.number if ch.isdigit()))
    }
    for match in _SERIES_NUMBER.finditer(spelt):
        if int(match.group(1)) not in held:
            return int(match.group(1))
    return None


_TREATIES = frozenset("convention treaty convenio convencion convencao traite tratado".split())
# a Romance word for a treaty, whose "un" is "a", not the United Nations: "un protocole"
_ROMANCE_TREATIES = frozenset("convenio convencion traite tratado protocole protocolo".split())


def _named_otherwise(mention: _Mention, text: str, corpus: Corpus) -> bool:
    """Whether the treaty is titled by a proper name like no word of a held treaty's names
    ("the Hague Evidence Convention", "the Interpol Constitution"): every word of the title
    capitalised as typed, and none like a held name's word (a misspelt held name is still
    like one: "Budapset Convention"). A lower-case word describes ("a bilateral treaty"),
    and a capitalised word before lower-case ones starts a sentence ("Tutsi ... du protocole")."""
    *qualifiers, keyword = normalise_name(mention.name).split()
    qualifiers = [w for w in qualifiers if w not in _GENERIC and w not in _ORDINAL_WORDS]
    if not qualifiers or not all(w.isalpha() for w in qualifiers):
        return False
    capitalised = {normalise_name(w) for w in _CAPITALISED.findall(text)}
    if not all(w in capitalised for w in (*qualifiers, keyword)):
        return False
    held = _held_words(corpus)
    typed = {*qualifiers, "".join(qualifiers)}  # "Cyber Crimes Convention": "cybercrimes"
    return not any(fuzz.ratio(w, h) >= _LIKE_HELD for w in typed for h in held)


_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")
_ORDINAL_WORDS = frozenset(
    "premier premiere deuxieme troisieme primer primero primera segundo segunda tercer tercero "
    "tercera primeiro primeira terceiro terceira первый второй третий".split()
)
_LIKE_HELD = 75  # "budapset" is 88 like "budapest", "hague" at most 55 like any held word


def _subject_words(mention: _Mention) -> set[str]:
    """The content words of what a treaty is "on" or "against" ("artificial", "intelligence")."""
    if not mention.subject or mention.subject[0] not in {"on", "against"}:
        return set()
    return {w for w in mention.subject if w not in _GENERIC and w not in _SUBJECT_START}


def _as_typed(name: str, text: str) -> str:
    """``name`` as the asker typed it ("Directive 2013/40/EU", "UNTOC"), when its words
    stand in ``text`` in that order; else as found ("directive 2013 40 eu")."""
    pattern = r"[\W_]+".join(re.escape(w) for w in name.split())
    typed = re.search(pattern, unaccented_letters(text), re.IGNORECASE)
    if typed is None:
        return name
    found = text[typed.start() : typed.end()]
    if found.count("(") > found.count(")"):  # "... Criminal Matters (Nassau, 1992)": the name
        found = found[: found.rindex("(")].rstrip()
    return found


def _titled(mention: _Mention) -> str:
    """The name to tell the asker: "convention on the transfer of sentenced persons" rather
    than "europe convention" (of "Council of Europe Convention on ...")."""
    if mention.keyword not in {"convention", "protocol", "treaty", "agreement"}:
        return mention.name
    if not _subject_words(mention):
        return mention.name
    title = [mention.keyword, *mention.subject]
    if set(mention.name.split()) & _FOREIGN:  # whose it is: "Inter-American Convention on ..."
        title = [*mention.name.split(), *mention.subject]
    while title[-1] in _GENERIC:  # "... on extradition of" (1957)
        title.pop()
    return " ".join(title)


def _held_words(corpus: Corpus) -> frozenset[str]:
    """Every word of the held treaties' titles and names, normalised."""
    return frozenset(w for words in _name_words(corpus).values() for w in words)


def _name_words(corpus: Corpus) -> dict[str, frozenset[str]]:
    """Each instrument's words of its title and names, normalised."""
    return {
        instrument.id: frozenset(
            w
            for name in (instrument.title, instrument.short_title, *instrument.aliases)
            for w in normalise_name(name).split()
        )
        for instrument in corpus.instruments.values()
    }


def described_instrument(text: str, corpus: Corpus) -> str | None:
    """The one instrument whose names say every word of what a treaty named in ``text`` is on:
    "the Convention on the protection of children" is Lanzarote, "the convention on data
    protection" Convention 108 (rather than its protocol, which says the same words)."""
    for mention in _treaty_mentions(spelt_out(text)):
        found = _described_by(_subject_words(mention), corpus)
        if found is not None:
            return found
    return None


def _described_by(subject: set[str], corpus: Corpus) -> str | None:
    if not subject:
        return None
    saying = [i for i, words in _name_words(corpus).items() if subject <= words]
    parents = [i for i in saying if corpus.instruments[i].parent is None]
    return parents[0] if len(parents) == 1 else None


_SURELY_OTHER = frozenset(
    {"regulation", "directive", "framework", "gdpr", "echr", "iccpr", "cfaa", "nis", "nis2"}
    | {"rgpd", "dsgvo", "lgpd", "cedh", "stgb"}
    # what the names of other Council of Europe treaties say that none held here does
    | {"istanbul", "medicrime", "warsaw", "oviedo", "tromso", "biomedicine", "counterfeiting"}
    | {"trafficking", "terrorism", "laundering", "sentenced", "violence"}
    # the European Convention on Human Rights and its protocols, in any language
    | {"human", "humanos", "homme", "человека"}
)
# The Budapest Convention's Second Additional Protocol (CETS 224, 2022) is not held here; the
# 1959 MLA Convention's (ETS 182) is. Cited ("Second Additional Protocol art 20"), or named
# with the Budapest Convention, it is CETS 224 and declined; asked about unqualified ("preserving
# evidence under the Second Additional Protocol") the question is answered from what is held
# and the answer says which protocol that is (see ask.py).
SECOND_PROTOCOL = "Second Additional Protocol to the Budapest Convention (CETS 224)"
_BUDAPEST_SECOND_PROTOCOL = re.compile(
    r"\b(?:second|2nd)\s+(?:additional\s+)?protocol\s+(?:to|of)\s+(?:the\s+)?"
    r"(?:budapest|cybercrime|convention\s+on\s+cybercrime)"
    r"|\b(?:budapest|cybercrime)\s+convention\s+s?\s*(?:second|2nd)\s+(?:additional\s+)?protocol"
    r"|\b(?:c?ets|stce|ste)\s+(?:no?\s+)?224\b"
    # in French, Spanish, Portuguese and Russian (spelt out: lower case, without accents)
    # by its subject, as its title names it: "the Second Additional Protocol on enhanced
    # co-operation and disclosure of electronic evidence"
    r"|\b(?:second|2nd)\s+(?:additional\s+)?protocol\s+on\s+enhanced\s+co\s*operation"
    r"|\b(?:deuxieme|second|segundo|2e|2o)\s+protocol[eo]?\s+(?:additionnel|adicional)\s+"
    r"(?:a|al|a\s+la|ao)\s+(?:la\s+|el\s+|a\s+)?(?:convention|convenio|convencao|convencion)\s+"
    r"(?:de\s+|sur\s+la\s+)?(?:budapest|budapeste|cybercriminalite|ciberdelincuencia"
    r"|cibercrime)"
    r"|\bвтор\w*\s+дополнительн\w*\s+протокол\w*\s+к\s+(?:будапештск\w*|конвенци\w*\s+о"
    r"\s+киберпреступност\w*)"
)
_UNQUALIFIED_SECOND_PROTOCOL = re.compile(
    r"\b(?:second|2nd)\s+(?:additional\s+)?protocol\b"
    r"(?!\s+(?:(?:to|of)\s+(?:the\s+)?)?(?:european\s+)?(?:mla|mutual|1959|ets\s+30\b|ets\s+182\b))"
)


# Convention 108 as amended in 2018 (CETS 223, "Convention 108+") renumbers and adds articles
# (data breaches, the committee's powers): the original, ETS 108, is what is held here.
MODERNISED_108 = "Convention 108+ (the 2018 amending protocol, CETS 223)"
_MODERNISED_108 = re.compile(
    r"\b108\s*(?:\+|plus\b)|\b(?:c?ets|stce|ste)\s*(?:no\.?\s*|n°\s*)?223\b|\bmoderni[sz]ed\s+convention\s+108\b",
    re.IGNORECASE,
)


def second_protocol_unqualified(text: str) -> bool:
    """ "the 2nd protocol" with no treaty named: ETS 182 here, perhaps CETS 224 to the asker."""
    spelt = spelt_out(text)
    return bool(
        _UNQUALIFIED_SECOND_PROTOCOL.search(spelt) and not _BUDAPEST_SECOND_PROTOCOL.search(spelt)
    )


# The EU's data protection law is asked about by its acronym ("our criminal code", by
# contrast, is how practitioners ask about implementing these treaties), in French, Spanish,
# Portuguese (RGPD), German (DSGVO) or Brazilian (LGPD) too; StGB is Germany's criminal code.
# So are the UN's crime conventions (UNTOC, UNCAC), and the EU's acts by their number
# ("Directive 2013/40/EU", "Regulation (EU) 2023/1543", "règlement (UE) 2016/679")
_OTHER_LAW = re.compile(
    r"\b(?:gdpr|echr|iccpr|cfaa|nis2?|rgpd|dsgvo|lgpd|cedh|stgb|stpo|tkg|bdsg|untoc|uncac)\b"
    r"|\bgeneral\s+data\s+protection\s+regulation\b|\b(?:reglement|reglamento|regulamento)\s+"
    r"(?:general|geral)\s+(?:sur\s+la|de)\s+prote\w*\s+(?:des\s+|de\s+)?(?:donnees|datos|dados)\b"
    # another organisation's declarations: "the 2017 ASEAN Declaration to Prevent and Combat
    # Cybercrime", "la declaración de la OEA"
    r"|\b(?:asean|oas|oea|african\s+union|united\s+nations|un|brics|sco|g7|g8|arab\s+league)"
    r"\s+(?:[a-z]+\s+){0,2}?declaration\b|\b(?:declaration|declaracion|declaracao)\s+(?:of\s+the"
    r"\s+|de\s+la\s+|da\s+)?(?:asean|oas|oea|african\s+union|brics)\b"
    # texts beside the treaties: the T-CY's guidance notes, model laws, the EU's e-evidence
    # and "chat control" regulations
    r"|\b(?:t\s*cy\s+)?guidance\s+notes?\b|\b(?:commonwealth\s+)?model\s+laws?\b"
    # manuals and codes of practice others wrote: "the Tallinn Manual", "the Paris Call"
    r"|\btallinn\s+manual\b|\bparis\s+call\b"
    r"|\bnotes?\s+d\s*orientation\b|\bnotas?\s+de\s+orienta(?:cion|cao)\b"
    r"|\bруководящ\w*\s+(?:записк|замечани)\w*"
    r"|\b(?:конвенци\w*|договор\w*|соглашени\w*)\s+(?:оон|снг)\b|\bгдпр\b"  # "Конвенция ООН"
    # an article of a country's code, named without the country: "article 323-1 code pénal",
    # "artículo 197 del código penal" (not "changes to the criminal code")
    r"|\b(?:article|art|articulo|artigo|статья|статьи)\s+\d+(?:\s+\d+)*\s+(?:of\s+the\s+|du\s+"
    r"|del\s+|do\s+|de\s+la\s+)?(?:(?:criminal|penal)\s+(?:procedure\s+)?code|code\s+(?:of"
    r"\s+criminal\s+procedure|penal|de\s+procedure\s+penale)|codigo\s+(?:penal|procesal\s+penal"
    r"|de\s+processo\s+penal)|уголовн\w*(?:\s+процессуальн\w*)?\s+кодекс\w*)\b"
    r"|\be\s+evidence\s+(?:regulation|reglement|reglamento|regulamento|package|directive)\b"
    r"|\b(?:regulation|reglement|reglamento|regulamento)\s+(?:europeen\s+|europeo\s+"
    r"|europeu\s+|eu\s+|ue\s+)?(?:sur\s+|on\s+)?(?:l\s+)?e\s+evidence\b|\bchat\s+control\b"
    # (matched as names are written out: "directive 2013 40 eu", "reglement ue 2016 679")
    r"|\b(?:directive|regulation|reglement|directiva|reglamento|diretiva|regulamento)\s+"
    r"(?:(?:eu|ue|ec|ce|europeenne|europeen|europea|europeo|europeia|europeu)\s+)?(?:(?:no|n)\s+)?(?:19|20)\d\d\s+\d+(?:\s+(?:eu|ue|ec|ce|eec|jha|jai))?\b"
    r"|\b(?:19|20)\d\d\s+\d+\s+(?:eu|ue|ec|ce|eec|jha|jai)\b",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"\d")


class _Mention(NamedTuple):
    """A treaty named in a text: ``name``, with the words before it that qualify it ("Istanbul
    Convention"); ``whole``, with what follows it too ("European Convention on Mutual
    Assistance in Criminal Matters"), which tells whether it is held; ``described`` when only
    what follows names it (it may be a held treaty described: "the Convention on protection
    of children"); its ``keyword`` ("convention") and ``subject`` ("on", "mutual", ...)."""

    name: str
    whole: str
    described: bool = False
    keyword: str = ""
    subject: tuple[str, ...] = ()


def _treaty_mentions(text: str) -> list[_Mention]:
    """Each treaty named in ``text``."""
    mentions = [_Mention(match.group(), match.group()) for match in _OTHER_LAW.finditer(text)]
    for match in _INSTRUMENT_WORD.finditer(text):
        if match.group(3):
            mentions.append(_Mention(match.group(3), match.group(3)))
            continue
        name: list[str] = []
        keyword, after = match.group(2), text[match.end() :]
        for word in reversed(match.group(1).split()):
            if (
                word.lower() in _GENERIC
                or word.lower() in _NOT_A_NAME  # "la Convention de Budapest est un traité"
                or (word.lower() == "un" and keyword in _ROMANCE_TREATIES)  # "a treaty"
                or not word.replace("-", "").isalpha()
            ):
                break
            name.insert(0, word)
        # "¿qué dice el Convenio sobre el acceso ilícito?": what it says about a subject
        about = _SAYS.search(text[: match.start(2)]) and _ABOUT.match(after)
        subject = [] if about else _subject(after)
        if name or subject:
            whole = " ".join([*name, keyword, *subject])
            named = " ".join([*name, keyword]) if name else whole
            mentions.append(_Mention(named, whole, not name, keyword, tuple(subject)))
    return mentions


# A verb of saying right before "the Convention", and "on" right after it: "on" is "about",
# not part of a name ("que dit la Convention sur ...", "o que diz a Convenção sobre ...";
# not "qué dice el Convenio de Estambul sobre ...").
_SAYS = re.compile(
    r"\b(?:dice|dicen|establece|preve|regula|dit|prevoit|diz|estabelece|says?|provides?"
    r"|говорит|предусматривает)\s+(?:(?:el|la|le|l'|a|o|the|this)\s*)?$",
    re.IGNORECASE,
)
_ABOUT = re.compile(r"\s*(?:sobre|sur|on|about|о|об)\b", re.IGNORECASE)


def _subject(after: str) -> list[str]:
    """The words naming what a treaty is on, after its "convention": "on mutual assistance
    in criminal matters", "against trafficking in human beings"; none without "on", "for"
    or "against"."""
    found = after.split()[:SUBJECT_WORDS]
    if found and found[0] in _ADJECTIVES:  # "convention européenne d'extradition"
        found = found[1:]
    if not found or found[0] not in _SUBJECT_START:
        return []
    subject: list[str] = []
    for word in found:
        if (subject and word in _NOT_A_NAME) or not word.isalpha():
            break
        subject.append(word)
    return subject if len(subject) > 1 else []


SUBJECT_WORDS = 8
_SUBJECT_START = frozenset(
    "on for against de d du des sur contre del sobre contra da do dos das о об".split()
)
_ADJECTIVES = frozenset("europeenne europea europeo europeia europeu internationale".split())
_NOT_A_NAME = frozenset(
    "say says said cover covers apply applies require requires define defines mean means "
    "protect protects about art article articles para paragraph is are does do can could "
    "should would will what which how when where who why and or articulo artigo "
    "dit dice diz sobre sur prevoit preve establece "
    # what is said of a treaty after its name: "the UN convention against cybercrime adopted
    # in 2024", "the European Convention on Extradition, after how many days"
    "adopted signed ratified after before during since until within regarding concerning "
    # a verb after the name: "La Convention de Budapest est un traité. Peut-on extrader ...?"
    "has have was were est sont etait porte es son era fue trata tiene sao foi tem".split()
)
