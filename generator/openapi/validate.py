"""Validation: the OpenAPI 3.1 rules, then apigen's own checks that renderers rely on.

Two engines give the same verdicts on the specs we measured (`tests/openapi/test_validate.py` compares them):

- openapi-spec-validator, for specs of ordinary size: the reference implementation.
- A compiled-schema path for large specs (GitHub's 1,200 operations take openapi-spec-validator 20-40 s,
  most of it walking the document through jsonschema-path): the document is checked against the OAS 3.1
  JSON Schema and every Schema Object against the JSON Schema 2020-12 meta-schema, both compiled once
  with jsonschema-rs; then the semantic rules openapi-spec-validator adds (unique operationIds, path
  parameters resolved both ways, no duplicate parameters, `required` naming defined properties under
  `allOf`, defaults valid against their schema) are checked here directly.

Every problem is reported as a JSON pointer and one line of text.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from typing import Any

from generator.core.walk import HTTP_METHODS, exists, mapping, operations, pointer, resolve, sequence
from generator.errors import ApigenError

# Above this many operations the compiled-schema engine is used (openapi-spec-validator grows superlinearly).
LARGE_SPEC_OPERATIONS = 300
MAX_REPORTED = 5
_TEMPLATE_PARAM = re.compile(r"\{([^{}]+)\}")
Problem = tuple[str, str]  # (JSON pointer, message)
# The integer formats whose range openapi-spec-validator checks in defaults.
_FORMAT_RANGE = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


def own_problems(spec: dict[str, Any]) -> list[Problem]:
    """Problems openapi-spec-validator does not look for: what a normalized spec promises renderers."""
    problems: list[Problem] = []
    if not str(spec.get("openapi", "")).startswith("3.1"):
        problems.append(("/openapi", f"expected 3.1.x, found {spec.get('openapi')!r}"))
    seen: dict[str, str] = {}
    for path, method, op, item in operations(spec):
        where = pointer("paths", path, method)
        op_id = op.get("operationId")
        if not isinstance(op_id, str) or not op_id:
            problems.append((where, "operation has no operationId"))
        elif op_id in seen:
            problems.append((where + "/operationId", f"operationId {op_id!r} also used at {seen[op_id]}"))
        else:
            seen[op_id] = where
        tags = op.get("tags")
        if not isinstance(tags, list) or not tags or not isinstance(tags[0], str) or not tags[0]:
            problems.append((where, "operation has no resource tag (tags[0])"))
        params = [resolve(spec, p) for p in sequence(op.get("parameters")) + sequence(item.get("parameters"))]
        declared = {p.get("name") for p in params if isinstance(p, dict) and p.get("in") == "path"}
        for name in _TEMPLATE_PARAM.findall(path):
            if name not in declared:
                problems.append((where, f"path parameter {{{name}}} is not declared"))
    return problems


# ---------------------------------------------------------------------------------------------------------
# Engine 1: openapi-spec-validator


def _reference_problems(spec: dict[str, Any]) -> list[Problem]:
    from openapi_spec_validator import OpenAPIV31SpecValidator

    # openapi-spec-validator's semantic pass can crash (KeyError) on a structurally broken document, so
    # the structure is checked first and reported alone.
    problems = _structure_problems(spec)
    if problems:
        return problems
    try:
        for error in OpenAPIV31SpecValidator(spec).iter_errors():
            if error.validator == "format" and error.validator_value == "regex":
                continue  # patterns are ECMA-262 (`\p{ASCII}`), which Python's `re` cannot check
            problems.append((pointer(*error.path), str(error.message).splitlines()[0]))
            if len(problems) >= 20:
                break
    except Exception:  # noqa: BLE001 - its crashes (KeyError, unresolvable $ref ...) on bad input
        return _compiled_problems(spec) or [("/", "openapi-spec-validator could not read this document")]
    # Its pointers are relative to the schema it was checking; the compiled engine's are absolute.
    return (_compiled_problems(spec) or problems) if problems else []


# ---------------------------------------------------------------------------------------------------------
# Engine 2: compiled schemas


@functools.lru_cache(maxsize=1)
def _document_validator() -> Any:
    """The OAS 3.1 document schema, compiled once per process."""
    from importlib.util import find_spec
    from pathlib import Path

    import jsonschema_rs

    # Located without importing openapi_spec_validator, whose import alone takes over a second.
    package = find_spec("openapi_spec_validator")
    if package is None or not package.submodule_search_locations:
        raise ApigenError("openapi-spec-validator is not installed (its OAS 3.1 schema is needed)")
    folder = Path(next(iter(package.submodule_search_locations)))
    text = (folder / "resources" / "schemas" / "v3.1" / "schema.json").read_text("utf-8")
    return jsonschema_rs.validator_for(json.loads(text))


def _schema_positions(spec: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """(pointer, Schema Object) for every schema the document holds at top level of a container."""
    def from_parameter(param: Any, where: str) -> Iterator[tuple[str, Any]]:
        if isinstance(param, dict):
            if "schema" in param:
                yield where + "/schema", param["schema"]
            yield from from_content(param.get("content"), where + "/content")

    def from_content(content: Any, where: str) -> Iterator[tuple[str, Any]]:
        if isinstance(content, dict):
            for media, entry in content.items():
                if isinstance(entry, dict) and "schema" in entry:
                    yield where + pointer(media, "schema"), entry["schema"]

    def from_response(response: Any, where: str) -> Iterator[tuple[str, Any]]:
        if isinstance(response, dict):
            for name, header in (response.get("headers") or {}).items():
                yield from from_parameter(header, where + pointer("headers", name))
            yield from from_content(response.get("content"), where + "/content")

    components = mapping(spec.get("components"))
    for name, schema in (components.get("schemas") or {}).items():
        yield pointer("components", "schemas", name), schema
    for name, param in (components.get("parameters") or {}).items():
        yield from from_parameter(param, pointer("components", "parameters", name))
    for name, header in (components.get("headers") or {}).items():
        yield from from_parameter(header, pointer("components", "headers", name))
    for name, body in (components.get("requestBodies") or {}).items():
        if isinstance(body, dict):
            yield from from_content(body.get("content"), pointer("components", "requestBodies", name, "content"))
    for name, response in (components.get("responses") or {}).items():
        yield from from_response(response, pointer("components", "responses", name))
    for path, item in (spec.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for index, param in enumerate(sequence(item.get("parameters"))):
            yield from from_parameter(param, pointer("paths", path, "parameters", index))
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            where = pointer("paths", path, method)
            for index, param in enumerate(sequence(op.get("parameters"))):
                yield from from_parameter(param, f"{where}/parameters/{index}")
            body = op.get("requestBody")
            if isinstance(body, dict):
                yield from from_content(body.get("content"), where + "/requestBody/content")
            for code, response in (op.get("responses") or {}).items() if isinstance(op.get("responses"), dict) \
                    else ():
                yield from from_response(response, where + pointer("responses", code))


def _has_ref(node: Any) -> bool:
    if isinstance(node, dict):
        return "$ref" in node or "$dynamicRef" in node or any(_has_ref(v) for v in node.values())
    if isinstance(node, list):
        return any(_has_ref(v) for v in node)
    return False


def _subschemas(schema: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema nested in one (properties, items, compositions), itself first."""
    stack = [(where, schema)]
    while stack:
        here, node = stack.pop()
        if not isinstance(node, dict):
            continue
        yield here, node
        for key in ("items", "additionalProperties", "not", "contains", "if", "then", "else"):
            if isinstance(node.get(key), dict):
                stack.append((f"{here}/{key}", node[key]))
        for key in ("allOf", "anyOf", "oneOf", "prefixItems"):
            if isinstance(node.get(key), list):
                stack.extend((f"{here}/{key}/{i}", s) for i, s in enumerate(node[key]))
        for key in ("properties", "patternProperties", "$defs"):
            if isinstance(node.get(key), dict):
                stack.extend((here + pointer(key, name), s) for name, s in node[key].items())


