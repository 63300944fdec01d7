"""JSON as doc pages print it: strict JSON first, else a tolerant reading that salvages what a person reads.

Hand-written and scraped examples carry `//` and `/* */` comments, trailing commas, single-quoted strings,
Postman's Ruby-hash rendering (`{"k"=>v}`), and are often cut off by the end of an excerpt. `read` returns
the value with every *complete* member kept; a member whose value was cut, or runs into text that is not
JSON (page text after a cut-off body), keeps its key with the value `CUT` (its name is a fact, its value is
not). Depth is bounded so hostile input cannot exhaust the stack.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

MAX_DEPTH = 200
_DECODER = json.JSONDecoder()


class _Cut:
    """Stands for a value the page stopped before printing (one instance: `CUT`)."""

    def __repr__(self) -> str:
        return "CUT"


CUT = _Cut()


@dataclass
class Reading:
    """A JSON value read from a page: `end` is the offset past it, `complete` False when salvaged from a cut,
    `repaired` True when a tolerant rule (comments, trailing commas, `=>`, quotes) was needed."""

    value: Any
    end: int
    complete: bool = True
    repaired: bool = False
    problem: str | None = None  # why nothing could be kept (nested deeper than MAX_DEPTH)


class _Truncated(Exception):
    def __init__(self, partial: Any) -> None:
        super().__init__("truncated")
        self.partial = partial


class _Invalid(Exception):
    pass


class _TooDeep(_Invalid):
    pass


def read(text: str, start: int) -> Reading | None:
    """The JSON value opening at `start` (`{` or `[`), strictly if possible, else tolerantly; None when the
    text there is not JSON a person would read as such."""
    try:
        value, end = _DECODER.raw_decode(text, start)
        return Reading(value, end)
    except (json.JSONDecodeError, RecursionError):
        pass
    parser = _Parser(text, start)
    try:
        value = parser.value(0)
    except _Truncated as cut:
        return Reading(cut.partial, len(text), complete=False, repaired=True)
    except (_TooDeep, RecursionError):
        return Reading(None, start + 1, complete=False, problem=f"nested deeper than {MAX_DEPTH} levels")
    except _Invalid:
        return None
    return Reading(value, parser.pos, repaired=True)


def strip_cut(value: Any) -> Any:
    """The value with cut members removed (for use as an example)."""
    if isinstance(value, dict):
        return {k: strip_cut(v) for k, v in value.items() if v is not CUT}
    if isinstance(value, list):
        return [strip_cut(v) for v in value if v is not CUT]
    return value


class _Parser:
    def __init__(self, text: str, pos: int) -> None:
        self.text = text
        self.pos = pos
        self.n = len(text)

    def _skip(self) -> None:
        text, n = self.text, self.n
        while self.pos < n:
            ch = text[self.pos]
            if ch in " \t\r\n":
                self.pos += 1
            elif text.startswith("//", self.pos) or (ch == "#" and self._line_start()):
                end = text.find("\n", self.pos)
                self.pos = n if end < 0 else end
            elif text.startswith("/*", self.pos):
                end = text.find("*/", self.pos + 2)
                self.pos = n if end < 0 else end + 2
            else:
                return

    def _line_start(self) -> bool:
        line_start = self.text.rfind("\n", 0, self.pos) + 1
        return not self.text[line_start:self.pos].strip()

    def value(self, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _TooDeep()
        self._skip()
        if self.pos >= self.n:
            raise _Truncated(CUT)
        ch = self.text[self.pos]
        if ch == "{":
            return self._object(depth)
        if ch == "[":
            return self._array(depth)
        if ch in "\"'":
            return self._string(ch)
        return self._scalar()

    def _next_member(self, partial: Any, closing: str) -> str | None:
        """The first character of the container's next member (commas skipped), None past its `closing`."""
        while True:
            self._skip()
            if self.pos >= self.n:
                raise _Truncated(partial)
            ch = self.text[self.pos]
            if ch == closing:
                self.pos += 1
                return None
            if ch != ",":
                return ch
            self.pos += 1

    def _object(self, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        self.pos += 1
        while True:
            ch = self._next_member(out, "}")
            if ch is None:
                return out
            if ch not in "\"'":
                raise _Invalid()
            try:
                key = self._string(ch)
            except _Truncated:
                raise _Truncated(out) from None
            self._skip()
            if self.text.startswith("=>", self.pos):
                self.pos += 2
            elif self.pos < self.n and self.text[self.pos] == ":":
                self.pos += 1
            elif self.pos >= self.n:
                out[key] = CUT
                raise _Truncated(out)
            else:
                raise _Invalid()
            try:
                out[key] = self.value(depth + 1)
            except _Truncated as cut:
                out[key] = cut.partial
                raise _Truncated(out) from None
            except _TooDeep:
                raise
            except _Invalid:
                # the excerpt ran into other text (a footer after a cut-off body): keep what was complete
                out[key] = CUT
                raise _Truncated(out) from None

    def _array(self, depth: int) -> list[Any]:
        out: list[Any] = []
        self.pos += 1
        while True:
            if self._next_member(out, "]") is None:
                return out
            try:
                out.append(self.value(depth + 1))
            except _Truncated as cut:
                if isinstance(cut.partial, (dict, list)) and cut.partial:
                    out.append(cut.partial)
                raise _Truncated(out) from None

    def _string(self, quote: str) -> str:
        text = self.text
        i = self.pos + 1
        parts: list[str] = []
        while i < self.n:
            ch = text[i]
            if ch == quote:
                self.pos = i + 1
                raw = "".join(parts)
                if quote == '"':
                    try:
                        return str(json.loads('"' + raw + '"'))
                    except json.JSONDecodeError:
                        return raw
                return raw
            if ch == "\\" and i + 1 < self.n:
                parts.append(text[i:i + 2])
                i += 2
                continue
            if ch == "\n" and quote == "'":
                raise _Invalid()
            parts.append(ch)
            i += 1
        raise _Truncated(CUT)

    def _scalar(self) -> Any:
        text = self.text
        start = self.pos
        i = start
        while i < self.n and text[i] not in ",}]\n\r\t " and not text.startswith("//", i):
            i += 1
        word = text[start:i]
        self.pos = i
        if i >= self.n and word and word not in ("true", "false", "null"):
            try:
                float(word)
            except ValueError:
                raise _Truncated(CUT) from None
            raise _Truncated(CUT)  # a number at the very end may be cut off mid-digits
        if word in ("true", "True"):
            return True
        if word in ("false", "False"):
            return False
        if word in ("null", "None", "nil"):
            return None
        try:
            number = float(word)
        except ValueError:
            raise _Invalid() from None
        return int(word) if word.lstrip("-").isdigit() else number
