"""Rebuild an OpenAPI YAML document whose indentation was lost when a page was scraped.

Every line of such a document starts in column 0 (`info:` / `title: ''` / `version: 1.0.0` ...), so YAML
sees one flat mapping. The nesting is recovered from OpenAPI's own structure instead: a grammar says which
keys each object kind (document, operation, parameter, schema ...) takes and what kind its values are.
A key goes to the innermost open object that takes it and does not have it yet; user-named maps
(`paths`, `properties`, `responses` ...) take any key unless their owner takes it; free data (examples,
extension values) takes any key unless an enclosing object does. Where the page itself is ambiguous (the
nesting inside an example) the result is one reasonable reading, never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.openapi.io import _Loader

# Kinds: an object kind maps its keys to value kinds; "map:K" is a user-keyed map of K; "list:K" a list of
# K; "free" is data of any shape; "scalar" a plain value.
_S, _F = "scalar", "free"
_SCHEMA_SCALARS = (
    "type", "format", "title", "description", "nullable", "readOnly", "writeOnly", "deprecated", "minimum",
    "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems",
    "maxItems", "uniqueItems", "minProperties", "maxProperties", "multipleOf", "$ref", "contentMediaType",
    "contentEncoding", "collectionFormat",
)
GRAMMAR: dict[str, dict[str, str]] = {
    "document": {
        "openapi": _S, "swagger": _S, "info": "info", "jsonSchemaDialect": _S, "servers": "list:server",
        "security": "list:free", "tags": "list:tag", "paths": "map:path_item", "webhooks": "map:path_item",
        "components": "components", "externalDocs": _F, "host": _S, "basePath": _S, "schemes": "list:scalar",
        "consumes": "list:scalar", "produces": "list:scalar", "definitions": "map:schema",
        "parameters": "map:parameter", "responses": "map:response", "securityDefinitions": "map:security_scheme",
    },
    "info": {"title": _S, "summary": _S, "description": _S, "termsOfService": _S, "contact": _F, "license": _F,
             "version": _S},
    "server": {"url": _S, "description": _S, "variables": _F},
    "tag": {"name": _S, "description": _S, "externalDocs": _F},
    "path_item": {"$ref": _S, "summary": _S, "description": _S, "servers": "list:server",
                  "parameters": "list:parameter", **{m: "operation" for m in
                                                     ("get", "put", "post", "delete", "options", "head",
                                                      "patch", "trace")}},
    "operation": {"tags": "list:scalar", "summary": _S, "description": _S, "operationId": _S,
                  "parameters": "list:parameter", "requestBody": "request_body", "responses": "map:response",
                  "deprecated": _S, "security": "list:free", "servers": "list:server", "externalDocs": _F,
                  "callbacks": _F, "consumes": "list:scalar", "produces": "list:scalar",
                  "schemes": "list:scalar"},
    "parameter": {"name": _S, "in": _S, "description": _S, "required": _S, "deprecated": _S,
                  "allowEmptyValue": _S, "style": _S, "explode": _S, "allowReserved": _S, "schema": "schema",
                  "example": _F, "examples": _F, "content": "map:media", "$ref": _S, "type": _S, "format": _S,
                  "items": "schema", "enum": "list:free", "default": _F, "collectionFormat": _S},
    "request_body": {"description": _S, "required": _S, "content": "map:media", "$ref": _S},
    "media": {"schema": "schema", "example": _F, "examples": _F, "encoding": _F},
    "response": {"description": _S, "headers": "map:parameter", "content": "map:media", "links": _F,
                 "$ref": _S, "schema": "schema", "examples": _F},
    "components": {"schemas": "map:schema", "responses": "map:response", "parameters": "map:parameter",
                   "examples": _F, "requestBodies": "map:request_body", "headers": "map:parameter",
                   "securitySchemes": "map:security_scheme", "links": _F, "callbacks": _F, "pathItems": _F},
    "security_scheme": {"type": _S, "description": _S, "name": _S, "in": _S, "scheme": _S,
                        "bearerFormat": _S, "flows": _F, "openIdConnectUrl": _S, "flow": _S,
                        "authorizationUrl": _S, "tokenUrl": _S, "scopes": _F},
    "schema": {**{k: _S for k in _SCHEMA_SCALARS}, "properties": "map:schema", "items": "schema",
               "required": "list:scalar", "enum": "list:free", "default": _F, "example": _F, "examples": _F,
               "const": _F, "additionalProperties": "schema", "allOf": "list:schema", "anyOf": "list:schema",
               "oneOf": "list:schema", "not": "schema", "discriminator": _F, "xml": _F, "externalDocs": _F,
               "patternProperties": "map:schema"},
}
# Extensions whose owner Apifox exports always put in the same place.
_EXTENSION_HOME = {
    "x-apifox-orders": "schema", "x-apifox-ignore-properties": "schema", "x-apifox-refs": "schema",
    "x-apifox-name": "response", "x-apifox-folder": "operation", "x-apifox-status": "operation",
    "x-run-in-apifox": "operation", "x-apifox-enum": "schema",
}
# Keys far more common at the top level than on an operation: a flattened `servers:` after an operation's
# last response belongs to the document.
_PREFER_DOCUMENT = {"servers"}
_KEY_LINE = re.compile(r"""^(?P<key>'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|[^\s'"#\-?:,\[\]{}|>!&*%@`][^#]*?|-[^\s#][^#]*?)"""
                       r"""\s*:(?:\s+(?P<value>.*?))?\s*$""")
