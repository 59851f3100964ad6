"""The agenda CLI: import-schedule says which zone it read floating times in."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from tests.scheduler.test_importers import FLOATING_XML


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WORKSHOP_BOT_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("WORKSHOP_BOT_CONFIG", str(tmp_path / "absent.yaml"))
    return tmp_path


@pytest.mark.parametrize(
    ("options", "said"),
    [
        ([], "read as Europe/Paris (the configured default_timezone;"),
        (["--timezone", "Europe/Brussels"], "read as Europe/Brussels (--timezone;"),
    ],
)
def test_import_says_which_zone_it_assumed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], said: str
) -> None:
    source = tmp_path / "camp.xml"
    source.write_text(FLOATING_XML, encoding="utf-8")

    code = main(["import-schedule", str(source), "--into", str(tmp_path / "agenda"), *options])

    assert code == 0
    out = capsys.readouterr().out
    assert out.startswith("imported 1 events from Camp into ")
    assert said in out


def test_import_refuses_an_unknown_zone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "camp.xml"
    source.write_text(FLOATING_XML, encoding="utf-8")

    assert main(["import-schedule", str(source), "--timezone", "Europe"]) == 2
    assert capsys.readouterr().err.strip() == "unknown time zone 'Europe'"
