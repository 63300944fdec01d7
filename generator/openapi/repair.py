"""Repairs of documents apigen did not write: mistakes a reader can see through, fixed with one warning each.

Third-party documents are full of small slips that make them invalid OpenAPI 3.1 (or valid but meaning
something else), although every reader knows what was meant: `default: null` on a plain string, 3.0's
boolean `exclusiveMinimum` in a 3.1 document, `required: true` on a property, a `required` list naming a
field twice, 2019-09's `$recursiveRef`, `nullable: true`, a response without `description`, an `enum` of strings on a `type: number`, a path key
with a `#fragment` (which never reaches a server). `repair` fixes
those in place on an OpenAPI 3.1 dict (after `to_openapi31`, before `normalize`) and returns one warning per
fix, `file: at /json/pointer: what was done`. What cannot be repaired is left to `prune.py`, which drops the
operation or schema it touches.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator
from typing import Any

from generator.core.walk import HTTP_METHODS, deref, mapping, pointer, sequence
from generator.openapi.upgrade import _add_null, _examples_list, _typed_default

Warn = Callable[[str, str], None]  # (JSON pointer, message)


def one_line(text: str) -> str:
    """A warning stays one line even when a name in its pointer holds a line break."""
    return text.replace("\r", "\\r").replace("\n", "\\n")

# Type names written the way some other language spells them.
_TYPE_ALIASES: dict[str, tuple[str, str | None]] = {
    "int": ("integer", None), "long": ("integer", "int64"), "int32": ("integer", "int32"),
    "int64": ("integer", "int64"), "float": ("number", "float"), "double": ("number", "double"),
    "decimal": ("number", None), "bool": ("boolean", None), "str": ("string", None), "text": ("string", None),
    "date": ("string", "date"), "datetime": ("string", "date-time"), "date-time": ("string", "date-time"),
    "file": ("string", "binary"), "binary": ("string", "binary"), "dict": ("object", None),
    "map": ("object", None), "list": ("array", None),
}
_JSON_TYPES = {"string", "number", "integer", "boolean", "object", "array", "null"}
_NUMBER_KEYWORDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")
_COUNT_KEYWORDS = ("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties",
                   "minContains", "maxContains")
_FORMAT_RANGE = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
_NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$")
_SUBSCHEMA = ("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else",
              "unevaluatedItems", "unevaluatedProperties", "additionalItems")
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SUBSCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")


def repair(spec: dict[str, Any], source: str) -> list[str]:
    """Fix, in place, what a reader can repair; one warning line per fix (`source: at /pointer: ...`)."""
    warnings: list[str] = []

    def warn(where: str, message: str) -> None:
        warnings.append(one_line(f"{source}: at {where}: {message}"))

    info = spec.get("info")
    for key, stand_in in (("title", "API"), ("version", "1.0.0")):
        value = mapping(info).get(key)
        if not isinstance(value, str) or not value.strip():
            # normalize() fills these in; said here, since a reader of the document should know
            shown = str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else stand_in
            warn(pointer("info", key), f"info.{key} is missing or not a string; {shown!r} is used")

    for where, holder, key in _schema_slots(spec):
        _repair_schema(holder[key], where, where, warn, spec)
    for where, response in _responses(spec):
        if "$ref" not in response and not isinstance(response.get("description"), str):
            response["description"] = ""
            warn(where, "response has no description; an empty one was added")
    for where, params, path in _parameter_lists(spec):
        _repair_parameters(params, where, path, warn)
    _fix_path_fragments(spec, warn)  # last: the warnings above point into the paths as written
    return warnings


# ---------------------------------------------------------------------------------------------------------
# Where schemas, responses and parameters are


def _schema_slots(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(pointer, holder, key) of every top-level Schema Object: components, parameters, bodies, responses."""
    def of_parameter(param: Any, where: str) -> Iterator[tuple[str, dict[str, Any], str]]:
        if isinstance(param, dict):
            if isinstance(param.get("schema"), dict):
                yield where + "/schema", param, "schema"
            yield from of_content(param.get("content"), where + "/content")

    def of_content(content: Any, where: str) -> Iterator[tuple[str, dict[str, Any], str]]:
        for media, entry in mapping(content).items():
            if isinstance(entry, dict) and isinstance(entry.get("schema"), dict):
                yield where + pointer(media, "schema"), entry, "schema"

    def of_response(response: Any, where: str) -> Iterator[tuple[str, dict[str, Any], str]]:
        if isinstance(response, dict):
            for name, header in mapping(response.get("headers")).items():
                yield from of_parameter(header, where + pointer("headers", name))
            yield from of_content(response.get("content"), where + "/content")

    def of_operation(op: dict[str, Any], where: str) -> Iterator[tuple[str, dict[str, Any], str]]:
        for index, param in enumerate(sequence(op.get("parameters"))):
            yield from of_parameter(param, f"{where}/parameters/{index}")
        body = op.get("requestBody")
        if isinstance(body, dict):
            yield from of_content(body.get("content"), where + "/requestBody/content")
        for code, response in mapping(op.get("responses")).items():
            yield from of_response(response, where + pointer("responses", code))

    components = mapping(spec.get("components"))
    schemas = mapping(components.get("schemas"))
    for name, schema in schemas.items():
        if isinstance(schema, dict):
            yield pointer("components", "schemas", name), schemas, name
    for kind in ("parameters", "headers"):
        for name, param in mapping(components.get(kind)).items():
            yield from of_parameter(param, pointer("components", kind, name))
    for name, body in mapping(components.get("requestBodies")).items():
        if isinstance(body, dict):
            yield from of_content(body.get("content"), pointer("components", "requestBodies", name, "content"))
    for name, response in mapping(components.get("responses")).items():
        yield from of_response(response, pointer("components", "responses", name))
    for section in ("paths", "webhooks"):
        for path, item in mapping(spec.get(section)).items():
            if not isinstance(item, dict):
                continue
            for index, param in enumerate(sequence(item.get("parameters"))):
                yield from of_parameter(param, pointer(section, path, "parameters", index))
            for method in HTTP_METHODS:
                if isinstance(item.get(method), dict):
                    yield from of_operation(item[method], pointer(section, path, method))


