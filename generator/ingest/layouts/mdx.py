"""MDX field components as Mintlify-style sources print them.

`<ParamField body="prompt" type="string" required default="cat">What to draw</ParamField>` (also `query=`,
`path=`, `header=`) and `<ResponseField name="id" type="string" required>...</ResponseField>`: the
attributes are the facts, the element's text the description. `<RequestExample>` / `<ResponseExample>`
wrappers tell whether a JSON block inside them is a request or a response (see `example_kind`).
"""

from __future__ import annotations

import re

from generator.ingest.fields import Field
from generator.ingest.page import Page
from generator.ingest.sections import BODY, HEADER, PATH, QUERY, RESPONSE

_ELEMENT = re.compile(r"<(?P<tag>ParamField|ResponseField)\b(?P<attrs>[^>]*?)(?P<closed>/)?>", re.DOTALL)
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
    """Every `<ParamField>` / `<ResponseField>` of the page, in page order."""
    fields: list[Field] = []
    text = page.text
    for match in _ELEMENT.finditer(text):
        attrs = _attributes(match.group("attrs"))
        if match.group("tag") == "ParamField":
            place = next((p for p in _PLACES if attrs.get(p)), None)
            if place is None:
                continue
            name, section = str(attrs[place]), _PLACES[place]
        else:
            if not attrs.get("name"):
                continue
            name, section = str(attrs["name"]), RESPONSE
        description = ""
        if not match.group("closed"):
            end = text.find(f"</{match.group('tag')}>", match.end())
            if end != -1:
                description = re.sub(r"<[^>]+>", "", text[match.end():end]).strip()
        required = True if "required" in attrs and attrs["required"] in (None, "true", "True") else (
            False if attrs.get("required") in ("false", "False") or "optional" in attrs else None)
        item = Field(name=name, section=section, type=attrs.get("type"), required=required,
                     description=[description] if description else [], line=page.line_of(match.start()))
        if attrs.get("default") is not None:
            item.default = attrs["default"]
        if attrs.get("placeholder") is not None:
            item.example = attrs["placeholder"]
        fields.append(item)
    return fields


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
