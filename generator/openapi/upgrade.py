"""Upgrade Swagger 2.0 and OpenAPI 3.0 documents to OpenAPI 3.1.

No maintained Python library converts both, so this is written by hand against the three specifications.
Swagger 2.0 is first lifted to 3.0 shapes (servers, components, request bodies, content per media type,
security flows), then every 3.0 document gets the 3.0 -> 3.1 schema changes (`nullable`, boolean
exclusive bounds, binary file uploads). The input is never modified; 3.1 documents pass through as a copy.
"""

from __future__ import annotations

import re
from typing import Any

from generator.core.walk import HTTP_METHODS, clone, mapping, sequence
from generator.errors import ApigenError

# Swagger 2.0 parameter keys that move into the parameter's `schema` in OpenAPI 3.
_SCHEMA_KEYS = (
    "type", "format", "items", "default", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
    "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "enum", "multipleOf",
)
_FORM_MEDIA = ("application/x-www-form-urlencoded", "multipart/form-data")
_OAUTH_FLOWS = {
    "implicit": ("implicit", ("authorizationUrl",)),
    "password": ("password", ("tokenUrl",)),
    "application": ("clientCredentials", ("tokenUrl",)),
    "accessCode": ("authorizationCode", ("authorizationUrl", "tokenUrl")),
}
# Keys of a Schema Object whose value is one schema, a list of schemas, or a map of name -> schema.
_SUBSCHEMA = ("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else",
              "unevaluatedItems", "unevaluatedProperties", "additionalItems")
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SUBSCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")


def to_openapi31(doc: dict[str, Any], source: str) -> dict[str, Any]:
    """An OpenAPI 3.1 copy of a Swagger 2.0, OpenAPI 3.0 or 3.1 document.

    Raises ApigenError naming `source` when the document is none of these.
    """
    if not isinstance(doc, dict):
        raise ApigenError("not an OpenAPI document: expected a mapping at the top level", file=source)
    swagger = doc.get("swagger")
    openapi = doc.get("openapi")
    if swagger is not None:
        if str(swagger).strip() not in ("2.0", "2"):
            raise ApigenError(f"unsupported Swagger version {swagger!r} (only 2.0 is read)", file=source,
                              where="swagger")
        return _upgrade_30(_from_swagger2(clone(doc), source))
    if openapi is None:
        raise ApigenError("not an OpenAPI 3.x or Swagger 2.0 document: no 'openapi' or 'swagger' key",
                          file=source)
    version = str(openapi).strip()
    if version.startswith("3.1"):
        copy: dict[str, Any] = clone(doc)
        return copy
    if version.startswith("3.0") or version == "3":
        return _upgrade_30(clone(doc))
    raise ApigenError(f"unsupported OpenAPI version {openapi!r} (3.0 and 3.1 are read)", file=source,
                      where="openapi")


# ---------------------------------------------------------------------------------------------------------
# Swagger 2.0 -> OpenAPI 3.0 shapes


def _rewrite_ref(ref: str, body_params: set[str]) -> str:
    """A Swagger 2.0 local $ref pointing at its new place under `components`."""
    for old, new in (("#/definitions/", "#/components/schemas/"), ("#/responses/", "#/components/responses/")):
        if ref.startswith(old):
            return new + ref[len(old):]
    if ref.startswith("#/parameters/"):
        name = ref[len("#/parameters/"):]
        section = "requestBodies" if name in body_params else "parameters"
        return f"#/components/{section}/{name}"
    return ref


