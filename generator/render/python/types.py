"""Python annotations for the values of a spec's schemas, as the SDK's signatures write them.

Object models become their classes (inline ones lifted into the `SchemaSet` as they are met, named from
where they stand); every other schema (scalars, arrays, enums, unions) becomes an annotation such as
`list[Image] | None` or `Literal["url", "b64_json"]`. Each is a `PyType`, which knows the classes and helpers
it names, so what a module imports is read from the types it uses.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.render.python.schemas import SchemaSet, is_enum, is_object_model
from generator.render.templates import py_string

SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}


@dataclass(frozen=True)
class PyType:
    """A Python annotation as the members of its union (`list[Image]`, `None`), with the names it needs
    imported: classes of the `models` package, and helpers (`Any`, `Literal` from typing, `FileInput` from
    the runtime). What a module imports is read from these, never from the text it renders."""

    members: tuple[str, ...]
    models: frozenset[str] = frozenset()
    helpers: frozenset[str] = frozenset()

    @classmethod
    def model(cls, name: str) -> PyType:
        return cls((name,), models=frozenset({name}))

    @property
    def text(self) -> str:
        return " | ".join(self.members)

    def __str__(self) -> str:
        return self.text

    def wrap(self, template: str) -> PyType:
        """This type inside a generic (`list[{}]`): one member, the same names to import."""
        return PyType((template.format(self.text),), self.models, self.helpers)


ANY = PyType(("Any",), helpers=frozenset({"Any"}))
NONE = PyType(("None",))
STR = PyType(("str",))
FILE = PyType(("FileInput",), helpers=frozenset({"FileInput"}))


def union(types: list[PyType]) -> PyType:
    """The union of `types`: each member once, where it first stood, `Literal`s merged into one; `Any` when
    any member is `Any` (or there are none)."""
    members = _merge_literals(list(dict.fromkeys(member for found in types for member in found.members)))
    if "Any" in members or not members:
        return ANY
    return PyType(tuple(members), frozenset().union(*(t.models for t in types)),
                  frozenset().union(*(t.helpers for t in types)))


@dataclass
class Typer:
    """Annotations over one `SchemaSet`; typing an inline object lifts it into the set as a class."""

    schemas: SchemaSet
    _expanding: set[str] = field(default_factory=set)  # refs being expanded (cycle guard)

    def model_for(self, schema: Any, hint: str) -> str | None:
        """The class name of `schema` when it is an object model (a component, or an inline one lifted here).

        Components that are not objects (enums, arrays, scalars) get no class here: arguments and return
        values use their plain annotation, so callers pass `"vivid"` or a list rather than a wrapper.
        """
        if not isinstance(schema, dict):
            return None
        ref = schema.get("$ref")
        if isinstance(ref, str):
            name = self.schemas.class_ref(ref)
            if name is not None and is_object_model(self.schemas.resolve(schema)):
                return name
            return None
        if is_object_model(schema):
            return self.schemas.lift(schema, hint)
        return None

    def annotation(self, schema: Any, hint: str, file: bool = False) -> PyType:
        """A Python annotation for values of `schema`; inline objects become lifted models named from `hint`.

        `file` marks a multipart body, where binary strings are files (bytes, a path or a file object).
        """
        if not isinstance(schema, dict) or not schema:
            return ANY
        model = self.model_for(schema, hint)
        if model is not None:
            return PyType.model(model)
        ref = schema.get("$ref")
        if isinstance(ref, str):
            if ref in self._expanding:
                return ANY  # a schema that contains itself other than through an object
            self._expanding.add(ref)
            try:
                target = self.schemas.resolve(schema)
                inner = self.annotation(target, hint, file)
            finally:
                self._expanding.discard(ref)
            name = self.schemas.class_ref(ref)
            if name is not None and isinstance(target, dict) and inner.text.startswith("Literal[") and is_enum(target):
                return union([PyType.model(name), inner])  # the generated Enum class, or its plain values
            return inner
        parts = list(self._annotation_parts(schema, hint, file))
        if schema.get("nullable") is True:
            parts.append(NONE)
        return union(parts)

    def _annotation_parts(self, schema: dict[str, Any], hint: str, file: bool) -> Iterator[PyType]:
        enum = schema.get("enum")
        if "const" in schema:
            enum = [schema["const"]]
        if isinstance(enum, list) and enum:
            literals = [_literal(v) for v in enum if v is not None]
            if all(lit is not None for lit in literals) and literals:
                yield PyType((f"Literal[{', '.join(str(lit) for lit in literals)}]",), helpers=frozenset({"Literal"}))
                if None in enum:
                    yield NONE
                return
        for key in ("oneOf", "anyOf"):
            options = schema.get(key)
            if isinstance(options, list) and options:
                for index, option in enumerate(options):
                    yield self.annotation(option, f"{hint}{index + 1}", file)
                return
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1:
            yield self.annotation(all_of[0], hint, file)
            return
        if isinstance(all_of, list) and all_of:
            yield ANY
            return
        types = schema.get("type")
        type_list = types if isinstance(types, list) else [types] if isinstance(types, str) else []
        if not type_list:
            yield ANY
            return
        for kind in type_list:
            if kind == "string" and file and (schema.get("format") == "binary" or "contentMediaType" in schema):
                yield FILE
            elif kind in SCALARS:
                yield PyType((SCALARS[kind],))
            elif kind == "array":
                items = schema.get("items")
                yield self.annotation(items if isinstance(items, dict) else {}, f"{hint}Item", file).wrap("list[{}]")
            elif kind == "object":
                values = schema.get("additionalProperties")
                inner = self.annotation(values, f"{hint}Value") if isinstance(values, dict) and values else ANY
                yield inner.wrap("dict[str, {}]")
            else:
                yield ANY


def _merge_literals(parts: list[str]) -> list[str]:
    """Several `Literal[...]` members of a union (a oneOf of consts) as one, each value once, where the first was."""
    literals = [part for part in parts if part.startswith("Literal[")]
    if len(literals) < 2:
        return parts
    members: dict[tuple[str, Any], str] = {}
    for part in literals:
        try:
            node = ast.parse(part, mode="eval").body
        except SyntaxError:
            return parts
        if not isinstance(node, ast.Subscript):
            return parts
        for element in node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]:
            source = ast.get_source_segment(part, element)
            if not isinstance(element, ast.Constant) or source is None:
                return parts
            members.setdefault((type(element.value).__name__, element.value), source)
    merged = f"Literal[{', '.join(members.values())}]"
    first = parts.index(literals[0])
    rest = [part for part in parts if not part.startswith("Literal[")]
    return [*rest[:first], merged, *rest[first:]]


def _literal(value: Any) -> str | None:
    """A Literal member for an enum value; None when Literal cannot hold it (floats, objects)."""
    if isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, str):
        return py_string(value)
    return None


def default_literal(value: Any, annotation: str) -> str | None:
    """Python source for a documented default, when it fits the annotation; else None (no default)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    source = py_string(value) if isinstance(value, str) else repr(value)
    names: set[str] = set()
    for part in _union_parts(annotation):
        if isinstance(part, ast.Subscript) and ast.unparse(part.value) == "Literal":
            members = part.slice.elts if isinstance(part.slice, ast.Tuple) else [part.slice]
            if any(isinstance(m, ast.Constant) and type(m.value) is type(value) and m.value == value
                   for m in members):
                return source
        names.add(ast.unparse(part))
    kind = {bool: "bool", int: "int", float: "float", str: "str"}.get(type(value))
    if kind in names:
        return source
    if kind == "int" and "float" in names:
        return repr(float(value))
    return None


def _union_parts(annotation: str) -> list[ast.expr]:
    """The members of an annotation such as `Literal["a|b"] | int | None`, parsed rather than split."""
    try:
        node = ast.parse(annotation, mode="eval").body
    except SyntaxError:
        return []
    parts: list[ast.expr] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.BinOp) and isinstance(current.op, ast.BitOr):
            stack.extend([current.right, current.left])
        else:
            parts.append(current)
    return parts
