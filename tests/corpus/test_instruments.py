"""instruments.yaml: the names practitioners use, unique, with problems on their lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.instruments import INSTRUMENTS_FILE, InstrumentMeta, load_metadata, read_metadata
from corpus.model import Corpus
from corpus.problems import Problem, ValidationError

NAMES = {
    "ets185": ["Budapest Convention", "Convention on Cybercrime", "Cybercrime Convention",
               "Budapest", "ETS 185", "ETS No. 185", "CETS 185"],
    "ets189": ["Additional Protocol on Xenophobia and Racism", "First Additional Protocol",
               "racism protocol", "xenophobia protocol", "ETS 189"],
    "cets201": ["Lanzarote Convention", "Lanzarote", "CETS 201"],
    "ets108": ["Convention 108", "Data Protection Convention", "ETS 108"],
    "ets181": ["Additional Protocol to Convention 108", "ETS 181"],
    "ets030": ["European Convention on Mutual Assistance in Criminal Matters", "1959 Convention",
               "MLA Convention", "ETS 30", "ETS 030"],
    "ets099": ["Additional Protocol to the MLA Convention", "ETS 99"],
    "ets182": ["Second Additional Protocol to the MLA Convention", "ETS 182"],
}  # fmt: skip


def test_real_metadata_is_valid() -> None:
    metadata, problems = read_metadata(INSTRUMENTS_FILE)
    assert problems == []
    assert sorted(metadata) == sorted(NAMES)
    assert metadata["ets189"] == InstrumentMeta(
        id="ets189",
        title="Additional Protocol to the Convention on Cybercrime, concerning the "
        "criminalisation of acts of a racist and xenophobic nature committed through computer "
        "systems",
        short_title="First Additional Protocol (racism and xenophobia)",
        number="ETS No. 189",
        year=2003,
        aliases=metadata["ets189"].aliases,
        parent="ets185",
        articles=16,
    )


@pytest.mark.parametrize("identifier", sorted(NAMES))
def test_practitioners_names_find_the_instrument(corpus: Corpus, identifier: str) -> None:
    found = {name: getattr(corpus.instrument(name), "id", None) for name in NAMES[identifier]}
    assert found == dict.fromkeys(NAMES[identifier], identifier)


def test_plain_second_additional_protocol_is_not_ets182(corpus: Corpus) -> None:
    """At cybercrime workshops it means CETS No. 224, which this corpus does not hold."""
    assert corpus.instrument("Second Additional Protocol") is None


def test_duplicate_alias_named_on_its_instrument_line(tmp_path: Path) -> None:
    path = tmp_path / "instruments.yaml"
    path.write_text(
        "ets185:\n  aliases: [Budapest, ETS 185]\nets189:\n  aliases: [ets-185]\n",
        encoding="utf-8",
    )
    assert read_metadata(path)[1] == [
        Problem(str(path), 3, "ets189: alias 'ets 185' already names ets185")
    ]


def test_invalid_entries_named_with_line(tmp_path: Path) -> None:
    path = tmp_path / "instruments.yaml"
    path.write_text(
        "ets185:\n  year: soon\n  colour: red\nets189:\n  parent: ets999\nets190: just a title\n",
        encoding="utf-8",
    )
    assert read_metadata(path)[1] == [
        Problem(str(path), 1, "ets185: unknown key(s): colour"),
        Problem(str(path), 1, "ets185: year must be a whole number"),
        Problem(str(path), 6, "ets190: expected title, short_title, number, year, aliases..."),
        Problem(str(path), 4, "ets189: parent 'ets999' is not an instrument"),
    ]


def test_load_metadata_raises_on_broken_yaml(tmp_path: Path) -> None:
    path = tmp_path / "instruments.yaml"
    path.write_text("ets185:\n  aliases: [Budapest\nets189: {}\n", encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        load_metadata(path)
    [problem] = error.value.problems
    assert (problem.path, problem.line) == (str(path), 2)


def test_read_metadata_reports_a_value_yaml_cannot_build(tmp_path: Path) -> None:
    path = tmp_path / "instruments.yaml"
    path.write_text("ets185:\n  year: 2001-13-45\n", encoding="utf-8")

    metadata, [problem] = read_metadata(path)

    assert metadata == {}
    assert problem.path == str(path) and "month must be in 1..12" in problem.message


@pytest.mark.parametrize(("typed", "identifier"), [("ets99", "ets099"), ("ETS30", "ets030")])
def test_an_id_typed_without_its_leading_zeros_finds_the_instrument(
    corpus: Corpus, typed: str, identifier: str
) -> None:
    found = corpus.instrument(typed)

    assert found is not None
    assert found.id == identifier


@pytest.mark.parametrize(
    ("name", "found"),
    [("1959", "ets030"), ("1981", "ets108"), ("2007", "cets201"), ("2001", None), ("1999", None)],
)
def test_an_instrument_is_named_by_a_year_no_other_bears(
    corpus: Corpus, name: str, found: str | None
) -> None:
    """2001 is the year of the Budapest Convention, of Convention 108's additional protocol
    and of the MLA Convention's second protocol: which one is meant is not said."""
    instrument = corpus.instrument(name)

    assert (instrument.id if instrument else None) == found
