"""The treaty importer on the real sources and on small fixtures for each quirk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.importer import clean_text, parse_treaty
from corpus.instruments import load_metadata
from corpus.model import Corpus, Division
from tests.corpus.conftest import COUNTS, SOURCES

ROOT = Path(__file__).resolve().parents[2]


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
    assert refs("ets182", "9") == [("ets030", "14")]
    # "[Articles 8](..), [9](..) and [12 of the Convention](..)": one link per number.
    assert refs("ets182", "16") == [
        ("ets182", "15"),
        ("ets030", "8"),
        ("ets030", "9"),
        ("ets030", "12"),
    ]
    assert refs("ets189", "8")[:8] == [
        ("ets185", n) for n in ("1", "12", "13", "22", "41", "44", "45", "46")
    ]
    # "Article 13 of the Second Additional Protocol to this Convention", linked to ETS 182.
    assert refs("ets030", "15")[:2] == [("ets030", "11"), ("ets182", "13")]


def test_import_lanzarote_cites_no_budapest_article(imported: Corpus) -> None:
    """The Lanzarote Convention names the Convention on Cybercrime only in its preamble."""
    lanzarote = imported.instruments["cets201"]
    cited = {r.instrument for a in lanzarote.articles for r in a.references}
    assert cited == {"cets201"}
    assert "the Convention on Cybercrime (ETS No. 185)" in lanzarote.preamble


def test_import_keeps_closing_formula_out_of_articles(imported: Corpus) -> None:
    budapest = imported.instruments["ets185"]
    assert budapest.closing.startswith("IN WITNESS WHEREOF")
    assert "WITNESS" not in budapest.articles[-1].text


def test_import_equals_parse_after_json_round_trip(imported: Corpus) -> None:
    known = load_metadata()
    for identifier in COUNTS:
        source = SOURCES / f"{identifier}.en.md"
        parsed = parse_treaty(source.read_text(encoding="utf-8"), known[identifier], source.name)
        assert imported.instruments[identifier] == parsed


def test_import_reads_headings_without_space(imported: Corpus) -> None:
    """ets182 writes `###Article 7 `, ets185 `### Article  1  `."""
    numbers = [a.number for a in imported.instruments["ets182"].articles]
    assert numbers == [str(n) for n in range(1, 36)]


def test_import_division_without_heading_line(imported: Corpus) -> None:
    ets182, ets099 = imported.article("ets182", "7"), imported.article("ets099", "1")
    assert ets182 is not None and ets099 is not None
    assert ets182.divisions == (Division("chapter", "II", None),)
    assert ets182.title == "Postponed execution of requests"
    assert (ets099.divisions, ets099.title) == ((Division("chapter", "I", None),), None)


def test_import_unavailable_article_without_title(imported: Corpus) -> None:
    article = imported.article("ets099", "4")
    assert article is not None
    assert (article.available, article.title, article.text, article.paragraphs) == (
        False,
        None,
        "",
        (),
    )
    assert article.divisions == (Division("chapter", "III", None),)


def test_import_recovers_letters_printed_without_dot(imported: Corpus) -> None:
    reservations, notifications = imported.article("ets099", "8"), imported.article("ets099", "12")
    assert reservations is not None and notifications is not None
    items = reservations.paragraphs[1].items
    assert [(i.label, i.text) for i in items[1:]] == [
        ("b", "not to accept Chapter II;"),
        ("c", "not to accept Chapter III."),
    ]
    blocks = reservations.text.split("\n\n")
    assert blocks[blocks.index("c not to accept Chapter III.") + 1].startswith("3. Any Contracting")
    labels = [i.label for i in notifications.paragraphs[0].items]
    assert labels == list("abcdefgh")


def test_import_nests_dashes_under_their_lettered_item(imported: Corpus) -> None:
    abuse, observation = imported.article("cets201", "18"), imported.article("ets182", "17")
    assert abuse is not None and observation is not None
    item_b = abuse.paragraphs[0].items[1]
    assert item_b.text == "engaging in sexual activities with a child where:"
    assert [(i.label, i.text) for i in item_b.items] == [
        ("–", "use is made of coercion, force or threats; or"),
        (
            "–",
            "abuse is made of a recognised position of trust, authority or influence over the "
            "child, including within the family; or",
        ),
        (
            "–",
            "abuse is made of a particularly vulnerable situation of the child, notably because "
            "of a mental or physical disability or a situation of dependence.",
        ),
    ]
    offences = observation.paragraph("6")
    assert offences is not None
    assert [i.label for i in offences.items] == ["–"] * 15
    assert offences.items[0].text == "assassination;"


def test_import_reads_every_item_style(imported: Corpus) -> None:
    """`a.` (ETS 108), `(a)` (ETS 30), `a)` and `a)access` without space (ETS 185)."""
    definitions = imported.article("ets108", "2")
    refusal = imported.article("ets030", "2")
    open_access = imported.article("ets185", "32")
    assert definitions is not None and refusal is not None and open_access is not None
    assert [i.label for i in definitions.paragraphs[0].items] == ["a", "b", "c", "d"]
    assert definitions.text.split("\n\n")[1].startswith('a. "personal data" means any')
    assert [i.label for i in refusal.paragraphs[0].items] == ["a", "b"]
    assert refusal.text.split("\n\n")[1].startswith("(a) if the request concerns an offence")
    assert open_access.paragraphs[0].items[0].text.startswith("access publicly available")
    assert "a) access publicly available (open source) stored computer data" in open_access.text


def test_import_keeps_source_spelling_and_quotes(imported: Corpus) -> None:
    definitions, production = imported.article("ets185", "1"), imported.article("ets185", "9")
    child_prostitution, data = imported.article("cets201", "19"), imported.article("ets108", "2")
    assert definitions is not None and production is not None
    assert child_prostitution is not None and data is not None
    assert "indicating the com-munication's origin" in definitions.text
    assert "under its domestic law,when committed" in production.text
    assert "the term “child prostitution” shall mean" in child_prostitution.text
    assert '("data subject")' in data.text


def test_import_removes_emphasis(imported: Corpus) -> None:
    budapest, mla = imported.instruments["ets185"], imported.instruments["ets030"]
    safeguards = imported.article("ets185", "15")
    assert safeguards is not None
    assert "against cybercrime,inter alia, by adopting" in budapest.preamble  # source spacing
    assert "procedure or power concerned, inter alia,include judicial" in safeguards.text
    assert mla.preamble.startswith("Preamble\n\nThe Governments signatory hereto")
    texts = [a.text for a in imported.articles()] + [
        i.preamble for i in imported.instruments.values()
    ]
    assert [t for t in texts if "*" in t] == []


def test_committed_json_never_holds_the_dutch_note() -> None:
    files = sorted((ROOT / "corpus" / "treaties").glob("*.json"))
    assert [f.stem for f in files] == sorted(COUNTS)
    assert [f.name for f in files if "Wijzigt" in f.read_text(encoding="utf-8")] == []
