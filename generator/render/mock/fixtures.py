"""Fixtures of a mock: what the mock engine needs of a spec, as plain JSON data.

The mock server and the SDK testing helper load the same `fixtures.json` and `spec.json` at run time, so
text from doc pages (names, descriptions, examples) only ever travels as JSON data and is never pasted
into generated code. Schemas are collected into one list (`schemas`) and referred to by index; their
`$ref`s keep pointing into the spec, which the engine loads beside them.
"""

from __future__ import annotations

import json
import math
from typing import Any

from generator.core.walk import operations as spec_operations
from generator.core.walk import resolve
from generator.openapi.errors import base_path, families, service_family
from generator.openapi.queue import any_model_parameter

DEFAULT_MAX_BODY = 10 * 1024 * 1024


def _security_scheme(scheme: dict[str, Any]) -> dict[str, Any]:
    kind = scheme.get("type")
    if kind == "http":
        name = str(scheme.get("scheme") or "bearer").lower()
        if name == "basic":
            return {"type": "basic", "challenge": "Basic"}
        return {"type": "bearer", "challenge": "Bearer"}
    if kind == "apiKey":
        prefix = scheme.get("x-prefix")
        return {"type": "apiKey", "in": scheme.get("in", "header"), "name": scheme.get("name", "Authorization"),
                "prefix": str(prefix) if prefix else None, "challenge": str(prefix or "ApiKey")}
    if kind in ("oauth2", "openIdConnect"):
        return {"type": "bearer", "challenge": "Bearer"}
    return {"type": "none"}