def _rewrite_refs(node: Any, body_params: set[str]) -> Any:
    """Rewrite every `$ref` string in a tree (examples included only where `$ref` maps to a string)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                node[key] = _rewrite_ref(value, body_params)
            elif not (isinstance(key, str) and key in ("example", "x-example", "examples")):
                _rewrite_refs(value, body_params)
    elif isinstance(node, list):
        for item in node:
            _rewrite_refs(item, body_params)
    return node


def _swagger_schema(schema: Any) -> Any:
    """Swagger 2.0 schema -> OpenAPI 3.0 schema: `type: file`, `x-nullable`, string discriminators."""
    if isinstance(schema, list):
        return [_swagger_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if schema.get("type") == "file":
        schema["type"] = "string"
        schema["format"] = "binary"
    if "x-nullable" in schema and "nullable" not in schema:
        schema["nullable"] = bool(schema.pop("x-nullable"))
    if isinstance(schema.get("discriminator"), str):
        schema["discriminator"] = {"propertyName": schema["discriminator"]}
    for key in _SUBSCHEMA:
        if isinstance(schema.get(key), dict):
            schema[key] = _swagger_schema(schema[key])
    for key in _SUBSCHEMA_LISTS:
        if isinstance(schema.get(key), list):
            schema[key] = [_swagger_schema(s) for s in schema[key]]
    for key in _SUBSCHEMA_MAPS:
        if isinstance(schema.get(key), dict):
            schema[key] = {name: _swagger_schema(s) for name, s in schema[key].items()}
    return schema


def _items_schema(items: Any) -> Any:
    """Swagger 2.0 `items` of a non-body parameter (itself parameter-shaped) -> a schema."""
    if not isinstance(items, dict):
        return items
    result = {k: v for k, v in items.items() if k != "collectionFormat"}
    if isinstance(result.get("items"), dict):
        result["items"] = _items_schema(result["items"])
    return _swagger_schema(result)


def _style_of(collection_format: str, location: str) -> dict[str, Any]:
    """OpenAPI 3 `style`/`explode` for a Swagger 2.0 collectionFormat."""
    if collection_format == "multi":
        return {"style": "form", "explode": True}
    if collection_format == "ssv":
        return {"style": "spaceDelimited", "explode": False}
    if collection_format == "pipes":
        return {"style": "pipeDelimited", "explode": False}
    if collection_format == "tsv":
        return {"x-collectionFormat": "tsv"}
    # csv (the default)
    if location in ("query", "cookie"):
        return {"style": "form", "explode": False}
    return {"style": "simple"}


def _split_schema(param: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A Swagger 2.0 parameter or header: (its own keys, its schema keys as a schema)."""
    result: dict[str, Any] = {}
    schema: dict[str, Any] = {}
    for key, value in param.items():
        if key in _SCHEMA_KEYS:
            schema[key] = _items_schema(value) if key == "items" else value
        elif key == "x-example":
            result["example"] = value
        elif key != "collectionFormat":
            result[key] = value
    return result, _swagger_schema(schema)


def _convert_parameter(param: dict[str, Any]) -> dict[str, Any]:
    """A non-body Swagger 2.0 parameter -> an OpenAPI 3.0 Parameter Object."""
    if "$ref" in param:
        return param
    result, schema = _split_schema(param)
    if param.get("in") != "query":
        result.pop("allowEmptyValue", None)
    if param.get("type") == "array":
        result.update(_style_of(str(param.get("collectionFormat", "csv")), str(param.get("in"))))
    if param.get("in") == "path":
        result["required"] = True
    result["schema"] = schema
    return result


def _convert_header(header: dict[str, Any]) -> dict[str, Any]:
    """A Swagger 2.0 response header (schema-shaped) -> an OpenAPI 3.0 Header Object."""
    result, schema = _split_schema(header)
    result["schema"] = schema
    return result


def _form_property(param: dict[str, Any]) -> dict[str, Any]:
    """A formData parameter -> a property schema of the form body."""
    schema: dict[str, Any] = {}
    for key in _SCHEMA_KEYS:
        if key in param:
            schema[key] = _items_schema(param[key]) if key == "items" else param[key]
    if "description" in param:
        schema["description"] = param["description"]
    if "x-example" in param:
        schema["example"] = param["x-example"]
    for key, value in param.items():
        if isinstance(key, str) and key.startswith("x-") and key != "x-example":
            schema[key] = value
    converted: dict[str, Any] = _swagger_schema(schema)
    return converted


def _convert_response(response: dict[str, Any], produces: list[str]) -> dict[str, Any]:
    """A Swagger 2.0 Response Object -> OpenAPI 3.0: the schema and examples go under each `produces` type."""
    if "$ref" in response:
        return response
    result: dict[str, Any] = {"description": response.get("description", "")}
    examples = mapping(response.get("examples"))
    if "schema" in response or examples:
        content: dict[str, Any] = {}
        for media in produces or list(examples) or ["application/json"]:
            entry: dict[str, Any] = {}
            if "schema" in response:
                entry["schema"] = _swagger_schema(clone(response["schema"]))
            if media in examples:
                entry["example"] = examples[media]
            content[media] = entry
        for media, example in examples.items():
            content.setdefault(media, {"example": example})
        result["content"] = content
    if isinstance(response.get("headers"), dict):
        result["headers"] = {name: _convert_header(h) for name, h in response["headers"].items()
                             if isinstance(h, dict)}
    for key, value in response.items():
        if isinstance(key, str) and key.startswith("x-"):
            result[key] = value
    return result


