"""Reading a spec: following local `$ref`s and listing operations in canonical order.

The one `$ref` reader of the generator: a reference is a URI fragment (`#/a/b~1c/0`), percent-escapes are
undone before `~1`/`~0`, so `#/components/schemas/My%20Pet` and `My Pet` name one place everywhere.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

# OpenAPI's own order of the operations of a Path Item Object.
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


_NOWHERE = object()


def _lookup(spec: dict[str, Any], ref: str) -> Any:
    """The value a local `$ref` (a URI fragment: `#/a/b~1c/0`, percent-escapes allowed) names, or _NOWHERE."""
    if ref == "#":
        return spec
    if not ref.startswith("#/"):
        return _NOWHERE
    target: Any = spec
    for part in ref[2:].split("/"):
        part = unescape(part)
        if isinstance(target, dict) and part in target:
            target = target[part]
        elif isinstance(target, list) and part.isdigit() and int(part) < len(target):
            target = target[int(part)]
        else:
            return _NOWHERE
    return target


def unescape(part: str) -> str:
    """One segment of a `$ref` fragment as the key it names: percent-escapes, then `~1` and `~0`."""
    return unquote(part).replace("~1", "/").replace("~0", "~")


def target(spec: dict[str, Any], ref: str) -> Any:
    """The value a local `$ref` names, or None when it names no place in the document."""
    found = _lookup(spec, ref)
    return None if found is _NOWHERE else found


def exists(spec: dict[str, Any], ref: str) -> bool:
    """Whether a local `$ref` names a place in the document."""
    return _lookup(spec, ref) is not _NOWHERE


def resolve(spec: dict[str, Any], node: Any, hops: int = 10) -> Any:
    """The object a local `$ref` points at, followed up to `hops` times; else the node itself."""
    for _ in range(hops):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            return node
        target = _lookup(spec, node["$ref"])
        if target is _NOWHERE or target is None:
            return node
        node = target
    return node


def deref(spec: dict[str, Any], node: Any, seen: frozenset[str] = frozenset()) -> tuple[Any, frozenset[str]]:
    """`node` with its `$ref` chain followed, and the refs followed on the way (pass them back in to guard
    cycles while walking deeper). Siblings of a `$ref` override its target's keys, as in OpenAPI 3.1; a
    cycle gives `{}`, a ref to nowhere gives the siblings alone."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen:
            return {}, seen
        seen = seen | {ref}
        target = _lookup(spec, ref)
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        if not isinstance(target, dict):
            return (siblings if target is _NOWHERE or target is None else target), seen
        node = {**target, **siblings} if siblings else target
    return node, seen


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """(path, method, operation, path item) for every operation: paths sorted, methods in OpenAPI's order."""
    result: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = []
    paths = spec.get("paths")
    if not isinstance(paths, dict):
        return result
    for path in sorted(paths, key=str):
        item = resolve(spec, paths[path])
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                result.append((str(path), method, item[method], item))
    return result


def pointer(*parts: object) -> str:
    """A JSON pointer (RFC 6901) to the place the parts name: `pointer("paths", "/a", "get")` -> /paths/~1a/get."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts) or "/"


def json_key(key: Any) -> str:
    """A mapping key as JSON spells it: YAML reads `200:` as an int and `true:` as a bool."""
    if isinstance(key, str):
        return key
    if isinstance(key, bool) or key is None:
        return {True: "true", False: "false", None: "null"}[key]
    return str(key)


def clone(node: Any) -> Any:
    """A deep copy of JSON-shaped data (dicts, lists, scalars), keys as JSON strings; several times faster
    than copy.deepcopy."""
    if isinstance(node, dict):
        return {json_key(key): clone(value) for key, value in node.items()}
    if isinstance(node, list):
        return [clone(value) for value in node]
    return node


def sequence(value: Any) -> list[Any]:
    """The value when it is a list, else an empty one (see `mapping`)."""
    return value if isinstance(value, list) else []


def mapping(value: Any) -> dict[str, Any]:
    """The value when it is a mapping, else an empty one: documents from the wild hold anything anywhere."""
    return value if isinstance(value, dict) else {}
