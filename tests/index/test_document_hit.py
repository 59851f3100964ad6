"""How a programme passage reads in an answer."""

from index.answer import DocumentHit


def test_a_table_row_of_a_document_reads_cell_by_cell() -> None:
    hit = DocumentHit("d", "Report", "note", 1.0, "12 Jan 10\tAnkara \t\tStatistics in 2009\nNext")

    assert hit.readable == "12 Jan 10 · Ankara · Statistics in 2009\nNext"
