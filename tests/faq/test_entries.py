"""FAQ files: the shipped entries are valid and honest; bad files are reported with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.model import ArticleRef, Corpus
from corpus.problems import Problem, ValidationError
from faq.entries import MAX_ANSWER, check_faq, known_articles, load_entries, read_entries

ROOT = Path(__file__).resolve().parents[2]
ENTRIES = ROOT / "faq" / "entries"

GOOD = """\
- id: what-is-tcy
  questions:
    - What is the T-CY?
    - what does the cybercrime convention committee do
  answer: >-
    The <b>T-CY</b> is the Cybercrime Convention Committee (Art. 46).
  articles: [ets185:46]
  tags: [tcy]
"""


def write(folder: Path, text: str, name: str = "faq.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def only_problem(folder: Path, known: set[tuple[str, str]] | None = None) -> Problem:
    problems = check_faq(folder, known)
    assert len(problems) == 1, problems
    return problems[0]


def test_shipped_entries_are_valid_against_the_corpus(corpus: Corpus) -> None:
    known = {(a.instrument, a.number) for a in corpus.articles()}
    assert check_faq(ENTRIES, known) == []


def test_shipped_entries_number_at_least_thirty_with_unique_ids() -> None:
    entries = load_entries(ENTRIES)
    assert len(entries) >= 30
    assert len({e.id for e in entries}) == len(entries)


def test_shipped_entries_rest_on_articles_and_have_several_phrasings() -> None:
    for entry in load_entries(ENTRIES):
        assert entry.articles, entry.id
        assert len(entry.questions) >= 3, entry.id


def test_shipped_dated_facts_say_where_they_come_from() -> None:
    dated = [e for e in load_entries(ENTRIES) if e.as_of is not None]
    assert len(dated) >= 10
    assert all(e.source for e in dated)


def test_shipped_answers_fit_on_a_phone() -> None:
    assert max(len(e.answer) for e in load_entries(ENTRIES)) < MAX_ANSWER


def test_known_articles_lists_the_corpus_articles() -> None:
    known = known_articles(ROOT / "corpus")
    assert known is not None
    assert ("ets185", "35") in known
    assert ("ets185", "49") not in known


def test_known_articles_none_when_the_corpus_does_not_load(tmp_path: Path) -> None:
    write(tmp_path / "treaties", "{not json", "ets185.json")
    assert known_articles(tmp_path) is None


def test_load_entries_reads_every_field(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    [entry] = load_entries(tmp_path)
    assert entry.id == "what-is-tcy"
    assert entry.questions == (
        "What is the T-CY?",
        "what does the cybercrime convention committee do",
    )
    assert entry.answer == "The <b>T-CY</b> is the Cybercrime Convention Committee (Art. 46)."
    assert entry.articles == (ArticleRef("ets185", "46"),)
    assert entry.tags == ("tcy",)
    assert (entry.path, entry.line) == (str(tmp_path / "faq.yaml"), 1)


def test_load_entries_raises_with_every_problem(tmp_path: Path) -> None:
    write(tmp_path, GOOD.replace("ets185:46", "ets185:xx") + "- 3\n")
    with pytest.raises(ValidationError) as raised:
        load_entries(tmp_path)
    assert [p.line for p in raised.value.problems] == [7, 9]


def test_check_faq_reports_invalid_yaml_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "- id: [unclosed\n")
    problem = only_problem(tmp_path)
    assert (problem.path, problem.line) == (str(path), 9)
    assert problem.message.startswith("invalid YAML")


def test_check_faq_rejects_a_mapping_at_top_level(tmp_path: Path) -> None:
    write(tmp_path, "id: x\n")
    assert only_problem(tmp_path) == Problem(
        str(tmp_path / "faq.yaml"), 1, "expected a list of FAQ entries"
    )


def test_check_faq_reports_a_missing_answer_at_the_entry(tmp_path: Path) -> None:
    write(tmp_path, GOOD + "- id: second\n  questions: [why]\n")
    assert only_problem(tmp_path) == Problem(
        str(tmp_path / "faq.yaml"), 9, "FAQ entry is missing `answer`"
    )


def test_check_faq_reports_an_unknown_key_at_its_line(tmp_path: Path) -> None:
    write(tmp_path, GOOD + "  answr: typo\n")
    assert only_problem(tmp_path) == Problem(str(tmp_path / "faq.yaml"), 9, "unknown key `answr`")


def test_check_faq_reports_a_duplicate_key(tmp_path: Path) -> None:
    write(tmp_path, GOOD + "  tags: [again]\n")
    assert only_problem(tmp_path).message == "duplicate key `tags`"


def test_check_faq_reports_duplicate_ids_across_files(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")
    problem = only_problem(tmp_path)
    assert (problem.path, problem.line) == (str(tmp_path / "b.yaml"), 1)
    assert problem.message == f"duplicate FAQ id 'what-is-tcy' (also in {tmp_path / 'a.yaml'}:1)"


def test_check_faq_rejects_a_bad_id(tmp_path: Path) -> None:
    write(tmp_path, GOOD.replace("id: what-is-tcy", "id: What Is TCY"))
    assert only_problem(tmp_path).message == "id must be 1-40 of a-z, 0-9, -"


def test_check_faq_rejects_questions_that_are_not_a_list(tmp_path: Path) -> None:
    write(tmp_path, "- id: x\n  questions: what?\n  answer: yes\n  articles: [ets185:1]\n")
    assert only_problem(tmp_path) == Problem(
        str(tmp_path / "faq.yaml"), 2, "questions must be a non-empty list"
    )


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("<u>underlined</u>", 'answer may only use <b>, <i>, <code>, <a href="...">'),
        ("<a href='x'>single quotes</a>", 'answer may only use <b>, <i>, <code>, <a href="...">'),
        ("<script>x</script>", 'answer may only use <b>, <i>, <code>, <a href="...">'),
        ("fish & chips", "escape &, < and > in the answer (&amp; &lt; &gt;)"),
        ("2 > 1", "escape &, < and > in the answer (&amp; &lt; &gt;)"),
    ],
)
def test_check_faq_rejects_markup_telegram_would_refuse(
    tmp_path: Path, answer: str, message: str
) -> None:
    write(tmp_path, GOOD.replace("The <b>T-CY</b> is", answer + " The T-CY is"))
    problem = only_problem(tmp_path)
    assert (problem.line, problem.message) == (5, message)


def test_check_faq_accepts_links_code_and_entities(tmp_path: Path) -> None:
    answer = '<a href="https://www.coe.int/cybercrime">T-CY</a> &amp; <code>ets185</code> &lt;'
    write(tmp_path, GOOD.replace("The <b>T-CY</b> is", answer))
    assert check_faq(tmp_path) == []


def test_check_faq_rejects_an_answer_too_long_for_a_phone(tmp_path: Path) -> None:
    write(tmp_path, GOOD.replace("Committee (Art. 46).", "word " * 240))
    assert only_problem(tmp_path).message.endswith(f"keep it under {MAX_ANSWER} for phones")


def test_check_faq_reports_each_bad_article_at_its_own_line(tmp_path: Path) -> None:
    text = GOOD.replace("  articles: [ets185:46]", "  articles:\n    - ets185:46\n    - art 46")
    write(tmp_path, text)
    assert only_problem(tmp_path) == Problem(
        str(tmp_path / "faq.yaml"), 9, "article 'art 46' is not like 'ets185:29'"
    )


def test_check_faq_reports_articles_missing_from_the_corpus(tmp_path: Path) -> None:
    write(tmp_path, GOOD.replace("ets185:46", "ets185:99"))
    assert only_problem(tmp_path, {("ets185", "46")}).message == "unknown article ets185:99"


def test_check_faq_needs_a_source_for_a_dated_fact(tmp_path: Path) -> None:
    write(tmp_path, GOOD + '  as_of: "August 2014"\n')
    assert only_problem(tmp_path) == Problem(
        str(tmp_path / "faq.yaml"),
        1,
        "a dated fact needs both `as_of` and `source` (where it comes from)",
    )


def test_check_faq_rejects_tags_that_are_not_a_list(tmp_path: Path) -> None:
    write(tmp_path, GOOD.replace("tags: [tcy]", "tags: tcy"))
    assert only_problem(tmp_path) == Problem(str(tmp_path / "faq.yaml"), 8, "`tags` must be a list")


def test_read_entries_keeps_the_valid_entries_of_a_partly_broken_folder(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, "- nonsense\n", "b.yaml")
    entries, problems = read_entries(tmp_path)
    assert [e.id for e in entries] == ["what-is-tcy"]
    assert problems == [
        Problem(
            str(tmp_path / "b.yaml"), 1, "an FAQ entry must be a mapping with id, questions, answer"
        )
    ]


def test_check_faq_reports_an_undecodable_file(tmp_path: Path) -> None:
    tmp_path.joinpath("latin.yaml").write_bytes(b"- id: caf\xe9\n")
    problem = only_problem(tmp_path)
    assert (problem.line, problem.message.startswith("cannot read")) == (1, True)


def test_check_faq_accepts_an_empty_folder(tmp_path: Path) -> None:
    assert check_faq(tmp_path) == []