def _responses(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, response in mapping(mapping(spec.get("components")).get("responses")).items():
        if isinstance(response, dict):
            yield pointer("components", "responses", name), response
    for path, method, op in _operations(spec):
        for code, response in mapping(op.get("responses")).items():
            if isinstance(response, dict):
                yield pointer("paths", path, method, "responses", code), response


def _operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in mapping(spec.get("paths")).items():
        for method in HTTP_METHODS:
            op = mapping(item).get(method)
            if isinstance(op, dict):
                yield str(path), method, op


def _parameter_lists(spec: dict[str, Any]) -> Iterator[tuple[str, list[Any], str | None]]:
    """(pointer, parameter list, path template or None) of every operation and path item."""
    for path, item in mapping(spec.get("paths")).items():
        if isinstance(mapping(item).get("parameters"), list):
            yield pointer("paths", path, "parameters"), item["parameters"], None
        for method in HTTP_METHODS:
            op = mapping(item).get(method)
            if isinstance(op, dict) and isinstance(op.get("parameters"), list):
                yield pointer("paths", path, method, "parameters"), op["parameters"], str(path)


# ---------------------------------------------------------------------------------------------------------
# Schemas


def _repair_schema(node: Any, where: str, anchor: str, warn: Warn, root: dict[str, Any], depth: int = 0) -> None:
    """One schema and everything nested in it; `anchor` is where a `$recursiveRef` points, `root` the
    document its `$ref`s point into."""
    if not isinstance(node, dict) or depth > 200:
        return
    if node.get("$recursiveAnchor") is True:
        anchor = where
    _fix_nullable(node, where, warn)
    _fix_type(node, where, warn)
    _fix_bounds(node, where, warn)
    _fix_required(node, where, warn)
    _fix_recursive(node, where, anchor, warn)
    if "examples" in node and not isinstance(node["examples"], list):
        node["examples"] = _examples_list(node["examples"])
        warn(where + "/examples", "schema examples must be a list of values; made one")
    if "enum" in node and not isinstance(node["enum"], list):
        warn(where + "/enum", f"enum {node.pop('enum')!r} is not a list; dropped")
    _fix_enum(node, where, warn)
    _fix_annotations(node, where, warn)
    if isinstance(node.get("items"), list):
        node["prefixItems"] = node.pop("items")
        warn(where + "/items", "a list of item schemas is `prefixItems` in OpenAPI 3.1; renamed")
    # Only schemas are visited, so no pointer is spelled out for an absent keyword (GitHub's document holds
    # 44,000 schemas, each with a dozen absent ones).
    for key in _SUBSCHEMA:
        if isinstance(node.get(key), dict):
            _repair_schema(node[key], f"{where}/{key}", anchor, warn, root, depth + 1)
    for key in _SUBSCHEMA_LISTS:
        for index, sub in enumerate(sequence(node.get(key))):
            if isinstance(sub, dict):
                _repair_schema(sub, f"{where}/{key}/{index}", anchor, warn, root, depth + 1)
    for key in _SUBSCHEMA_MAPS:
        for name, sub in mapping(node.get(key)).items():
            if isinstance(sub, dict):
                _repair_schema(sub, where + pointer(key, name), anchor, warn, root, depth + 1)
    # After the children: their types and nullability are settled, and the default is checked last.
    _fix_default(node, where, warn, root)


_OBJECT_KEYS = {"xml": {"name", "namespace", "prefix", "attribute", "wrapped"},
                "discriminator": {"propertyName", "mapping"}, "externalDocs": {"description", "url"}}


def _fix_annotations(node: dict[str, Any], where: str, warn: Warn) -> None:
    """OpenAPI's own objects inside a schema (`xml`, `discriminator`, `externalDocs`) with keys they do not
    define (an `example` under `xml`) lose those keys; one missing what it needs is dropped."""
    for key, allowed in _OBJECT_KEYS.items():
        if key not in node:
            continue
        value = node[key]
        needed = {"discriminator": "propertyName", "externalDocs": "url"}.get(key)
        if not isinstance(value, dict) or needed and not isinstance(value.get(needed), str):
            del node[key]
            warn(f"{where}/{key}", f"{key} {value!r} is not a valid {key} object; dropped"[:300])
            continue
        extra = sorted(str(k) for k in value if k not in allowed and not str(k).startswith("x-"))
        if key == "discriminator" and "mapping" in value and not isinstance(value["mapping"], dict):
            extra.append("mapping")
        if extra:
            for name in extra:
                value.pop(name, None)
            warn(f"{where}/{key}", f"{key} does not define {', '.join(extra)}; dropped")


def _fix_nullable(node: dict[str, Any], where: str, warn: Warn) -> None:
    """3.0's `nullable` means nothing in 3.1 (an unknown keyword): null is added to the type instead."""
    if "nullable" not in node:
        return
    nullable = node.pop("nullable")
    if nullable is True:
        replaced = _add_null(node)
        if replaced is not node:
            node.clear()
            node.update(replaced)
        warn(where + "/nullable", "`nullable: true` is OpenAPI 3.0; the schema now admits null the 3.1 way")
    else:
        warn(where + "/nullable", f"`nullable: {nullable!r}` is OpenAPI 3.0 and says nothing here; dropped")


def _fix_type(node: dict[str, Any], where: str, warn: Warn) -> None:
    kind = node.get("type")
    if isinstance(kind, str) and kind not in _JSON_TYPES:
        alias = _TYPE_ALIASES.get(kind.strip().lower())
        if alias is not None:
            node["type"] = alias[0]
            if alias[1] and "format" not in node:
                node["format"] = alias[1]
            warn(where + "/type", f"type {kind!r} is not a JSON Schema type; read as {alias[0]!r}")
    elif isinstance(kind, list) and len(set(map(str, kind))) != len(kind):
        node["type"] = list(dict.fromkeys(kind))
        warn(where + "/type", f"type {kind!r} names a type twice; duplicates dropped")
    for key in _NUMBER_KEYWORDS:
        value = node.get(key)
        if isinstance(value, str) and _NUMBER.match(value.strip()):
            number = float(value)
            node[key] = int(number) if number.is_integer() and "." not in value else number
            warn(f"{where}/{key}", f"{key} {value!r} is a string; read as the number {node[key]!r}")
    for key in _COUNT_KEYWORDS:
        value = node.get(key)
        if isinstance(value, bool) or key not in node:
            continue
        if isinstance(value, str) and value.strip().isdigit():
            node[key] = int(value)
            warn(f"{where}/{key}", f"{key} {value!r} is a string; read as {node[key]}")
        elif isinstance(value, float) and value.is_integer() and value >= 0:
            node[key] = int(value)  # JSON Schema accepts 1.0 as an integer; no warning needed
        elif not (isinstance(value, int) and value >= 0):
            del node[key]
            warn(f"{where}/{key}", f"{key} {value!r} is not a count (a non-negative integer); dropped")


_INTEGER_TEXT = re.compile(r"-?(0|[1-9][0-9]{0,99})")
_NUMBER_TEXT = re.compile(r"-?(0|[1-9][0-9]{0,99})(\.[0-9]{1,100})?([eE][-+]?[0-9]{1,3})?")


def _fits(value: Any, kind: str) -> bool:
    """Whether `value` is of JSON Schema type `kind` (2.0 is an integer, as JSON Schema says)."""
    if kind == "integer" and isinstance(value, float):
        return value.is_integer()
    return _PYTHON_TYPES[kind](value)


def _as_type(value: Any, kind: str) -> tuple[bool, Any]:
    """(True, the value as JSON type `kind`) when `value` spells exactly that value in another type: `"2"` as
    the integer 2, `"0.5"` as a number, `1` as the string `"1"`, `"true"` as a boolean; else (False, None).
    A spelling a number would not print (`"02"`, `" 2"`, `"1."`) is no number: it stays what it is."""
    if kind in ("integer", "number") and isinstance(value, str):
        if _INTEGER_TEXT.fullmatch(value):
            return True, int(value)
        if kind == "number" and _NUMBER_TEXT.fullmatch(value) and math.isfinite(float(value)):
            return True, float(value)
    elif kind == "string" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return (True, json.dumps(value)) if math.isfinite(value) else (False, None)
    elif kind == "string" and isinstance(value, bool):
        return True, "true" if value else "false"
    elif kind == "boolean" and value in ("true", "false"):
        return True, value == "true"
    return False, None


def _some(values: list[Any]) -> str:
    """A few values for a warning line: the first five, then how many more."""
    shown = ", ".join(repr(v) for v in values[:5])
    return shown + (f" and {len(values) - 5} more" if len(values) > 5 else "")


def _fix_enum(node: dict[str, Any], where: str, warn: Warn) -> None:
    """An `enum` whose values its own `type` rejects (`type: number` with `enum: ["2", "3"]`), which no value
    can satisfy: values that spell a value of the type exactly become it (`2`, `3`); others are dropped, or,
    when no value is left, the `type` goes instead (the listed values are what the API takes)."""
    enum, kind = node.get("enum"), node.get("type")
    kinds = [kind] if isinstance(kind, str) else kind if isinstance(kind, list) else None
    if not enum or not isinstance(enum, list) or not kinds or not all(k in _PYTHON_TYPES for k in kinds):
        return
    if all(any(_fits(value, k) for k in kinds) for value in enum):
        return
    kept: list[Any] = []
    read: list[tuple[Any, Any]] = []
    dropped: list[Any] = []
    for value in enum:
        if any(_fits(value, k) for k in kinds):
            kept.append(value)
            continue
        for k in kinds:
            converted, typed = _as_type(value, k)
            if converted:
                kept.append(typed)
                read.append((value, typed))
                break
        else:
            dropped.append(value)
    if not kept:
        del node["type"]
        warn(where + "/type", f"type {kind!r} admits none of the enum values {_some(enum)}; the type was "
                              f"dropped, the enum stands")
        return
    unique: dict[str, Any] = {}
    for value in kept:  # "2" read as 2 beside a 2: once (`True == 1` in Python, so keyed by the JSON text)
        unique.setdefault(json.dumps(value, sort_keys=True), value)
    node["enum"] = list(unique.values())
    what = []
    if read:
        what.append(f"{_some([v for v, _ in read])} read as {_some([t for _, t in read])}")
    if dropped:
        what.append(f"{_some(dropped)} dropped (no value of type {kind!r})")
    warn(where + "/enum", f"enum values not of type {kind!r}: {'; '.join(what)}")


def _fix_bounds(node: dict[str, Any], where: str, warn: Warn) -> None:
    """3.0's boolean `exclusiveMinimum: true` (beside `minimum`) is 3.1's `exclusiveMinimum: <number>`."""
    for bound, limit in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        value = node.get(bound)
        if not isinstance(value, bool):
            continue
        del node[bound]
        if value and isinstance(node.get(limit), (int, float)) and not isinstance(node[limit], bool):
            node[bound] = node.pop(limit)
            warn(f"{where}/{bound}", f"boolean {bound} is OpenAPI 3.0; now `{bound}: {node[bound]!r}`")
        else:
            warn(f"{where}/{bound}", f"boolean `{bound}: {str(value).lower()}` is OpenAPI 3.0 and bounds "
                                     f"nothing here; dropped")


def _fix_required(node: dict[str, Any], where: str, warn: Warn) -> None:
    """`required` is a list of unique names; `required: true` on a property belongs in the parent's list."""
    required = node.get("required")
    if "required" in node and not isinstance(required, list):
        del node["required"]
        if not isinstance(required, bool):  # a boolean one is handled by the parent (below)
            warn(where + "/required", f"required {required!r} is not a list of property names; dropped")
    elif isinstance(required, list):
        names = [name for name in required if isinstance(name, str)]
        unique = list(dict.fromkeys(names))
        if unique != required:
            node["required"] = unique
            repeated = sorted({n for n in names if names.count(n) > 1})
            what = f"names {', '.join(repeated)} more than once" if repeated else "entries that are not names"
            warn(where + "/required", f"required lists {what}; each is kept once")
    properties = node.get("properties")
    for name, prop in mapping(properties).items():
        if isinstance(prop, dict) and isinstance(prop.get("required"), bool):
            flag = prop.pop("required")
            if flag:
                names = node.setdefault("required", [])
                if isinstance(names, list) and name not in names:
                    names.append(name)
            warn(where + pointer("properties", name, "required"),
                 f"`required: {str(flag).lower()}` on a property is not JSON Schema; "
                 + (f"{name!r} added to the object's required list" if flag else "dropped"))


def _fix_recursive(node: dict[str, Any], where: str, anchor: str, warn: Warn) -> None:
    """2019-09's `$recursiveRef`/`$recursiveAnchor` (replaced by `$dynamicRef` in 2020-12, which OpenAPI 3.1
    uses): a `$recursiveRef: "#"` means the schema carrying `$recursiveAnchor` (or the whole schema it is
    in), so it becomes a plain `$ref` to that place, which every tool follows."""
    if "$recursiveAnchor" in node:
        node.pop("$recursiveAnchor")
        warn(where + "/$recursiveAnchor", "`$recursiveAnchor` is JSON Schema 2019-09; dropped "
                                          "(its `$recursiveRef`s now point here with `$ref`)")
    if "$recursiveRef" in node:
        value = node.pop("$recursiveRef")
        if value == "#" and "$ref" not in node:
            node["$ref"] = "#" + anchor
            warn(where + "/$recursiveRef", f"`$recursiveRef` is JSON Schema 2019-09; now `$ref: '#{anchor}'`")
        else:
            warn(where + "/$recursiveRef", f"`$recursiveRef: {value!r}` is JSON Schema 2019-09; dropped")


def _fix_default(node: dict[str, Any], where: str, warn: Warn, root: dict[str, Any]) -> None:
    """A default its own schema rejects (`null` or `false` on a string, `"10"` on an integer, a value outside
    the enum): typed when it is the same value spelled as another type, else dropped."""
    if "default" not in node:
        return
    value = node["default"]
    limits = _FORMAT_RANGE.get(str(node.get("format")))
    if limits and isinstance(value, int) and not isinstance(value, bool) and not limits[0] <= value <= limits[1]:
        # 9223372036854776000: Long.MAX_VALUE once a JavaScript tool has rounded it through a double
        node["default"] = max(limits[0], min(limits[1], value))
        warn(where + "/default", f"default {value} is outside {node['format']}; read as {node['default']}")
        return
    if _valid_default(node, value, root):
        return
    kind = node.get("type")
    if isinstance(kind, str):
        typed = _typed_default(value, kind)
        if typed is not value and _valid_default(node, typed, root):
            node["default"] = typed
            warn(where + "/default", f"default {value!r} is not of type {kind}; read as {typed!r}")
            return
    del node["default"]
    warn(where + "/default", f"default {value!r} is not valid under its schema; dropped")


_QUICK_KEYS = {"type", "enum", "default", "description", "title", "format", "example", "examples", "readOnly",
               "writeOnly", "deprecated", "externalDocs", "xml", "$comment", "properties", "items", "required",
               "additionalProperties"}
_PYTHON_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str), "boolean": lambda v: isinstance(v, bool), "null": lambda v: v is None,
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "array": lambda v: isinstance(v, list), "object": lambda v: isinstance(v, dict),
}


