"""Property tests of the structure readers: the normaliser, the pipe-table reader, the tolerant JSON reader,
and the whole page reader on arbitrary text (never a traceback)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import ApigenError
from generator.ingest import jsonish
from generator.ingest.read import read_page
from generator.ingest.tables import find_tables
from generator.ingest.text import normalize

cell_text = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,8}|[\u4e00-\u9fa5]{1,6}|[0-9]{1,4}", fullmatch=True)
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e"]


@settings(max_examples=60, deadline=None)
@given(header=st.lists(cell_text, min_size=2, max_size=5, unique=True), data=st.data(),
       edges=st.sampled_from(["both", "none", "leading", "trailing"]), one_cell_separator=st.booleans())
def test_a_table_reads_back_the_same_with_or_without_edge_pipes(header, data, edges, one_cell_separator) -> None:
    width = len(header)
    rows = data.draw(st.lists(st.lists(cell_text, min_size=width, max_size=width), min_size=1, max_size=6))

    def line(cells: list[str]) -> str:
        text = " | ".join(cells)
        return {"both": f"| {text} |", "none": text, "leading": f"| {text}", "trailing": f"{text} |"}[edges]

    separator = "|---|" if one_cell_separator else line(["---"] * width)
    page = ["Some heading", line(header), separator, *(line(r) for r in rows), "", "after the table"]
    [table] = find_tables(page)
    assert table.header == header
    assert [cells for _, cells in table.rows] == rows
    assert [number for number, _ in table.rows] == list(range(4, 4 + len(rows)))


@settings(max_examples=50, deadline=None)
@given(rows=st.lists(st.lists(cell_text, min_size=3, max_size=3), min_size=1, max_size=5), data=st.data())
def test_cells_broken_over_lines_join_their_row(rows, data) -> None:
    lines = ["| name | type | note |", "|---|---|---|"]
    for cells in rows:
        cut = data.draw(st.integers(1, 2))  # the row's text breaks after cell `cut`
        lines.append("| " + " | ".join(cells[:cut]) + " |")
        lines.append(" | ".join(cells[cut:]) + " |")
    [table] = find_tables(lines)
    assert [cells for _, cells in table.rows] == rows


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
       spots=st.lists(st.tuples(st.integers(0, 300), st.sampled_from(INVISIBLE)), max_size=10))
def test_invisible_characters_never_change_the_normalised_text(text, spots) -> None:
    spotted = text
    for at, char in sorted(spots, reverse=True):
        at = min(at, len(spotted))
        spotted = spotted[:at] + char + spotted[at:]
    assert normalize(spotted) == normalize(text)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300))
def test_normalising_is_idempotent(text) -> None:
    once = normalize(text)
    assert normalize(once) == once


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12)


@settings(max_examples=60, deadline=None)
@given(value=st.dictionaries(st.text(max_size=6), json_values, min_size=1, max_size=5), data=st.data())
def test_a_cut_off_object_keeps_only_members_that_were_complete(value, data) -> None:
    text = json.dumps(value, indent=1)
    cut = data.draw(st.integers(1, len(text) - 1))
    reading = jsonish.read(text[:cut], 0)
    assert reading is not None and isinstance(reading.value, dict)
    kept = jsonish.strip_cut(reading.value)
    for key, member in kept.items():
        if key in value and member == value[key]:
            continue
        # a member that differs is the one the cut ran through: only the last one can be partial
        assert key == list(kept)[-1]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list("POSTGET /v1{}[]\":,|-#\n必填是否stringinteger示例值:curl -X'")),
                    min_size=1, max_size=400))
def test_any_text_reads_or_fails_in_one_line(tmp_path: Path, text: str) -> None:
    page = tmp_path / "fuzz.txt"
    page.write_text(text, encoding="utf-8")
    try:
        read_page(page, "fuzz.txt", "fuzz.txt")
    except ApigenError as error:
        assert "\n" not in str(error)
