"""Names in generated code, shared by every renderer so the SDK, its docs and examples agree.

Wire names from docs are untrusted: they may be Python keywords, hold `-`, spaces, Chinese or emoji, or
start with a digit. Every function here returns an ASCII identifier that is valid Python and stable for
the same input; callers keep the wire name beside it (aliases, `name=` in requests).
"""

from __future__ import annotations

import hashlib
import keyword
import re
from typing import Any

# Longest name handed out: names become file names (resources/<tag>.py, docs/operations/<operationId>.md)
# and most file systems stop at 255 bytes. A longer one keeps its first words and gains a hash of the rest.
MAX_NAME = 64

# Names that would shadow something the generated code relies on.
_RESERVED = {"self", "cls", "client", "options", "timeout", "extra_headers", "extra_query", "extra_body"}


def _words(text: str) -> list[str]:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", text)
    spaced = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", spaced)
    return [w for w in re.split(r"[^A-Za-z0-9]+", spaced) if w]


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def snake(text: str, fallback: str = "field") -> str:
    """snake_case ASCII identifier of at most MAX_NAME characters; a name with no ASCII letters gets a
    stable hashed one."""
    words = _words(text)
    if not words:
        return f"{fallback}_{_digest(text)}"
    name = "_".join(w.lower() for w in words)
    if name[0].isdigit():
        name = f"{fallback}_{name}"
    if len(name) > MAX_NAME:
        name = f"{name[:MAX_NAME - 9].rstrip('_')}_{_digest(name)}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in _RESERVED:
        name += "_"
    return name


def pascal(text: str, fallback: str = "Model") -> str:
    """PascalCase ASCII class name of at most MAX_NAME characters."""
    words = _words(text)
    if not words:
        return f"{fallback}{_digest(text).upper()}"
    name = "".join(w[:1].upper() + w[1:] for w in words)
    name = f"{fallback}{name}" if name[0].isdigit() else name
    if len(name) > MAX_NAME:
        name = f"{name[:MAX_NAME - 8]}{_digest(name).upper()}"
    return name


def unique(names: list[str]) -> list[str]:
    """Same names, with `_2`, `_3`... appended to later duplicates."""
    seen: dict[str, int] = {}
    result = []
    for name in names:
        count = seen.get(name, 0) + 1
        seen[name] = count
        candidate = name if count == 1 else f"{name}_{count}"
        while candidate in seen and count > 1:
            count += 1
            candidate = f"{name}_{count}"
        seen[candidate] = max(seen.get(candidate, 0), 1)
        result.append(candidate)
    return result


def resource_name(operation: dict[str, Any]) -> str:
    """Attribute of the client an operation hangs off: `client.<resource>`; from its first tag."""
    tags = operation.get("tags") or ["default"]
    return snake(str(tags[0]), fallback="resource")


def method_name(operation: dict[str, Any]) -> str:
    """Method of the resource: the operationId with the resource's own words dropped from its front."""
    resource = resource_name(operation)
    name = snake(str(operation.get("operationId") or "call"), fallback="call")
    if name.startswith(resource + "_") and len(name) > len(resource) + 1:
        name = name[len(resource) + 1:]
    return name if not name[0].isdigit() else f"call_{name}"
