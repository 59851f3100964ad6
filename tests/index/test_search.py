"""The search index: rebuild on change, thesaurus validation, spelling correction."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from corpus.model import Corpus, Document, DocumentRef
from corpus.problems import Problem, ValidationError
from index.search import FINGERPRINT_FILE, SearchIndex
from index.thesaurus import Thesaurus, parse_thesaurus
from index.weights import default_weights
from tests.conftest import ROOT, THESAURUS

LEXICAL = default_weights().lexical


def test_open_reuses_index_when_nothing_changed(corpus: Corpus, tmp_path: Path) -> None:
    first = SearchIndex.open(corpus, tmp_path / "index", THESAURUS)
    stamp = (tmp_path / "index" / FINGERPRINT_FILE).stat().st_mtime_ns
    first.close()
    second = SearchIndex.open(corpus, tmp_path / "index", THESAURUS)
    assert (second.build_seconds, (tmp_path / "index" / FINGERPRINT_FILE).stat().st_mtime_ns) == (
        None,
        stamp,
    )
    second.close()


def test_open_rebuilds_when_a_document_is_added(corpus: Corpus, tmp_path: Path) -> None:
    SearchIndex.open(corpus, tmp_path / "index", THESAURUS).close()
    note = Document("venue", "Venue and wifi", "note", "The wifi password is on the badge.")
    changed = Corpus(dict(corpus.instruments), {**corpus.documents, "venue": note})
    reopened = SearchIndex.open(changed, tmp_path / "index", THESAURUS)
    assert reopened.build_seconds is not None
    assert reopened.run({"wifi": 1.0}, [], 3, LEXICAL)[0].key == DocumentRef("venue")
    reopened.close()


def _damage_truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


def _damage_flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _damage_garbage(path: Path) -> None:
    path.write_bytes(b"garbage")


@pytest.mark.parametrize(
    ("pattern", "damage"),
    [
        ("*.seg", _damage_truncate),  # struct.error inside whoosh before the manifest
        ("*.seg", _damage_flip),  # opens fine, wrong postings
        ("*.toc", _damage_garbage),
        ("vocabulary.json", Path.unlink),
    ],
)
def test_open_rebuilds_an_index_with_any_one_file_damaged(
    corpus: Corpus, tmp_path: Path, damage: object, pattern: str
) -> None:
    SearchIndex.open(corpus, tmp_path / "index", THESAURUS).close()
    targets = sorted((tmp_path / "index").glob(pattern))
    assert targets, pattern
    damage(targets[0])  # type: ignore[operator]
    reopened = SearchIndex.open(corpus, tmp_path / "index", THESAURUS)
    assert reopened.build_seconds is not None
    assert reopened.run({"preserv": 1.0}, [], 3, LEXICAL)
    reopened.close()


def test_thesaurus_problems_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "thesaurus.yaml"
    path.write_text(
        "- when: [hacking]\n  search: [illegal access]\n- when: hacking\n  search: []\n- nonsense\n"
    )
    assert parse_thesaurus(path)[1] == [
        Problem(str(path), 3, "`when` must be a non-empty list of phrases"),
        Problem(str(path), 3, "`search` must be a non-empty list of phrases"),
        Problem(str(path), 5, "an entry needs `when:` and `search:` lists"),
    ]


def test_thesaurus_reports_broken_yaml_line(tmp_path: Path) -> None:
    path = tmp_path / "thesaurus.yaml"
    path.write_text("- when: [hacking\n  search: [x]\n")
    problems = parse_thesaurus(path)[1]
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(1, "invalid YAML")]
    with pytest.raises(ValidationError):
        Thesaurus.load(path)


def test_thesaurus_expands_longest_phrase_first(tmp_path: Path) -> None:
    path = tmp_path / "thesaurus.yaml"
    path.write_text(
        "- when: [child abuse]\n  search: [sexual abuse]\n"
        "- when: [child abuse images]\n  search: [child pornography]\n"
    )
    thesaurus = Thesaurus.load(path)
    found = thesaurus.expand(["seized", "child", "abuse", "images"])
    assert [(e.phrase, e.search) for e in found] == [
        (("child", "abuse", "images"), ("child pornography",))
    ]


def test_project_thesaurus_is_valid() -> None:
    assert parse_thesaurus(THESAURUS)[1] == []


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("prservation", "preservation"), ("trafic", "traffic"), ("extradtion", "extradition")],
)
def test_spelling_is_corrected_against_the_vocabulary(
    search_index: SearchIndex, typed: str, meant: str
) -> None:
    from index.ranking import Ranker

    assert Ranker(search_index).analyser.correct(typed) == meant


@pytest.mark.parametrize(
    "word",
    [
        "weather",
        "near",
        "pizza",
        "terrified",
        "verified",
        "planning",
        "euros",
        "download",
        "espresso",
    ],
)
def test_ordinary_words_are_not_corrected_into_treaty_words(
    search_index: SearchIndex, word: str
) -> None:
    from index.ranking import Ranker

    assert Ranker(search_index).analyser.correct(word) == word


def test_processes_opening_a_missing_index_together_all_succeed(tmp_path: Path) -> None:
    """Four processes starting at once on an empty data folder used to die with
    FileNotFoundError inside whoosh's commit: they built into the same staging folder."""
    script = (
        "import sys; from pathlib import Path; from corpus.store import load_corpus; "
        "from index.search import SearchIndex; "
        f"i = SearchIndex.open(load_corpus(Path({str(ROOT / 'corpus')!r})), "
        f"Path({str(tmp_path / 'index')!r}), Path({str(THESAURUS)!r})); "
        "print(len(i.vocabulary)); i.close()"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [p.communicate(timeout=120) for p in processes]

    assert [p.returncode for p in processes] == [0, 0, 0, 0], [err for _, err in results]
    assert len({out for out, _ in results}) == 1  # one index, the same for all
