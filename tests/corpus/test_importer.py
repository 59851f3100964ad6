"""The treaty importer on the real sources and on small fixtures for each quirk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.importer import clean_text, import_treaty_file, parse_treaty
from corpus.instruments import InstrumentMeta
from corpus.model import ArticleRef, Corpus
from corpus.problems import ValidationError
from tests.corpus.conftest import COUNTS, SOURCES


def test_import_counts_articles_of_every_instrument(imported: Corpus) -> None:
    counts = {key: len(value.articles) for key, value in imported.instruments.items()}
    assert counts == COUNTS


def test_import_matches_committed_corpus(imported: Corpus, corpus: Corpus) -> None:
    assert imported.instruments == corpus.instruments


def test_import_marks_articles_without_english_text(imported: Corpus) -> None:
    missing = sorted((a.instrument, a.number) for a in imported.articles() if not a.available)
    expected = [("ets099", "4")] + [("ets182", str(n)) for n in range(1, 7)]
    assert missing == sorted(expected)
    ets182 = imported.instruments["ets182"]
    assert [ets182.articles[n].title for n in range(2)] == [
        "Scope",
        "Presence of officials of the requesting Party",
    ]


def test_import_never_keeps_the_dutch_note(imported: Corpus) -> None:
    texts = [a.text for a in imported.articles()]
    texts += [i.preamble + i.closing for i in imported.instruments.values()]
    assert [t for t in texts if re.search(r"Wijzigt|Verdrag|strafzaken", t)] == []


# Item letters the source prints glued to the next word; the importer splits them off.
GLUED_LABELS = {("ets099", "8"): ("cnot", "c not"), ("ets099", "12"): ("fany", "f any")}


def _source_words(markdown: str) -> list[str]:
    text = clean_text(markdown)
    return re.findall(r"\w+", text.replace("“", "").replace("”", ""))


@pytest.mark.parametrize("identifier", sorted(COUNTS))
def test_import_keeps_every_word_in_order(imported: Corpus, identifier: str) -> None:
    """Article text has exactly the source's words: nothing dropped, added or reordered."""
    source = (SOURCES / f"{identifier}.en.md").read_text(encoding="utf-8")
    chunks = re.split(r"^###(?!#)\s*Article\s+\S+.*$", source, flags=re.MULTILINE | re.IGNORECASE)
    for article, chunk in zip(imported.instruments[identifier].articles, chunks[1:], strict=True):
        if not article.available:
            continue
        body = [
            line
            for line in chunk.splitlines()
            if line.strip() and not line.startswith("#") and "WITNESS WHEREOF" not in line.upper()
        ]
        glued, split = GLUED_LABELS.get((identifier, article.number), ("", ""))
        expected = _source_words(
            "\n".join(body).replace(glued, split) if glued else "\n".join(body)
        )
        got = re.findall(r"\w+", article.text.replace("“", "").replace("”", ""))
        assert got == expected, f"{identifier} Article {article.number}"


def test_import_structures_paragraphs_and_items(imported: Corpus) -> None:
    article = imported.article("ets185", "6")
    assert article is not None
    paragraph = article.paragraph("1")
    assert paragraph is not None
    item_a = paragraph.items[0]
    assert (item_a.label, [i.label for i in item_a.items]) == ("a", ["i", "ii"])
    assert item_a.items[1].text.startswith("a computer password, access code, or similar data")


def test_import_exact_text_of_article_29_paragraph_7(imported: Corpus) -> None:
    article = imported.article("ets185", "29")
    assert article is not None
    paragraph = article.paragraph("7")
    assert paragraph is not None
    assert paragraph.text == (
        "Any preservation effected in response to the request referred to in paragraph 1 shall "
        "be for a period not less than sixty days, in order to enable the requesting Party to "
        "submit a request for the search or similar access, seizure or similar securing, or "
        "disclosure of the data. Following the receipt of such a request, the data shall "
        "continue to be preserved pending a decision on that request."
    )


def test_import_starts_paragraph_right_after_item_line(imported: Corpus) -> None:
    article = imported.article("ets185", "9")
    assert article is not None
    assert [p.number for p in article.paragraphs] == ["1", "2", "3", "4"]
    assert [i.label for i in article.paragraphs[0].items] == ["a", "b", "c", "d", "e"]


