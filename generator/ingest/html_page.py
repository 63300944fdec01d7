"""A saved HTML page (Redoc, Swagger UI, ReadMe, GitBook, an Apifox or Mintlify export) as the text a person
copying it from the browser gets, so every layout reads it like the text captures of the same sites.

The rendering follows what a browser's copy does (`innerText`): block elements (`div`, `p`, headings, list
items, table rows) start a line, inline ones (`span`, `code`, `a`) flow on it, `<br>` breaks it, scripts,
styles and the head are not shown. Three things keep markdown's structure instead, because the layouts read
it: headings keep their level (`## Request body`), list items their bullet and nesting (`  - name`), `<pre>`
blocks their exact text in a fence, and a table with a header row becomes a pipe table (a table without one,
as Redoc prints its fields, gives each cell its own line, as its text capture does). Inline `<code>` keeps
its backticks: enum lists are written in them. Nothing is executed; the parser is selectolax's (lexbor).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

_DOCUMENT = re.compile(r"\A\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.IGNORECASE)
_FRAGMENT = re.compile(r"\A\s*<(?:main|article|section|div|table|h[1-6])\b", re.IGNORECASE)
_MARKDOWN = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]|\|?[ \t]*:?-{3,}|```|[-*+][ \t]+\S)")
_COMPONENT = re.compile(r"<[A-Z][A-Za-z]+[\s/>]")  # MDX components (`<ParamField>`): an MDX page, not HTML
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "section",
    "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "caption"})
_HIDDEN = frozenset({"head", "script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "button",
                     "select", "option"})
_MAX_DEPTH = 200  # deeper nesting is flattened to its text: real pages stay far below it


def is_document(text: str) -> bool:
    """True for a whole HTML document, or a fragment that opens with a block element and is markup line by
    line; not for an MDX page (`<ParamField>`) nor a markdown page that opens with a `<div>` banner."""
    head = text[:20000]
    if _COMPONENT.search(head):
        return False
    if _DOCUMENT.match(text):
        return True
    if not _FRAGMENT.match(text) or _MARKDOWN.search(head):
        return False
    lines = [line.strip() for line in head.split("\n") if line.strip()]
    return sum(line.startswith("<") for line in lines) * 5 >= len(lines) * 3


class _Writer:
    """Lines of output with a pending line being written; blank lines collapse to one."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current = ""
        self.prefix = ""  # a list item's indentation and bullet, put before its first line of text

    def text(self, words: str) -> None:
        self.current += words

    def newline(self) -> None:
        line = re.sub(r"[ \t]+", " ", self.current).strip()
        self.current = ""
        if line:
            self.lines.append(self.prefix + line)
            self.prefix = ""

    def blank(self) -> None:
        self.newline()
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def raw(self, lines: list[str]) -> None:
        self.newline()
        self.lines.extend(lines)


def _inline(node: LexborNode, depth: int = 0) -> str:
    """A node's text as one line: inline code in backticks, `<br>` and blocks as spaces."""
    if node.tag == "-text":
        return node.text_content or ""
    if node.tag in _HIDDEN or node.tag == "-comment" or depth > _MAX_DEPTH:
        return "" if node.tag in _HIDDEN or node.tag == "-comment" else (node.text() or "")
    if node.tag == "br":
        return " "
    parts = [_inline(child, depth + 1) for child in node.iter(include_text=True)]
    inner = "".join(part if at == 0 or child.tag == "-text" else " " + part
                    for at, (child, part) in enumerate(zip(node.iter(include_text=True), parts)))
    if node.tag == "code" and inner.strip():
        return f"`{inner.strip()}`"
    return f" {inner} " if node.tag in _BLOCKS or node.tag in ("td", "th") else inner


def _cell(node: LexborNode) -> str:
    text = _inline(node)
    lead = re.match(r"[ \t\n]*(\u00a0+)", text)  # `&nbsp;&nbsp;name`: indentation that shows nesting, kept
    indent = "&nbsp;" * len(lead.group(1)) if lead else ""
    return indent + re.sub(r"\s+", " ", text).strip().replace("|", "\\|")


def _rows(table: LexborNode) -> list[list[LexborNode]]:
    rows = []
    for tr in table.css("tr"):
        cells = [cell for cell in tr.iter() if cell.tag in ("td", "th")]
        if cells:
            rows.append(cells)
    return rows


def _blocks_in(cell: LexborNode) -> int:
    return sum(1 for child in cell.iter() if child.tag in _BLOCKS or child.tag == "pre")


