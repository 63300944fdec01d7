"""ASCII names from untrusted text, the same in every stage so a spec's operationId and the SDK method built
from it agree.

Wire names from docs may hold `-`, spaces, Chinese or emoji, or start with a digit. Every function returns
an ASCII name that is stable for the same input. What a target language reserves (Python's keywords, an
SDK's own attribute names) is that renderer's concern: see `generator.render.naming`.
"""

from __future__ import annotations

import hashlib
import re

# Longest name produced: names become module file names (`resources/<tag>.py`), and a file system takes
# 255 bytes per name; a longer name keeps its start and gets a hash of the whole, so it stays unique.
MAX_NAME = 64


def words(text: str) -> list[str]:
    """The ASCII words of `text`: split at non-alphanumerics and at camelCase humps (`HTTPServer2x` ->
    `HTTP`, `Server2x`)."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", text)
    spaced = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", spaced)
    return [w for w in re.split(r"[^A-Za-z0-9]+", spaced) if w]


def digest(text: str) -> str:
    """Eight hex digits that stand for `text`."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def bounded(name: str, separator: str) -> str:
    """The name itself up to MAX_NAME characters; else its start and a hash of the whole."""
    if len(name) <= MAX_NAME:
        return name
    start = name[:MAX_NAME - 8 - len(separator)].rstrip("_")
    return f"{start}{separator}{digest(name) if separator else digest(name).upper()}"


def snake(text: str, fallback: str = "field") -> str:
    """snake_case ASCII name of at most MAX_NAME characters that starts with a letter; a text with no ASCII
    letters gets a stable hashed one (`fallback_1a2b3c4d`)."""
    found = words(text)
    if not found:
        return f"{fallback}_{digest(text)}"
    name = bounded("_".join(w.lower() for w in found), "_")
    if name[0].isdigit():
        name = f"{fallback}_{name}"
    if len(name) > MAX_NAME:
        name = f"{name[:MAX_NAME - 9].rstrip('_')}_{digest(name)}"
    return name


def pascal(text: str, fallback: str = "Model") -> str:
    """PascalCase ASCII class name of at most MAX_NAME characters."""
    found = words(text)
    if not found:
        return f"{fallback}{digest(text).upper()}"
    name = bounded("".join(w[:1].upper() + w[1:] for w in found), "")
    return f"{fallback}{name}" if name[0].isdigit() else name


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
