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
    nullable = re.fullmatch(r"(.+?)\s*\|\s*null", text)
    if nullable:  # Apifox's `integer | null`: the value may also be null
        nulled = type_schema(nullable.group(1), items)
        if isinstance(nulled.get("type"), str) and nulled["type"] != "null":
            nulled["type"] = [nulled["type"], "null"]
        return nulled
    if "|" in text:
        kinds: list[str] = []
        for part in text.split("|"):
            kind = type_schema(part.strip()).get("type")
            if isinstance(kind, str) and kind not in kinds:
                kinds.append(kind)
        return {"type": kinds} if len(kinds) > 1 else ({"type": kinds[0]} if kinds else {})
    bracketed = re.fullmatch(r"\[\s*(\w+)\s*\]", text)  # Apifox's export: `[object]`, `[string]`
    if bracketed:
        return {"type": "array", "items": type_schema(bracketed.group(1))}
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
    depth: int = 0  # nesting level the page shows (`» x`, `└─ x`, indentation): 0 is a top-level field
    options: list[str] = field(default_factory=list)  # values listed one per bullet under the field

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
        labelled = hints.lift("\n".join(self.notes), kind, example).get("enum") if self.notes else None
        if labelled:  # the page's own `枚举值:` list beats values a description sentence mentions
            lifted["enum"] = labelled
        listed = [v for v in (hints.coerce(o, kind) for o in self.options) if v is not None]
        if len(listed) >= 2 and "enum" not in lifted:
            lifted["enum"] = list(dict.fromkeys(listed))
        default = _typed(self.default, kind)
        if default is not None:
            lifted["default"] = default
            if "enum" in lifted and str(default).lower() not in {str(v).lower() for v in lifted["enum"]}:
                del lifted["enum"]
        schema.update(lifted)
        if "type" not in schema and re.search(r"\benum\b", (self.type or "").lower()) and lifted.get("enum") and all(
                isinstance(v, str) for v in lifted["enum"]):
            schema["type"] = "string"  # a bare `enum` type word (`ImageSize | Enum`) over string values
        if isinstance(example, str) and lifted.get("enum") and example == "".join(map(str, lifted["enum"])):
            example = None  # `urlb64_json`: the listed values printed glued, not one example value
        if example is not None:
            schema["example"] = example
        return schema


_TREE = re.compile(r"^(?P<lead>(?:\s|&nbsp;|&emsp;|&ensp;|\u3000|[│┃|])*)(?P<mark>»+|[└├┗┣╰+]\s*[─━\-]*\s*>?|↳|-{1,4}>?)\s*")


def tree_name(cell: str) -> tuple[int, str]:
    """(depth, name) of a name cell that shows its nesting: `» url` / `»» url` (Apifox's export), `└─ url` /
    `├─ url` with `&nbsp;`/space/`│` indentation before deeper levels, `↳ url`, `-- url`. Depth 0 and the cell
    unchanged when it shows none."""
    match = _TREE.match(cell)
    if not match or not cell[match.end():].strip():
        return 0, cell
    mark = match.group("mark")
    if mark.startswith("»"):
        return len(mark), cell[match.end():]
    lead = match.group("lead").replace("&nbsp;", " ").replace("&emsp;", "  ").replace("&ensp;", " ")
    units = len(lead.replace("\u3000", "  ").replace("│", "  ").replace("┃", "  ").replace("|", "  ")) // 2
    if mark.startswith("-") and not mark.endswith(">") and len(mark) < 2:
        return 0, cell  # a lone dash is a bullet or an empty cell, not a tree mark
    return 1 + units, cell[match.end():]


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


MAX_NESTING = 32  # levels a page's field nesting may reach; deeper fields stay at this level


_DOTTED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")  # `input.prompt`, `output.task_id`


