"""The Markdown escaping helpers: whatever the text, a real CommonMark parser renders it back as that text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from generator.render.docs.text import demote_headings, fence, md_cell, md_inline, md_line, md_text

# Raw HTML switched ON, as on GitHub: the escaping, not the parser, must keep markup out.
PARSER = MarkdownIt("commonmark", {"html": True}).enable("table")
TEXT = st.text(alphabet=st.sampled_from(list("ab1 _*`|<>&#-+=.)![](){}~\\/:'\"") + ["提", "词", "\t"]),
               max_size=40)


def _rendered_text(markdown: str) -> str:
    tree = HTMLParser(PARSER.render(markdown))
    return tree.body.text(separator="") if tree.body else ""


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_inline_text_renders_as_itself(text: str) -> None:
    # md_line starts a line; md_inline continues one or fills a heading.
    if not text.strip():
        return
    for markdown, tags in ((md_line(text), ("<p>", "</p>")), (f"x {md_inline(text)}", ("<p>", "</p>")),
                           (f"## {md_inline(text)}", ("<h2>", "</h2>"))):
        html = PARSER.render(markdown)
        expected = text.strip() if not markdown.startswith("x ") else ("x " + text.strip()).strip()
        assert _rendered_text(markdown).strip() == expected, markdown
        assert html.startswith(tags[0]) and html.rstrip().endswith(tags[1])
        assert "<" not in html.strip()[len(tags[0]):-len(tags[1])]


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_multiline_text_keeps_every_line_as_text(lines: list[str]) -> None:
    rendered = HTMLParser(PARSER.render(md_text("\n".join(lines))))
    tags = {node.tag for node in rendered.body.traverse()} if rendered.body else set()
    assert tags <= {"body", "p", "br", "-text"}
    got = [line.strip() for line in rendered.body.text(separator="").split("\n")] if rendered.body else []
    assert [g for g in got if g] == [line.strip() for line in lines if line.strip()]


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT)
def test_table_cells_never_split(first: str, second: str) -> None:
    table = f"| a | b |\n| --- | --- |\n| {md_cell(first)} | {md_cell(second)} |\n"
    tree = HTMLParser(PARSER.render(table))
    cells = [td.text(separator="") for td in tree.css("tbody td")]
    if not first.strip() and not second.strip():
        return  # an empty row may be dropped; nothing to keep
    assert cells == [first.strip(), second.strip()]


def test_fence_outlasts_backticks_inside() -> None:
    code = "print('```')\n````\n"
    block = fence(code, "python")
    assert block.startswith("`````python\n")
    tree = HTMLParser(PARSER.render(block))
    assert tree.css_first("code").text() == code


def test_demote_headings_skips_code_fences() -> None:
    text = "# Title\n\n```\n# not a heading\n```\n## Sub"
    assert demote_headings(text, 2) == "### Title\n\n```\n# not a heading\n```\n#### Sub"