def _plainly_valid(node: dict[str, Any], value: Any) -> bool:
    """True when the default obviously satisfies a schema of only `type` and `enum` constraints (most of
    them): compiling a validator for each of a large document's defaults would take longer than the rest."""
    if any(key not in _QUICK_KEYS and not str(key).startswith("x-") for key in node):
        return False
    if isinstance(value, (dict, list)) and any(k in node for k in ("properties", "items", "required",
                                                                     "additionalProperties")):
        return False
    kinds = node.get("type")
    kinds = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else list(_PYTHON_TYPES)
    if not any(_PYTHON_TYPES.get(str(kind), lambda v: False)(value) for kind in kinds):
        return False
    enum = node.get("enum")
    return not isinstance(enum, list) or any(type(item) is type(value) and item == value for item in enum)


def _valid_default(node: dict[str, Any], value: Any, root: dict[str, Any]) -> bool:
    """The default checked against the schema's own keywords, then (when those hold references) against the
    whole schema with its references followed, as openapi-spec-validator does."""
    import jsonschema_rs

    from generator.openapi.validate import _has_ref

    if _plainly_valid(node, value):
        return True
    if not _valid_locally(node, value):
        return False
    if not _has_ref(node) or not isinstance(root.get("components"), dict):
        return True
    # The schema placed in a document holding the spec's components, so `#/components/...` resolves.
    whole = {"allOf": [{k: v for k, v in node.items() if k != "default"}], "components": root["components"]}
    try:
        return bool(jsonschema_rs.validator_for(whole).is_valid(value))
    except (jsonschema_rs.ValidationError, ValueError, TypeError):
        return True


