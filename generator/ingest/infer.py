"""JSON Schema from example values.

Examples are the weakest evidence a page gives, so the schema says only what the value shows: its JSON
type, the properties of objects and the items of arrays. Numeric literals become `number` (an example `4`
does not prove the field rejects `4.5`); listings and schemas that say `integer` win over this later.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]


def json_type(value: Any) -> str:
    """The JSON Schema type name of a decoded JSON value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def infer(value: Any) -> Schema:
    """The schema a single example value shows (objects and arrays described recursively); a value the page
    cut off (`jsonish.CUT`) shows nothing but its key."""
    from generator.ingest.jsonish import CUT

    if value is CUT:
        return {}
    kind = json_type(value)
    schema: Schema = {"type": kind}
    if isinstance(value, dict):
        schema["properties"] = {str(key): infer(item) for key, item in value.items()}
    elif isinstance(value, list):
        items = [infer(item) for item in value]
        if items:
            merged = items[0]
            for other in items[1:]:
                merged = union(merged, other)
            schema["items"] = merged
    return schema


def union(a: Schema, b: Schema) -> Schema:
    """A schema admitting what either example schema admits (used for array items and repeated examples)."""
    if a == b:
        return a
    kinds_a = a.get("type")
    kinds_b = b.get("type")
    if kinds_a == kinds_b and kinds_a == "object":
        props = dict(a.get("properties", {}))
        for key, value in b.get("properties", {}).items():
            props[key] = union(props[key], value) if key in props else value
        return {"type": "object", "properties": props}
    if kinds_a == kinds_b and kinds_a == "array":
        if "items" in a and "items" in b:
            return {"type": "array", "items": union(a["items"], b["items"])}
        return a if "items" in a else b
    if kinds_a == kinds_b and not any(key in a or key in b for key in ("properties", "items")):
        return a  # the same scalar type(s); a type list holding array/object merges its parts below
    names: list[str] = []
    for kinds in (kinds_a, kinds_b):
        for kind in kinds if isinstance(kinds, list) else [kinds]:
            if isinstance(kind, str) and kind not in names:
                names.append(kind)
    merged: Schema = {"type": names}
    if "properties" in a or "properties" in b:
        objects = union({"type": "object", "properties": a.get("properties", {})},
                        {"type": "object", "properties": b.get("properties", {})})
        merged["properties"] = objects["properties"]
    if "items" in a and "items" in b:
        merged["items"] = union(a["items"], b["items"])
    elif "items" in a or "items" in b:
        merged["items"] = a.get("items") or b.get("items")
    return merged
