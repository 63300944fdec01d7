"""Reading schemas of a normalized spec for the docs: `$ref`s followed, types and ranges as short text,
and example values that validate against the schema (so printed examples are accepted by the mock).
"""

from __future__ import annotations

import copy
import re
from typing import Any

import jsonschema  # type: ignore[import-untyped]

from generator.core import walk
from generator.core.walk import deref, sequence
from generator.render.docs.text import short_json

MAX_DEPTH = 6


class Resolver:
    """Follows local `$ref`s (`#/components/...`) of one spec; unknown or cyclic refs become `{}`."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec

    def deref(self, node: Any, seen: frozenset[str] = frozenset()) -> Any:
        """`node` with its own top-level `$ref` chain followed (siblings of `$ref` win, as in 3.1)."""
        return deref(self.spec, node, seen)[0]

    def inline(self, node: Any, depth: int = 0, seen: frozenset[str] = frozenset()) -> Any:
        """A copy of `node` with every `$ref` expanded (cycles cut to `{}`), for validation."""
        if depth > 30:
            return {}
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                ref = node["$ref"]
                if ref in seen:
                    return {}
                return self.inline(self.deref(node), depth + 1, seen | {ref})
            return {k: self.inline(v, depth + 1, seen) for k, v in node.items()}
        if isinstance(node, list):
            return [self.inline(v, depth + 1, seen) for v in node]
        return node


def _types(schema: dict[str, Any]) -> list[str]:
    value = schema.get("type")
    if isinstance(value, list):
        return [str(t) for t in value]
    return [str(value)] if value else []


def type_text(schema: Any, resolver: Resolver, depth: int = 0) -> str:
    """`string`, `integer (int64)`, `array of string`, `string | null`, or the schema's name for refs."""
    if not isinstance(schema, dict) or depth > MAX_DEPTH:
        return ""
    if isinstance(schema.get("$ref"), str):
        name = walk.unescape(schema["$ref"].rsplit("/", 1)[-1])  # `My%20Pet` is shown as `My Pet`
        target = resolver.deref(schema)
        return name if isinstance(target, dict) and target.get("type") == "object" else \
            type_text(target, resolver, depth + 1) or name
    for key in ("oneOf", "anyOf"):
        if isinstance(schema.get(key), list):
            parts = [type_text(s, resolver, depth + 1) or "any" for s in schema[key]]
            return " | ".join(dict.fromkeys(parts))
    if isinstance(schema.get("allOf"), list) and len(schema["allOf"]) == 1:
        return type_text(schema["allOf"][0], resolver, depth + 1)
    types = _types(schema)
    parts = []
    for kind in types or (["object"] if "properties" in schema else []):
        if kind == "array":
            inner = type_text(schema.get("items") or {}, resolver, depth + 1)
            parts.append(f"array of {inner}" if inner else "array")
        else:
            parts.append(kind)
    text = " | ".join(parts)
    if schema.get("format") and text:
        text += f" ({schema['format']})"
    return text


def range_text(schema: dict[str, Any]) -> str:
    """Bounds of a value, length or item count, as `1 ≤ x ≤ 4`, `length ≤ 100`, `items ≥ 1`."""
    parts = []
    for low_key, high_key, label in (("minimum", "maximum", "x"), ("minLength", "maxLength", "length"),
                                     ("minItems", "maxItems", "items")):
        low, high = schema.get(low_key), schema.get(high_key)
        if label == "x":
            if schema.get("exclusiveMinimum") is not None and not isinstance(schema["exclusiveMinimum"], bool):
                low_text: str | None = f"{short_json(schema['exclusiveMinimum'])} <"
            else:
                low_text = f"{short_json(low)} ≤" if low is not None else None
            if schema.get("exclusiveMaximum") is not None and not isinstance(schema["exclusiveMaximum"], bool):
                high_text: str | None = f"< {short_json(schema['exclusiveMaximum'])}"
            else:
                high_text = f"≤ {short_json(high)}" if high is not None else None
        else:
            low_text = f"{low} ≤" if low is not None else None
            high_text = f"≤ {high}" if high is not None else None
        if low_text and high_text:
            parts.append(f"{low_text} {label} {high_text}")
        elif low_text:
            parts.append(f"{label} ≥ {low_text[:-2]}" if low_text.endswith("≤") else f"{label} > {low_text[:-2]}")
        elif high_text:
            parts.append(f"{label} {high_text}")
    return ", ".join(parts)


def is_valid(value: Any, schema: Any, resolver: Resolver) -> bool:
    """Whether `value` validates against `schema` (refs expanded); unreadable schemas count as valid."""
    try:
        jsonschema.Draft202012Validator(resolver.inline(schema)).validate(value)
    except jsonschema.ValidationError:
        return False
    except (jsonschema.SchemaError, RecursionError, TypeError, ValueError):
        return True
    return True


_STRING_FORMATS = {
    "uri": "https://example.com/image.png",
    "url": "https://example.com/image.png",
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "time": "00:00:00Z",
    "email": "user@example.com",
    "uuid": "123e4567-e89b-12d3-a456-426614174000",
    "binary": "binary data",
    "byte": "aGVsbG8=",
}


