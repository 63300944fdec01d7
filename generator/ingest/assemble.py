"""Merging: documented fields over example-inferred ones within a page, and pages into one spec.

Within a page, what a listing, table or schema states wins; examples only fill gaps. Across pages,
identical operations merge and two different definitions of one method+path are an error naming both
pages (the README documents this rule).
"""

from __future__ import annotations

import re
from typing import Any

from generator.core.walk import HTTP_METHODS
from generator.errors import ApigenError
from generator.ingest.infer import infer


def merge_schema(primary: dict[str, Any], secondary: dict[str, Any]) -> dict[str, Any]:
    """`primary` with what only `secondary` knows added (properties recursively, items, missing keys)."""
    merged = dict(secondary)
    merged.update(primary)
    if "type" not in primary and "type" in secondary:
        merged["type"] = secondary["type"]
    props_a, props_b = primary.get("properties"), secondary.get("properties")
    if isinstance(props_a, dict) and isinstance(props_b, dict):
        props = {k: merge_schema(v, props_b[k]) if k in props_b and isinstance(v, dict) else v
                 for k, v in props_a.items()}
        for key, value in props_b.items():
            props.setdefault(key, value)
        merged["properties"] = props
    if isinstance(primary.get("items"), dict) and isinstance(secondary.get("items"), dict):
        merged["items"] = merge_schema(primary["items"], secondary["items"])
    if primary.get("type") == "array" and "items" not in primary and isinstance(secondary.get("items"), dict):
        merged["items"] = secondary["items"]
    if primary.get("type") not in (None, "object") and "properties" in secondary and "properties" not in primary:
        merged.pop("properties", None)
    return merged


def merge_content(primary: dict[str, Any], secondary: dict[str, Any], fallback: str) -> dict[str, Any]:
    """Media types of two content maps merged; the key "" (media unknown) joins the other side's type."""
    def resolved(content: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for media, value in content.items():
            key = media or next((m for m in other if m), fallback)
            out[key] = value
        return out

    a, b = resolved(primary, secondary), resolved(secondary, primary)
    merged = dict(b)
    for media, value in a.items():
        if media in merged:
            schema = merge_schema(value.get("schema", {}), merged[media].get("schema", {}))
            combined = {**merged[media], **value, "schema": schema}
            merged[media] = combined
        else:
            merged[media] = value
    return merged


def with_examples(content: dict[str, Any]) -> dict[str, Any]:
    """Each media type's schema completed from its example (documented keys win)."""
    for media in content.values():
        if "example" in media:
            media["schema"] = merge_schema(media.get("schema", {}), infer(media["example"]))
    return content


def declare_path_params(path: str, op: dict[str, Any]) -> None:
    """Every `{name}` of the path declared as a required string path parameter."""
    params = op.setdefault("parameters", [])
    for name in re.findall(r"\{([^}]+)\}", path):
        if not any(p.get("in") == "path" and p.get("name") == name for p in params):
            params.append({"name": name, "in": "path", "required": True, "schema": {"type": "string"}})
    if not params:
        del op["parameters"]


def merge_specs(partials: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """One spec from (source, partial spec) pairs; conflicting definitions raise naming both sources."""
    spec: dict[str, Any] = {"openapi": "3.1.0", "info": {}, "servers": [], "paths": {}}
    owners: dict[tuple[str, str], str] = {}
    schemes: dict[str, Any] = {}
    for source, partial in partials:
        if not spec["info"] and partial.get("info"):
            spec["info"] = dict(partial["info"])
        for server in partial.get("servers") or []:
            if server.get("url") not in [s["url"] for s in spec["servers"]]:
                spec["servers"].append(server)
        components = partial.get("components") or {}
        for name, scheme in (components.get("securitySchemes") or {}).items():
            schemes.setdefault(name, scheme)
        for kind, items in components.items():
            if kind != "securitySchemes" and isinstance(items, dict):
                for name, value in items.items():
                    spec.setdefault("components", {}).setdefault(kind, {}).setdefault(name, value)
        for path, item in (partial.get("paths") or {}).items():
            if not isinstance(item, dict):
                continue
            target = spec["paths"].setdefault(path, {})
            for method, op in item.items():
                if method not in HTTP_METHODS:
                    target.setdefault(method, op)
                    continue
                if not isinstance(op, dict):
                    continue
                op = dict(op)
                if "security" not in op and partial.get("security") is not None:
                    op["security"] = partial["security"]
                key = (path, method)
                if key in owners:
                    if _comparable(target[method]) != _comparable(op):
                        raise ApigenError(f"{method.upper()} {path} is defined differently here and in "
                                          f"{owners[key]}", file=source)
                    continue
                owners[key] = source
                target[method] = op
    if schemes:
        spec.setdefault("components", {})["securitySchemes"] = dict(sorted(schemes.items()))
    _hoist_security(spec)
    _unique_operation_ids(spec)
    if not spec["servers"]:
        del spec["servers"]
    return spec


def _comparable(op: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in op.items() if k not in ("x-source", "operationId", "externalDocs", "summary")}


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [op for item in spec["paths"].values() for m, op in item.items() if m in HTTP_METHODS]


def _hoist_security(spec: dict[str, Any]) -> None:
    """One `security` shared by every operation moves to the top level."""
    ops = _operations(spec)
    values = [op.get("security") for op in ops]
    if ops and all(v == values[0] for v in values):
        for op in ops:
            op.pop("security", None)
        if values[0]:
            spec["security"] = values[0]


def _unique_operation_ids(spec: dict[str, Any]) -> None:
    seen: set[str] = set()
    for op in _operations(spec):
        base = op.get("operationId") or "operation"
        name, count = base, 1
        while name in seen:
            count += 1
            name = f"{base}_{count}"
        op["operationId"] = name
        seen.add(name)