def _body_request(param: dict[str, Any], consumes: list[str]) -> dict[str, Any]:
    """An `in: body` parameter -> a Request Body Object with the schema under each consumed type."""
    media_types = [m for m in consumes if m not in _FORM_MEDIA] or ["application/json"]
    schema = _swagger_schema(clone(param.get("schema", {})))
    body: dict[str, Any] = {}
    if param.get("description"):
        body["description"] = param["description"]
    body["content"] = {m: {"schema": clone(schema)} for m in media_types}
    examples = param.get("x-examples")
    if isinstance(examples, dict):
        for media, example in examples.items():
            if media in body["content"]:
                body["content"][media]["example"] = example
    if param.get("required"):
        body["required"] = True
    if param.get("name"):
        body["x-codegen-request-body-name"] = param["name"]
    for key, value in param.items():
        if isinstance(key, str) and key.startswith("x-") and key != "x-examples":
            body[key] = value
    return body


def _form_request(params: list[dict[str, Any]], consumes: list[str]) -> dict[str, Any]:
    """formData parameters -> one Request Body Object (multipart when asked for or when a file is sent)."""
    has_file = any(p.get("type") == "file" for p in params)
    media_types = [m for m in consumes if m in _FORM_MEDIA]
    if not media_types:
        media_types = ["multipart/form-data" if has_file else "application/x-www-form-urlencoded"]
    properties = {str(p.get("name")): _form_property(p) for p in params}
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    required = [str(p.get("name")) for p in params if p.get("required")]
    if required:
        schema["required"] = required
    content: dict[str, Any] = {}
    for media in media_types:
        entry: dict[str, Any] = {"schema": clone(schema)}
        encoding = {}
        for p in params:
            if p.get("type") == "array" and p.get("collectionFormat") in ("multi", None) and media == _FORM_MEDIA[0]:
                encoding[str(p.get("name"))] = {"style": "form", "explode": p.get("collectionFormat") == "multi"}
        if encoding:
            entry["encoding"] = encoding
        content[media] = entry
    body: dict[str, Any] = {"content": content}
    if required:
        body["required"] = True
    return body


def _convert_security_scheme(scheme: dict[str, Any]) -> dict[str, Any]:
    kind = scheme.get("type")
    extras = {k: v for k, v in scheme.items() if isinstance(k, str) and (k.startswith("x-") or k == "description")}
    if kind == "basic":
        return {"type": "http", "scheme": "basic", **extras}
    if kind == "apiKey":
        return {"type": "apiKey", "name": scheme.get("name", ""), "in": scheme.get("in", "header"), **extras}
    if kind == "oauth2":
        flow_name, urls = _OAUTH_FLOWS.get(str(scheme.get("flow")), ("implicit", ("authorizationUrl",)))
        flow: dict[str, Any] = {url: scheme.get(url, "") for url in urls}
        flow["scopes"] = scheme.get("scopes") or {}
        return {"type": "oauth2", "flows": {flow_name: flow}, **extras}
    return dict(scheme)


def _servers(doc: dict[str, Any], schemes: list[str] | None = None) -> list[dict[str, Any]]:
    host = doc.get("host")
    base = str(doc.get("basePath") or "").rstrip("/")
    if base and not base.startswith("/"):
        base = "/" + base
    if not host:
        return [{"url": base}] if base else []
    return [{"url": f"{scheme}://{host}{base}"} for scheme in (schemes or doc.get("schemes") or ["https"])]


