"""HTML doc pages -> plain text that ingest can read, with a real HTML parser (selectolax).

Why not strip tags: doc pages carry their API facts in code blocks (curl, JSON examples) and tables
(parameter lists). Code blocks keep their exact whitespace inside ``` fences; tables become Markdown
tables (`| name | type |` then `|---|---|`), the layout the ingesters already read; headings become `#`
lines, list items `- ` lines. Scripts, styles and other non-content elements are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from selectolax.lexbor import LexborHTMLParser as HTMLParser

SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "head", "button", "select", "option"}
BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "ul", "ol", "dl",
         "dt", "dd", "blockquote", "form", "figure", "figcaption", "details", "summary", "hr", "body", "html",
         "tr", "thead", "tbody"}
HEADINGS = {f"h{level}": level for level in range(1, 7)}
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_EXPORT_HREF = re.compile(r"(openapi|swagger)[^?#]*\.(json|ya?ml)(\?|#|$)|export[^?#]*openapi|openapi[^?#]*export",
                          re.IGNORECASE)
_EXPORT_TYPES = ("application/vnd.oai.openapi", "application/openapi", "application/x-yaml")


class _Writer:
    """Collects text with explicit line breaks; verbatim blocks are kept aside until the end."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.verbatim: list[str] = []

    def text(self, value: str) -> None:
        self.parts.append(_SPACE.sub(" ", value))

    def newline(self, blank: bool = False) -> None:
        """End the current line (or paragraph, with `blank`) unless it is already ended."""
        tail = "".join(self.parts[-4:]).rstrip(" ")
        want = "\n\n" if blank else "\n"
        if not tail.endswith(want):
            self.parts.append("\n" if tail.endswith("\n") else want)

    def block(self, value: str) -> None:
        self.verbatim.append(value)
        self.parts.append(f"\n\n\x00{len(self.verbatim) - 1}\x00\n\n")

    def result(self) -> str:
        lines = [line.strip() for line in "".join(self.parts).split("\n")]
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
        text = re.sub(r"\x00(\d+)\x00", lambda m: self.verbatim[int(m[1])], text)
        return text + "\n" if text else ""


def _inline(node: Any) -> str:
    return _SPACE.sub(" ", node.text(deep=True, separator=" ")).strip()


def _table(node: Any) -> str:
    rows: list[list[str]] = []
    for row in node.css("tr"):
        cells = [_inline(cell).replace("|", "\\|") for cell in row.iter() if cell.tag in ("th", "td")]
        if cells:
            rows.append(cells)
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def _code(node: Any) -> str:
    body = node.text(deep=True).strip("\n")
    language = ""
    code = node.css_first("code")
    classes = (code.attributes.get("class") if code is not None else node.attributes.get("class")) or ""
    match = re.search(r"language-([\w+-]+)", classes)
    if match:
        language = match[1]
    return f"```{language}\n{body}\n```"


def _walk(root: Any, out: _Writer) -> None:
    """Depth-first over the tree with an explicit stack, not recursion: a page nested thousands of
    elements deep (hostile or broken HTML) converts like any other instead of raising RecursionError."""
    stack: list[tuple[Iterator[Any], bool]] = [(root.iter(include_text=True), False)]
    while stack:
        children, close_line = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if close_line:
                out.newline()
            continue
        tag = child.tag
        if tag == "-text":
            out.text(child.text(deep=False))
        elif tag in SKIP or tag == "-comment":
            continue
        elif tag == "pre":
            out.block(_code(child))
        elif tag == "table":
            out.block(_table(child))
        elif tag in HEADINGS:
            out.newline(blank=True)
            out.text("#" * HEADINGS[tag] + " " + _inline(child))
            out.newline(blank=True)
        elif tag == "li":
            out.newline()
            out.text("- ")
            stack.append((child.iter(include_text=True), True))
        elif tag == "br":
            out.newline()
        elif tag in BLOCK:
            out.newline()
            stack.append((child.iter(include_text=True), True))
        else:
            stack.append((child.iter(include_text=True), False))


def html_to_text(html: str) -> str:
    """Readable text of an HTML page: paragraphs, `#` headings, `- ` items, fenced code, Markdown tables."""
    tree = HTMLParser(html)
    root = tree.body or tree.root
    out = _Writer()
    if root is not None:
        _walk(root, out)
    return out.result()


def openapi_export_link(html: str) -> str | None:
    """The href of an OpenAPI export the page links to (Apifox pages offer one), or None.

    Looks for `<link rel="alternate">` with an OpenAPI media type first, then any `<a>` whose target names
    an OpenAPI/Swagger JSON or YAML document or an OpenAPI export.
    """
    tree = HTMLParser(html)
    for link in tree.css("link[href]"):
        kind = (link.attributes.get("type") or "").lower()
        rel = (link.attributes.get("rel") or "").lower()
        href = link.attributes.get("href") or ""
        if "alternate" in rel and (kind.startswith(_EXPORT_TYPES) or _EXPORT_HREF.search(href)):
            return href
    for anchor in tree.css("a[href]"):
        href = anchor.attributes.get("href") or ""
        if _EXPORT_HREF.search(href):
            return href
    return None
