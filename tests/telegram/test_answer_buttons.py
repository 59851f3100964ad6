"""Buttons under answers and articles, through the real Application: each article once, no
"Full text" under an article shown whole, related articles that matter, labels cut at words."""

from __future__ import annotations

from typing import Any

import pytest

from bot import actions
from corpus.model import Corpus
from tests.e2e.telegram_rules import units
from tests.telegram.conftest import Harness, button


def keyboard(sent: dict[str, Any]) -> list[dict[str, str]]:
    return [b for row in sent.get("reply_markup", {}).get("inline_keyboard", []) for b in row]


def opened(sent: dict[str, Any]) -> list[str]:
    """The articles the buttons open, as "instrument:number" (feedback buttons left out)."""
    found = []
    for b in keyboard(sent):
        decoded = actions.decode(b["callback_data"])
        if decoded is not None and decoded.verb in {"art", "pg"}:
            found.append(":".join(decoded.fields[:2]))
    return found


QUESTIONS = [
    "/article 29",
    "/article 29(3)",
    "/article 35",
    "/article 1",
    "/article lanzarote 23",
    "how long can data be preserved?",
    "what is the 24/7 network?",
    "/search preservation of traffic data",
    "can police search a computer?",
    "what is child pornography?",
]


@pytest.mark.parametrize("question", QUESTIONS)
async def test_no_button_repeats_another(harness: Harness, question: str) -> None:
    await harness.text(question)
    sent = harness.replies()[-1]
    targets = opened(sent)
    assert len(targets) == len(set(targets)), targets
    labels = [b["text"] for b in keyboard(sent)]
    assert len(labels) == len(set(labels)), labels


async def test_an_article_shown_whole_has_no_full_text_button(harness: Harness) -> None:
    await harness.text("/article 35")
    assert "📄 Full text" not in [b["text"] for b in keyboard(harness.replies()[-1])]
    await harness.text("/article 35(1)")  # one paragraph: the rest is a press away
    assert "📄 Full text" in [b["text"] for b in keyboard(harness.replies()[-1])]


async def test_a_long_article_quoted_in_part_keeps_its_full_text_button(harness: Harness) -> None:
    await harness.text("/article 27")  # more than one page
    labels = [b["text"] for b in keyboard(harness.replies()[-1])]
    assert "📄 Full text" in labels


async def test_article_29_relates_to_preservation_and_assistance_not_offences(
    harness: Harness,
) -> None:
    await harness.text("/article 29")
    targets = opened(harness.replies()[-1])
    assert {"ets185:30", "ets185:31", "ets185:35", "ets185:16"} <= set(targets)
    assert not {f"ets185:{n}" for n in range(2, 12)} & set(targets)


async def test_a_neighbour_is_not_offered_again_as_related(harness: Harness) -> None:
    await harness.text("how long can data be preserved?")  # Art. 16: Art. 15 cites it
    labels = [b["text"] for b in keyboard(harness.replies()[-1])]
    assert "◀ Art. 15" in labels
    assert "→ Art. 15" not in labels


async def test_labels_are_cut_at_words(harness: Harness, corpus: Corpus) -> None:
    for question in QUESTIONS:
        await harness.text(question)
    for sent in harness.replies():
        for b in keyboard(sent):
            label = b["text"]
            assert units(label) <= 60
            if label.endswith("…") and label.startswith("Art. "):
                decoded = actions.decode(b["callback_data"])
                assert decoded is not None
                article = corpus.article(*decoded.fields[:2])
                assert article is not None and article.title is not None
                full = f"Art. {article.number} {article.title}"
                kept = label[:-1]
                assert full.startswith(kept) and full[len(kept)] == " ", label


async def test_a_related_button_opens_the_article_below(harness: Harness) -> None:
    await harness.text("/article 29")
    related = next(b for b in keyboard(harness.replies()[-1]) if b["text"] == "→ Art. 35")
    await harness.feed(button(related["callback_data"], user=42))
    assert harness.replies()[-1]["text"].startswith("<b>Budapest Convention · Article 35</b>")
    assert harness.request.sent("editMessageText") == []