def _from_swagger2(doc: dict[str, Any], source: str) -> dict[str, Any]:
    """Swagger 2.0 -> an OpenAPI 3.0 document (still with 3.0 schemas: `nullable` etc. fixed later)."""
    global_params = mapping(doc.get("parameters"))
    body_params = {name for name, p in global_params.items() if isinstance(p, dict) and p.get("in") == "body"}
    form_params = {name for name, p in global_params.items() if isinstance(p, dict) and p.get("in") == "formData"}
    _rewrite_refs(doc, body_params)
    consumes_all = list(sequence(doc.get("consumes")))
    produces_all = list(sequence(doc.get("produces")))

    out: dict[str, Any] = {"openapi": "3.0.3", "info": doc.get("info") or {}}
    servers = _servers(doc)
    if servers:
        out["servers"] = servers
    for key in ("security", "tags"):
        if key in doc:
            out[key] = doc[key]

    def resolve_param(param: Any) -> Any:
        """Global body/formData parameters are inlined: OpenAPI 3 has no parameter of that kind."""
        if isinstance(param, dict) and isinstance(param.get("$ref"), str):
            ref = param["$ref"]
            name = ref.rsplit("/", 1)[-1]
            if ref.startswith("#/components/requestBodies/") or name in form_params and \
                    ref == f"#/components/parameters/{name}":
                return clone(global_params.get(name, param))
        return param

    paths: dict[str, Any] = {}
    for path, item in (doc.get("paths") or {}).items():
        if not isinstance(item, dict):
            paths[path] = item
            continue
        new_item: dict[str, Any] = {}
        shared = [resolve_param(p) for p in sequence(item.get("parameters")) if isinstance(p, dict)]
        for key, value in item.items():
            if key == "parameters":
                kept = [_convert_parameter(p) for p in shared if p.get("in") not in ("body", "formData")]
                if kept:
                    new_item["parameters"] = kept
            elif key in HTTP_METHODS and isinstance(value, dict):
                new_item[key] = _convert_operation(value, shared, consumes_all, produces_all, doc, source,
                                                   f"paths.{path}.{key}", resolve_param)
            else:
                new_item[key] = value
        paths[path] = new_item
    out["paths"] = paths

    components: dict[str, Any] = {}
    if isinstance(doc.get("definitions"), dict):
        components["schemas"] = {k: _swagger_schema(v) for k, v in doc["definitions"].items()}
    if isinstance(doc.get("responses"), dict):
        components["responses"] = {k: _convert_response(v, produces_all) for k, v in doc["responses"].items()
                                   if isinstance(v, dict)}
    parameters = {k: _convert_parameter(v) for k, v in global_params.items()
                  if isinstance(v, dict) and v.get("in") not in ("body", "formData")}
    if parameters:
        components["parameters"] = parameters
    bodies = {k: _body_request(global_params[k], consumes_all) for k in sorted(body_params)}
    if bodies:
        components["requestBodies"] = bodies
    if isinstance(doc.get("securityDefinitions"), dict):
        components["securitySchemes"] = {k: _convert_security_scheme(v)
                                         for k, v in doc["securityDefinitions"].items() if isinstance(v, dict)}
    if components:
        out["components"] = components
    if "externalDocs" in doc:
        out["externalDocs"] = doc["externalDocs"]
    for key, value in doc.items():
        if isinstance(key, str) and key.startswith("x-"):
            out[key] = value
    return out


def _convert_operation(op: dict[str, Any], shared: list[dict[str, Any]], consumes_all: list[str],
                       produces_all: list[str], doc: dict[str, Any], source: str, where: str,
                       resolve_param: Any) -> dict[str, Any]:
    consumes = list(op.get("consumes") or consumes_all)
    produces = list(op.get("produces") or produces_all)
    own = [resolve_param(p) for p in sequence(op.get("parameters")) if isinstance(p, dict)]
    # Operation parameters override path-level ones of the same name and location.
    own_keys = {(p.get("name"), p.get("in")) for p in own}
    params = [p for p in shared if (p.get("name"), p.get("in")) not in own_keys] + own
    result: dict[str, Any] = {}
    for key, value in op.items():
        if key in ("consumes", "produces", "parameters", "schemes"):
            continue
        if key == "responses" and isinstance(value, dict):
            result[key] = {str(code): _convert_response(r, produces) if isinstance(r, dict) else r
                           for code, r in value.items()}
        else:
            result[key] = value
    plain = [_convert_parameter(p) for p in params if p.get("in") not in ("body", "formData")]
    if plain:
        result["parameters"] = plain
    body = [p for p in params if p.get("in") == "body" or "$ref" in p and
            str(p["$ref"]).startswith("#/components/requestBodies/")]
    forms = [p for p in params if p.get("in") == "formData"]
    if body and forms:
        raise ApigenError("an operation cannot have both a body and formData parameters", file=source,
                          where=where)
    if body:
        result["requestBody"] = _body_request(body[-1], consumes)
    elif forms:
        result["requestBody"] = _form_request(forms, consumes)
    if op.get("schemes") and doc.get("host"):
        result["servers"] = _servers(doc, list(op["schemes"]))
    if "responses" not in result:
        result["responses"] = {"default": {"description": ""}}
    return result


