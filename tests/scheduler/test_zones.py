"""Time-zone text as people type it, parsed totally."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scheduler.zones import parse_zone, zone_label


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Europe/Paris", "Europe/Paris"),
        ("europe/paris", "Europe/Paris"),
        ("tokyo", "Asia/Tokyo"),
        ("Buenos Aires", "America/Argentina/Buenos_Aires"),
        ("UTC", "UTC"),
        ("UTC+3", "Etc/GMT-3"),
        ("GMT-5", "Etc/GMT+5"),
        ("+03:00", "Etc/GMT-3"),
        ("utc+0", "UTC"),
    ],
)
def test_zone_names_cities_and_offsets(text: str, zone: str) -> None:
    found = parse_zone(text)

    assert found is not None
    assert found.key == zone


@pytest.mark.parametrize(
    "text", ["Europe", "", "a" * 300, "UTC+15", "+05:15", "../../etc/passwd", "Mars/Olympus"]
)
def test_text_naming_no_zone_is_none(text: str) -> None:
    assert parse_zone(text) is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_parse_zone_never_raises(text: str) -> None:
    parse_zone(text)


@pytest.mark.parametrize(
    ("key", "label"),
    [("Etc/GMT-3", "UTC+3"), ("Etc/GMT+5", "UTC-5"), ("Asia/Tokyo", "Asia/Tokyo"), ("UTC", "UTC")],
)
def test_zone_labels_read_as_people_say_them(key: str, label: str) -> None:
    assert zone_label(ZoneInfo(key)) == label


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("UTC+5:30", "Asia/Kolkata"),
        ("+0530", "Asia/Kolkata"),
        ("GMT-3:30", "America/St_Johns"),
        ("UTC+5:45", "Asia/Kathmandu"),
        ("São Paulo", "America/Sao_Paulo"),
        ("bogotá", "America/Bogota"),
    ],
)
def test_half_hour_offsets_and_accented_cities(text: str, zone: str) -> None:
    found = parse_zone(text)
    assert found is not None and found.key == zone


@pytest.mark.parametrize("text", ["localtime", "Factory", "posixrules", "UTC+5:15"])
def test_names_that_are_no_ones_zone_are_refused(text: str) -> None:
    assert parse_zone(text) is None
