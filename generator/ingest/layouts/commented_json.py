"""Fields documented by comments inside a JSON example, as hand-written docs often do:

    {
      "model": "clip-2",      // 必填,模型名称
      "steps": 20,            // optional, default 20, range 1-50
      "options": {            # extra settings
        "fps": 24             // frames per second
      }
    }

Each commented member is a field of the example's section: the comment is its description (hints such as
defaults, ranges and options are lifted from it as from any description), a required word in it sets
`required`, and nesting follows the braces. The example itself still gives the types.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.ingest.fields import Field
from generator.ingest.page import JsonBlock, Page
from generator.ingest.sections import BODY, RESPONSE

_MEMBER = re.compile(r"""^\s*["']?(?P<key>[A-Za-z_$][\w.\-$]*)["']?\s*:\s*(?P<value>.*)$""")
_COMMENT = re.compile(r"""(?://|#|/\*)\s*(?P<text>[^\n]*?)\s*(?:\*/)?\s*$""")
_REQUIRED = re.compile(r"^\s*[(（\[【]?\s*(?P<w>必填|必需|必须|必選|必须的|required|mandatory|必須|필수|"
                       r"可选|选填|非必填|optional|任意|선택)(?![值項项\w])\s*[)）\]】]?\s*(?:[,，:：;；、.。\-–—]\s*)?", re.IGNORECASE)
_YES = {"必填", "必需", "必须", "必選", "必须的", "required", "mandatory", "必須", "필수"}


def _comment_of(value: str) -> str | None:
    """The comment ending a member's line, outside the member's strings."""
    in_string: str | None = None
    i = 0
    while i < len(value):
        ch = value[i]
        if in_string:
            if ch == "\\":
                i += 2
                continue
            if ch == in_string:
                in_string = None
        elif ch in "\"'":
            in_string = ch
        elif value.startswith(("//", "/*"), i) or ch == "#":
            found = _COMMENT.match(value, i)
            return found.group("text") if found else None
        i += 1
    return None


def parse_fields(page: Page, kind_of: Callable[[JsonBlock], tuple[str, str] | None]) -> list[Field]:
    """Fields of every JSON block whose members carry comments; `kind_of` tells the section a block's example
    belongs to (`request` or `response`, and the status), or None for a block that is no example."""
    fields: list[Field] = []
    for block in page.blocks[:2000]:
        if block.problem is not None or block.value is None or not block.repaired:
            continue  # strict JSON has no comments
        raw = page.text[block.start:block.end]
        if "//" not in raw and "#" not in raw and "/*" not in raw:
            continue
        kind = kind_of(block)
        if kind is None:
            continue
        section, status = (RESPONSE, kind[1] or "200") if kind[0] == "response" else (BODY, "200")
        depth = -1
        for offset, line in enumerate(raw.split("\n")[:5000]):
            member = _MEMBER.match(line)
            opening = line.count("{") + line.count("[")
            closing = line.count("}") + line.count("]")
            if offset == 0:
                depth = 0
                member = _MEMBER.match(line.lstrip()[1:]) if line.lstrip()[:1] in "{[" else member
                opening -= 1
            if member:
                comment = _comment_of(member.group("value"))
                container = member.group("value").lstrip()[:1]
                if comment or container in ("{", "["):
                    item = Field(name=member.group("key"), section=section, line=block.line + offset,
                                 depth=max(depth, 0), status=status,
                                 type={"{": "object", "[": "array"}.get(container))
                    word = _REQUIRED.match(comment or "")
                    if word:
                        item.required = word.group("w").lower() in _YES
                        comment = (comment or "")[word.end():]
                    if comment and comment.strip():
                        item.description.append(comment.strip())
                    fields.append(item)
            depth += opening - closing
            if depth < 0:
                break
    # containers were kept only to place their commented members: drop those with none under them
    return [f for i, f in enumerate(fields) if f.description or f.required is not None or
            (i + 1 < len(fields) and fields[i + 1].depth > f.depth)]