def _valid_locally(node: dict[str, Any], value: Any) -> bool:
    """The default against the schema's own keywords (references point elsewhere: left out)."""
    import jsonschema_rs

    from generator.openapi.validate import _has_ref

    local = {k: v for k, v in node.items() if k not in ("$ref", "default") and not _has_ref(v)}
    try:
        return bool(jsonschema_rs.validator_for(local).is_valid(value))
    except (jsonschema_rs.ValidationError, ValueError, TypeError):
        return True  # a schema the engine cannot compile: the validator reports the schema itself


# ---------------------------------------------------------------------------------------------------------
# Paths


def _fix_path_fragments(spec: dict[str, Any], warn: Warn) -> None:
    """A path key with a `#fragment` (AWS: `/tags#resourceArn`, `/tags#resourceArn&tagKeys`): a client never
    sends a fragment, so the path is the part before it. Path items that end up on one path are merged (their
    own path-level parameters moved into their operations when they differ). Where two of them would hold the
    same method (AWS's `/#X-Amz-Target=...`: the operations differ only by a header), every path of that
    group is kept as written, so no operation is lost."""
    paths = spec.get("paths")
    if not isinstance(paths, dict) or not any(isinstance(k, str) and "#" in k for k in paths):
        return
    methods: dict[str, list[str]] = {}
    for key, item in paths.items():
        if isinstance(key, str) and isinstance(item, dict):
            methods.setdefault(key.split("#", 1)[0] or "/", []).extend(m for m in HTTP_METHODS if m in item)
    # AWS's JSON protocols (`/#X-Amz-Target=Svc.Op`) put every operation on one path, told apart by a header
    # the operation declares: merging would keep one of hundreds, so such paths stay as they are
    crowded = {path for path, found in methods.items() if len(found) != len(set(found))}
    merged: dict[Any, Any] = {}
    for key, item in paths.items():
        if isinstance(key, str) and "#" in key and (key.split("#", 1)[0] or "/") in crowded:
            warn(pointer("paths", key), f"a path holds no fragment, but its operations share "
                                        f"{key.split('#', 1)[0] or '/'} with others of the same method; kept as "
                                        f"written (a client sends the path before the fragment)")
            merged[key] = item
            continue
        if not isinstance(key, str) or "#" not in key:
            if key in merged:  # a fragment-less key after a fragment one that was read as it
                warn(pointer("paths", key), f"{key} also holds the operations of a path with a fragment; merged")
                _merge_path_item(spec, merged, key, item, pointer("paths", key), warn)
            else:
                merged[key] = item
            continue
        path = key.split("#", 1)[0] or "/"
        where = pointer("paths", key)
        if path not in merged:
            merged[path] = item
            warn(where, f"a path holds no fragment ({key[len(path):]!r} never reaches a server); read as {path}")
            continue
        warn(where, f"a path holds no fragment ({key[len(path):]!r} never reaches a server); read as {path}, "
                    f"merged with the operations already there")
        _merge_path_item(spec, merged, path, item, where, warn)
    paths.clear()
    paths.update(merged)


