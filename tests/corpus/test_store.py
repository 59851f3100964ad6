"""Loading and checking the corpus folder: treaty JSON, documents, metadata, fingerprint."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from corpus.model import ArticleRef, Corpus, Document
from corpus.problems import Problem, ValidationError, compose_yaml
from corpus.store import check_corpus, corpus_fingerprint, load_corpus

REAL = Path(__file__).resolve().parents[2] / "corpus"
NOTE = "---\ntitle: Contacts\n---\nCall the 24/7 point.\n"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A corpus folder with the real Budapest Convention and its metadata."""
    (tmp_path / "treaties").mkdir()
    shutil.copy(REAL / "treaties" / "ets185.json", tmp_path / "treaties")
    shutil.copy(REAL / "instruments.yaml", tmp_path)
    return tmp_path


def _write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_load_real_corpus_checks_clean(corpus: Corpus) -> None:
    assert check_corpus(REAL) == []
    assert len(corpus.instruments) == 8
    kinds = {d.kind for d in corpus.documents.values()}
    assert kinds == {"guide", "slides", "report", "workshop-note"}


def test_programme_documents_say_when_and_where_from(corpus: Corpus) -> None:
    programme = [d for d in corpus.documents.values() if d.path.startswith("documents/")]

    assert len(programme) == 5
    assert all(d.year and d.source for d in programme)
    tokyo = corpus.documents["2013-tokyo-capacity-building"]
    assert (tokyo.date, tokyo.year) == ("2013-05-20", "2013")
    assert "Tokyo, 20-21 May 2013" in tokyo.body  # the seed text, verbatim


@pytest.mark.parametrize(
    ("front", "date"), [("date: 2014", "2014"), ("date: 2014-08", "2014-08"), ("", "")]
)
def test_load_document_date_as_written(root: Path, front: str, date: str) -> None:
    _write(root, "documents/a.md", f"---\ntitle: A\n{front}\nsource: GLACY slides\n---\nText.\n")

    document = load_corpus(root).documents["a"]

    assert (document.date, document.source) == (date, "GLACY slides")


def test_check_document_bad_date_and_source_on_their_lines(root: Path) -> None:
    path = _write(root, "documents/a.md", "---\ntitle: A\ndate: May 2014\nsource: [x]\n---\nT\n")

    assert check_corpus(root) == [
        Problem(str(path), 3, "date must be a year or an ISO date: 2014, 2014-08 or 2014-08-11"),
        Problem(str(path), 4, "source must be text"),
    ]


def test_load_document_defaults(root: Path) -> None:
    _write(root, "documents/venue/contacts.md", NOTE)
    document = load_corpus(root).documents["contacts"]
    assert document == Document(
        id="contacts",
        title="Contacts",
        kind="note",
        body="Call the 24/7 point.",
        path="documents/venue/contacts.md",
    )


def test_load_document_front_matter_fields(root: Path) -> None:
    _write(
        root,
        "guides/preservation.md",
        "---\ntitle: Preservation\nid: keep\nkind: guide\ntags: preservation\n"
        "articles: [ets185:29, ets185 30, 'ETS185: art. 16']\nofficial: true\n---\nBody.\n",
    )
    document = load_corpus(root).documents["keep"]
    assert (document.kind, document.tags, document.official) == ("guide", ("preservation",), True)
    assert document.articles == (
        ArticleRef("ets185", "29"),
        ArticleRef("ets185", "30"),
        ArticleRef("ets185", "16"),
    )


def test_load_skips_folder_readme(root: Path) -> None:
    _write(root, "documents/README.md", "How to add documents, no front matter.\n")
    assert load_corpus(root).documents == {}


def test_check_broken_front_matter_names_the_line(root: Path) -> None:
    path = _write(root, "documents/bad.md", "---\ntitle: Fine\ntags: [a, b\nkind: note\n---\nx\n")
    [problem] = check_corpus(root)
    assert (problem.path, problem.line) == (str(path), 3)
    assert problem.message.startswith("invalid front matter:")


def test_check_document_problems_on_their_key_lines(root: Path) -> None:
    path = _write(
        root,
        "documents/bad.md",
        "---\nkind: note\nofficial: maybe\narticles:\n  - ets185:29\n  - ets185:99\n  - art 5\n"
        "colour: red\n---\nText.\n",
    )
    assert check_corpus(root) == [
        Problem(
            str(path),
            8,
            "unknown front matter key 'colour' "
            "(known: articles, date, id, kind, official, source, tags, title)",
        ),
        Problem(str(path), 1, "front matter needs a `title`"),
        Problem(str(path), 3, "official must be true or false"),
        Problem(str(path), 4, "articles: unknown article ets185:99"),
        Problem(str(path), 4, "articles: 'art 5' is not like 'ets185:29'"),
    ]


def test_check_document_without_front_matter_or_text(root: Path) -> None:
    bare = _write(root, "documents/bare.md", "Just text.\n")
    empty = _write(root, "guides/empty.md", "---\ntitle: Empty\n---\n\n")
    assert check_corpus(root) == [
        Problem(str(bare), 1, "missing YAML front matter between `---` lines"),
        Problem(str(empty), 4, "the document has no text"),
    ]