# ---------------------------------------------------------------------------------------------------------
# OpenAPI 3.0 -> 3.1


def _upgrade_30(doc: dict[str, Any]) -> dict[str, Any]:
    """Bring a 3.0 document (or a converted 2.0 one) to 3.1, in place."""
    doc["openapi"] = "3.1.0"
    for item in mapping(doc.get("paths")).values():
        _upgrade_path_item(item)
    components = doc.get("components")
    if isinstance(components, dict):
        for name, schema in list(mapping(components.get("schemas")).items()):
            components["schemas"][name] = _schema31(schema)
        for param in mapping(components.get("parameters")).values():
            _upgrade_parameter(param)
        for header in mapping(components.get("headers")).values():
            _upgrade_parameter(header)
        for response in mapping(components.get("responses")).values():
            _upgrade_response(response)
        for body in mapping(components.get("requestBodies")).values():
            _upgrade_content(body)
        for item in mapping(components.get("pathItems")).values():
            _upgrade_path_item(item)
        for callbacks in mapping(components.get("callbacks")).values():
            _upgrade_callbacks(callbacks)
    return doc


def _upgrade_path_item(item: Any) -> None:
    if not isinstance(item, dict):
        return
    for param in sequence(item.get("parameters")):
        _upgrade_parameter(param)
    for method in HTTP_METHODS:
        op = item.get(method)
        if not isinstance(op, dict):
            continue
        for param in sequence(op.get("parameters")):
            _upgrade_parameter(param)
        if isinstance(op.get("requestBody"), dict):
            _upgrade_content(op["requestBody"])
        for response in mapping(op.get("responses")).values():
            _upgrade_response(response)
        for callbacks in mapping(op.get("callbacks")).values():
            _upgrade_callbacks(callbacks)


def _upgrade_callbacks(callbacks: Any) -> None:
    if isinstance(callbacks, dict):
        for item in callbacks.values():
            _upgrade_path_item(item)


def _bare_reference(node: dict[str, Any]) -> bool:
    """A Reference Object outside schemas: 3.0 ignored keys beside `$ref`; 3.1 allows only summary and
    description there, so the ignored ones are dropped. True when the node is a reference."""
    if "$ref" not in node:
        return False
    for key in [k for k in node if k not in ("$ref", "summary", "description")]:
        del node[key]
    return True


def _upgrade_parameter(param: Any) -> None:
    if not isinstance(param, dict) or _bare_reference(param):
        return
    if param.get("in") not in (None, "query"):
        # Meaningful only for query parameters; the 3.1 schema rejects them elsewhere.
        param.pop("allowEmptyValue", None)
        param.pop("allowReserved", None)
    if "schema" in param:
        param["schema"] = _schema31(param["schema"])
    if isinstance(param.get("content"), dict):
        _upgrade_content(param)


def _upgrade_response(response: Any) -> None:
    if not isinstance(response, dict) or _bare_reference(response):
        return
    for header in (response.get("headers") or {}).values():
        _upgrade_parameter(header)
    _upgrade_content(response)


def _upgrade_content(holder: Any) -> None:
    """Schemas under `content`; binary parts of a multipart body also get `contentMediaType` (3.1 style)."""
    if not isinstance(holder, dict) or _bare_reference(holder) or not isinstance(holder.get("content"), dict):
        return
    for media, entry in holder["content"].items():
        if not isinstance(entry, dict):
            continue
        if "schema" in entry:
            entry["schema"] = _schema31(entry["schema"])
            schema = entry["schema"]
            if str(media).startswith("multipart/") and isinstance(schema, dict):
                encoding = mapping(entry.get("encoding"))
                for name, prop in (schema.get("properties") or {}).items():
                    part = mapping(encoding.get(name))
                    _mark_binary(prop, str(part.get("contentType") or "application/octet-stream"))
            elif _is_binary(schema) and not str(media).startswith(("application/json", "text/")) and \
                    "*" not in str(media):
                schema.setdefault("contentMediaType", str(media))
        for header in ((entry.get("encoding") or {}) if isinstance(entry.get("encoding"), dict) else {}).values():
            if isinstance(header, dict):
                for h in (header.get("headers") or {}).values():
                    _upgrade_parameter(h)


