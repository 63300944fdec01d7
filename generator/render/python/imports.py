"""What a generated module imports, and its import block laid out the way `ruff check` (isort rules) expects.

A resource module's imports follow from its plan (`resource_imports`): the models its types name, the
typing names and runtime helpers its operations' shapes call for. Blocks are laid out without a formatter:
`__future__`, standard library, third party, then relative imports, each group sorted, names ordered
constants-classes-functions, long lines wrapped one name per line.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.render.python.plan import Operation, Resource
    from generator.render.python.webhooks import WebhookSet

LINE_LENGTH = 88
_THIRD_PARTY_ROOTS = {"pydantic", "httpx", "typing_extensions", "pydantic_core"}


def name_key(name: str, case_sensitive: bool = False) -> tuple[int, list[tuple[int, int, str]], str]:
    """isort's order: CONSTANTS, then Classes, then functions; natural (`Item2` before `Item10`) within each,
    case-insensitive as in import lists, or case-sensitive as ruff wants `__all__`."""
    bare = name.split(" as ")[0]
    kind = 0 if bare.isupper() and len(bare) > 1 else 1 if bare[:1].isupper() else 2
    text = bare if case_sensitive else bare.lower()
    natural = [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.findall(r"\d+|\D+", text)]
    return kind, natural, bare


def from_import(module: str, names: list[str] | set[str], indent: int = 0) -> str:
    """`from module import a, B, C` with names ordered as isort does, wrapped past the line length.

    `indent` is where the line will stand (inside `if TYPE_CHECKING:`), which counts toward its length.
    """
    ordered = sorted(set(names), key=name_key)
    line = f"from {module} import {', '.join(ordered)}"
    if len(line) + indent <= LINE_LENGTH:
        return line
    inner = "".join(f"    {name},\n" for name in ordered)
    return f"from {module} import (\n{inner})"


def _section(module: str) -> int:
    if module == "__future__":
        return 0
    if module.startswith("."):
        return 3
    root = module.split(".")[0]
    if root in _THIRD_PARTY_ROOTS or root not in sys.stdlib_module_names:
        return 2
    return 1


def _module_key(module: str) -> tuple[int, str]:
    level = len(module) - len(module.lstrip("."))
    return -level, module.lstrip(".").lower()


def import_block(imports: dict[str, set[str]], indent: int = 0) -> str:
    """The import block for `{module: names}`, groups separated by blank lines; the name "" stands for a
    plain `import module` (placed before the section's from-imports, as isort does)."""
    sections: dict[int, list[str]] = {}
    plain: dict[int, list[str]] = {}
    for module in sorted(imports, key=_module_key):
        names = imports[module] - {""}
        if "" in imports[module]:
            plain.setdefault(_section(module), []).append(f"import {module}")
        if names:
            sections.setdefault(_section(module), []).append(from_import(module, names, indent))
    return "\n\n".join("\n".join(plain.get(key, []) + sections.get(key, []))
                        for key in sorted(set(sections) | set(plain)))


# Where each name a resource module may use comes from.
_SOURCES: dict[str, str] = {
    "Any": "typing", "Literal": "typing", "cast": "typing", "Callable": "collections.abc",
    "cached_property": "functools", "_queue": "..", "Mapping": "collections.abc", "Iterator": "collections.abc",
    "AsyncIterator": "collections.abc", "SyncRequestHandle": ".._queue", "AsyncRequestHandle": ".._queue",
    **{name: ".._base" for name in (
        "NOT_GIVEN", "AsyncResource", "NotGiven", "Body", "FileInput", "Headers", "Query", "RequestOptions", "SyncResource",
        "Timeout", "_path", "async_to_raw_response", "file_parts", "form_fields", "header_params", "json_body",
        "jsonable", "query_params", "raw_content", "to_raw_response")},
}
# What every resource module uses (its classes, `with_raw_response`), and every operation (one request).
_RESOURCE_NAMES = {"cached_property", "SyncResource", "AsyncResource", "to_raw_response", "async_to_raw_response"}
_OPERATION_NAMES = {"cast", "RequestOptions", "query_params", "header_params", "Headers", "Query", "Timeout",
                    "NOT_GIVEN"}
_QUEUE_NAMES = {"Callable", "Any", "_queue", "Mapping", "Iterator", "AsyncIterator", "SyncRequestHandle",
                "AsyncRequestHandle"}


def operation_names(op: Operation) -> set[str]:
    """The typing names and runtime helpers one generated method uses: its types', and those the way its
    request is sent calls for (see `resources/_macros.jinja`)."""
    names = set(_OPERATION_NAMES)
    for found in (op.returns, *(p.annotation for p in op.params)):
        names |= found.helpers
    if any(not p.required and not p.sends_default for p in op.params):
        names.add("NotGiven")
    if op.path_params:
        names.add("_path")
    if op.body_kind in ("json", "multipart", "form") and not op.body_whole:
        names.add("Body")
    if op.body_kind == "json":
        names.add("jsonable" if op.body_whole else "json_body")
    elif op.body_kind in ("multipart", "form"):
        names.add("form_fields")
        if op.body_whole:
            names.add("jsonable")
        elif op.located("file"):
            names.add("file_parts")
    elif op.body_kind == "content":
        names.add("raw_content")
    return names


def resource_imports(resource: Resource, home: dict[str, str], builtins: bool) -> dict[str, set[str]]:
    """`{module: names}` a resource module imports: `builtins` when its code qualifies a shadowed builtin."""
    names = set(_RESOURCE_NAMES)
    for op in resource.operations:
        names |= operation_names(op)
    if resource.queue is not None:
        names |= _QUEUE_NAMES
        for ticket in (resource.queue.ticket, resource.queue.result_type):
            names |= ticket.helpers
        for op in resource.operations:
            names |= op.queue_result.helpers if op.queue_result is not None else set()
        if any(op.queue and op.body_kind in ("json", "multipart", "form") and not op.body_whole
               for op in resource.operations):
            names.add("Body")  # `run(extra_body=...)`
    imports: dict[str, set[str]] = {"builtins": {""}} if builtins else {}
    for name in names:
        imports.setdefault(_SOURCES[name], set()).add(name)
    for name in resource.models:
        imports.setdefault(f"..models.{home[name]}", set()).add(name)
    return imports


def webhook_imports(hooks: WebhookSet, home: dict[str, str]) -> dict[str, set[str]]:
    """`{module: names}` the package's `webhooks.py` imports (it sits one level above `resources/`)."""
    imports: dict[str, set[str]] = {".": {"_webhooks"}, "typing": {"TypeAlias"}}
    if hooks.discriminator:
        imports["typing"].add("Annotated")
        imports["pydantic"] = {"Field"}
    for name in hooks.models:
        imports.setdefault(f".models.{home[name]}", set()).add(name)
    for helper in hooks.event_type.helpers:
        source = _SOURCES[helper]
        imports.setdefault(source[1:] if source.startswith("..") else source, set()).add(helper)
    return imports
