"""Canonical form of a spec: what every renderer may rely on (see README, "The normalized spec").

`normalize` is deterministic and idempotent: the same input gives the same bytes once dumped, and
normalizing a normalized spec changes nothing. It:

- orders keys at every level: OpenAPI's natural order for the keys an object kind defines, then the rest
  sorted; `paths` sorted, methods in OpenAPI's order, response codes sorted (`default` last). Maps named by
  the user (properties, schemas, media types, examples) keep their given order: it is the docs' order.
  Example values, defaults, enums and `x-` extension values are user data and stay untouched.
- gives every operation a unique snake_case ASCII `operationId` and one resource tag (`names.py`);
- declares every templated path parameter, marks slash-holding ones `x-greedy: true`;
- adds fal's queue operations once when any operation has `x-queue: fal` (`queue.py`);
- documents the error statuses every operation can get (401, 404, 400/413/415, 422) in the API's error
  shape, through `components.responses`, and drops the `content` of 204/304 answers (`errors.py`);
- gives an operation that documents no answer but errors (a document cut off before its success answer)
  a `200` without content: a valid request succeeds, and the mock answers it so;
- fills `info.title`/`info.version` and keeps top-level `tags` in step with the operations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from generator.core.naming import snake
from generator.core.walk import HTTP_METHODS, clone, mapping, operations, resolve
from generator.openapi import errors, names, queue

_PATH_PARAM = re.compile(r"\{([^{}]+)\}")

# ---------------------------------------------------------------------------------------------------------
# Key order per object kind


def _order_index(keys: tuple[str, ...]) -> dict[str, int]:
    return {key: index for index, key in enumerate(keys)}


_DOCUMENT = _order_index(("openapi", "info", "jsonSchemaDialect", "servers", "security", "tags", "paths",
                          "webhooks", "components", "externalDocs"))
_INFO = _order_index(("title", "summary", "description", "termsOfService", "contact", "license", "version"))
_SERVER = _order_index(("url", "description", "variables"))
_TAG = _order_index(("name", "description", "externalDocs"))
_PATH_ITEM = _order_index(("$ref", "summary", "description", "servers", "parameters", *HTTP_METHODS))
_OPERATION = _order_index(("operationId", "tags", "summary", "description", "externalDocs", "deprecated",
                           "parameters", "requestBody", "responses", "callbacks", "security", "servers"))
_PARAMETER = _order_index(("$ref", "name", "in", "description", "required", "deprecated", "allowEmptyValue",
                           "style", "explode", "allowReserved", "schema", "example", "examples", "content"))
_REQUEST_BODY = _order_index(("$ref", "description", "required", "content"))
_MEDIA = _order_index(("schema", "example", "examples", "encoding"))
_ENCODING = _order_index(("contentType", "headers", "style", "explode", "allowReserved"))
_RESPONSE = _order_index(("$ref", "description", "headers", "content", "links"))
_EXAMPLE = _order_index(("$ref", "summary", "description", "value", "externalValue"))
_COMPONENTS = _order_index(("schemas", "responses", "parameters", "examples", "requestBodies", "headers",
                            "securitySchemes", "links", "callbacks", "pathItems"))
_SECURITY_SCHEME = _order_index(("$ref", "type", "description", "name", "in", "scheme", "bearerFormat",
                                 "flows", "openIdConnectUrl"))
_FLOWS = _order_index(("implicit", "password", "clientCredentials", "authorizationCode"))
_FLOW = _order_index(("authorizationUrl", "tokenUrl", "refreshUrl", "scopes"))
_LINK = _order_index(("$ref", "operationRef", "operationId", "parameters", "requestBody", "description",
                      "server"))
_SCHEMA = _order_index((
    "$schema", "$id", "$anchor", "$dynamicAnchor", "$ref", "$dynamicRef", "title", "description", "type",
    "format", "contentMediaType", "contentEncoding", "const", "enum", "default", "multipleOf", "minimum",
    "exclusiveMinimum", "maximum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "items",
    "prefixItems", "minItems", "maxItems", "uniqueItems", "contains", "minContains", "maxContains",
    "properties", "patternProperties", "additionalProperties", "propertyNames", "required", "minProperties",
    "maxProperties", "dependentRequired", "dependentSchemas", "allOf", "anyOf", "oneOf", "not", "if", "then",
    "else", "discriminator", "readOnly", "writeOnly", "deprecated", "xml", "externalDocs", "example",
    "examples", "$defs", "definitions"))


def _ordered(node: dict[str, Any], order: dict[str, int],
             children: dict[str, Callable[[Any], Any]]) -> dict[str, Any]:
    """The object's keys in `order`, then the others sorted; known children normalized by their kind."""
    known = sorted((k for k in node if k in order), key=order.__getitem__)
    rest = sorted((k for k in node if k not in order), key=str)
    result = {}
    for key in known + rest:
        value = node[key]
        convert = children.get(key) if isinstance(key, str) and not key.startswith("x-") else None
        result[key] = convert(value) if convert is not None else value
    return result


