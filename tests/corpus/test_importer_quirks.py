"""Each source quirk on a tiny inline Markdown treaty, so a failure names the quirk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.importer import clean_text, import_treaty_file, parse_treaty
from corpus.instruments import InstrumentMeta
from corpus.model import ArticleRef, Division, Item, Paragraph
from corpus.problems import ValidationError

TEST = InstrumentMeta("test")

QUIRKY = (
    "####Test Treaty\n"
    "\n"
    'Preamble The States, considering ``things" matter;\n'
    "\n"
    "### CHAPTER  I  \n"
    "\n"
    "####GENERAL\n"
    "\n"
    "###Article 1 \n"
    "\n"
    "####Definitions\n"
    "\n"
    "For the purposes of this [Treaty](../../x/BWBV0001839/README.md):\n"
    "\n"
    "a)access means *inter alia,* “entry”;\n"
    "\n"
    "(i) first roman;\n"
    "\n"
    "b.second letter as in ETS 108\n"
    "2.   A second paragraph referring to Articles 3 through 4.\n"
    "\n"
    "###TITLE 2 \n"
    "\n"
    "### Article  2  \n"
    "\n"
    "Wijzigt het Europees Verdrag aangaande de wederzijdse rechtshulp in strafzaken.\n"
    "\n"
    "### Article  3  \n"
    "\n"
    "####Third\n"
    "\n"
    "Text of three.\n"
    "\n"
    "### Article 4\n"
    "\n"
    "Text of four, see Article 1.\n"
    "\n"
    "IN WITNESS WHEREOF the undersigned have signed.\n"
)


def test_parse_treaty_handles_each_quirk() -> None:
    instrument = parse_treaty(QUIRKY, TEST, "quirky.md", {})
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
        parse_treaty("just some text\n", InstrumentMeta("x"), "bad.md", {})
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


def _one_article(body: str) -> tuple[Paragraph, ...]:
    instrument = parse_treaty(f"####T\n\n### Article 1\n\n{body}", TEST, "t.md", {})
    return instrument.articles[0].paragraphs


def test_clean_text_normalises_only_markup() -> None:
    line = (
        'a ``computer system" and “data” and "plain", *inter alia,* [Convention](../x/README.md)  '
    )
    assert clean_text(line) == 'a “computer system” and “data” and "plain", inter alia, Convention'


def test_clean_text_keeps_links_with_parentheses_in_target() -> None:
    line = "see [Article 2 (a) of the Convention](../a/(b)/BWBV0001009/README.md) now"
    assert clean_text(line) == "see Article 2 (a) of the Convention now"


def test_parse_paragraph_right_after_item_line() -> None:
    paragraphs = _one_article("1. Intro:\n\na) first;\n\ne) last medium.\n2. For the purpose.\n")
    assert [(p.number, [i.label for i in p.items]) for p in paragraphs] == [
        ("1", ["a", "e"]),
        ("2", []),
    ]


def test_parse_letter_printed_without_dot_after_previous_letter() -> None:
    paragraphs = _one_article(
        "Reserves the right:\n\na.not to accept I;\n\nb.not II;\n\ncnot III.\n"
    )
    assert paragraphs[0].items == (
        Item("a", "not to accept I;"),
        Item("b", "not II;"),
        Item("c", "not III."),
    )


def test_parse_word_starting_with_next_letter_is_no_item() -> None:
    paragraphs = _one_article("Text:\n\nb) one;\n\ncertain words follow.\n")
    assert [(p.number, p.text) for p in paragraphs] == [
        (None, "Text:"),
        (None, "certain words follow."),
    ]


def test_parse_dashes_under_lettered_item_ending_with_colon() -> None:
    paragraphs = _one_article(
        "1. Each Party:\n\na) seize:\n\n– goods;\n\n– proceeds;\n\nb) more.\n"
    )
    assert paragraphs[0].items == (
        Item("a", "seize:", (Item("–", "goods;"), Item("–", "proceeds;"))),
        Item("b", "more."),
    )


def test_parse_dashes_after_paragraph_belong_to_paragraph() -> None:
    paragraphs = _one_article("6. Only for:\n\n–murder;\n\n-arson;\n")
    assert paragraphs[0].items == (Item("–", "murder;"), Item("-", "arson;"))


def test_parse_roman_items_under_letter_and_i_after_h() -> None:
    paragraphs = _one_article(
        "1. X:\n\na) y:\n\n(i) one;\n\n(ii) two;\n\n(h) eight;\n\n(i) nine.\n"
    )
    assert [(i.label, [s.label for s in i.items]) for i in paragraphs[0].items] == [
        ("a", ["i", "ii"]),
        ("h", []),
        ("i", []),
    ]


def test_parse_dutch_note_never_becomes_text() -> None:
    markdown = (
        "####T\n\n### Article 1\n\n####Scope\n\nWijziging van het Protocol bij het Verdrag.\n\n"
        "### Article 2\n\nWijzigt het Europees Verdrag aangaande ...\n\n1. English text.\n"
    )
    first, second = parse_treaty(markdown, TEST, "t.md", {}).articles
    assert (first.available, first.title, first.text) == (False, "Scope", "")
    assert (second.available, second.text) == (True, "1. English text.")


def test_parse_division_without_heading_keeps_article_title() -> None:
    markdown = "####T\n\n###CHAPTER II \n\n###Article 7 \n\n####Postponed\n\n1. Text.\n"
    article = parse_treaty(markdown, TEST, "t.md", {}).articles[0]
    assert (article.divisions, article.title) == ((Division("chapter", "II", None),), "Postponed")


def test_parse_new_chapter_closes_section_and_title() -> None:
    markdown = (
        "####T\n\n### CHAPTER I\n\n####ONE\n\n###SECTION 1\n\n####S\n\n###TITLE 2\n\n####TT\n\n"
        "### Article 1\n\nA.\n\n### CHAPTER II\n\n####TWO\n\n### Article 2\n\nB.\n"
    )
    first, second = parse_treaty(markdown, TEST, "t.md", {}).articles
    assert [d.kind for d in first.divisions] == ["chapter", "section", "title"]
    assert second.divisions == (Division("chapter", "II", "TWO"),)


def test_parse_resolves_named_treaty_without_link() -> None:
    known = {"ets185": InstrumentMeta("ets185", title="Convention on Cybercrime")}
    markdown = (
        "####T\n\n### Article 1\n\nAs in Article 9 of the Convention on Cybercrime and Article 2.\n"
        "\n### Article 2\n\nText.\n"
    )
    article = parse_treaty(markdown, TEST, "t.md", known).articles[0]
    assert article.references == (ArticleRef("ets185", "9"), ArticleRef("test", "2"))


def test_import_unreadable_file_reports_path(tmp_path: Path) -> None:
    source = tmp_path / "cets998.en.md"
    source.write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(ValidationError) as error:
        import_treaty_file(source, tmp_path / "treaties")
    assert str(error.value).startswith(f"{source}:1: cannot read:")


@pytest.mark.parametrize(
    ("line", "cleaned"),
    [
        # ETS 182 Art. 20: the source lost the line break between two sentences
        (
            "shall be set out in the agreement.A joint investigation team may",
            "shall be set out in the agreement. A joint investigation team may",
        ),
        ("of the Council of Europe;Desirous of", "of the Council of Europe; Desirous of"),
        # no sentence ran on here
        (
            "see www.coe.int/cybercrime and e.g. Art. 2",
            "see www.coe.int/cybercrime and e.g. Art. 2",
        ),
        ("the U.S.A. and No.108", "the U.S.A. and No.108"),
    ],
)
def test_clean_text_parts_sentences_the_source_ran_together(line: str, cleaned: str) -> None:
    assert clean_text(line) == cleaned


def test_the_committed_treaties_are_what_their_sources_import_to(tmp_path: Path) -> None:
    """Every text field as a fresh import writes it (the metadata's aliases are added at
    load time)."""
    treaties = Path(__file__).parents[2] / "corpus" / "treaties"
    for source in sorted((treaties.parent / "sources").glob("*.en.md")):
        instrument = import_treaty_file(source, tmp_path)
        fresh = json.loads((tmp_path / f"{instrument.id}.json").read_text(encoding="utf-8"))
        kept = json.loads((treaties / f"{instrument.id}.json").read_text(encoding="utf-8"))
        fresh.pop("aliases"), kept.pop("aliases")
        assert fresh == kept, instrument.id