def _is_binary(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("format") == "binary" and \
        schema.get("type") in ("string", ["string"], ["string", "null"])


def _mark_binary(schema: Any, media: str) -> None:
    """A file part: `{type: string, format: binary}` gains `contentMediaType` (arrays of files too)."""
    if _is_binary(schema):
        schema.setdefault("contentMediaType", media.split(",")[0].strip())
    elif isinstance(schema, dict) and isinstance(schema.get("items"), dict):
        _mark_binary(schema["items"], media)


def _schema31(schema: Any) -> Any:
    """One 3.0 schema (recursively) -> 3.1: nullable, exclusive bounds, base64 strings."""
    if isinstance(schema, list):
        return [_schema31(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    for key in _SUBSCHEMA:
        if key in schema and isinstance(schema[key], (dict, list)):
            schema[key] = _schema31(schema[key])
    for key in _SUBSCHEMA_LISTS:
        if isinstance(schema.get(key), list):
            schema[key] = [_schema31(s) for s in schema[key]]
    for key in _SUBSCHEMA_MAPS:
        if isinstance(schema.get(key), dict):
            schema[key] = {name: _schema31(s) for name, s in schema[key].items()}
    for bound, limit in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(schema.get(bound), bool) and schema.pop(bound) and limit in schema:
            schema[bound] = schema.pop(limit)
    if schema.get("format") == "byte" and schema.get("type") == "string":
        schema.setdefault("contentEncoding", "base64")
    if "x-nullable" in schema and "nullable" not in schema:
        schema["nullable"] = schema.pop("x-nullable")
    if "examples" in schema and not isinstance(schema["examples"], list):
        schema["examples"] = _examples_list(schema["examples"])
    if "default" in schema and isinstance(schema.get("type"), str):
        schema["default"] = _typed_default(schema["default"], schema["type"])
    if "default" in schema and schema["default"] is None and schema.get("nullable") is not True \
            and isinstance(schema.get("type"), str):
        del schema["default"]  # `default: null` on a non-nullable 3.0 schema means "no default"
    if "nullable" in schema:
        nullable = schema.pop("nullable")
        if nullable is True:
            schema = _add_null(schema)
    return schema


def _examples_list(examples: Any) -> list[Any]:
    """3.0 documents sometimes put a map of Example Objects in a schema; 3.1 schemas take a list of values."""
    if isinstance(examples, dict):
        return [e["value"] if isinstance(e, dict) and "value" in e else e for e in examples.values()]
    return [examples]


_INTEGER = re.compile(r"^-?\d+$")


def _typed_default(value: Any, kind: str) -> Any:
    """A default spelled as another type (`"false"` for a boolean, `10` for a string), typed; else as is.

    Only exact spellings are converted, so nothing a validator would reject for another reason is hidden.
    """
    if kind == "string" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        return value
    if kind == "boolean" and value in ("true", "false"):
        return value == "true"
    if kind == "integer" and _INTEGER.match(value):
        return int(value)
    if kind == "number":
        try:
            number = float(value)
        except ValueError:
            return value
        return int(number) if _INTEGER.match(value) else number
    return value


def _add_null(schema: dict[str, Any]) -> dict[str, Any]:
    """Let a schema also admit null, the 3.1 way."""
    kind = schema.get("type")
    if isinstance(kind, str):
        schema["type"] = [kind, "null"]
        if isinstance(schema.get("enum"), list) and None not in schema["enum"]:
            schema["enum"] = [*schema["enum"], None]
        return schema
    if isinstance(kind, list):
        if "null" not in kind:
            schema["type"] = [*kind, "null"]
        return schema
    for key in ("anyOf", "oneOf"):
        if isinstance(schema.get(key), list):
            if not any(isinstance(s, dict) and s.get("type") == "null" for s in schema[key]):
                schema[key] = [*schema[key], {"type": "null"}]
            return schema
    if "$ref" in schema or "allOf" in schema:
        # Keep annotations beside the anyOf; the constraining part moves inside it.
        annotations = ("description", "title", "default", "example", "examples", "readOnly", "writeOnly",
                       "deprecated", "externalDocs")
        inner = {k: v for k, v in schema.items() if k not in annotations and not str(k).startswith("x-")}
        outer = {k: v for k, v in schema.items() if k in annotations or str(k).startswith("x-")}
        return {"anyOf": [inner, {"type": "null"}], **outer}
    return schema