def _map(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A user-keyed map: keys keep their order, values normalized."""
    def apply(value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        return {key: convert(item) for key, item in value.items()}
    return apply


def _list(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def apply(value: Any) -> Any:
        return [convert(item) for item in value] if isinstance(value, list) else value
    return apply


def _schema(node: Any) -> Any:
    if isinstance(node, bool) or not isinstance(node, dict):
        return node
    return _ordered(node, _SCHEMA, _SCHEMA_CHILDREN)


_schemas = _map(_schema)
_schema_list = _list(_schema)
_SCHEMA_CHILDREN: dict[str, Callable[[Any], Any]] = {
    "items": lambda v: _schema_list(v) if isinstance(v, list) else _schema(v),
    "additionalProperties": _schema, "not": _schema, "contains": _schema, "propertyNames": _schema,
    "if": _schema, "then": _schema, "else": _schema, "unevaluatedItems": _schema,
    "unevaluatedProperties": _schema, "additionalItems": _schema,
    "allOf": _schema_list, "anyOf": _schema_list, "oneOf": _schema_list, "prefixItems": _schema_list,
    "properties": _schemas, "patternProperties": _schemas, "$defs": _schemas, "definitions": _schemas,
    "dependentSchemas": _schemas,
}


def _kind(order: dict[str, int], children: dict[str, Callable[[Any], Any]]) -> Callable[[Any], Any]:
    def apply(node: Any) -> Any:
        return _ordered(node, order, children) if isinstance(node, dict) else node
    return apply


_example = _kind(_EXAMPLE, {})
_examples = _map(_example)
_server = _kind(_SERVER, {"variables": _map(_kind(_order_index(("enum", "default", "description")), {}))})
_servers = _list(_server)
_external_docs = _kind(_order_index(("description", "url")), {})
_tag = _kind(_TAG, {"externalDocs": _external_docs})
_header_children: dict[str, Callable[[Any], Any]] = {"schema": _schema, "examples": _examples}
_header = _kind(_PARAMETER, _header_children)
_encoding = _kind(_ENCODING, {"headers": _map(_header)})
_media = _kind(_MEDIA, {"schema": _schema, "examples": _examples, "encoding": _map(_encoding)})
_content = _map(_media)
_header_children["content"] = _content
_parameter = _kind(_PARAMETER, {"schema": _schema, "examples": _examples, "content": _content})
_request_body = _kind(_REQUEST_BODY, {"content": _content})
_link = _kind(_LINK, {"server": _server})
_response = _kind(_RESPONSE, {"headers": _map(_header), "content": _content, "links": _map(_link)})


def _response_key(code: Any) -> tuple[int, str]:
    text = str(code)
    return (1 if text == "default" else 0, text)


def _responses(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    return {code: _response(value[code]) for code in sorted(value, key=_response_key)}


_flow = _kind(_FLOW, {})
_security_scheme = _kind(_SECURITY_SCHEME, {"flows": _kind(_FLOWS, {k: _flow for k in _FLOWS})})
_path_item_children: dict[str, Callable[[Any], Any]] = {"servers": _servers, "parameters": _list(_parameter)}
_path_item = _kind(_PATH_ITEM, _path_item_children)
_callbacks = _map(_map(_path_item))
_operation = _kind(_OPERATION, {
    "parameters": _list(_parameter), "requestBody": _request_body, "responses": _responses,
    "callbacks": _callbacks, "servers": _servers, "externalDocs": _external_docs,
})
for _method in HTTP_METHODS:
    _path_item_children[_method] = _operation


def _paths(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    return {path: _path_item(value[path]) for path in sorted(value, key=str)}


_components = _kind(_COMPONENTS, {
    "schemas": _schemas, "responses": _map(_response), "parameters": _map(_parameter),
    "examples": _examples, "requestBodies": _map(_request_body), "headers": _map(_header),
    "securitySchemes": _map(_security_scheme), "links": _map(_link), "callbacks": _map(_callbacks),
    "pathItems": _map(_path_item),
})
_document = _kind(_DOCUMENT, {
    "info": _kind(_INFO, {"contact": _kind(_order_index(("name", "url", "email")), {}),
                          "license": _kind(_order_index(("name", "identifier", "url")), {})}),
    "servers": _servers, "tags": _list(_tag), "paths": _paths, "webhooks": _map(_path_item),
    "components": _components, "externalDocs": _external_docs,
})


def canonical_order(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of the spec with every object's keys in canonical order (values otherwise unchanged)."""
    ordered: dict[str, Any] = _document(spec)
    return ordered


# ---------------------------------------------------------------------------------------------------------
# Content rules


def _examples_of(param: dict[str, Any]) -> list[Any]:
    values = [param.get("example")]
    schema = mapping(param.get("schema"))
    values += [schema.get("example"), schema.get("default")]
    if isinstance(schema.get("examples"), list):
        values += schema["examples"]
    if isinstance(param.get("examples"), dict):
        values += [e.get("value") for e in param["examples"].values() if isinstance(e, dict)]
    return values


def _fix_path_parameters(spec: dict[str, Any], path: str, item: dict[str, Any], op: dict[str, Any]) -> None:
    """Declare every templated parameter; path parameters required; slash-holding ones greedy."""
    declared: set[str] = set()
    for holder in (item, op):
        params = holder.get("parameters")
        if not isinstance(params, list):
            continue
        for param in params:
            resolved = resolve(spec, param)
            if not isinstance(resolved, dict) or resolved.get("in") != "path":
                continue
            declared.add(str(resolved.get("name")))
            if "$ref" in param:
                continue
            param["required"] = True
            if "schema" not in param and "content" not in param:
                param["schema"] = {"type": "string"}
            if any(isinstance(v, str) and "/" in v for v in _examples_of(param)):
                param["x-greedy"] = True
    missing = [name for name in _PATH_PARAM.findall(path) if name not in declared]
    params = op.setdefault("parameters", []) if missing else None
    if isinstance(params, list):  # a non-list is left for validation to report
        for name in dict.fromkeys(missing):
            params.append({"name": name, "in": "path", "required": True, "schema": {"type": "string"}})


def _add_queue(spec: dict[str, Any]) -> None:
    """fal queue: mark the queue operations a page already documents, add the missing ones once."""
    ops = operations(spec)
    if not any(op.get("x-queue") == "fal" for _, _, op, _ in ops):
        return
    present: set[str] = set()
    for path, method, op, _ in ops:
        if op.get("x-queue") == "fal":
            continue
        role = queue.role_of(path, method, op)
        if role is None or role in present:
            continue
        present.add(role)
        op["x-queue-role"] = role
        op["tags"] = [queue.QUEUE_TAG]
        standard = queue.queue_operations()[role][2]["operationId"]
        op.setdefault("operationId", standard)
    queue.add_queue(spec, present)


def _document_success(op: dict[str, Any]) -> None:
    """A `200` (no content) for an operation whose responses are all errors (4xx, 5xx) or none."""
    responses = op.get("responses")
    if responses is not None and not isinstance(responses, dict):
        return
    codes = [str(code).upper() for code in (responses or {})]
    if any(code == "DEFAULT" or code[:1] in ("1", "2", "3") for code in codes):
        return
    op["responses"] = {**(responses or {}), "200": {"description": "Success (the document shows no success answer)"}}


def _name_operations(spec: dict[str, Any]) -> dict[str, str]:
    """Tags and operationIds (see names.py); returns {tag: the name it was given as} for renamed tags."""
    ops = operations(spec)
    renamed: dict[str, str] = {}
    for path, method, op, _ in ops:
        tags = op.get("tags")
        given: list[Any] = tags if isinstance(tags, list) else []
        known = names.openai_name(method, path)
        if op.get("x-queue") == "fal":
            tag = names.queue_tag(path)
        elif known:
            tag = known[0]
        else:
            tag = next((t for t in (names.usable_tag(g) for g in given) if t), None) or names.path_resource(path)
        if given and isinstance(given[0], str) and given[0] != tag:
            renamed.setdefault(tag, given[0])
        op["tags"] = [tag]
    # Given operationIds first (sanitized), so derived ones never take their names.
    taken: set[str] = set()
    pending: list[tuple[str, str, dict[str, Any]]] = []
    for path, method, op, _ in ops:
        known = names.openai_name(method, path)
        given_id = op.get("operationId")
        if known and op.get("x-queue") != "fal":
            wanted = known[1]
        elif isinstance(given_id, str) and given_id.strip() and not _mechanical(given_id, method, path):
            wanted = snake(given_id, fallback="op")
        else:
            pending.append((path, method, op))
            continue
        op["operationId"] = _claim(wanted, taken)
    for path, method, op in pending:
        if op.get("x-queue") == "fal":
            wanted = snake(f"{op['tags'][0]} {'submit' if method == 'post' else method}", fallback="op")
        else:
            wanted = names.derive_operation_id(method, path)
        op["operationId"] = _claim(wanted, taken)
    return renamed


def _mechanical(operation_id: str, method: str, path: str) -> bool:
    """An id that only spells the method and path (`post_fal_ai_model`, `post-v1-images`): a tool's
    placeholder, not a name the docs chose, so a resource-style name is derived instead."""
    return snake(operation_id, fallback="op") == snake(f"{method} {path}", fallback="op")


def _claim(name: str, taken: set[str]) -> str:
    candidate, count = name, 1
    while candidate in taken:
        count += 1
        candidate = f"{name}_{count}"
    taken.add(candidate)
    return candidate


def _sync_tags(spec: dict[str, Any], renamed: dict[str, str]) -> None:
    """Top-level `tags`: one entry per resource in use, sorted; descriptions of renamed tags carried over."""
    used = sorted({op["tags"][0] for _, _, op, _ in operations(spec)})
    entries = {str(t.get("name")): t for t in spec.get("tags") or [] if isinstance(t, dict)}
    tags = []
    for name in used:
        entry = dict(entries.get(name) or entries.get(renamed.get(name, "")) or {})
        original = renamed.get(name)
        entry["name"] = name
        if original and original != name and "x-displayName" not in entry:
            entry["x-displayName"] = original
        tags.append(entry)
    if tags:
        spec["tags"] = tags
    else:
        spec.pop("tags", None)


def normalize(spec: dict[str, Any], copy: bool = True) -> dict[str, Any]:
    """The canonical form of an OpenAPI 3.1 spec (a new dict; the input is not modified unless `copy` is
    False, for a caller that owns it, such as a fresh `to_openapi31` result: a large spec is not copied twice)."""
    if copy:
        spec = clone(spec)
    info = mapping(spec.get("info"))
    if not isinstance(info.get("title"), str) or not info["title"].strip():
        info["title"] = "API"
    if not isinstance(info.get("version"), str) or not info["version"].strip():
        version = info.get("version")
        info["version"] = str(version) if isinstance(version, (int, float)) and not isinstance(version, bool) \
            else "1.0.0"
    spec["info"] = info
    if not isinstance(spec.get("openapi"), str):
        spec["openapi"] = "3.1.0"
    if not any(isinstance(spec.get(key), dict) for key in ("paths", "components", "webhooks")):
        spec["paths"] = {}
    _add_queue(spec)
    for path, _, op, item in operations(spec):
        _fix_path_parameters(spec, path, item, op)
    for _, _, op, _ in operations(spec):
        _document_success(op)
    errors.drop_bodiless_content(spec)
    errors.document_errors(spec)
    renamed = _name_operations(spec)
    _sync_tags(spec, renamed)
    return canonical_order(spec)
