"""Documented fields (from listings and tables) and the OpenAPI operation fragment they make.

Every field-listing layout reduces to the same facts per field: name, section, type, required word,
description, example, default. This module turns them into parameters, a request body schema and
response schemas, with hints lifted from descriptions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.ingest import hints
from generator.ingest.sections import AUTH, BODY, HEADER, PATH, QUERY, RESPONSE

_TYPES = {
    "string": "string", "str": "string", "text": "string", "integer": "integer", "int": "integer",
    "int32": "integer", "int64": "integer", "long": "integer", "number": "number", "float": "number",
    "double": "number", "boolean": "boolean", "bool": "boolean", "object": "object", "dict": "object",
    "map": "object", "array": "array", "list": "array", "null": "null", "file": "file", "binary": "file",
}


def type_schema(word: str | None, items: str | None = None) -> dict[str, Any]:
    """Schema of a type word as pages print it: `string`, `enum<string>`, `object[]`, `array [object]`..."""
    if not word:
        return {}
    text = word.strip().lower()
    if "|" in text and not text.endswith("| null"):
        kinds: list[str] = []
        for part in text.split("|"):
            kind = type_schema(part.strip()).get("type")
            if isinstance(kind, str) and kind not in kinds:
                kinds.append(kind)
        return {"type": kinds} if len(kinds) > 1 else ({"type": kinds[0]} if kinds else {})
    inner = re.search(r"(?:<|\[|\bof\s+)\s*(\w+?)s?\s*(?:>|\])?$", text)
    base = re.match(r"\w+", text)
    name = base.group(0) if base else text
    if name == "enum" and inner:
        return type_schema(inner.group(1))
    if text.endswith("[]"):
        return {"type": "array", "items": type_schema(text[:-2].strip())}
    if name in ("array", "list"):
        item_word = items or (inner.group(1) if inner else None)
        schema: dict[str, Any] = {"type": "array"}
        if item_word and item_word.lower() in _TYPES:
            schema["items"] = type_schema(item_word)
        return schema
    kind = _TYPES.get(name)
    if kind == "file":
        return {"type": "string", "format": "binary"}
    return {"type": kind} if kind else {}


@dataclass
class Field:
    """One documented field of a request or response, as the page states it."""

    name: str
    section: str
    type: str | None = None
    required: bool | None = None
    description: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    example: Any = None
    default: Any = None
    items: str | None = None
    format: str | None = None
    status: str = "200"
    media: str | None = None
    line: int = 0

    def schema(self) -> dict[str, Any]:
        schema = type_schema(self.type, self.items)
        if self.format and schema.get("type") in ("integer", "number", "string"):
            schema["format"] = self.format
        kind = schema.get("type") if isinstance(schema.get("type"), str) else None
        description = "\n".join(self.description).strip()
        if description:
            schema["description"] = description
        example = _typed(self.example, kind)
        text = "\n".join([description, *self.notes])
        lifted = hints.lift(text, kind, example)
        default = _typed(self.default, kind)
        if default is not None:
            lifted["default"] = default
            if "enum" in lifted and str(default).lower() not in {str(v).lower() for v in lifted["enum"]}:
                del lifted["enum"]
        schema.update(lifted)
        if example is not None:
            schema["example"] = example
        return schema


def _typed(value: Any, kind: str | None) -> Any:
    if value is None or not isinstance(value, str):
        return value
    return hints.coerce(value, kind)


def auth_from_text(*texts: Any) -> str | None:
    """`bearer`, `key` or `basic` when an Authorization value or description names the scheme."""
    for text in texts:
        if not isinstance(text, str):
            continue
        first = re.match(r"\s*(Bearer|Key|Basic)\b", text, re.IGNORECASE)
        if first:
            return first.group(1).lower()
    for text in texts:
        if isinstance(text, str) and re.search(r"\bBearer\b", text, re.IGNORECASE):
            return "bearer"
    return None


def build_operation(fields: list[Field], media: dict[str, str]) -> tuple[dict[str, Any], str | None]:
    """An operation fragment holding the fields, and the auth scheme an Authorization field shows."""
    op: dict[str, Any] = {}
    auth: str | None = None
    params: list[dict[str, Any]] = []
    body: dict[str, Any] = {"type": "object", "properties": {}}
    required: list[str] = []
    responses: dict[str, dict[str, Any]] = {}
    for item in fields:
        if item.name.lower() == "authorization" and item.section in (HEADER, AUTH, BODY, QUERY):
            auth = auth or auth_from_text(item.example, item.default, "\n".join(item.description))
            continue
        if item.section == AUTH:
            continue
        schema = item.schema()
        if item.section in (PATH, QUERY, HEADER):
            param: dict[str, Any] = {"name": item.name, "in": item.section}
            if schema.get("description"):
                param["description"] = schema.pop("description")
            param["required"] = True if item.section == PATH else bool(item.required)
            example = schema.pop("example", None)
            if example is not None:
                param["example"] = example
                if item.section == PATH and "/" in str(example):
                    param["x-greedy"] = True
            param["schema"] = schema or {"type": "string"}
            params = [p for p in params if not (p["name"] == item.name and p["in"] == item.section)]
            params.append(param)
        elif item.section == RESPONSE:
            target = responses.setdefault(item.status, {"type": "object", "properties": {}, "required": []})
            target["properties"][item.name] = schema
            if item.required:
                target["required"].append(item.name)
        else:
            body["properties"][item.name] = schema
            if item.required and item.name not in required:
                required.append(item.name)
    if params:
        op["parameters"] = params
    if body["properties"]:
        if required:
            body["required"] = required
        op["requestBody"] = {"content": {media.get(BODY, ""): {"schema": body}}}
    if responses:
        op["responses"] = {}
        for status, schema in responses.items():
            if not schema["required"]:
                del schema["required"]
            op["responses"][status] = {"description": "", "content": {media.get(RESPONSE, ""): {"schema": schema}}}
    return op, auth