def _property_names(spec: dict[str, Any], schema: Any, depth: int = 0) -> set[str]:
    schema = resolve(spec, schema)
    if not isinstance(schema, dict) or depth > 20:
        return set()
    names = set(schema.get("properties") or {}) if isinstance(schema.get("properties"), dict) else set()
    for key in ("allOf", "anyOf", "oneOf"):
        for sub in schema.get(key) or []:
            names |= _property_names(spec, sub, depth + 1)
    return names


def _schema_problems(spec: dict[str, Any]) -> Iterator[Problem]:
    import jsonschema_rs

    checked: set[int] = set()
    for where, schema in _schema_positions(spec):
        if id(schema) in checked:
            continue
        checked.add(id(schema))
        if not isinstance(schema, (dict, bool)):
            yield where, f"{schema!r} is not of type 'object', 'boolean'"
            continue
        try:
            jsonschema_rs.meta.validate(schema)
        except jsonschema_rs.ValidationError as error:
            inside = pointer(*error.instance_path) if error.instance_path else ""
            yield where + inside, str(error.message).splitlines()[0]
            continue
        for here, node in _subschemas(schema, where):
            required = node.get("required")
            if isinstance(required, list) and "allOf" in node:
                missing = set(required) - _property_names(spec, node)
                if missing:
                    yield here, f"Required list has not defined properties: {sorted(missing)}"
            if "default" in node:
                # Keywords that hold references are left out: their targets live outside this schema.
                local = {k: v for k, v in node.items() if not _has_ref(v) and k != "$ref"}
                try:
                    valid = jsonschema_rs.validator_for(local).is_valid(node["default"])
                except (jsonschema_rs.ValidationError, ValueError):
                    valid = True  # a schema jsonschema-rs cannot compile was reported above if invalid
                limits = _FORMAT_RANGE.get(str(node.get("format")))
                value = node["default"]
                if valid and limits and isinstance(value, int) and not limits[0] <= value <= limits[1]:
                    yield here + "/default", f"default {value!r} is not a {node['format']!r}"
                elif not valid:
                    yield here + "/default", f"default {node['default']!r} is not valid under its schema"