def _security(spec: dict[str, Any], operation: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """Alternatives of requirements; empty when any alternative asks for nothing."""
    requirements = operation.get("security", spec.get("security")) or []
    schemes = (spec.get("components") or {}).get("securitySchemes") or {}
    alternatives: list[list[dict[str, Any]]] = []
    for requirement in requirements:
        if not requirement:
            return []
        names = [n for n in requirement if isinstance(schemes.get(n), dict)]
        checks = [_security_scheme(resolve(spec, schemes[n])) for n in names]
        checks = [c for c in checks if c["type"] != "none"]
        if not checks:
            return []
        alternatives.append(checks)
    return alternatives


class FixtureBuilder:
    """Walks a normalized spec once, collecting schemas by index and operations as engine data."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.schemas: list[Any] = []
        self._index: dict[str, int] = {}
        self.warnings: list[str] = []

    def schema(self, schema: Any) -> int:
        key = json.dumps(schema, sort_keys=True, ensure_ascii=False)
        if key not in self._index:
            self._index[key] = len(self.schemas)
            self.schemas.append(schema)
        return self._index[key]

    def build(self) -> dict[str, Any]:
        operations = [self.operation(path, method, item, operation)
                      for path, method, operation, item in spec_operations(self.spec)]
        prefix = base_path(self.spec)
        family_of = families(self.spec)  # the shapes the normalized spec documents its errors in
        fallback = service_family(self.spec)
        for op in operations:
            op["family"] = family_of.get((op["path"], op["method"].lower()), fallback)
        self._check_examples(operations)
        return {
            "base_path": prefix,
            "family": fallback,
            "max_body": DEFAULT_MAX_BODY,
            "operations": operations,
            "schemas": self.schemas,
            "warnings": self.warnings,
        }

    def operation(self, path: str, method: str, item: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any]:
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for raw in [*(item.get("parameters") or []), *(operation.get("parameters") or [])]:
            param = resolve(self.spec, raw)
            if isinstance(param, dict) and "name" in param and "in" in param:
                merged[(str(param["in"]), str(param["name"]))] = param
        parameters = []
        greedy = []
        for (where, name), param in merged.items():
            if where == "header" and name.lower() in ("authorization", "content-type", "accept"):
                continue
            entry: dict[str, Any] = {"in": where, "name": name,
                                     "required": bool(param.get("required") or where == "path")}
            if "schema" in param:
                entry["schema"] = self.schema(param["schema"])
            for key in ("style", "explode"):  # how the value is spelled: `a,b`, `a|b`, `f[k]=v` (engine parses)
                if key in param:
                    entry[key] = param[key]
            parameters.append(entry)
            if param.get("x-greedy"):
                greedy.append(name)
        data: dict[str, Any] = {
            "id": str(operation.get("operationId") or f"{method}_{path}"),
            "method": method.upper(),
            "path": path,
            "greedy": greedy,
            "parameters": parameters,
            "security": _security(self.spec, operation),
            "queue": operation.get("x-queue"),
            "queue_role": operation.get("x-queue-role"),
            "responses": self.responses(operation),
        }
        body = resolve(self.spec, operation.get("requestBody"))
        any_model = any_model_parameter(path, operation, greedy) is not None  # requires no body field
        if isinstance(body, dict) and body.get("content"):
            content = {}
            for media_type, media in body["content"].items():
                media = media if isinstance(media, dict) else {}
                schema = media.get("schema")
                if any_model and isinstance(schema, dict) and "required" in schema:
                    schema = {key: value for key, value in schema.items() if key != "required"}
                content[str(media_type)] = {"schema": self.schema(schema)} if "schema" in media else {}
            data["body"] = {"required": bool(body.get("required")), "content": content}
        if isinstance(operation.get("x-queue-result"), dict):
            data["result_schema"] = self.schema(operation["x-queue-result"])
        return data

    def responses(self, operation: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for code, raw in (operation.get("responses") or {}).items():
            response = resolve(self.spec, raw)
            if not isinstance(response, dict):
                continue
            entry: dict[str, Any] = {}
            content = response.get("content") or {}
            if content:
                media_type = next((t for t in content if "json" in t), next(iter(content)))
                media = content[media_type] if isinstance(content[media_type], dict) else {}
                entry["content_type"] = str(media_type)
                if "schema" in media:
                    entry["schema"] = self.schema(media["schema"])
                examples: dict[str, Any] = {}
                if "example" in media:
                    examples["example"] = {"value": media["example"]}
                for name, example in (media.get("examples") or {}).items():
                    example = resolve(self.spec, example)
                    if isinstance(example, dict) and "value" in example:
                        examples[str(name)] = {"value": example["value"]}
                if examples:
                    entry["examples"] = examples
            headers = {}
            for name, header in (response.get("headers") or {}).items():
                header = resolve(self.spec, header)
                if isinstance(header, dict) and header.get("required") and "schema" in header:
                    headers[str(name)] = self.schema(header["schema"])
            if headers:
                entry["headers"] = headers
            result[str(code)] = entry
        return result

    def _check_examples(self, operations: list[dict[str, Any]]) -> None:
        """Mark each documented example that conforms to its schema; others are served only when asked for."""
        if not any(response.get("examples") for op in operations for response in op["responses"].values()):
            return  # nothing to check: spare the import of jsonschema (a tenth of a small document's time)
        try:
            import jsonschema  # type: ignore[import-untyped]
            import referencing
            import referencing.jsonschema
        except ImportError:  # pragma: no cover - jsonschema comes with openapi-spec-validator
            return
        document = {**self.spec, "x-mock-schemas": self.schemas}
        resource = referencing.jsonschema.DRAFT202012.create_resource(document)
        registry: Any = referencing.Registry().with_resource("urn:apigen:spec", resource)
        for op in operations:
            for code, response in op["responses"].items():
                for name, example in (response.get("examples") or {}).items():
                    conforms = True
                    if "schema" in response:
                        validator = jsonschema.Draft202012Validator(
                            {"$ref": f"urn:apigen:spec#/x-mock-schemas/{response['schema']}"}, registry=registry)
                        try:
                            conforms = validator.is_valid(example["value"])
                        except (jsonschema.exceptions.SchemaError, referencing.exceptions.Unresolvable):
                            conforms = False
                    example["conforms"] = conforms
                    if not conforms:
                        self.warnings.append(f"{op['id']} {code} example {name!r} does not match its schema; "
                                             f"served only with 'Prefer: example={name}'")


def build_fixtures(spec: dict[str, Any]) -> dict[str, Any]:
    """The fixtures of a spec (see module docstring)."""
    return FixtureBuilder(spec).build()


_last_data_files: tuple[dict[str, Any], dict[str, Any], str, str] | None = None


def data_files(spec: dict[str, Any]) -> tuple[dict[str, Any], str, str]:
    """(fixtures, spec JSON text, fixtures JSON text) of a spec.

    The mock server and the SDK's testing helper ship the same two files; a build renders both targets
    from one spec object, so the last answer is kept (by identity: renderers never modify the spec).
    """
    global _last_data_files
    if _last_data_files is None or _last_data_files[0] is not spec:
        fixtures = build_fixtures(spec)
        _last_data_files = (spec, fixtures, dump_json(spec), dump_json(fixtures))
    return _last_data_files[1], _last_data_files[2], _last_data_files[3]


def dump_json(data: Any) -> str:
    """Deterministic JSON text: sorted keys, UTF-8 kept, one trailing newline.

    The same text as `json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)`, written by a plain
    recursive function: the json module's indenting encoder is pure Python generators, several times slower
    on a large spec. Data it does not know (keys other than strings, other types, cycles) goes to json.dumps.
    """
    out: list[str] = []
    try:
        _write(data, out, "\n", 0)
    except _Unusual:
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    out.append("\n")
    return "".join(out)


class _Unusual(Exception):
    """Data `_write` leaves to json.dumps."""


_encode_string = getattr(json.encoder, "c_encode_basestring", None) or json.encoder.py_encode_basestring
_MAX_DEPTH = 500


def _write(value: Any, out: list[str], newline: str, depth: int) -> None:
    kind = type(value)
    if kind is str:
        out.append(_encode_string(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        if depth > _MAX_DEPTH:
            raise _Unusual
        inner = newline + " "
        separator = "," + inner
        keys = list(value)
        if any(type(key) is not str for key in keys):
            raise _Unusual
        keys.sort()
        out.append("{" + inner)
        first = True
        for key in keys:
            if first:
                first = False
            else:
                out.append(separator)
            out.append(_encode_string(key))
            out.append(": ")
            _write(value[key], out, inner, depth + 1)
        out.append(newline + "}")
    elif kind is list:
        if not value:
            out.append("[]")
            return
        if depth > _MAX_DEPTH:
            raise _Unusual
        inner = newline + " "
        separator = "," + inner
        out.append("[" + inner)
        first = True
        for item in value:
            if first:
                first = False
            else:
                out.append(separator)
            _write(item, out, inner, depth + 1)
        out.append(newline + "]")
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float and math.isfinite(value):
        out.append(float.__repr__(value))
    else:
        raise _Unusual