_BLOCK = re.compile(r"^[|>][-+]?\d*$")


@dataclass
class _Node:
    """An open container: its kind, its value, and for maps/free data the key it was opened under."""

    kind: str
    value: Any
    key: str | None = None
    pending: list[str] = field(default_factory=list)


def _scalar(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)  # _Loader is a SafeLoader
    except yaml.YAMLError:
        return text


def _key_text(raw: str) -> str:
    value = _scalar(raw) if raw[:1] in "'\"" else raw
    return str(value)


def _parse_line(line: str) -> tuple[str, str | None] | None:
    """(key, inline value or None) of a `key: value` / `key:` line, else None."""
    match = _KEY_LINE.match(line)
    if not match:
        return None
    key = match.group("key")
    if "://" in key or key.endswith((" ", "\t")):
        return None
    return _key_text(key), match.group("value")


def looks_flat(lines: list[str]) -> bool:
    """True when a block's lines carry (almost) no indentation although it holds nested OpenAPI data."""
    body = [line for line in lines if line.strip()]
    if len(body) < 4:
        return False
    indented = sum(1 for line in body[1:] if line[:1] in (" ", "\t"))
    opens = sum(1 for line in body if line.rstrip().endswith(":"))
    return indented <= len(body) // 20 and opens >= 2


