"""Python names in generated code, shared by every renderer so the SDK, its docs and examples agree.

Wire names from docs are untrusted: they may be Python keywords, hold `-`, spaces, Chinese or emoji, or
start with a digit. Every function here returns an ASCII identifier that is valid Python and stable for
the same input; callers keep the wire name beside it (aliases, `name=` in requests).
"""

from __future__ import annotations

import keyword
import sys
from typing import Any

from generator.core import naming
from generator.core.naming import MAX_NAME, bounded, unique

__all__ = [
    "MAX_NAME",
    "method_name",
    "module_file",
    "package_identifier",
    "pascal",
    "resource_name",
    "snake",
    "unique",
]

# File names Windows reserves for devices (`con.py` cannot be created there): modules get a `_` after.
WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
# Import names a generated package must not take: the standard library's and those of the SDK's own
# dependencies (a package named `calendar` would hide the one `http.cookiejar` imports, or not import at all).
SHADOWED_PACKAGES = set(sys.stdlib_module_names) | {
    "httpx", "httpcore", "h11", "anyio", "sniffio", "idna", "certifi", "pydantic", "pydantic_core",
    "typing_extensions", "annotated_types", "typing_inspection", "starlette", "uvicorn", "builtins",
}

# Names that would shadow something the generated code relies on.
_RESERVED = {"self", "cls", "client", "options", "timeout", "extra_headers", "extra_query", "extra_body"}


def snake(text: str, fallback: str = "field") -> str:
    """A snake_case Python identifier: `core.naming.snake`, with `_` after a keyword or a name the generated
    code uses itself (`self`, `timeout`...)."""
    name = naming.snake(text, fallback)
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in _RESERVED:
        name += "_"
    return name


def pascal(text: str, fallback: str = "Model") -> str:
    """PascalCase class name (`core.naming.pascal`) that keeps the boundary between two numbers, which
    joining would lose: `wan_v2_2_a14b` must not read `WanV22A14b`, version 22.

    Two numbers in a row are joined with `Dot` (`v2_2` -> `V2Dot2`, `gpt_4_1` -> `Gpt4Dot1`): in tags and
    schema names they are nearly always a version whose dot the snake_case name lost, the class reads as
    that version, and unlike `V2_2` it is CapWords (pep8-naming's N801 accepts it). The attribute keeps
    the snake_case form (`client.wan_v2_2_a14b_image_to_image`).
    """
    found = naming.words(text)
    if not found:
        return naming.pascal(text, fallback)
    parts: list[str] = []
    for word in found:
        if parts and word[0].isdigit() and parts[-1][-1].isdigit():
            parts.append("Dot")
        parts.append(word[:1].upper() + word[1:])
    name = bounded("".join(parts), "")
    return f"{fallback}{name}" if name[0].isdigit() else name


def module_file(name: str) -> str:
    """The file stem for a module named `name`: Windows device names (`con`, `nul`, `com1`) get a `_`."""
    return f"{name}_" if name.lower() in WINDOWS_DEVICES else name


def package_identifier(name: str) -> str:
    """An import name a generated package can take: one shadowing the standard library or a dependency, or a
    Windows device name, gets `_sdk` appended (`calendar` -> `calendar_sdk`)."""
    if name in SHADOWED_PACKAGES or name.lower() in WINDOWS_DEVICES or keyword.iskeyword(name):
        return f"{name}_sdk"
    return name


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
