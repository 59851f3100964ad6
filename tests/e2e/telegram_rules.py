"""What the Bot API refuses, checked the way Telegram checks it, for the test stand-ins.

Both the HTTP stand-in (end-to-end tests) and the recording request layer (tests/telegram)
ask :func:`refusal` about every call and answer 400 with Telegram's own description when it
says no, so a reply the real Telegram would refuse fails the test instead of passing it.

Limits (core.telegram.org/bots/api): message text 1-4096 characters after entities parsing,
captions 0-1024, counted in UTF-16 code units; callback_data 1-64 bytes; answerInlineQuery at
most 50 results, each id 1-64 bytes and unique in the answer. Inline keyboards: at most 100
buttons and 8 in a row (the server's limits; the Bot API pages do not state them). HTML is
parsed as tdlib parses it: only the tags below, attributes as name=value, end tags matching
the innermost open tag. One rule is stricter than Telegram: a bare '&' that starts no entity
is refused (Telegram keeps it literally, but its documentation requires &amp;, and one in the
bot's HTML means text went out unescaped).
"""

from __future__ import annotations

import json
import re
from typing import Any

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_BYTES = 64
KEYBOARD_BUTTONS = 100
ROW_BUTTONS = 8
INLINE_RESULTS = 50
RESULT_ID_BYTES = 64
CALLBACK_ANSWER_LIMIT = 200
TAGS = {
    "a",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "span",
    "tg-spoiler",
    "tg-emoji",
    "code",
    "pre",
    "blockquote",
}
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY = re.compile(r"&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z]+));?")
TEXT_FIELDS = {"text", "caption", "message_text", "parse_mode", "callback_query_id", "query"}


class ParseError(ValueError):
    """The HTML cannot be parsed; the message is tdlib's."""


def units(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def visible_text(text: str, parse_mode: str | None) -> str:
    """The message text after entities parsing; raises ParseError like Telegram."""
    if (parse_mode or "").lower() == "html":
        return parse_html(text)
    return text


def parse_html(text: str) -> str:
    """Telegram's HTML parse mode: the text without tags and with entities decoded."""
    parser = _HtmlParser(text)
    return parser.run()


class _HtmlParser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.out: list[str] = []
        self.open: list[str] = []

    def offset(self, index: int) -> int:
        return len(self.text[:index].encode())

    def run(self) -> str:
        text = self.text
        while self.position < len(text):
            char = text[self.position]
            if char == "&":
                self._entity()
            elif char == "<":
                if text[self.position + 1 : self.position + 2] == "/":
                    self._end_tag()
                else:
                    self._start_tag()
            else:
                self.out.append(char)
                self.position += 1
        if self.open:
            raise ParseError(f"Can't find end tag corresponding to start tag {self.open[-1]}")
        return "".join(self.out)

    def _entity(self) -> None:
        match = _ENTITY.match(self.text, self.position)
        decoded = None
        if match and match.group(3) is not None:
            decoded = _NAMED.get(match.group(3))
        elif match:
            number = int(match.group(1), 16) if match.group(1) else int(match.group(2))
            if 0xD800 <= number <= 0xDFFF:
                raise ParseError("Text contains invalid Unicode characters after decoding HTML")
            decoded = chr(number) if 0 < number < 0x10FFFF and len(match.group(0)) < 11 else None
        if decoded is None or match is None:
            raise ParseError(
                f"Character '&' at byte offset {self.offset(self.position)} starts no entity "
                "(write &amp;)"
            )
        self.out.append(decoded)
        self.position = match.end()

    def _name_end(self, index: int) -> int:
        while index < len(self.text) and not self.text[index].isspace() and self.text[index] != ">":
            index += 1
        return index

    def _start_tag(self) -> None:
        begin = self.position
        end = self._name_end(begin + 1)
        if end >= len(self.text):
            raise ParseError(f"Unclosed start tag at byte offset {self.offset(begin)}")
        name = self.text[begin + 1 : end].lower()
        if name not in TAGS:
            raise ParseError(f'Unsupported start tag "{name}" at byte offset {self.offset(begin)}')
        attributes = self._attributes(end, name, begin)
        if name == "span" and attributes.get("class") != "tg-spoiler":
            raise ParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {self.offset(begin)}'
            )
        if name == "tg-emoji" and not attributes.get("emoji-id"):
            raise ParseError(
                f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset {self.offset(begin)}'
            )
        self.open.append(name)

    def _attributes(self, index: int, name: str, begin: int) -> dict[str, str]:
        text = self.text
        found: dict[str, str] = {}
        while True:
            while index < len(text) and text[index].isspace():
                index += 1
            if index >= len(text):
                raise ParseError(f"Unclosed start tag at byte offset {self.offset(begin)}")
            if text[index] == ">":
                self.position = index + 1
                return found
            start = index
            while index < len(text) and not text[index].isspace() and text[index] not in "=>":
                index += 1
            attribute = text[start:index]
            if not attribute:
                raise ParseError(
                    f'Empty attribute name in the tag "{name}" at byte offset {self.offset(begin)}'
                )
            while index < len(text) and text[index].isspace():
                index += 1
            if index >= len(text) or text[index] != "=":
                if name == "blockquote" and attribute == "expandable":
                    found[attribute] = ""
                    continue
                raise ParseError(
                    "Expected equal sign in declaration of an attribute of the tag "
                    f'"{name}" at byte offset {self.offset(begin)}'
                )
            index += 1
            while index < len(text) and text[index].isspace():
                index += 1
            if index >= len(text):
                raise ParseError(f'Unclosed start tag "{name}" at byte offset {self.offset(begin)}')
            found[attribute], index = self._value(index)

    def _value(self, index: int) -> tuple[str, int]:
        text = self.text
        if text[index] in "'\"":
            close = text.find(text[index], index + 1)
            if close < 0:
                return text[index + 1 :], len(text)
            return text[index + 1 : close], close + 1
        start = index
        while index < len(text) and (text[index].isalnum() or text[index] in ".-"):
            index += 1
        if index < len(text) and not text[index].isspace() and text[index] != ">":
            raise ParseError(f"Unexpected end of name token at byte offset {self.offset(start)}")
        return text[start:index].lower(), index

    def _end_tag(self) -> None:
        begin = self.position
        if not self.open:
            raise ParseError(f"Unexpected end tag at byte offset {self.offset(begin)}")
        end = self._name_end(begin + 2)
        name = self.text[begin + 2 : end]
        while end < len(self.text) and self.text[end].isspace():
            end += 1
        if end >= len(self.text) or self.text[end] != ">":
            raise ParseError(f"Unclosed end tag at byte offset {self.offset(begin)}")
        expected = self.open.pop()
        if name and name != expected:
            raise ParseError(
                f'Unmatched end tag at byte offset {self.offset(begin)}, expected "</{expected}>",'
                f' found "</{name}>"'
            )
        self.position = end + 1


