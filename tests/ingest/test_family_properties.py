"""Property tests of the readers for the families' other shapes: a field tree printed as nested bullets, as a
`»` table or as `└─` rows reads back as the same tree; HTML tables read like pipe tables; and arbitrary text
built from the shapes' own tokens reads or fails in one line (never a traceback)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import ApigenError
from generator.ingest.read import read_page
from generator.ingest.tables import find_tables

names = st.from_regex(r"[a-z][a-z0-9_]{0,7}", fullmatch=True)


def trees(depth: int = 3) -> st.SearchStrategy[dict[str, Any]]:
    leaf: st.SearchStrategy[Any] = st.just({})
    if depth == 0:
        return st.dictionaries(names, leaf, min_size=1, max_size=3)
    return st.dictionaries(names, st.one_of(leaf, trees(depth - 1)), min_size=1, max_size=3)


def rows(tree: dict[str, Any], depth: int = 0) -> list[tuple[int, str, bool]]:
    out: list[tuple[int, str, bool]] = []
    for name, children in tree.items():
        out.append((depth, name, bool(children)))
        out += rows(children, depth + 1)
    return out


def read_tree(schema: dict[str, Any]) -> dict[str, Any]:
    return {name: read_tree(prop) if prop.get("properties") else {}
            for name, prop in (schema.get("properties") or {}).items()}


def ingest_text(tmp_path: Path, text: str) -> dict[str, Any]:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    spec, _ = read_page(page, "page.txt", "page.txt")
    return spec


def body_of(spec: dict[str, Any]) -> dict[str, Any]:
    op = spec["paths"]["/v1/things"]["post"]
    schema: dict[str, Any] = next(iter(op["requestBody"]["content"].values()))["schema"]
    return schema


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tree=trees(), style=st.sampled_from(["bullets", "guillemets", "tree"]))
def test_a_field_tree_reads_back_as_printed(tmp_path: Path, tree: dict[str, Any], style: str) -> None:
    lines = ["Make a thing", "", "POST /v1/things", "", "Request body", ""]
    if style == "bullets":
        for depth, name, parent in rows(tree):
            kind = "object" if parent else "string"
            lines.append("  " * depth + f"- **{name}** ({kind}, required): the {name} field")
    else:
        lines += ["| 名称 | 类型 | 必选 | 说明 |", "|---|---|---|---|"]
        for depth, name, parent in rows(tree):
            kind = "object" if parent else "string"
            if style == "guillemets":
                mark = "»" * depth + " " if depth else ""
            else:
                mark = "&nbsp;&nbsp;" * (depth - 1) + "└─ " if depth else ""
            lines.append(f"| {mark}{name} | {kind} | 是 | {name} 字段 |")
    schema = body_of(ingest_text(tmp_path, "\n".join(lines) + "\n"))
    assert read_tree(schema) == tree
    assert schema["required"] == list(tree)


@settings(max_examples=40, deadline=None)
@given(header=st.lists(names, min_size=2, max_size=4, unique=True), data=st.data(), breaks=st.booleans())
def test_an_html_table_reads_like_a_pipe_table(header: list[str], data: st.DataObject, breaks: bool) -> None:
    width = len(header)
    body = data.draw(st.lists(st.lists(names, min_size=width, max_size=width), min_size=1, max_size=5))
    join = "\n" if breaks else ""

    def html_row(cells: list[str], tag: str) -> str:
        return "<tr>" + join + join.join(f"<{tag}>{c}</{tag}>" for c in cells) + join + "</tr>"

    html = ["Intro", "<table>", html_row(header, "th"), *(html_row(r, "td") for r in body), "</table>", "after"]
    pipe = ["Intro", "| " + " | ".join(header) + " |", "|" + "---|" * width,
            *("| " + " | ".join(r) + " |" for r in body), "", "after"]
    [from_html] = find_tables("\n".join(html).split("\n"))
    [from_pipes] = find_tables(pipe)
    assert from_html.header == from_pipes.header == header
    assert [cells for _, cells in from_html.rows] == [cells for _, cells in from_pipes.rows] == body


TOKENS = ["POST /v1/x", "GET /v1/x/{id}", "\n", "\n", "  ", "- ", "* ", "**name**", "`mode`", " (string, required)",
          " (integer)", ": ", "desc", "»", "└─ ", "&nbsp;", "| ", " |", "|---|---|", "<table>", "<tr>", "<td>", "</td>",
          "</tr>", "</table>", "<th>", "[block:parameters]", "[/block]", '{"data": {"h-0": "Parameter", "0-0": "x"}}',
          "{", "}", "(", ")", "[", "]", '"', "'", "requests.post(", "fetch(", "axios.post(", "json=", "data=",
          "files=", "headers=", "f\"{API}/x\"", "API = \"https://a.test\"", "JSON.stringify(", "method: 'POST'",
          "<ParamField body=\"p\" type=\"enum<string>\" required>", "</ParamField>", "<Expandable>", "</Expandable>",
          "<ResponseField name=\"r\">", "</ResponseField>", "Default: 1", "One of `a`, `b`", "=== \"200\"", "200",
          "<details>", "<summary>Response</summary>", "a、b、c", "x.y[].z", "请求参数", "Response", ": string, optional."]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from(TOKENS), min_size=1, max_size=80))
def test_any_mix_of_the_shapes_reads_or_fails_in_one_line(tmp_path: Path, parts: list[str]) -> None:
    page = tmp_path / "fuzz.txt"
    page.write_text("".join(parts), encoding="utf-8")
    try:
        read_page(page, "fuzz.txt", "fuzz.txt")
    except ApigenError as error:
        assert "\n" not in str(error)


def test_double_underscores_inside_a_name_are_kept(tmp_path: Path) -> None:
    page = "POST /v1/things\n\n| Name | Type | Required |\n|---|---|---|\n| **bold_name** | string | yes |\n| a__b | string | no |\n"
    schema = body_of(ingest_text(tmp_path, page))
    assert set(schema["properties"]) == {"bold_name", "a__b"}
