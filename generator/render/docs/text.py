"""Turning untrusted doc text into Markdown and HTML that show it as text, never as markup.

Descriptions come verbatim from scraped doc pages: they may hold `<script>`, table pipes, backticks,
`{{ }}` or Markdown syntax that was never meant as such. The docs show them exactly as written, so every
character Markdown or HTML could act on is escaped here, in one place, and tests round-trip the result
through a real Markdown parser.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from typing import Any

from markdown_it import MarkdownIt

# ASCII punctuation CommonMark could act on inline; escaping it with a backslash always yields the
# character itself (CommonMark: "any ASCII punctuation character may be backslash-escaped").
_INLINE_SPECIAL = re.compile(r"([\\`*\[\]<>&|~]|(?<![^\W_])_|_(?![^\W_])|(?<!\S)#)")
# Constructs that only act at the start of a line: headings, quotes, lists, thematic breaks, tables.
_LINE_START = re.compile(r"^(\s*)([-+=#]|\d+[.)])")


def md_inline(value: Any) -> str:
    """One line of plain text as Markdown that renders to exactly that text."""
    text = " ".join(str(value if value is not None else "").split("\n")).strip()
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def md_line(value: Any) -> str:
    """Like `md_inline`, for text that starts a line, where `-`, `#` or `1.` would open a block."""
    return _LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), md_inline(value), count=1)


def _escape_marker(marker: str) -> str:
    """Backslash the punctuation of a block marker (`-`, `1.`) so it stays text."""
    return marker[:-1] + "\\" + marker[-1]


def md_text(value: Any) -> str:
    """Multi-line plain text as Markdown paragraphs: blank lines split paragraphs, line breaks kept.

    Leading spaces are dropped (four of them would start a code block) and each kept line break is a
    hard break (a trailing backslash), so lists typed as lines in the doc page still read as lines.
    """
    text = str(value if value is not None else "").replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [md_line(line.strip()) for line in block.split("\n") if line.strip()]
        if lines:
            paragraphs.append("\\\n".join(lines))
    return "\n\n".join(paragraphs)


def md_cell(value: Any) -> str:
    """Text for a GFM table cell: inline-escaped, line breaks as `<br>`, never empty-looking."""
    text = str(value if value is not None else "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ""
    return "<br>".join(md_inline(line.strip()) for line in text.split("\n") if line.strip())


_PLAIN_NAME = re.compile(r"^[A-Za-z0-9_.\-\[\]/{}$@:]+$")


def md_code(value: Any) -> str:
    """An inline code span for a short name; names holding odd characters fall back to escaped text."""
    text = str(value)
    if _PLAIN_NAME.match(text) and "`" not in text:
        return f"`{text}`"
    return md_inline(text)


def md_span(value: Any) -> str:
    """An inline code span holding any one-line text (a command): delimited by a backtick run longer than
    any inside, padded when the text starts or ends with a backtick (CommonMark's rule)."""
    text = " ".join(str(value).split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    marks = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{marks}{pad}{text}{pad}{marks}"


def fence(code: str, lang: str = "") -> str:
    """A fenced code block whose fence is longer than any backtick run inside the code."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    marks = "`" * max(3, longest + 1)
    body = code if code.endswith("\n") else code + "\n"
    return f"{marks}{lang}\n{body}{marks}"


def json_text(value: Any) -> str:
    """Pretty JSON, keys in the spec's order, non-ASCII kept readable."""
    return json.dumps(value, ensure_ascii=False, indent=2)


def short_json(value: Any) -> str:
    """Compact JSON for a table cell (defaults, enum values)."""
    return json.dumps(value, ensure_ascii=False)


def slug(text: str) -> str:
    """An ASCII anchor/file name: operationIds already are, but stay safe for anything."""
    return re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-") or "op"


def html_paragraphs(value: Any) -> str:
    """Plain text as escaped HTML paragraphs with line breaks kept (for Jinja `|safe` after escaping)."""
    text = str(value if value is not None else "").replace("\r\n", "\n").replace("\r", "\n").strip()
    parts = []
    for block in re.split(r"\n\s*\n", text):
        lines = [html.escape(line.strip()) for line in block.split("\n") if line.strip()]
        if lines:
            parts.append("<p>" + "<br>\n".join(lines) + "</p>")
    return "\n".join(parts)


def markdown_parser(highlight: Callable[[str, str, Any], str] | None = None) -> MarkdownIt:
    """CommonMark with GFM tables and raw HTML switched OFF, so `<script>` in a source stays text;
    `highlight` (code, lang, attrs) -> HTML renders fenced blocks (it must escape what it returns)."""
    options: dict[str, Any] = {"html": False}
    if highlight is not None:
        options["highlight"] = highlight
    return MarkdownIt("commonmark", options).enable("table")


def markdown_to_html(text: str, highlight: Callable[[str, str, Any], str] | None = None) -> str:
    """Render trusted-structure Markdown (the changelog, the queue flow) to HTML; raw HTML inside is escaped."""
    return str(markdown_parser(highlight).render(text))


def md_url(value: Any) -> str:
    """An autolink for a plain web URL; anything else (spaces, `javascript:`) as escaped text."""
    text = str(value)
    return f"<{text}>" if is_web_url(text) else md_inline(text)


def is_web_url(value: Any) -> bool:
    """Only http(s) URLs without spaces or angle brackets become links; other schemes stay text."""
    return bool(re.match(r"^https?://[^\s<>\"'`]+$", str(value)))


def _map_prose_lines(markdown: str, change: Callable[[str], str]) -> str:
    """Apply `change` to every line outside fenced code blocks."""
    out = []
    fence_mark: str | None = None
    for line in markdown.splitlines():
        opener = re.match(r"^\s{0,3}(`{3,}|~{3,})", line)
        if opener:
            mark = opener.group(1)
            if fence_mark is None:
                fence_mark = mark
            elif mark[0] == fence_mark[0] and len(mark) >= len(fence_mark):
                fence_mark = None
            out.append(line)
        else:
            out.append(line if fence_mark is not None else change(line))
    return "\n".join(out)


def demote_headings(markdown: str, levels: int = 1) -> str:
    """Push ATX headings down `levels` levels (outside code fences) to nest a document in a section."""
    def demote(line: str) -> str:
        if not re.match(r"^#{1,6}\s", line):
            return line
        hashes = len(line) - len(line.lstrip("#"))
        return "#" * min(6, hashes + levels) + line[hashes:]

    return _map_prose_lines(markdown, demote)


def drop_title(markdown: str) -> str:
    """The document without its leading `# Title` line (the docs give the section their own heading)."""
    text = markdown.strip()
    if re.match(r"^#\s", text):
        text = text.split("\n", 1)[1].strip() if "\n" in text else ""
    return text


_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")


def disarm_html(markdown: str) -> str:
    """Markdown with every raw HTML tag outside code turned into text (`<` backslashed), structure kept.

    For Markdown apigen did not write itself (the changelog names operations and quotes descriptions),
    embedded in pages that GitHub renders with raw HTML allowed.
    """
    def disarm(line: str) -> str:
        pieces, last = [], 0
        for span in _CODE_SPAN.finditer(line):
            pieces.append(line[last:span.start()].replace("<", "\\<"))
            pieces.append(span.group(0))
            last = span.end()
        pieces.append(line[last:].replace("<", "\\<"))
        return "".join(pieces)

    return _map_prose_lines(markdown, disarm)
