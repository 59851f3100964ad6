"""A question as read: one line of printable text, whatever was typed or pasted."""

from __future__ import annotations

import re
import unicodedata

MAX_QUESTION = 4096  # as long as a Telegram message: longer is cut (nobody asks 10,000 characters)


def clean_question(question: str) -> str:
    """One line of printable text; invisible format characters (zero-width spaces, joiners,
    direction marks), terminal escapes and other control characters are dropped, so
    "art 2\u200b9" and "art 29\x1b[31m(3)" are the "art 29" and "art 29(3)" the reader sees;
    pasted markup is dropped too (bold tags around a question, a script before it, Markdown
    emphasis and link targets), so are marks stacked on letters, and a word typed in Latin
    letters with Cyrillic look-alikes among them ("budaрest" with a Cyrillic "р") is read in
    Latin letters, and a phrase or a symbol repeated four times or more is read once. A
    mention opening the message ("@workshop_bot 29(3)", as a group chat addresses the bot)
    is not asked."""
    text = _TERMINAL_ESCAPE.sub("", question[:MAX_QUESTION])
    # accents composed ("é" typed as "e" and a mark); marks stacked on a letter ("Zalgo"
    # text, "a̸̡r̷t̵ 29") are noise; compatibility forms read as the letters they show
    # (fullwidth "Ｉｇｎｏｒｅ", mathematical bold "𝐚𝐫𝐭 𝟐𝟗", circled "ⓐⓡⓣ")
    text = unicodedata.normalize("NFKC", _STACKED_MARKS.sub("", unicodedata.normalize("NFD", text)))
    text = _MARKUP.sub(" ", _SCRIPT.sub(" ", text))
    text = _MARKDOWN_EMPHASIS.sub("", _MARKDOWN_LINK.sub(r"\1", text))
    printable = "".join(
        " " if ch.isspace() else ch if ch.isprintable() and unicodedata.category(ch) != "Cf" else ""
        for ch in text
    )
    # a phrase pasted over and over ("Article 29 Article 29 ...") is said once, and so is a
    # symbol ("Lanzarote art 23 🙂🙂🙂..." had been read as a thousand words of nothing)
    printable = _REPEATED_SYMBOL.sub(r"\1", printable)
    printable = _MENTION.sub("", printable)
    return _REPEATED.sub(r"\1", " ".join(_latin(word) for word in printable.split()))


_MENTION = re.compile(r"^\s*@\w{3,32}\b[,:]?")  # a Telegram username: 5 to 32, in practice
_REPEATED = re.compile(r"(\S.{0,59}?)(?: \1){3,}(?= |$)")
_REPEATED_SYMBOL = re.compile(r"([^\w\s.,;:!?'\"()\[\]-])\1{3,}")


def _latin(word: str) -> str:
    """``word`` in Latin letters when it mixes them with Cyrillic look-alikes."""
    if not (_LATIN_LETTER.search(word) and _CYRILLIC_LETTER.search(word)):
        return word
    return word.translate(_LOOK_ALIKES)


_TERMINAL_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")
_STACKED_MARKS = re.compile(r"[\u0300-\u036f\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]{2,}")
_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
# "**article**", "`budapest`", "_29_": marks around words, not "art_29" within one
_MARKDOWN_EMPHASIS = re.compile(r"[*`]+|(?<!\w)_+|_+(?!\w)")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_LOOK_ALIKES = str.maketrans("аеорсухіјѕАВЕКМНОРСТХІЈЅ", "aeopcyxijsABEKMHOPCTXIJS")