class _Builder:
    def __init__(self, lines: list[str]) -> None:
        self.lines = [line.strip() for line in lines]
        self.root: dict[str, Any] = {}
        self.stack: list[_Node] = [_Node("document", self.root)]

    # -- what a container takes

    @staticmethod
    def _object_kind(node: _Node) -> str | None:
        return node.kind if node.kind in GRAMMAR else None

    def _value_kind(self, kind: str, key: str) -> str | None:
        if kind in GRAMMAR:
            if key in GRAMMAR[kind]:
                return GRAMMAR[kind][key]
            if key.startswith("x-"):
                return _F
            return None
        return None

    def _fits(self, depth: int, key: str, inline: str | None, index: int) -> bool:
        """Would this object take the key (known, not yet set, value shaped as the grammar says)?"""
        node = self.stack[depth]
        kind = self._object_kind(node)
        if kind is None or key in node.value:
            return False
        value_kind = self._value_kind(kind, key)
        if value_kind is None:
            return False
        home = _EXTENSION_HOME.get(key)
        if home is not None and home != kind:
            return False
        following = self._next_line(index)
        if inline is None and following is not None:
            next_is_key = _parse_line(following) is not None and not following.startswith("- ")
            if value_kind == _S and next_is_key:
                return False
            if value_kind.startswith("list:") and not following.startswith("-"):
                return False
        if kind == "schema":
            kind_of = node.value.get("type")
            if key in ("properties", "required", "additionalProperties") and kind_of not in (None, "object"):
                return False
            if key == "items" and kind_of not in (None, "array"):
                return False
            parent = self.stack[depth - 1] if depth > 0 else None
            if key in ("example", "examples") and parent is not None and parent.kind == "media" \
                    and key not in parent.value:
                return False  # Apifox and most exports put a body's example beside its schema
        return True

    def _next_line(self, index: int) -> str | None:
        for line in self.lines[index + 1:]:
            if line:
                return line
        return None

    def _target(self, key: str, inline: str | None, index: int) -> int:
        """Index in the stack of the container that takes this key."""
        if key in _PREFER_DOCUMENT and self._fits(0, key, inline, index):
            return 0
        for depth in range(len(self.stack) - 1, -1, -1):
            node = self.stack[depth]
            if node.kind in GRAMMAR:
                if self._fits(depth, key, inline, index):
                    return depth
                continue
            if node.kind.startswith("list:"):
                continue
            # A user-keyed map or free data: yields to an enclosing object that takes the key.
            if not any(self._fits(d, key, inline, index) for d in range(depth)):
                return depth
        return 0

    # -- building

    def _open(self, kind: str, index: int) -> Any:
        """An empty container for a key opened without an inline value (shape chosen by the next line)."""
        following = self._next_line(index) or ""
        if kind.startswith("list:") or (kind == _F and following.startswith("- ")) or following.startswith("- "):
            return []
        if kind == _S:
            return None
        if following and _parse_line(following) is None:
            return None  # a scalar continued on the next lines
        return {}

    def _child_kind(self, parent: _Node, key: str) -> str:
        if parent.kind in GRAMMAR:
            return self._value_kind(parent.kind, key) or _F
        if parent.kind.startswith("map:"):
            return parent.kind[4:]
        return _F

    def _push_value(self, kind: str, container: Any, key: str | int) -> None:
        if isinstance(container, list):
            item_kind = kind[5:] if kind.startswith("list:") else _F
            self.stack.append(_Node("list:" + item_kind, container, str(key)))
        elif isinstance(container, dict):
            self.stack.append(_Node(kind if kind in GRAMMAR or kind.startswith("map:") else _F, container,
                                    str(key)))

    def _set(self, holder: _Node, key: str, inline: str | None, index: int) -> int:
        """Store `key` in the holder; returns the index of the last line consumed."""
        kind = self._child_kind(holder, key)
        if inline is not None and not _BLOCK.match(inline):
            holder.value[key] = _scalar(inline)
            return index
        if inline is not None:  # a block scalar: the lines up to the next key or item
            text, last = self._continuation(index, folded=inline.startswith(">"))
            holder.value[key] = text
            return last
        container = self._open(kind if not kind.startswith("map:") else "map", index)
        if container is None:
            text, last = self._continuation(index, folded=True)
            holder.value[key] = text if text else None
            return last
        holder.value[key] = container
        self._push_value(kind, container, key)
        return index

    def _continuation(self, index: int, folded: bool) -> tuple[str, int]:
        parts = []
        last = index
        for position in range(index + 1, len(self.lines)):
            line = self.lines[position]
            if line and (line.startswith("- ") or line == "-" or _parse_line(line) is not None):
                break
            parts.append(line)
            last = position
        while parts and not parts[-1]:
            parts.pop()
        joiner = " " if folded else "\n"
        return joiner.join(parts), last

    def _item(self, rest: str, index: int) -> int:
        """A `- ...` line: a new item of the innermost open list."""
        depth = next((d for d in range(len(self.stack) - 1, -1, -1) if self.stack[d].kind.startswith("list:")),
                     None)
        if depth is None:
            return index
        del self.stack[depth + 1:]
        node = self.stack[-1]
        item_kind = node.kind[5:]
        parsed = _parse_line(rest) if rest else None
        if parsed is None:
            if _BLOCK.match(rest):
                text, last = self._continuation(index, folded=rest.startswith(">"))
                node.value.append(text)
                return last
            node.value.append(_scalar(rest) if rest else None)
            return index
        item: dict[str, Any] = {}
        node.value.append(item)
        self.stack.append(_Node(item_kind if item_kind in GRAMMAR else _F, item))
        key, inline = parsed
        return self._set(self.stack[-1], key, inline, index)

    def build(self) -> dict[str, Any]:
        index = 0
        while index < len(self.lines):
            line = self.lines[index]
            if not line or line.startswith("#"):
                index += 1
                continue
            if line.startswith("- ") or line == "-":
                index = self._item(line[2:].strip(), index) + 1
                continue
            parsed = _parse_line(line)
            if parsed is None:
                index += 1  # stray text: nothing to attach it to
                continue
            key, inline = parsed
            depth = self._target(key, inline, index)
            del self.stack[depth + 1:]
            index = self._set(self.stack[-1], key, inline, index) + 1
        return self.root


def rebuild(lines: list[str]) -> dict[str, Any]:
    """The OpenAPI document the unindented lines describe."""
    return _Builder(lines).build()
