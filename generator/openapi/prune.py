"""Dropping what cannot be repaired: only the operation or component a problem touches, one warning each.

After `repair.py` a third-party document may still hold problems no reader can see through (a schema of an
unknown type, a response that is a number, a `$ref` to nothing). Rather than reject a 900-operation SDK for
one broken schema, `prune` drops the smallest unit holding each problem the validator names, the way
openapi-python-client warns and goes on:

- a problem inside `paths/<path>/<method>` drops that operation (a path left with none goes too);
- inside another part of a path item (its shared parameters) or a webhook, that path item;
- inside `components/<kind>/<name>`, that component. `$ref`s to a dropped schema become the empty schema
  (any value), so the operations using it stay; references to other dropped components leave the
  operations that use them invalid, and the next round drops those;
- inside `servers`, `tags` or `security`, that entry; `info.contact`/`info.license`/`externalDocs`, that key.

Rounds repeat until the document is valid (or a problem lies where nothing can be dropped: the document
itself, `openapi`, `info` as a whole; that one stays an error).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from generator.core.walk import HTTP_METHODS, mapping, pointer
from generator.openapi.repair import one_line
from generator.openapi.validate import spec_problems

MAX_ROUNDS = 100


def _parts(where: str) -> list[str]:
    if where in ("", "/"):
        return []
    return [p.replace("~1", "/").replace("~0", "~") for p in where.lstrip("/").split("/")]


def unit_of(where: str) -> tuple[str, ...] | None:
    """The droppable unit (as path parts) holding the place a JSON pointer names; None: nothing to drop."""
    parts = _parts(where)
    if len(parts) >= 2 and parts[0] in ("paths", "webhooks"):
        if parts[0] == "paths" and len(parts) >= 3 and parts[2] in HTTP_METHODS:
            return tuple(parts[:3])
        return tuple(parts[:2])
    if len(parts) >= 3 and parts[0] == "components":
        return tuple(parts[:3])
    if len(parts) >= 2 and parts[0] in ("servers", "tags", "security") and parts[1].isdigit():
        return tuple(parts[:2])
    if len(parts) >= 2 and parts[0] == "info" and parts[1] in ("contact", "license", "summary",
                                                                 "termsOfService", "description"):
        return tuple(parts[:2])
    if parts and parts[0] == "externalDocs":
        return ("externalDocs",)
    return None


def _describe(unit: tuple[str, ...]) -> str:
    if unit[0] == "paths" and len(unit) == 3:
        return f"operation {unit[2].upper()} {unit[1]}"
    if unit[0] in ("paths", "webhooks"):
        return f"path item {unit[1]}" if unit[0] == "paths" else f"webhook {unit[1]!r}"
    if unit[0] == "components":
        return f"{unit[1]} component {unit[2]!r}"
    return pointer(*unit)


def prune(spec: dict[str, Any], source: str) -> list[str]:
    """Drop, in place, every unit holding a problem the validator reports; one warning per unit dropped.

    Returns the warnings; leaves problems it cannot attribute to a unit for the caller's validation to
    report (nothing is dropped for them).
    """
    warnings: list[str] = []
    for _ in range(MAX_ROUNDS):
        problems = spec_problems(spec, engine="compiled", limit=200)
        units: dict[tuple[str, ...], tuple[str, str]] = {}
        for where, message in problems:
            unit = unit_of(where)
            if unit is None:
                return warnings  # not droppable: validation reports it as an error
            units.setdefault(unit, (where, message))
        if not units:
            return warnings
        # List entries from the back, so earlier indices stay right.
        for unit in sorted(units, key=lambda u: [int(p) if p.isdigit() else -1 for p in u], reverse=True):
            where, message = units[unit]
            if _drop(spec, unit):
                warnings.append(one_line(f"{source}: at {where}: {message}; {_describe(unit)} dropped"))
    return warnings


def _drop(spec: dict[str, Any], unit: tuple[str, ...]) -> bool:
    head = unit[0]
    if head == "paths" and len(unit) == 3:
        item = mapping(mapping(spec.get("paths")).get(unit[1]))
        if unit[2] not in item:
            return False
        del item[unit[2]]
        if not any(method in item for method in HTTP_METHODS):
            del spec["paths"][unit[1]]
        return True
    if head in ("paths", "webhooks"):
        return mapping(spec.get(head)).pop(unit[1], None) is not None
    if head == "components":
        kind = mapping(mapping(spec.get("components")).get(unit[1]))
        if unit[2] not in kind:
            return False
        del kind[unit[2]]
        if not kind:
            del spec["components"][unit[1]]
        if unit[1] == "schemas":
            _free_references(spec, f"#/components/schemas/{unit[2].replace('~', '~0').replace('/', '~1')}")
        if unit[1] == "securitySchemes":
            _drop_requirements(spec, unit[2])
        return True
    if head in ("servers", "tags", "security"):
        entries = spec.get(head)
        if not isinstance(entries, list) or int(unit[1]) >= len(entries):
            return False
        del entries[int(unit[1])]
        if not entries:
            del spec[head]
        return True
    if head == "info":
        return mapping(spec.get("info")).pop(unit[1], None) is not None
    return spec.pop(head, None) is not None


def _free_references(node: Any, ref: str) -> None:
    """Every `$ref` to a dropped schema (or into it) becomes the empty schema: any value, described."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            target = current.get("$ref")
            target = unquote(target) if isinstance(target, str) else None  # `%20` and ` ` name one place
            if target is not None and (target == ref or target.startswith(ref + "/")):
                del current["$ref"]
            for key, value in current.items():
                if isinstance(value, (dict, list)) and key not in ("example", "examples", "enum", "const") \
                        and not str(key).startswith("x-"):
                    stack.append(value)
        elif isinstance(current, list):
            stack.extend(v for v in current if isinstance(v, (dict, list)))


def _drop_requirements(spec: dict[str, Any], scheme: str) -> None:
    """Security requirements naming a dropped scheme lose that name (a requirement left empty goes)."""
    holders = [spec] + [op for item in mapping(spec.get("paths")).values() for m, op in mapping(item).items()
                        if m in HTTP_METHODS and isinstance(op, dict)]
    for holder in holders:
        if isinstance(holder.get("security"), list):
            kept = []
            for requirement in holder["security"]:
                if isinstance(requirement, dict) and scheme in requirement:
                    requirement = {k: v for k, v in requirement.items() if k != scheme}
                    if not requirement:
                        continue
                kept.append(requirement)
            holder["security"] = kept
