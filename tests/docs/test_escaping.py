"""Untrusted doc text (`<script>`, table pipes, backticks, `{{ }}`) renders as text in Markdown and HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from selectolax.lexbor import LexborHTMLParser

from tests.docs.helpers import code_blocks, render_docs

# Raw HTML ON, as GitHub renders Markdown: only apigen's escaping can keep tags out.
GITHUB_LIKE = MarkdownIt("commonmark", {"html": True}).enable("table")
DOCS_TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "docs"
PAGE_SCRIPTS = [(DOCS_TEMPLATES / name).read_text(encoding="utf-8") for name in ("search.js", "page.js")]


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_docs("hostile", tmp_path_factory.mktemp("hostile"), service="evil")


def _markdown_tree(path: Path) -> LexborHTMLParser:
    return LexborHTMLParser(GITHUB_LIKE.render(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("page", ["README.md", "operations/things_create.md"])
def test_markdown_has_no_live_markup(docs: Path, page: str) -> None:
    tree = _markdown_tree(docs / page)
    assert tree.css("script") == [] and tree.css("img") == [] and tree.css("b") == [] and tree.css("i") == []
    assert not any("onerror" in node.attributes for node in tree.body.traverse() if node.tag != "-text")
    text = tree.body.text(separator="")
    assert "<script>alert(" in text  # shown, as text
    assert "{{ 7*7 }}" in text and "49" not in text


def test_markdown_table_cells_keep_pipes_and_backticks(docs: Path) -> None:
    tree = _markdown_tree(docs / "operations/things_create.md")
    table = tree.css_first("table")
    header = len(table.css("thead th"))
    rows = table.css("tbody tr")
    assert header == 8 and rows and all(len(row.css("td")) == header for row in rows)
    descriptions = [row.css("td")[-1].text(separator="") for row in rows]
    assert 'a|b|c `code` <script>alert("param")</script> 中文说明' in descriptions
    enums = [row.css("td")[6].text() for row in rows]
    assert '"x|y", "<i>z</i>"' in enums


def test_markdown_description_lines_stay_text(docs: Path) -> None:
    tree = _markdown_tree(docs / "operations/things_create.md")
    assert [h.text() for h in tree.css("h1")] == ['Create <script>alert("summary")</script> ```']
    assert tree.css("ul") == []  # "- not a list" stayed a line of text
    assert "# not a heading" in tree.body.text()


def test_code_blocks_are_not_broken_out_of(docs: Path) -> None:
    page = (docs / "operations/things_create.md").read_text(encoding="utf-8")
    python = code_blocks(page, "python")
    assert len(python) == 2  # Client and AsyncClient
    for script in python:
        assert "it's ```fenced``` <script>" in script
        compile(script, "example", "exec")  # still valid Python
    tree = _markdown_tree(docs / "operations/things_create.md")
    assert tree.css("script") == []


def test_html_has_only_its_own_script(docs: Path) -> None:
    html = (docs / "index.html").read_text(encoding="utf-8")
    tree = LexborHTMLParser(html)
    scripts = tree.css("script")
    assert [script.text().strip() for script in scripts] == [code.strip() for code in PAGE_SCRIPTS]
    assert tree.css("img") == [] and tree.css("b") == [] and tree.css("i") == []
    links = [a.attributes.get("href") or "" for a in tree.css("a")]
    assert not any(href.lower().startswith("javascript:") for href in links)
    text = tree.body.text(separator="")
    for shown in ('<script>alert("info")</script>', '<script>alert("op")</script>', "| fake | table |",
                  "`rm -rf /`", "{{ 7*7 }}", 'a|b|c `code` <script>alert("param")</script> 中文说明',
                  "</code></pre><script>alert('ex')</script>"):
        assert shown in text
    assert "49" not in text
    assert tree.css_first("title").text() == '<script>alert("title")</script> | Evil `API` API reference'
