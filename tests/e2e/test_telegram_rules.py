"""The stand-ins refuse what Telegram refuses, with Telegram's own descriptions."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import pytest

from tests.e2e.botapi_standin import BotApiStandIn
from tests.e2e.telegram_rules import parse_html, refusal


def _send(text: str, **extra: Any) -> str | None:
    return refusal("sendMessage", {"chat_id": 1, "text": text, "parse_mode": "HTML", **extra})


def _keyboard(rows: list[list[dict[str, str]]]) -> dict[str, Any]:
    return {"inline_keyboard": rows}


def test_html_is_read_as_telegram_reads_it() -> None:
    html = (
        "<b>1</b><strong>2</strong><i>3</i><em>4</em><u>5</u><ins>6</ins><s>7</s><strike>8"
        '</strike><del>9</del><span class="tg-spoiler">a</span><tg-spoiler>b</tg-spoiler>'
        '<a href="https://example.org/?a=1&amp;b=2">c</a><code>d</code><pre><code '
        'class="language-python">e</code></pre><blockquote>f</blockquote><blockquote expandable>'
        'g</blockquote><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> &lt;&gt;&amp;&quot;'
        "&#39;&#x1F600;"
    )
    assert parse_html(html) == "123456789abcdefg👍 <>&\"'😀"


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("<foo>x</foo>", 'Unsupported start tag "foo" at byte offset 0'),
        ("é <br/>", 'Unsupported start tag "br/" at byte offset 3'),
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("<b>bold", "Can't find end tag corresponding to start tag b"),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<b", "Unclosed start tag at byte offset 0"),
        ('<span class="x">y</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("R&D", "Character '&' at byte offset 1 starts no entity (write &amp;)"),
        ("&nbsp;", "Character '&' at byte offset 0 starts no entity (write &amp;)"),
    ],
)
def test_html_telegram_cannot_parse_is_refused(text: str, description: str) -> None:
    assert _send(text) == f"Bad Request: can't parse entities: {description}"


def test_length_is_counted_in_utf16_units_after_parsing() -> None:
    assert _send("<b>" + "&amp;" * 4096 + "</b>") is None  # 4,096 characters once parsed
    assert _send("x" * 4097) == "Bad Request: message is too long"
    assert _send("😀" * 2048) is None
    assert _send("😀" * 2049) == "Bad Request: message is too long"
    assert _send("x" * 5000, parse_mode=None) == "Bad Request: message is too long"


def test_empty_text_is_refused() -> None:
    assert _send("") == "Bad Request: message text is empty"
    assert _send("<b> </b>\n") == "Bad Request: message text is empty"


def test_keyboards_over_telegram_limits_are_refused() -> None:
    button = {"text": "ok", "callback_data": "v1|ev|x"}
    assert _send("x", reply_markup=_keyboard([[button] * 8] * 12)) is None
    assert _send("x", reply_markup=_keyboard([[button] * 9])) == (
        "Bad Request: reply markup is too long"
    )
    assert _send("x", reply_markup=_keyboard([[button] * 8] * 13)) == (
        "Bad Request: reply markup is too long"
    )
    long_data = {"text": "ok", "callback_data": "é" * 33}  # 66 bytes
    assert _send("x", reply_markup=_keyboard([[long_data]])) == "Bad Request: BUTTON_DATA_INVALID"


def test_inline_answers_over_limits_are_refused() -> None:
    def result(text: str, identifier: object = "1") -> dict[str, Any]:
        return {
            "type": "article",
            "id": identifier,
            "title": "t",
            "input_message_content": {"message_text": text},
        }

    many = [result("x", n) for n in range(51)]
    assert refusal("answerInlineQuery", {"results": many[:50]}) is None
    assert refusal("answerInlineQuery", {"results": many}) == "Bad Request: RESULTS_TOO_MUCH"
    assert refusal("answerInlineQuery", {"results": [result("x")] * 2}) == (
        "Bad Request: RESULT_ID_DUPLICATE"
    )
    for identifier in ("", "é" * 33):  # 0 and 66 bytes
        assert refusal("answerInlineQuery", {"results": [result("x", identifier)]}) == (
            "Bad Request: RESULT_ID_INVALID"
        )
    assert refusal("answerInlineQuery", {"results": [result("x", "é" * 32)]}) is None
    assert refusal("answerInlineQuery", {"results": [result("x" * 4097)]}) == (
        "Bad Request: MESSAGE_TOO_LONG"
    )


def test_captions_over_1024_units_are_refused() -> None:
    assert refusal("sendDocument", {"caption": "😀" * 512}) is None
    assert refusal("sendDocument", {"caption": "😀" * 513}) == (
        "Bad Request: message caption is too long"
    )


def test_the_http_stand_in_answers_400_and_keeps_the_refusal() -> None:
    with BotApiStandIn() as api:
        request = urllib.request.Request(
            f"{api.base_url}{api.token}/sendMessage",
            data=json.dumps({"chat_id": 1, "text": "<foo>", "parse_mode": "HTML"}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 400
        assert json.loads(refused.value.read())["description"] == (
            'Bad Request: can\'t parse entities: Unsupported start tag "foo" at byte offset 0'
        )
        assert api.sent() == []
        assert [why for _, _, why in api.refusals] == [
            'Bad Request: can\'t parse entities: Unsupported start tag "foo" at byte offset 0'
        ]
