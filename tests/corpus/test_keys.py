"""Article and document keys: typed inside the project, "ets185:29" / "doc:<id>" at the edges."""

from __future__ import annotations

import pytest

from corpus.model import ArticleRef, DocumentRef, PassageKey, key_text, parse_key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("ets185:29", ArticleRef("ets185", "29")),
        ("cets201:23", ArticleRef("cets201", "23")),
        ("ets030:2bis", ArticleRef("ets030", "2bis")),
        ("doc:2014-glacy-report", DocumentRef("2014-glacy-report")),
    ],
)
def test_keys_read_and_write_the_same_text(text: str, key: PassageKey) -> None:
    assert parse_key(text) == key
    assert key_text(key) == text


@pytest.mark.parametrize("text", ["", "ets185", ":29", "ets185:", "doc:"])
def test_a_malformed_key_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not an article key"):
        parse_key(text)


def test_keys_are_hashable_and_compare_by_value() -> None:
    keys = {ArticleRef("ets185", "29"), ArticleRef("ets185", "29"), DocumentRef("29")}
    assert len(keys) == 2
    assert ArticleRef("ets185", "29") != ArticleRef("ets185", "29", "3")