def test_check_duplicate_document_ids(root: Path) -> None:
    _write(root, "documents/a/contacts.md", NOTE)
    second = _write(root, "documents/b/contacts.md", NOTE)
    assert check_corpus(root) == [Problem(str(second), 1, "duplicate document id 'contacts'")]


def test_check_broken_json_names_the_line(root: Path) -> None:
    path = _write(root, "treaties/ets189.json", '{\n "id": "ets189",\n "title": \n}\n')
    [problem] = check_corpus(root)
    assert (problem.path, problem.line) == (str(path), 4)
    assert problem.message.startswith("invalid JSON: Expecting value")


def test_check_json_missing_field(root: Path) -> None:
    path = _write(root, "treaties/ets189.json", '{"id": "ets189", "articles": []}\n')
    assert check_corpus(root) == [
        Problem(str(path), 1, "not a treaty file: missing or wrong field 'title'")
    ]


def test_check_article_count_against_instruments_yaml(root: Path) -> None:
    data = json.loads((root / "treaties" / "ets185.json").read_text(encoding="utf-8"))
    data["articles"] = data["articles"][:-1]
    path = _write(root, "treaties/ets185.json", json.dumps(data))
    assert check_corpus(root) == [
        Problem(str(path), 1, "47 articles, but instruments.yaml expects 48")
    ]


def test_check_treaty_citing_missing_article(root: Path) -> None:
    data = json.loads((root / "treaties" / "ets185.json").read_text(encoding="utf-8"))
    data["articles"][34]["references"].append({"instrument": "ets185", "article": "77"})
    path = _write(root, "treaties/ets185.json", json.dumps(data))
    assert check_corpus(root) == [Problem(str(path), 1, "Article 35 cites missing ets185:77")]


def test_check_never_raises_on_unreadable_files(root: Path) -> None:
    (root / "documents").mkdir()
    (root / "documents" / "binary.md").write_bytes(b"\xff\xfe\x00")
    (root / "treaties" / "ets189.json").write_bytes(b"\xff\xfe\x00")
    problems = check_corpus(root)
    assert [(Path(p.path).name, p.line) for p in problems] == [("ets189.json", 1), ("binary.md", 1)]
    assert all(p.message.startswith("cannot read:") for p in problems)


def test_load_raises_with_every_problem(root: Path) -> None:
    _write(root, "documents/a.md", "no front matter\n")
    _write(root, "documents/b.md", "---\ntitle: B\n---\n")
    with pytest.raises(ValidationError) as error:
        load_corpus(root)
    assert [Path(p.path).name for p in error.value.problems] == ["a.md", "b.md"]


def test_load_applies_aliases_from_instruments_yaml(root: Path) -> None:
    metadata = (root / "instruments.yaml").read_text(encoding="utf-8")
    _write(root, "instruments.yaml", metadata.replace("CETS 185,", "CETS 185, Budapester,"))
    assert load_corpus(root).instrument("budapester") is not None


def test_fingerprint_follows_every_file_read(root: Path) -> None:
    first = corpus_fingerprint(root)
    assert corpus_fingerprint(root) == first
    _write(root, "documents/README.md", "Not a document.\n")
    assert corpus_fingerprint(root) == first
    note = _write(root, "documents/contacts.md", NOTE)
    second = corpus_fingerprint(root)
    note.write_text(NOTE.replace("24/7", "24 7"), encoding="utf-8")
    third = corpus_fingerprint(root)
    _write(root, "instruments.yaml", "")
    assert len({first, second, third, corpus_fingerprint(root)}) == 4


BILLION_LAUGHS = "\n".join(
    [
        "title: Laughs",
        'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
        *(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]"
            for i in range(8)
        ),
    ]
)


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("title: Deep\ntags: " + "[" * 20_000 + "]" * 20_000, "nested more than 64 levels deep"),
        (BILLION_LAUGHS, "expands to more than 200000 values"),
    ],
)
def test_hostile_front_matter_is_a_problem_not_a_hang(root: Path, front: str, message: str) -> None:
    path = _write(root, "documents/hostile.md", f"---\n{front}\n---\nText.\n")

    [problem] = check_corpus(root)

    assert problem.path == str(path)
    assert message in problem.message


def test_hostile_yaml_file_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "instruments.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    problems: list[Problem] = []

    assert compose_yaml(path, problems) is None
    assert problems[0].path == str(path)
    assert "expands to more than" in problems[0].message


def test_a_big_file_without_aliases_is_within_the_limits(tmp_path: Path) -> None:
    """More values than MAX_NODES (a 10 MB agenda holds 700,000) are not an alias bomb."""
    path = tmp_path / "agenda.yaml"
    path.write_text("events:\n" + "- {id: x, title: y}\n" * 60_000, encoding="utf-8")
    problems: list[Problem] = []

    root = compose_yaml(path, problems)

    assert problems == []
    assert root is not None and len(root.value[0][1].value) == 60_000
