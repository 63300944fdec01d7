"""MDX field components as Mintlify-style sources print them.

`<ParamField body="prompt" type="string" required default="cat">What to draw</ParamField>` (also `query=`,
`path=`, `header=`) and `<ResponseField name="id" type="string" required>...</ResponseField>`: the
attributes are the facts, the element's text the description. `<RequestExample>` / `<ResponseExample>`
wrappers tell whether a JSON block inside them is a request or a response (see `example_kind`).
"""

from __future__ import annotations

import re
from typing import Any

from generator.ingest.fields import Field
from generator.ingest.page import Page
from generator.ingest.sections import BODY, END, HEADER, PATH, QUERY, RESPONSE, RESULT, heading

_ELEMENT = re.compile(r"<(?P<end>/)?(?P<tag>ParamField|ResponseField|Field|Property)\b(?P<attrs>(?:\"[^\"]*\"|'[^']*'|"
                      r"\{[^{}]*\}|[^>\"'{])*?)(?P<closed>/)?>", re.DOTALL)
_ATTR = re.compile(r"""(?P<key>[A-Za-z_][\w-]*)(?:\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|\{(?P<br>[^}]*)\}))?""")
_PLACES = {"body": BODY, "query": QUERY, "path": PATH, "header": HEADER}
_WRAPPER = re.compile(r"<(/?)(RequestExample|ResponseExample)\b[^>]*>")


def _attributes(text: str) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for match in _ATTR.finditer(text):
        value = match.group("dq") if match.group("dq") is not None else (
            match.group("sq") if match.group("sq") is not None else match.group("br"))
        found[match.group("key")] = value
    return found


def parse_fields(page: Page) -> list[Field]:
    """Every `<ParamField>` / `<ResponseField>` of the page, in page order; one nested inside another (Mintlify's
    `<Expandable>` of child fields) is a field of it, and its text is not the parent's description."""
    fields: list[Field] = []
    text = page.text
    if "Field" not in text and "Property" not in text:
        return fields
    open_items: list[list[Any]] = []  # [tag, field, where its own text resumes (None inside a child)]
    for match in _ELEMENT.finditer(text):
        tag = match.group("tag")
        if match.group("end"):
            while open_items:
                open_tag, item, resume = open_items.pop()
                if resume is not None:
                    _describe(item, text[resume:match.start()])
                if open_tag == tag:
                    break
            if open_items:
                open_items[-1][2] = match.end()
            continue
        if open_items and open_items[-1][2] is not None:
            _describe(open_items[-1][1], text[open_items[-1][2]:match.start()])
            open_items[-1][2] = None
        item = _field(match, page, depth=sum(1 for entry in open_items if entry[1] is not None))
        if item is not None:
            fields.append(item)
        if not match.group("closed"):
            open_items.append([tag, item, match.end()])
        elif open_items:
            open_items[-1][2] = match.end()
        if len(open_items) > 64:
            open_items = open_items[-64:]
    for item in fields:
        item.description = [" ".join(item.description).strip()] if any(item.description) else []
    return fields


def _describe(item: Field | None, chunk: str) -> None:
    """Add the element's own text between child elements (tags such as `<Expandable>` dropped)."""
    if item is None:
        return
    words = re.sub(r"<[^>]+>", "", chunk).strip()
    if words:
        item.description.append(re.sub(r"[ \t]*\n\s*", "\n", words))


def _field(match: re.Match[str], page: Page, depth: int) -> Field | None:
    attrs = _attributes(match.group("attrs"))
    if match.group("tag") == "ParamField":
        place = next((p for p in _PLACES if attrs.get(p)), None)
        if place is None:
            return None
        name, section = str(attrs[place]), _PLACES[place]
    else:
        if not attrs.get("name"):
            return None
        name, section = str(attrs["name"]), RESPONSE
    required = True if "required" in attrs and attrs["required"] in (None, "true", "True") else (
        False if attrs.get("required") in ("false", "False") or "optional" in attrs else None)
    item = Field(name=name, section=section, type=attrs.get("type"), required=required,
                 line=page.line_of(match.start()), depth=depth)
    if section == RESPONSE and _result_lines(page)[item.line - 1]:
        item.status = RESULT  # under an `Output` heading: what a queued job returns
    if attrs.get("default") is not None:
        item.default = attrs["default"]
    if attrs.get("placeholder") is not None:
        item.example = attrs["placeholder"]
    return item


def _result_lines(page: Page) -> list[bool]:
    """Per line (0-based): whether it sits under a result heading (`### Output Schema`), found once."""
    marks: list[bool] | None = page.cache.get("mdx_result_lines")
    if marks is None:
        marks, inside = [], False
        for line in page.lines():
            found = heading(line) if len(line) <= 80 else None
            if found is not None and found.kind != END:
                inside = found.kind == RESPONSE and found.status == RESULT
            marks.append(inside)
        page.cache["mdx_result_lines"] = marks
    return marks


def example_kind(page: Page, offset: int) -> str | None:
    """'request' or 'response' when `offset` sits inside a `<RequestExample>` / `<ResponseExample>`."""
    from bisect import bisect_right

    marks = page.cache.get("mdx_wrappers")
    if marks is None:
        marks = [(m.start(), None if m.group(1) else m.group(2)) for m in _WRAPPER.finditer(page.text)]
        page.cache["mdx_wrappers"] = marks
    at = bisect_right([start for start, _ in marks], offset)
    open_tag = marks[at - 1][1] if at else None
    if open_tag is None:
        return None
    return "request" if open_tag == "RequestExample" else "response"
