"""Services built from the project's content, with user 7 an organiser and a FAQ folder of
the test's own (reload tests edit it)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.services import Services, build_services
from bot.settings import PROJECT_ROOT, Settings


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    faq_dir = tmp_path / "faq"
    shutil.copytree(PROJECT_ROOT / "faq" / "entries", faq_dir)
    settings = replace(
        Settings(),
        organisers=frozenset({7}),
        faq_dir=faq_dir,
        data_dir=tmp_path,
        db_path=tmp_path / "bot.sqlite3",
        index_dir=tmp_path / "index",
    )
    built = build_services(settings)
    yield built
    built.close()
