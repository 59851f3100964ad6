"""Organiser documents are Markdown; answers quote them as a reader sees them."""

from __future__ import annotations

import pytest

from corpus.model import readable


@pytest.mark.parametrize(
    ("markdown", "seen"),
    [
        ("# **A case for capacity building**", "A case for capacity building"),
        ("## World Summit (Geneva 2003)", "World Summit (Geneva 2003)"),
        (
            "- **Global price tag: US\\$ 110 billion/year (Symantec)**",
            "- Global price tag: US$ 110 billion/year (Symantec)",
        ),
        ("Output 4\tFinancial investigations", "Output 4\tFinancial investigations"),
        ("25–26 Ebene, Jan 10 Mauritius\nAfriNIC", "25–26 Ebene, Jan 10 Mauritius\nAfriNIC"),
        ("Item #3 and 2 * 3", "Item #3 and 2 * 3"),  # marks only where Markdown reads them
        ("a\\_b and C:\\\\share", "a_b and C:\\share"),
        ("**[www.coe.int/cybercrime](http://www.coe.int/cybercrime)**", "www.coe.int/cybercrime"),
        ("[Alexander.seger@coe.int](mailto:Alexander.seger@coe.int)", "Alexander.seger@coe.int"),
        ("see [the chart](https://example.org/chart)", "see the chart (https://example.org/chart)"),
    ],
)
def test_markdown_reads_as_plain_text(markdown: str, seen: str) -> None:
    assert readable(markdown) == seen
