"""Question exemplars: how they are read, and how they become passages of their articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.model import ArticleRef, Corpus
from index.exemplars import EXEMPLARS_DIRECTORY, Exemplar, check_exemplars, load_exemplars
from index.passages import passages


def test_exemplars_are_read_in_every_language(tmp_path: Path) -> None:
    (tmp_path / "budapest.yaml").write_text(
        '"ets185:2":\n'
        '  en: ["someone keeps logging into my email"]\n'
        '  fr: ["quelqu\'un se connecte à ma messagerie"]\n',
        encoding="utf-8",
    )

    found = load_exemplars(tmp_path)

    assert found == [
        Exemplar(ArticleRef("ets185", "2"), "en", "someone keeps logging into my email"),
        Exemplar(ArticleRef("ets185", "2"), "fr", "quelqu'un se connecte à ma messagerie"),
    ]


@pytest.mark.parametrize(
    "content",
    ['"budapest two":\n  en: ["x"]\n', '"ets185:2": ["x"]\n', '"ets185:2":\n  en: "x"\n'],
)
def test_a_malformed_exemplar_file_is_named(tmp_path: Path, content: str) -> None:
    (tmp_path / "broken.yaml").write_text(content, encoding="utf-8")

    with pytest.raises(ValueError, match=r"broken\.yaml"):
        load_exemplars(tmp_path)


def test_an_exemplar_is_a_passage_of_its_article_shown_as_the_article_text(
    corpus: Corpus,
) -> None:
    asked = [
        Exemplar(ArticleRef("ets185", "2"), "en", "my ex keeps logging into my Instagram"),
        Exemplar(ArticleRef("ets185", "999"), "en", "an article nobody wrote"),
    ]

    found = [p for p in passages(corpus, asked) if p.embedded in {e.text for e in asked}]

    assert [(p.key, p.embedded) for p in found] == [
        (ArticleRef("ets185", "2"), "my ex keeps logging into my Instagram")
    ]
    article = corpus.article("ets185", "2")
    assert article is not None and found[0].shown in article.text


def test_every_shipped_exemplar_names_an_available_article(corpus: Corpus) -> None:
    shipped = load_exemplars(EXEMPLARS_DIRECTORY)

    unknown = {
        e.article
        for e in shipped
        if (a := corpus.article(e.article.instrument, e.article.article)) is None or not a.available
    }
    assert unknown == set()
    assert {e.language for e in shipped} <= {"en", "fr", "es", "pt", "ru"}


def test_check_names_the_line_of_an_exemplar_of_an_unknown_article(tmp_path: Path) -> None:
    (tmp_path / "budapest.yaml").write_text(
        '# header\n"ets185:2":\n  en: ["a"]\n"ets185:99":\n  en: ["b"]\n', encoding="utf-8"
    )

    problems = check_exemplars({("ets185", "2")}, tmp_path)

    assert [(Path(p.path).name, p.line) for p in problems] == [("budapest.yaml", 4)]
    assert "ets185:99" in problems[0].message


def test_check_names_a_malformed_exemplar_file(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text('"ets185:2": ["x"]\n', encoding="utf-8")

    problems = check_exemplars({("ets185", "2")}, tmp_path)

    assert len(problems) == 1 and problems[0].path.endswith("broken.yaml")
