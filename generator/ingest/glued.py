"""Allowed values a scrape printed without their separators, split by the values the page names elsewhere.

A rendered list of code chips copied as text loses what parted the chips: `可选值：queuedworkingfinished`,
`时长可选 612` (6 and 12), `Options: round square none`. Read alone, such a run cannot be cut safely (is
`612` one value or two?), and `hints` leaves it whole. The page usually names the same values elsewhere:
in a response example (`"state": "working"`), in another table, in a sentence (`6 秒或 12 秒`). A run is
cut only into pieces that each stand alone somewhere else on the page, in exactly one fewest-pieces way;
otherwise it stays as it was (no enum). A number is never cut without such evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container
from functools import lru_cache
from typing import Any

from generator.ingest import hints

# a word or number standing alone: a colon parts a ratio's numbers (`16:9`), not a gloss from its value
# (`general:通用风格`, `模型:viduq1`); a dot may sit inside a word (`vidu1.5`, `gpt-image-1.5`)
_TOKEN = re.compile(r"(?<![A-Za-z0-9_.\-])(?<!\d:)(?:[A-Za-z][A-Za-z0-9_.\-]*[A-Za-z0-9]|\d+(?:\.\d+)?)"
                    r"(?![A-Za-z0-9_]|:\d|\.\d)")
_GLUED_RUN = re.compile(r"(?P<run>[A-Za-z0-9][A-Za-z0-9_.\-]*)(?=\s*(?:$|[\s。.,，;；)）]))")
_SPACED_RUN = re.compile(r"(?P<run>[A-Za-z0-9][A-Za-z0-9_.\-]*(?:[ \t]+[A-Za-z0-9][A-Za-z0-9_.\-]*)+)"
                         r"(?=\s*(?:$|[。,，;；)）]|\.(?:\s|$)))")
_MAX_RUN = 200
_ONE_RUN = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]{5,199}")
# keywords that also open plain sentences (`Either way works`, `支持 image to video`): no space-parted run after them
_LOOSE_KEY = re.compile(r"either|accepts|one of|支持|支持的格式|支持格式|支持的值", re.IGNORECASE)
_PROSE = {"or", "and", "the", "a", "an", "to", "of", "is", "are", "be", "by", "with", "for", "in", "on", "any", "all",
          "as", "at", "it", "this", "that", "not", "no", "can", "may", "will", "default"}


def standalone(text: str) -> Counter[str]:
    """How often each ASCII word or number stands alone in the text (not inside a longer token)."""
    return Counter(match.group(0) for match in _TOKEN.finditer(text))


@lru_cache(maxsize=2)
def _page_counts(page_text: str) -> Counter[str] | None:
    """The page's standalone tokens, counted once per page (every endpoint of it asks); None when the page
    has no options keyword at all."""
    return _standalone_once(page_text) if hints.ENUM_KEY.search(page_text) else None


@lru_cache(maxsize=2)
def _standalone_once(page_text: str) -> Counter[str]:
    """The page's standalone tokens, counted once per page whatever keywords it holds."""
    return standalone(page_text)


def split_known(run: str, known: Container[str]) -> list[str] | None:
    """The one fewest-pieces way (two or more distinct pieces) to cut `run` into known values, or None.
    Words are at least two characters; a number piece has no leading zero."""
    if len(run) > _MAX_RUN:
        return None

    def allowed(piece: str) -> bool:
        if piece not in known:
            return False
        if piece[0].isdigit():
            return piece == "0" or piece[0] != "0"
        return len(piece) >= 2

    # best[i] = (fewest pieces covering run[:i], number of ways reaching that count, one such cut)
    best: list[tuple[int, int, list[str]] | None] = [None] * (len(run) + 1)
    best[0] = (0, 1, [])
    for end in range(1, len(run) + 1):
        for start in range(end):
            previous = best[start]
            piece = run[start:end]
            if previous is None or not allowed(piece):
                continue
            count = previous[0] + 1
            current = best[end]
            if current is None or count < current[0]:
                best[end] = (count, previous[1], previous[2] + [piece])
            elif count == current[0]:
                best[end] = (count, current[1] + previous[1], current[2])
    final = best[len(run)]
    if final is None or final[0] < 2 or final[1] != 1 or len(set(final[2])) != final[0]:
        return None
    return final[2]