def _header_row(row: list[LexborNode]) -> bool:
    """A row of `<th>` cells, or of `<td>` cells naming two known columns (`<td><b>Name</b></td>`...)."""
    if len(row) < 2:
        return False
    if all(cell.tag == "th" for cell in row):
        return True
    from generator.ingest.tables import VOCABULARY

    words = [re.sub(r"[*`:：]", "", _cell(cell)).strip().lower() for cell in row]
    return sum(any(word in names for names in VOCABULARY.values()) for word in words) >= 2


def _table(table: LexborNode, out: _Writer, depth: int) -> None:
    rows = _rows(table)
    while len(rows) > 1 and len(rows[0]) == 1 and rows[0][0].tag == "th":
        out.blank()  # a group header spanning the table (`<th colspan=4>Request</th>`): a caption line
        out.text(_cell(rows[0][0]))
        out.newline()
        rows = rows[1:]
    if not rows:
        return
    headed = _header_row(rows[0])
    if headed and any(_blocks_in(cell) >= 2 for row in rows[1:] for cell in row):
        # Swagger UI: a cell holding name, type and place as blocks of their own; a browser copy prints the
        # header's cells on one line (tab-separated) and each block of a cell on its own line
        out.blank()
        out.raw(["\t".join(_cell(cell) for cell in rows[0])])
        for row in rows[1:]:
            out.blank()
            for cell in row:
                _walk(cell, out, depth + 1, 0)
                out.newline()
        out.blank()
        return
    if headed:
        out.blank()
        width = len(rows[0])
        header = [_cell(cell) for cell in rows[0]]
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * width]
        for row in rows[1:]:
            cells = [_cell(cell) for cell in row][:width]
            cells += [""] * (width - len(cells))
            lines.append("| " + " | ".join(cells) + " |")
        out.raw(lines)
        out.blank()
        return
    for row in rows:  # a layout table (Redoc's fields): each cell reads as a block of its own
        out.blank()
        for cell in row:
            _walk(cell, out, depth + 1, 0)
            out.newline()
    out.blank()


def _walk(node: LexborNode, out: _Writer, depth: int, lists: int) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag or ""
        if tag == "-text":
            out.text(child.text_content or "")
            continue
        if tag in _HIDDEN or tag == "-comment":
            continue
        if out.current and not out.current[-1].isspace() and not (child.text() or "").startswith(
                ("(", ")", ",", ".", ":", ";", "*", "?", "!")):
            out.text(" ")  # `<span>POST</span><span>/v1/x</span>`: styled apart on screen, apart here
        if depth > _MAX_DEPTH:
            out.text(" " + (child.text() or "") + " ")
            continue
        if tag == "br":
            out.newline()
        elif tag == "pre":
            out.blank()
            out.raw(["```", *(child.text() or "").strip("\n").split("\n"), "```"])
            out.blank()
        elif tag == "code":
            out.text(_inline(child))
        elif tag == "table":
            _table(child, out, depth)
        elif re.fullmatch(r"h[1-6]", tag):
            out.blank()
            out.text("#" * int(tag[1]) + " " + re.sub(r"\s+", " ", _inline(child)).strip())
            out.blank()
        elif tag == "li":
            out.newline()
            out.prefix = "  " * max(lists - 1, 0) + "- "
            _walk(child, out, depth + 1, lists)
            out.newline()
            out.prefix = ""
        elif tag in ("dt", "dd"):  # a definition list: the term as a list item, its definition under it
            out.newline()
            out.prefix = "- " if tag == "dt" else "  "
            _walk(child, out, depth + 1, lists)
            out.newline()
            out.prefix = ""
        elif tag in ("ul", "ol"):
            out.newline()
            _walk(child, out, depth + 1, lists + 1)
            out.newline()
        elif tag in ("hr",):
            out.blank()
        elif tag == "p" and not out.prefix and lists == 0:  # paragraphs stand apart, as in a browser copy
            out.blank()
            _walk(child, out, depth + 1, lists)
            out.blank()
        elif tag in _BLOCKS:
            out.newline()
            _walk(child, out, depth + 1, lists)
            out.newline()
        else:
            _walk(child, out, depth + 1, lists)


def to_text(html: str) -> str:
    """The page's visible text, one block per line, markdown headings, lists, fences and tables kept."""
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    out = _Writer()
    if root is not None:
        _walk(root, out, 0, 0)
    out.newline()
    return "\n".join(out.lines).strip("\n") + "\n"