def _string_example(schema: dict[str, Any], name: str) -> str:
    fmt = str(schema.get("format") or "")
    if fmt in _STRING_FORMATS:
        return _STRING_FORMATS[fmt]
    lowered = name.lower()
    if lowered.endswith(("url", "urls", "_uri")) or lowered in {"url", "image", "image_url"}:
        return "https://example.com/image.png"
    text = "a photo of a cat" if "prompt" in lowered else "string"
    low, high = schema.get("minLength"), schema.get("maxLength")
    if isinstance(low, int) and len(text) < low:
        text = text + "x" * (low - len(text))
    if isinstance(high, int) and len(text) > high:
        text = text[:max(high, 0)]
    return text


def _number_example(schema: dict[str, Any], integer: bool) -> int | float:
    low = schema.get("minimum")
    high = schema.get("maximum")
    ex_low = schema.get("exclusiveMinimum")
    ex_high = schema.get("exclusiveMaximum")
    value: float = 1
    if isinstance(low, (int, float)) and not isinstance(low, bool):
        value = max(value, low)
    if isinstance(ex_low, (int, float)) and not isinstance(ex_low, bool) and value <= ex_low:
        value = ex_low + 1 if integer else ex_low + 0.5
    if isinstance(high, (int, float)) and not isinstance(high, bool) and value > high:
        value = high
    if isinstance(ex_high, (int, float)) and not isinstance(ex_high, bool) and value >= ex_high:
        value = ex_high - 1 if integer else ex_high - 0.5
    if integer:
        return int(value)
    return int(value) if float(value).is_integer() else value


def example_value(schema: Any, resolver: Resolver, name: str = "", depth: int = 0, full: bool = False) -> Any:
    """A value for `schema`: its own example/default/enum when valid, else one built from its type.

    `full` fills every property of objects (response examples); otherwise only what a request needs.
    """
    schema = resolver.deref(schema)
    if not isinstance(schema, dict) or depth > MAX_DEPTH:
        return None
    candidates: list[Any] = []
    if "example" in schema:
        candidates.append(schema["example"])
    if isinstance(schema.get("examples"), list):
        candidates.extend(schema["examples"])
    for key in ("default", "const"):
        if key in schema:
            candidates.append(schema[key])
    if isinstance(schema.get("enum"), list):
        candidates.extend(v for v in schema["enum"] if v is not None)
    for candidate in candidates:
        if candidate is not None and is_valid(candidate, schema, resolver):
            return copy.deepcopy(candidate)
    for key in ("oneOf", "anyOf"):
        branches = schema.get(key)
        if isinstance(branches, list):
            for branch in branches:
                target = resolver.deref(branch)
                if isinstance(target, dict) and _types(target) != ["null"]:
                    return example_value(branch, resolver, name, depth + 1, full)
    if isinstance(schema.get("allOf"), list):
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            value = example_value(part, resolver, name, depth + 1, full)
            if isinstance(value, dict):
                merged.update(value)
        return merged
    types = [t for t in _types(schema) if t != "null"] or (["object"] if "properties" in schema else [])
    kind = types[0] if types else ""
    if kind == "object":
        return object_example(schema, resolver, depth + 1, full)
    if kind == "array":
        item = example_value(schema.get("items") or {}, resolver, name, depth + 1, full)
        count = max(1, int(schema.get("minItems") or 1))
        return [copy.deepcopy(item) for _ in range(count)]
    if kind == "integer":
        return _number_example(schema, integer=True)
    if kind == "number":
        return _number_example(schema, integer=False)
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    return _string_example(schema, name)


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


def named_enum_values(value: Any, schema: Any, resolver: Resolver, text: str) -> Any:
    """`value` (an object example) with each string-enum property set to the enum value `text` names, if any:
    a response described "Completed" shows `status: COMPLETED` rather than the enum's first value."""
    schema = resolver.deref(schema)
    if not isinstance(value, dict) or not isinstance(schema, dict) or not text:
        return value
    said = _words(text)
    result = dict(value)
    for prop, sub in (schema.get("properties") or {}).items():
        target = resolver.deref(sub)
        enum = target.get("enum") if isinstance(target, dict) else None
        if prop not in result or not isinstance(enum, list):
            continue
        named = [v for v in enum if isinstance(v, str) and len(v) > 2 and _words(v) in said]
        if named and is_valid(named[0], sub, resolver):
            result[prop] = named[0]
    return result


def object_example(schema: dict[str, Any], resolver: Resolver, depth: int = 0,
                   full: bool = False) -> dict[str, Any]:
    """Required properties, plus optional ones the doc gave an example for (what a reader would send);
    every property when `full`."""
    properties = schema.get("properties") or {}
    required = set(schema.get("required") or [])
    result: dict[str, Any] = {}
    for prop, sub in properties.items():
        target = resolver.deref(sub)
        if not isinstance(target, dict) or (target.get("readOnly") and not full):
            continue
        if full or prop in required or "example" in target or target.get("examples"):
            result[prop] = example_value(sub, resolver, prop, depth, full)
    return result


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any], list[Any]]]:
    """(path, method, operation, path-level parameters) for every operation, in the spec's canonical order."""
    return [(path, method, operation, sequence(item.get("parameters")))
            for path, method, operation, item in walk.operations(spec)]
