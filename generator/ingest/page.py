"""One doc page as text, with its curl commands and JSON examples located once for every layout.

Reading refuses what is not a doc page (empty, binary, not UTF-8) with one line naming the file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import textfile
from generator.ingest import jsonish
from generator.ingest.curl import Curl, find_curls
from generator.ingest.text import LineIndex, normalize

_SOURCE_LINE = re.compile(r"\A\s*source:\s*(\S+)[^\n]*\n")
_DECODER = json.JSONDecoder()


@dataclass
class JsonBlock:
    """A JSON example on the page; `truncated` when the page ends before it closes."""

    start: int
    end: int
    line: int
    value: Any = None
    truncated: bool = False  # the page ends inside it: `value` holds its complete members (see jsonish)
    raw: Any = None  # as read, cut members marked `jsonish.CUT` (their keys are facts too)
    problem: str | None = None  # why it could not be read at all (then it is skipped with a warning)
    repaired: bool = False  # read by a tolerant rule (comments, trailing commas, `=>`)


@dataclass
class Page:
    """Page text plus what every layout needs: curl commands, JSON blocks, the page's own URL."""

    source: str
    text: str
    url: str | None = None
    curls: list[Curl] = field(default_factory=list)
    blocks: list[JsonBlock] = field(default_factory=list)
    index: LineIndex | None = None
    _tables: list[Any] | None = None
    _lines: list[str] | None = None
    _curl_ends: list[int] | None = None
    cache: dict[str, Any] = field(default_factory=dict)  # what a layout computes once per page

    def line_of(self, offset: int) -> int:
        if self.index is None:
            self.index = LineIndex(self.text)
        return self.index.line_of(offset)

    def lines(self) -> list[str]:
        """The page's lines (0-based), split once."""
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines

    def curl_ends(self) -> list[int]:
        """Offsets just past each curl command, in page order (for bisecting)."""
        if self._curl_ends is None:
            self._curl_ends = [c.end for c in self.curls]
        return self._curl_ends

    def tables(self) -> list[Any]:
        """The page's pipe tables (`generator.ingest.tables.Table`), read once."""
        if self._tables is None:
            from generator.ingest.tables import find_tables

            self._tables = find_tables(self.lines())
        return self._tables

    def offset_of(self, line: int) -> int:
        if self.index is None:
            self.index = LineIndex(self.text)
        return self.index.offset_of(line)


def read_text(path: Path, source: str) -> str:
    """The page's text with LF line ends; ApigenError for an unreadable, empty, binary or non-UTF-8 file.

    A saved HTML page becomes the text a browser copy of it gives (`html_page`), its `source:` line kept."""
    text = textfile.read_text(path, source, kind="doc page").replace("\r\n", "\n")
    first = _SOURCE_LINE.match(text)
    head, body = (text[:first.end()], text[first.end():]) if first else ("", text)
    from generator.ingest import html_page

    if html_page.is_document(body):
        return head + ("\n" if head else "") + html_page.to_text(body)
    return text


_CANDIDATE = re.compile(r"(?m)(?:^[ \t>]*(?:(?:示例值?|Example|返回体|响应示例|请求示例|範例|回應範例|請求範例|Request Body|Response|例|예시|Пример|Ejemplo)\s*[:：]?\s*)?|"
                        r"(?<=\}')|(?<=\]')|(?<=[\w>]')|(?<=[a-z]\s=\s)|(?<=[A-Za-z\u4e00-\u9fff][:：])|"
                        r"(?<=[\w}.])(?=\{[ \t]*$))([{\[])")  # the last: `POST /x/{{model}}{` + a JSON body below


def find_json_blocks(text: str, skip: list[tuple[int, int]], index: LineIndex | None = None) -> list[JsonBlock]:
    """JSON objects (or arrays) that start a line (or follow a curl's closing quote), outside the `skip`
    spans (curl commands); cut-off and hand-written JSON salvaged (see `jsonish`)."""
    index = index or LineIndex(text)
    blocks: list[JsonBlock] = []
    position = 0
    skip = sorted(skip)
    skip_at = 0
    for match in _CANDIDATE.finditer(text):
        start = match.start(1)
        while skip_at < len(skip) and skip[skip_at][1] <= start:
            skip_at += 1
        if start < position or (skip_at < len(skip) and skip[skip_at][0] <= start < skip[skip_at][1]):
            continue
        head = text[start + 1:start + 40].lstrip()
        if text[start] == "{" and not head.startswith(('"', "}", "'", "//", "/*")) and head:
            continue
        if text[start] == "[" and not head.startswith(("{", '"', "]", "[")) and head:
            continue
        reading = jsonish.read(text, start)
        if reading is None:
            continue
        line = index.line_of(start)
        if reading.problem is not None:
            blocks.append(JsonBlock(start=start, end=start + 1, line=line, problem=reading.problem))
            position = _skip_nesting(text, start)
            continue
        blocks.append(JsonBlock(start=start, end=reading.end, line=line, value=jsonish.strip_cut(reading.value),
                                truncated=not reading.complete, repaired=reading.repaired, raw=reading.value))
        position = reading.end
        if not reading.complete:
            break
    return blocks


def _skip_nesting(text: str, start: int) -> int:
    """Offset past the brackets opened at `start` (strings ignored), so a hostile block is skipped once."""
    depth = 0
    for at in range(start, len(text)):
        ch = text[at]
        depth += ch in "{["
        depth -= ch in "}]"
        if depth <= 0:
            return at + 1
    return len(text)


def load_page(path: Path, source: str, text: str | None = None) -> Page:
    """Read a page (or take its already normalised `text`) and locate its curl commands and JSON examples."""
    text = normalize(read_text(path, source)) if text is None else text
    url = None
    first = _SOURCE_LINE.match(text)
    if first:
        url = first.group(1)
        text = "\n" + text[first.end():]  # keep line numbers: the source line becomes empty
    index = LineIndex(text)
    curls = find_curls(text)
    from generator.ingest.code_samples import find_samples

    samples = find_samples(text, index)
    if samples:
        taken = {c.line for c in curls}
        curls = sorted(curls + [s for s in samples if s.line not in taken], key=lambda c: c.line)
    spans = [(index.offset_of(c.line), c.end) for c in curls]
    if "[block:" in text:
        from generator.ingest.tables import block_spans

        spans += block_spans(text)
    return Page(source=source, text=text, url=url, curls=curls, blocks=find_json_blocks(text, spans, index),
                index=index)