def _text_refusal(text: Any, parse_mode: Any, *, limit: int, caption: bool = False) -> str | None:
    try:
        visible = visible_text(str(text or ""), parse_mode)
    except ParseError as error:
        return f"Bad Request: can't parse entities: {error}"
    if caption:
        return "Bad Request: message caption is too long" if units(visible) > limit else None
    if not visible.strip():
        return "Bad Request: message text is empty"
    if units(visible) > limit:
        return "Bad Request: message is too long"
    return None


def keyboard_refusal(markup: Any) -> str | None:
    """Telegram's refusal of an inline keyboard, or None."""
    if isinstance(markup, str):
        markup = json.loads(markup)
    if not isinstance(markup, dict) or "inline_keyboard" not in markup:
        return None
    rows = markup["inline_keyboard"]
    buttons = [button for row in rows for button in row]
    if len(buttons) > KEYBOARD_BUTTONS or any(len(row) > ROW_BUTTONS for row in rows):
        return "Bad Request: reply markup is too long"
    for button in buttons:
        if not str(button.get("text", "")).strip():
            return "Bad Request: text buttons are unallowed in the inline keyboard"
        data = button.get("callback_data")
        if data is not None and not 1 <= len(str(data).encode()) <= CALLBACK_DATA_BYTES:
            return "Bad Request: BUTTON_DATA_INVALID"
    return None


def _inline_refusal(params: dict[str, Any]) -> str | None:
    results = params.get("results") or []
    if isinstance(results, str):
        results = json.loads(results)
    if len(results) > INLINE_RESULTS:
        return "Bad Request: RESULTS_TOO_MUCH"
    ids = [str(result.get("id", "")) for result in results]
    if any(not 1 <= len(i.encode()) <= RESULT_ID_BYTES for i in ids):
        return "Bad Request: RESULT_ID_INVALID"
    if len(set(ids)) < len(ids):
        return "Bad Request: RESULT_ID_DUPLICATE"
    for result in results:
        content = result.get("input_message_content") or {}
        if "message_text" in content:
            problem = _text_refusal(
                content["message_text"], content.get("parse_mode"), limit=MESSAGE_LIMIT
            )
            if problem:
                return {
                    "Bad Request: message is too long": "Bad Request: MESSAGE_TOO_LONG",
                    "Bad Request: message text is empty": "Bad Request: MESSAGE_EMPTY",
                }.get(problem, problem)
        problem = keyboard_refusal(result.get("reply_markup"))
        if problem:
            return problem
    return None


def refusal(method: str, params: dict[str, Any]) -> str | None:
    """The description of Telegram's 400 Bad Request for this call, or None if it is fine."""
    problem: str | None = None
    if method in {"sendMessage", "editMessageText"}:
        problem = _text_refusal(params.get("text"), params.get("parse_mode"), limit=MESSAGE_LIMIT)
    elif method in {"sendDocument", "sendPhoto", "editMessageCaption"}:
        problem = _text_refusal(
            params.get("caption"), params.get("parse_mode"), limit=CAPTION_LIMIT, caption=True
        )
    elif method == "answerInlineQuery":
        problem = _inline_refusal(params)
    elif (
        method == "answerCallbackQuery"
        and units(str(params.get("text") or "")) > CALLBACK_ANSWER_LIMIT
    ):
        problem = "Bad Request: MESSAGE_TOO_LONG"
    return problem or keyboard_refusal(params.get("reply_markup"))