class _Elsewhere:
    """The tokens that stand alone on the page outside one description (looked up, never built whole: a
    page of thousands of fields stays linear)."""

    def __init__(self, page: Counter[str], own: Counter[str]) -> None:
        self.page, self.own = page, own

    def __contains__(self, token: object) -> bool:
        return isinstance(token, str) and self.page[token] > self.own[token]


class _Besides:
    """The page's standalone tokens other than `run` itself (looked up per piece, never copied)."""

    def __init__(self, page: Counter[str], run: str) -> None:
        self.page, self.run = page, run

    def __contains__(self, token: object) -> bool:
        return isinstance(token, str) and token != self.run and self.page[token] > 0


def values_in(description: str, page_counts: Counter[str]) -> list[str]:
    """Values of a run after an options keyword, cut by what the page names elsewhere (`page_counts`: the
    page's standalone tokens, this description's own among them)."""
    known = _Elsewhere(page_counts, standalone(description))
    flat = re.sub(r"\s+", " ", description)
    for key in hints.ENUM_KEY.finditer(flat):
        spaced = _SPACED_RUN.match(flat, key.end())
        if spaced:
            items = spaced.group("run").split()
            if not _LOOSE_KEY.fullmatch(key.group(0).strip(" :：")) and len(items) >= 2 and len(set(
                    items)) == len(items) and all(item in known and item.lower() not in _PROSE for item in items):
                return items
            continue
        glued = _GLUED_RUN.match(flat, key.end())
        if glued and glued.group("run") not in known:
            # a glued run is one token: its pieces standing alone anywhere, this description's glosses
            # (`general:通用风格`) among them, are evidence from outside the run
            run = glued.group("run")
            pieces = split_known(run, _Besides(page_counts, run))
            if pieces:
                return pieces
    return []


def fill_enums(op: dict[str, Any], page_text: str) -> None:
    """Give every schema of the operation whose description lists glued values (and has no enum yet) the
    values the page's other text confirms."""
    counts = _page_counts(page_text)

    def visit(schema: Any, description: str | None, depth: int = 0) -> None:
        if not isinstance(schema, dict) or depth > 40:
            return
        text = description if description is not None else schema.get("description")
        one = schema.get("enum") if isinstance(schema.get("enum"), list) and len(schema["enum"]) == 1 else None
        if isinstance(text, str) and "enum" not in schema and schema.get("type") in ("string", None) and (
                _ONE_RUN.fullmatch(text.strip())):
            # a description that is nothing but ids glued together (`minimax-speech-2.8-hdminimax-speech-02-hd`):
            # cut only into ids (each with a digit, `-`, `_` or `.`) the page shows standalone elsewhere
            pieces = split_known(text.strip(), _Besides(_standalone_once(page_text), text.strip()))
            if pieces and all(re.search(r"[\d\-_.]", piece) for piece in pieces):
                schema["enum"] = pieces
        elif counts is not None and isinstance(text, str) and ("enum" not in schema or one) and schema.get(
                "type") in ("string", "integer", "number", None) and hints.ENUM_KEY.search(text):
            items = values_in(text, counts)
            if one and "".join(items) != str(one[0]):
                items = []  # a one-value list is replaced only by the values it turns out to glue together
            kind = schema.get("type") if isinstance(schema.get("type"), str) else None
            values = [hints.coerce(item, kind) for item in items]
            if values and all(v is not None for v in values) and all(
                    schema.get(key) is None or schema[key] in values for key in ("default", "example")):
                schema["enum"] = values
        for child in (schema.get("properties") or {}).values():
            visit(child, None, depth + 1)
        visit(schema.get("items"), None, depth + 1)

    for param in op.get("parameters") or []:
        if isinstance(param, dict):
            visit(param.get("schema"), param.get("description") or (param.get("schema") or {}).get("description"))
    for holder in [op.get("requestBody") or {}, *(op.get("responses") or {}).values()]:
        for media in (holder.get("content") or {}).values() if isinstance(holder, dict) else []:
            if isinstance(media, dict):
                visit(media.get("schema"), None)