def _chains(fields: list[Field]) -> list[list[str]]:
    """Each field's place as (parents..., name). A deeper field (`» x`, `└─ x`, an indented bullet) belongs to
    the last shallower field of its section; a dotted name (`scene.width`, `data.items[].url`) to the field
    its first part names, when the section documents that field. Apifox's export prints the body itself as
    a row (`body | body | object`) above its `»` fields: that row is the root, not a field."""
    chains: list[list[str]] = []
    stacks: dict[tuple[str, str], list[tuple[int, list[str]]]] = {}
    known: dict[tuple[str, str], set[str]] = {}
    roots: set[tuple[str, str]] = set()
    for index, item in enumerate(fields):
        key = (item.section, item.status if item.section == RESPONSE else "")
        stack = stacks.setdefault(key, [])
        depth = min(item.depth, MAX_NESTING)
        if key in roots and depth > 0:
            depth -= 1
        elif key in roots:
            roots.discard(key)
        nested = index + 1 < len(fields) and fields[index + 1].depth > depth
        if depth == 0 and item.section == BODY and item.name.lower() in ("body", "root") and nested:
            roots.add(key)
            chains.append([])
            continue
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parent = stack[-1][1] if stack and depth > 0 else []
        chain = parent + [item.name]
        if depth == 0 and item.section in (BODY, RESPONSE):
            parts = [p for p in re.split(r"\.|\[\d*\]\.?", item.name) if p]
            # (a name of dotted identifiers nests even under a parent the table never lists as a row)
            if 1 < len(parts) <= MAX_NESTING and (parts[0] in known.get(key, set()) or _DOTTED.fullmatch(item.name)):
                chain = parts
        if len(chain) == 1:
            known.setdefault(key, set()).add(chain[0])
        stack.append((depth, chain))
        chains.append(chain)
    return chains


def _place(root: dict[str, Any], chain: list[str], schema: dict[str, Any], required: bool) -> None:
    """Put a field's schema at its place under the object schema `root` (parents created as objects; an array
    parent holds its children in `items`); a field seen twice keeps what each mention says."""
    from generator.ingest.assemble import merge_schema

    node = root
    for parent in chain[:-1]:
        props = node.setdefault("properties", {})
        if parent not in props and required:
            node.setdefault("required", []).append(parent)  # a parent only its required child shows is required
        child = props.setdefault(parent, {"type": "object"})
        kinds = child.get("type")
        if kinds == "array" or (isinstance(kinds, list) and "array" in kinds and "object" not in kinds):
            items = child.setdefault("items", {})
            items.setdefault("type", "object")
            child = items
        node = child
    props = node.setdefault("properties", {})
    leaf = chain[-1]
    props[leaf] = merge_schema(schema, props[leaf]) if leaf in props else schema
    if required and leaf not in node.setdefault("required", []):
        node["required"].append(leaf)
    if not node.get("required"):
        node.pop("required", None)


def build_operation(fields: list[Field], media: dict[str, str]) -> tuple[dict[str, Any], str | None]:
    """An operation fragment holding the fields, and the auth scheme an Authorization field shows."""
    op: dict[str, Any] = {}
    auth: str | None = None
    params: list[dict[str, Any]] = []
    body: dict[str, Any] = {"type": "object", "properties": {}}
    responses: dict[str, dict[str, Any]] = {}
    for item, chain in zip(fields, _chains(fields)):
        if not chain:
            continue
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
            target = responses.setdefault(item.status, {"type": "object", "properties": {}})
            _place(target, chain, schema, bool(item.required))
        else:
            _place(body, chain, schema, bool(item.required))
    if params:
        op["parameters"] = params
    if body["properties"]:
        body_media = media.get(BODY, "")
        if not body_media and any(item.section == BODY and re.search(r"\b(?:file|binary)\b", (item.type or "").lower())
                                  for item in fields):
            body_media = "multipart/form-data"  # a file travels in a form, never in a JSON body
        op["requestBody"] = {"content": {body_media: {"schema": body}}}
    if responses:
        op["responses"] = {}
        for status, schema in responses.items():
            op["responses"][status] = {"description": "", "content": {media.get(RESPONSE, ""): {"schema": schema}}}
    return op, auth
