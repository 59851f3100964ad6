"""Citations found in article text: ranges, links per number, named and foreign treaties."""

from __future__ import annotations

from corpus.model import ArticleRef
from corpus.references import Citing, expand_numbers, find_references
from tests.corpus.conftest import SOURCES

BUDAPEST_LINK = "(../../verdrag/convention/on/cybercrime/BWBV0001839/README.md)"
STATUTE_LINK = "(../../verdrag/statuut/BWBV0005506/README.md)"
PROTOCOL = Citing("ets189", "ets185", frozenset(map(str, range(1, 17))), {})
LANZAROTE = Citing(
    "cets201",
    None,
    frozenset(map(str, range(1, 51))),
    {"convention on cybercrime": "ets185", "budapest convention": "ets185"},
)


def _cited(citing: Citing, line: str, number: str = "16") -> list[str]:
    return [f"{r.instrument}:{r.article}" for r in find_references(citing, number, [line])]


def test_expand_numbers_ranges_and_lists() -> None:
    assert expand_numbers("2 through 5") == ["2", "3", "4", "5"]
    assert expand_numbers("2 to 4, 7 and 9") == ["2", "3", "4", "7", "9"]
    assert expand_numbers("29 and 30") == ["29", "30"]


def test_expand_numbers_refuses_absurd_ranges() -> None:
    assert expand_numbers("5 to 2") == ["5", "2"]
    assert expand_numbers("1 to 500") == ["1", "500"]


def test_find_references_one_link_per_number() -> None:
    line = (
        f"[Articles 1]{BUDAPEST_LINK}, [12]{BUDAPEST_LINK} and [46 of the Convention]"
        f"{BUDAPEST_LINK} shall apply, and Articles 2 to 3 of this Protocol."
    )
    assert _cited(PROTOCOL, line) == ["ets185:1", "ets185:12", "ets185:46", "ets189:2", "ets189:3"]


def test_find_references_of_the_convention_in_protocol_means_parent() -> None:
    assert _cited(PROTOCOL, "Article 22, paragraph 2, of the Convention applies.") == ["ets185:22"]


def test_find_references_link_after_the_number() -> None:
    line = f"the declarations made by virtue of Article 24 of the [Convention]{BUDAPEST_LINK}."
    assert _cited(LANZAROTE, line) == ["ets185:24"]


def test_find_references_treaty_named_without_link() -> None:
    line = "in line with Article 9 of the Convention on Cybercrime and Article 20 of the Budapest"
    assert _cited(LANZAROTE, line + " Convention.") == ["ets185:9", "ets185:20"]


def test_find_references_drops_treaties_outside_corpus() -> None:
    line = (
        f"[Article 20.d. of the Statute of the Council of Europe]{STATUTE_LINK} and Article 3 of "
        "the European Convention on Extradition, but Article 5 of the requested Party's law"
    )
    assert _cited(LANZAROTE, line) == ["cets201:5"]


def test_find_references_drops_self_and_missing_articles() -> None:
    assert _cited(PROTOCOL, "Article 16, Article 99 and Article 15 of this Protocol") == [
        "ets189:15"
    ]


def test_find_references_in_lanzarote_preamble_names_budapest_article_9() -> None:
    """The model keeps no preamble citations; the finder still reads this one."""
    preamble = (SOURCES / "cets201.en.md").read_text(encoding="utf-8").splitlines()[2]
    refs = find_references(LANZAROTE, "0", [preamble])
    assert ArticleRef("ets185", "9") in refs