def _merge_path_item(spec: dict[str, Any], paths: dict[Any, Any], path: str, item: Any, where: str,
                     warn: Warn) -> None:
    """Add the operations of path item `item` to `paths[path]`; a method it has already is dropped."""

    def key(param: Any) -> Any:  # what names a parameter: its name and place, through a `$ref`
        found = mapping(deref(spec, param)[0])
        return (found.get("name"), found.get("in")) if "name" in found else id(param)

    target = paths[path]
    if not isinstance(target, dict) or not isinstance(item, dict) or "$ref" in target or "$ref" in item:
        warn(where, f"cannot be merged with the path item of {path}; dropped")
        return
    if target.get("parameters") != item.get("parameters"):
        for holder in (target, item):  # each item's path-level parameters go down into its own operations
            shared = holder.pop("parameters", None)
            for method in HTTP_METHODS:
                op = holder.get(method)
                if isinstance(op, dict) and isinstance(shared, list):
                    own = sequence(op.get("parameters"))
                    names = {key(p) for p in own}
                    op["parameters"] = own + [p for p in shared if key(p) not in names]
    for method in HTTP_METHODS:
        if method not in item:
            continue
        if method in target:
            warn(f"{where}/{method}", f"{path} has a {method.upper()} operation already; this one was dropped")
            continue
        target[method] = item[method]
    for name, value in item.items():
        if name not in HTTP_METHODS and name != "parameters":
            target.setdefault(name, value)


