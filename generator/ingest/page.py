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
from generator.ingest.curl import Curl, find_curls

_SOURCE_LINE = re.compile(r"\A\s*source:\s*(\S+)[^\n]*\n")
_DECODER = json.JSONDecoder()


@dataclass
class JsonBlock:
    """A JSON example on the page; `truncated` when the page ends before it closes."""

    start: int
    end: int
    line: int
    value: Any = None
    truncated: bool = False


@dataclass
class Page:
    """Page text plus what every layout needs: curl commands, JSON blocks, the page's own URL."""

    source: str
    text: str
    url: str | None = None
    curls: list[Curl] = field(default_factory=list)
    blocks: list[JsonBlock] = field(default_factory=list)

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


def read_text(path: Path, source: str) -> str:
    """The page's text with LF line ends; ApigenError for an unreadable, empty, binary or non-UTF-8 file."""
    return textfile.read_text(path, source, kind="doc page").replace("\r\n", "\n")


def _lenient(text: str) -> Any:
    """JSON with `//` comments and trailing commas, as hand-written examples often have."""
    cleaned = re.sub(r"(?m)^\s*//.*$", "", text)
    cleaned = re.sub(r",(\s*[}\]])", r"\1", cleaned)
    return _DECODER.raw_decode(cleaned)[0]


_CANDIDATE = re.compile(r"(?m)^[ \t>]*(?:(?:示例值?|Example|返回体|响应示例|请求示例)\s*[::]\s*)?([{\[])")


def find_json_blocks(text: str, skip: list[tuple[int, int]]) -> list[JsonBlock]:
    """JSON objects (or arrays of objects) that start a line, outside the `skip` spans (curl commands)."""
    blocks: list[JsonBlock] = []
    position = 0
    end_of_text = len(text.rstrip())
    for match in _CANDIDATE.finditer(text):
        start = match.start(1)
        if start < position or any(a <= start < b for a, b in skip):
            continue
        head = text[start + 1:start + 40].lstrip()
        if text[start] == "{" and not head.startswith(('"', "}")):
            continue
        if text[start] == "[" and not head.startswith(("{", '"', "]")):
            continue
        line = text.count("\n", 0, start) + 1
        try:
            value, end = _DECODER.raw_decode(text, start)
        except json.JSONDecodeError as error:
            if error.pos >= end_of_text - 1:
                blocks.append(JsonBlock(start=start, end=len(text), line=line, truncated=True))
                break
            closing = _balanced_end(text, start)
            if closing is None:
                continue
            try:
                value = _lenient(text[start:closing])
            except json.JSONDecodeError:
                continue
            end = closing
        blocks.append(JsonBlock(start=start, end=end, line=line, value=value))
        position = end
    return blocks


def _balanced_end(text: str, start: int) -> int | None:
    """Offset just past the bracket closing the one at `start` (strings respected), or None."""
    depth = 0
    in_string = False
    i = start
    while i < len(text):
        ch = text[i]
        if in_string:
            if ch == "\\":
                i += 2
                continue
            if ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def load_page(path: Path, source: str) -> Page:
    """Read a page and locate its curl commands and JSON examples."""
    text = read_text(path, source)
    url = None
    first = _SOURCE_LINE.match(text)
    if first:
        url = first.group(1)
        text = "\n" + text[first.end():]  # keep line numbers: the source line becomes empty
    curls = find_curls(text)
    spans = [(_curl_start(text, c), c.end) for c in curls]
    return Page(source=source, text=text, url=url, curls=curls, blocks=find_json_blocks(text, spans))


def _curl_start(text: str, curl: Curl) -> int:
    offset = 0
    for _ in range(curl.line - 1):
        offset = text.index("\n", offset) + 1
    return offset
