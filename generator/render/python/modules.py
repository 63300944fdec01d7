"""Which module of the SDK's `models` package each class lives in, decided from what the resources use.

A class used (directly or through other classes) by the operations of one resource lives in
`models/<resource>.py`, one used by several in `models/_shared.py`, one no operation uses in `models/_other.py`.
Resource modules import from their own module and `_shared`, `_shared` only from itself, so imports never
cycle. Part of the plan: every import of a model is looked up here, before any code is written.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from generator.render.python.schemas import CLASS_PREFIX, SchemaSet

# Classes per module at most, and bytes of the schemas of `_other` (compact JSON), but a cycle of classes
# stays whole: each module is one datamodel-code-generator call, whose memory grows with what it is given
# (~125 MiB for 700 kB of GitHub's webhook payloads, ~30 MiB for 150 kB), and calls of even size share the
# worker processes evenly.
_MODULE_CLASSES = 250
_MODULE_BYTES = 150_000

SHARED = "_shared"
OTHER = "_other"


def refs(schema: Any, found: set[str]) -> set[str]:
    """The classes `schema` refers to, at any depth."""
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(CLASS_PREFIX):
                found.add(value[len(CLASS_PREFIX):])
            else:
                refs(value, found)
    elif isinstance(schema, list):
        for value in schema:
            refs(value, found)
    return found


def _together(schema: Any, found: list[set[str]]) -> list[set[str]]:
    """Groups of classes that must share a module: a discriminated union and its members (the generator
    rewrites the members' discriminator field)."""
    if isinstance(schema, dict):
        if isinstance(schema.get("discriminator"), dict):
            found.append(refs({k: schema.get(k) for k in ("oneOf", "anyOf", "discriminator")}, set()))
        for value in schema.values():
            _together(value, found)
    elif isinstance(schema, list):
        for value in schema:
            _together(value, found)
    return found


def assign_modules(schemas: SchemaSet, used: dict[str, set[str]]) -> dict[str, str]:
    """The module of every class, given the classes each resource module's code names (`used`)."""
    deps = {name: refs(schema, set()) & schemas.schemas.keys() for name, schema in schemas.schemas.items()}
    users: dict[str, set[str]] = {name: set() for name in schemas.schemas}
    for resource, names in sorted(used.items()):
        stack = sorted(names & users.keys())
        while stack:
            name = stack.pop()
            if resource not in users[name]:
                users[name].add(resource)
                stack.extend(deps[name])
    module = {name: next(iter(found)) if len(found) == 1 else SHARED if found else OTHER
              for name, found in users.items()}
    groups = [group | {name} for name, schema in schemas.schemas.items() for group in _together(schema, [])]
    changed = True
    while changed:  # a class a module refers to lives there or in _shared; groups stay whole
        changed = False
        for group in groups:
            labels = {module[name] for name in group} - {OTHER}
            if len(labels) > 1 or (labels and any(module[name] == OTHER for name in group)):
                for name in group:
                    if module[name] != SHARED:
                        module[name], changed = SHARED, True
        for name, names in deps.items():
            for dep in names:
                if module[dep] not in (module[name], SHARED) and module[name] != OTHER:
                    module[dep], changed = SHARED, True
    return _split_large(module, deps, {name: len(json.dumps(schema, separators=(",", ":")))
                                       for name, schema in schemas.schemas.items()})


def _split_large(module: dict[str, str], deps: dict[str, set[str]], sizes: dict[str, int]) -> dict[str, str]:
    """Modules of more than `_MODULE_CLASSES` classes, and `_other` of more than `_MODULE_BYTES` of schemas, cut
    into parts (`_other`, `_other_2`...): whole cycles of classes in dependency order, so that a part imports
    only from the parts before it."""
    members: dict[str, list[str]] = {}
    for name, label in module.items():
        members.setdefault(label, []).append(name)
    for label, names in members.items():
        # bytes count in `_other` only: cut elsewhere, a class that only classes of another part refer to
        # (an alias, `allOf: [$ref]`) is dropped by datamodel-code-generator as unused
        limit = _MODULE_BYTES if label == OTHER else sys.maxsize
        if len(names) <= _MODULE_CLASSES and sum(sizes[name] for name in names) <= limit:
            continue
        part, count, size = 1, 0, 0
        for component in _components(names, {n: deps[n] & set(names) for n in names}):
            weight = sum(sizes[name] for name in component)
            if count and (count + len(component) > _MODULE_CLASSES or size + weight > limit):
                part, count, size = part + 1, 0, 0
                while f"{label}_{part}" in members:
                    part += 1
            count += len(component)
            size += weight
            for name in component:
                module[name] = label if part == 1 else f"{label}_{part}"
    return module


def _components(names: list[str], edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of `edges` (Tarjan's, iterative), each after the ones it depends on."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    order = {name: i for i, name in enumerate(names)}
    for root in names:
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root], key=order.__getitem__)))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child], key=order.__getitem__))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                found.append(sorted(component, key=order.__getitem__))
    return found