# ---------------------------------------------------------------------------------------------------------
# Parameters


_IGNORED_HEADERS = ("accept", "content-type", "authorization")


def _repair_parameters(params: list[Any], where: str, path: str | None, warn: Warn) -> None:
    """A parameter named twice (the first is kept), one without schema or content (any value), a path
    parameter the path template does not hold (dropped: nothing could send it), a header parameter named
    Accept, Content-Type or Authorization (dropped: OpenAPI ignores it, and a tool that does not would
    require a header the operation's media types and security already decide)."""
    seen: set[tuple[Any, Any]] = set()
    in_path = set(re.findall(r"\{([^{}]+)\}", path)) if path is not None else None
    kept: list[Any] = []
    for index, param in enumerate(params):  # pointers name the places in the document as written
        if not isinstance(param, dict) or "$ref" in param:
            kept.append(param)
            continue
        name, place = param.get("name"), param.get("in")
        if place == "header" and str(name).lower() in _IGNORED_HEADERS:
            # OpenAPI: such a parameter "SHALL be ignored" (the media types and security schemes say it)
            warn(f"{where}/{index}", f"header parameter {name!r} is ignored by OpenAPI (the request's media "
                                     f"types and security schemes set it); dropped")
            continue
        if in_path is not None and place == "path" and name not in in_path:
            warn(f"{where}/{index}", f"path parameter {name!r} is not in the path {path}; dropped")
            continue
        if (name, place) in seen:
            warn(f"{where}/{index}", f"parameter {name!r} in {place} is declared twice; the first is kept")
            continue
        seen.add((name, place))
        if "schema" not in param and "content" not in param:
            param["schema"] = {}
            warn(f"{where}/{index}", f"parameter {name!r} has no schema; any value is accepted")
        kept.append(param)
    params[:] = kept