def _dangling_refs(spec: dict[str, Any]) -> Iterator[Problem]:
    """Local `$ref`s that point nowhere (external ones are not followed)."""
    # Places are kept as links (parent link, key or index) and spelled out only for a problem: most nodes
    # of a large spec have none.
    found: dict[str, bool] = {}
    stack: list[tuple[Any, Any]] = [(None, spec)]
    while stack:
        link, node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                if ref.startswith("#/"):
                    if ref not in found:
                        found[ref] = exists(spec, ref)
                    if not found[ref]:
                        yield _where(link) + "/$ref", f"$ref {ref!r} points to nothing in this document"
                elif not ref.startswith("#"):
                    yield _where(link) + "/$ref", \
                        f"$ref {ref!r} points outside this document; bundle it into one file first"
            for key, value in node.items():
                # `example`, `enum` and `const` hold data; `default` may be a response code, `examples` a
                # map of Example Objects (which may be references), so those are followed.
                if isinstance(value, (dict, list)) and key not in ("example", "enum", "const"):
                    stack.append(((link, key), value))
        elif isinstance(node, list):
            stack.extend(((link, index), value) for index, value in enumerate(node)
                         if isinstance(value, (dict, list)))


def _where(link: Any) -> str:
    parts: list[str] = []
    while link is not None:
        link, part = link
        parts.append(pointer(part))
    return "".join(reversed(parts))


def _semantic_problems(spec: dict[str, Any]) -> Iterator[Problem]:
    """openapi-spec-validator's rules about operations and parameters."""
    yield from _dangling_refs(spec)
    seen_ids: set[str] = set()
    for path, method, op, item in operations(spec):
        where = pointer("paths", path, method)
        op_id = op.get("operationId")
        if isinstance(op_id, str):
            if op_id in seen_ids:
                yield where + "/operationId", f"Operation ID '{op_id}' for '{method}' in '{path}' is not unique"
            seen_ids.add(op_id)
        names: list[str] = []
        for holder, params in (("op", op.get("parameters")), ("item", item.get("parameters"))):
            keys = []
            for param in params or []:
                param = resolve(spec, param)
                if not isinstance(param, dict) or not isinstance(param.get("name"), str):
                    continue  # an unresolvable reference: reported by _dangling_refs
                keys.append((param.get("name"), param.get("in")))
                if param.get("in") == "path":
                    names.append(str(param.get("name")))
            if len(set(keys)) != len(keys):
                duplicate = next(k for k in keys if keys.count(k) > 1)
                yield where if holder == "op" else pointer("paths", path), \
                    f"Duplicate parameter `{duplicate[0]}` in `{duplicate[1]}`"
        in_url = set(_TEMPLATE_PARAM.findall(path))
        for name in sorted(in_url ^ set(names)):
            yield where, f"Path parameter '{name}' for '{method}' operation in '{path}' was not resolved"


def _structure_problems(spec: dict[str, Any], limit: int = 20) -> list[Problem]:
    """The document against the OAS 3.1 JSON Schema (Schema Objects only as objects or booleans)."""
    problems: list[Problem] = []
    for error in _document_validator().iter_errors(spec):
        problems.append((pointer(*error.instance_path), str(error.message).splitlines()[0]))
        if len(problems) >= limit:
            break
    return problems


def _compiled_problems(spec: dict[str, Any], limit: int = 20) -> list[Problem]:
    problems = _structure_problems(spec, limit)
    if problems:
        return problems
    for problem in _schema_problems(spec):
        problems.append(problem)
        if len(problems) >= limit:
            return problems
    problems.extend(_semantic_problems(spec))
    return problems[:limit]


def spec_problems(spec: dict[str, Any], engine: str = "auto", own: bool = True, limit: int = 20) -> list[Problem]:
    """Every problem found (up to `limit`), as (JSON pointer, message); `engine` is auto, reference or
    compiled (`limit` applies to the compiled one).

    `own=False` checks only the OpenAPI rules, for documents not (yet) normalized.
    """
    if engine == "auto":
        engine = "compiled" if len(operations(spec)) > LARGE_SPEC_OPERATIONS else "reference"
    problems = _compiled_problems(spec, limit) if engine == "compiled" else _reference_problems(spec)
    return problems or (own_problems(spec) if own else [])


def validate_spec(spec: dict[str, Any], source: str, engine: str = "auto", own: bool = True) -> None:
    """Raise ApigenError naming the source, the first problem's JSON pointer and what is wrong."""
    problems = spec_problems(spec, engine, own)
    if problems:
        where, message = problems[0]
        more = f" (+{len(problems) - 1} more: " + "; ".join(f"{w}: {m}" for w, m in problems[1:MAX_REPORTED]) \
            + ("..." if len(problems) > MAX_REPORTED else "") + ")" if len(problems) > 1 else ""
        raise ApigenError(f"invalid OpenAPI spec: {message}{more}", file=source, where=where)