def test_import_normalises_backtick_quotes(imported: Corpus) -> None:
    article = imported.article("ets185", "1")
    assert article is not None
    assert "a) “computer system” means any device" in article.text
    assert "``" not in article.text


def test_import_keeps_links_text_and_drops_targets(imported: Corpus) -> None:
    texts = " ".join(a.text for a in imported.articles())
    assert "](" not in texts
    assert "BWBV" not in texts


def test_import_reads_division_headings(imported: Corpus) -> None:
    article = imported.article("ets185", "35")
    assert article is not None
    assert [(d.kind, d.number, d.heading) for d in article.divisions] == [
        ("chapter", "III", "INTERNATIONAL CO-OPERATION"),
        ("section", "2", "SPECIFIC PROVISIONS"),
        ("title", "3", "24/7 NETWORK"),
    ]


def test_import_ets030_articles_have_no_titles(imported: Corpus) -> None:
    assert {a.title for a in imported.instruments["ets030"].articles} == {None}


def test_import_resolves_cross_references(imported: Corpus) -> None:
    def refs(instrument: str, number: str) -> list[tuple[str, str]]:
        article = imported.article(instrument, number)
        assert article is not None
        return [(r.instrument, r.article) for r in article.references]

    assert refs("ets185", "35") == [("ets185", "29"), ("ets185", "30")]
    assert refs("ets185", "6") == [("ets185", n) for n in ("2", "3", "4", "5")]
    assert ("ets030", "14") in refs("ets182", "9")


def test_import_keeps_closing_formula_out_of_articles(imported: Corpus) -> None:
    budapest = imported.instruments["ets185"]
    assert budapest.closing.startswith("IN WITNESS WHEREOF")
    assert "WITNESS" not in budapest.articles[-1].text


QUIRKY = """####Test Treaty

Preamble The States, considering ``things" matter;

### CHAPTER  I  

####GENERAL

###Article 1 

####Definitions

For the purposes of this [Treaty](../../x/BWBV0001839/README.md):

a)access means *inter alia,* “entry”;

(i) first roman;

b.second letter as in ETS 108
2.   A second paragraph referring to Articles 3 through 4.

###TITLE 2 

### Article  2  

Wijzigt het Europees Verdrag aangaande de wederzijdse rechtshulp in strafzaken.

### Article  3  

####Third

Text of three.

### Article 4

Text of four, see Article 1.

IN WITNESS WHEREOF the undersigned have signed.
"""


def test_parse_treaty_handles_each_quirk() -> None:
    instrument = parse_treaty(QUIRKY, InstrumentMeta("test"), "quirky.md")
    first, second, third, fourth = instrument.articles
    assert instrument.title == "Test Treaty"
    assert instrument.preamble == "Preamble The States, considering “things” matter;"
    assert first.title == "Definitions"
    assert first.text == (
        "For the purposes of this Treaty:\n\n"
        "a) access means inter alia, “entry”;\n\n"
        "(i) first roman;\n\n"
        "b. second letter as in ETS 108\n\n"
        "2. A second paragraph referring to Articles 3 through 4."
    )
    assert [p.number for p in first.paragraphs] == [None, "2"]
    assert [(i.label, len(i.items)) for i in first.paragraphs[0].items] == [("a", 1), ("b", 0)]
    assert first.references == (ArticleRef("test", "3"), ArticleRef("test", "4"))
    assert (second.available, second.text, second.title) == (False, "", None)
    assert [d.kind for d in second.divisions] == ["chapter", "title"]
    assert (third.title, third.text) == ("Third", "Text of three.")
    assert fourth.references == (ArticleRef("test", "1"),)
    assert instrument.closing == "IN WITNESS WHEREOF the undersigned have signed."


def test_parse_treaty_rejects_text_without_articles() -> None:
    with pytest.raises(ValidationError) as error:
        parse_treaty("just some text\n", InstrumentMeta("x"), "bad.md")
    assert str(error.value) == "bad.md:1: no `### Article N` headings found"


def test_import_treaty_file_for_an_unknown_treaty(tmp_path: Path) -> None:
    source = tmp_path / "cets999.en.md"
    source.write_text(QUIRKY, encoding="utf-8")
    instrument = import_treaty_file(source, tmp_path / "treaties")
    assert (instrument.id, instrument.short_title, len(instrument.articles)) == (
        "cets999",
        "Test Treaty",
        4,
    )
    assert (tmp_path / "treaties" / "cets999.json").exists()
