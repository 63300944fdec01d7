"""Mintlify's markdown export of an API page: one operation as YAML in its own shape, not OpenAPI.

    ````yaml openapi.json post /v1/images
    paths:
      path: /v1/images
      method: post
      servers: [{url: https://api.example.test}]
      request:
        security: [{title: bearerAuth, parameters: {header: {Authorization: {type: http, scheme: bearer}}}}]
        parameters: {path: {}, query: {limit: {schema: [{type: integer, required: false}]}}, header: {}}
        body: {application/json: {schemaArray: [{type: object, properties: {prompt: {allOf: [...]}},
                                                 requiredProperties: [prompt]}], examples: {...}}}
      response: {'200': {application/json: {schemaArray: [...], examples: {...}}}}
    ````

Mintlify serves it as the `.md` of every API reference page (and in `llms-full.txt`). `find` turns it into
an OpenAPI 3.0 document of that one operation, which the embedded-document reader then takes as any other:
schemas keep their JSON Schema keywords, `allOf` of one schema is that schema, `requiredProperties` is
`required`, a parameter's `required`/`description` move out of its schema.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from generator.core.walk import HTTP_METHODS, mapping
from generator.errors import ApigenError
from generator.openapi.io import LimitError, _Loader

_START = re.compile(r"^paths:[ \t]*\n[ \t]+path:[ \t]*\S", re.MULTILINE)
_MAX_DEPTH = 64
_MINTLIFY_ONLY = {"requiredProperties", "refIdentifier", "schemaArray", "isOneOf"}


def _schema(node: Any, depth: int = 0) -> Any:
    """A Mintlify schema as JSON Schema."""
    if not isinstance(node, dict) or depth > _MAX_DEPTH:
        return {} if not isinstance(node, (dict, bool)) else node
    parts = node.get("allOf")
    if isinstance(parts, list) and len(parts) == 1 and isinstance(parts[0], dict):
        merged = {**_schema(parts[0], depth + 1), **{k: v for k, v in node.items() if k != "allOf"}}
        node = merged
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _MINTLIFY_ONLY or (key == "required" and not isinstance(value, list)):
            continue
        if key == "properties" and isinstance(value, dict):
            out[key] = {str(name): _schema(prop, depth + 1) for name, prop in value.items()}
        elif key in ("items", "additionalProperties", "not") and isinstance(value, dict):
            out[key] = _schema(value, depth + 1)
        elif key in ("allOf", "anyOf", "oneOf") and isinstance(value, list):
            out[key] = [_schema(part, depth + 1) for part in value]
        else:
            out[key] = value
    listed = node.get("requiredProperties")
    if isinstance(listed, list) and listed and "required" not in out:
        out["required"] = [str(name) for name in listed]
    return out


def _first_schema(media: Any) -> dict[str, Any]:
    array = media.get("schemaArray") if isinstance(media, dict) else None
    first = array[0] if isinstance(array, list) and array else {}
    schema = _schema(first)
    return schema if isinstance(schema, dict) else {}


def _example(media: Any) -> Any:
    examples = media.get("examples") if isinstance(media, dict) else None
    for value in (examples or {}).values() if isinstance(examples, dict) else []:
        if isinstance(value, dict) and "value" in value:
            return value["value"]
    return None


def _security(request: dict[str, Any], components: dict[str, Any]) -> list[dict[str, list[str]]]:
    requirements: list[dict[str, list[str]]] = []
    for entry in request.get("security") or [] if isinstance(request.get("security"), list) else []:
        places = entry.get("parameters") if isinstance(entry, dict) else None
        for place, found in (places or {}).items() if isinstance(places, dict) else []:
            for name, scheme in (found or {}).items() if isinstance(found, dict) else []:
                if not isinstance(scheme, dict):
                    continue
                if scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() in ("bearer", "basic"):
                    kind = str(scheme["scheme"]).lower()
                    key, value = f"{kind}Auth", {"type": "http", "scheme": kind}
                else:
                    key, value = "apiKey", {"type": "apiKey", "in": place if place in ("header", "query", "cookie")
                                            else "header", "name": str(name)}
                components.setdefault(key, value)
                if {key: []} not in requirements:
                    requirements.append({key: []})
    return requirements


def _operation(node: dict[str, Any], title: str | None, description: str | None) -> tuple[str, str, dict[str, Any],
                                                                                       dict[str, Any]] | None:
    path, method = node.get("path"), str(node.get("method") or "").lower()
    if not isinstance(path, str) or not path.startswith("/") or method not in HTTP_METHODS:
        return None
    request = mapping(node.get("request"))
    op: dict[str, Any] = {}
    if title:
        op["summary"] = title
    if description:
        op["description"] = description
    if node.get("deprecated") is True:
        op["deprecated"] = True
    params = []
    places = mapping(request.get("parameters"))
    for place in ("path", "query", "header", "cookie"):
        for name, found in mapping(places.get(place)).items():
            schemas = found.get("schema") if isinstance(found, dict) else None
            schema = dict(_schema(schemas[0] if isinstance(schemas, list) and schemas else schemas or {}))
            param: dict[str, Any] = {"name": str(name), "in": place,
                                     "required": place == "path" or schema.pop("required", None) is True}
            schema.pop("required", None)
            if schema.get("description"):
                param["description"] = schema.pop("description")
            param["schema"] = schema or {"type": "string"}
            params.append(param)
    if params:
        op["parameters"] = params
    body = mapping(request.get("body"))
    content = {}
    for media, found in body.items():
        entry: dict[str, Any] = {"schema": _first_schema(found)}
        example = _example(found)
        if example is not None:
            entry["example"] = example
        content[str(media)] = entry
    if content:
        op["requestBody"] = {"content": content}
    responses: dict[str, Any] = {}
    answers = mapping(node.get("response"))
    for status, medias in answers.items():
        response: dict[str, Any] = {"description": "Successful response" if str(status).startswith("2")
                                    else "Error response"}
        for media, found in mapping(medias).items():
            entry = {"schema": _first_schema(found)}
            example = _example(found)
            if example is not None:
                entry["example"] = example
            response.setdefault("content", {})[str(media)] = entry
        responses[str(status)] = response
    op["responses"] = responses or {"200": {"description": "Successful response"}}
    schemes: dict[str, Any] = {}
    security = _security(request, schemes)
    if security:
        op["security"] = security
    return path, method, op, schemes


def _page_title(text: str) -> tuple[str | None, str | None]:
    """The page's `# Title` and the `> summary` quote under it, as the export prints them."""
    title = re.search(r"(?m)^#[ \t]+(.+?)[ \t]*$", text)
    quote = re.search(r"(?m)^>[ \t]+(.+?)[ \t]*$", text)
    return (title.group(1) if title else None), (quote.group(1) if quote else None)


def find(text: str, source: str, warnings: list[str]) -> tuple[dict[str, Any], int, bool] | None:
    """The export's operation as an OpenAPI 3.0 document, its line and whether it was salvaged; None when
    the page holds no such block."""
    match = _START.search(text)
    if match is None:
        return None
    first = text.count("\n", 0, match.start())
    lines = text[match.start():].split("\n")
    block: list[str] = []
    for line in lines:
        if block and (re.match(r"^[ \t]*(?:```|~~~)", line) or (line.strip() and not line[:1].isspace())):
            break
        block.append(line)
    salvaged = False
    try:
        node = yaml.load("\n".join(block), Loader=_Loader)  # a SafeLoader with depth and alias bounds
    except LimitError as error:
        raise ApigenError(f"embedded YAML document refused: {error}", file=source, line=first + 1) from None
    except RecursionError:
        raise ApigenError("embedded YAML document is nested too deeply", file=source, line=first + 1) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        node = None
        for end in range(min(mark.line if mark is not None else len(block), len(block)), 1, -1):
            try:  # a capture cut inside the block: what parses above the broken line is kept
                node = yaml.load("\n".join(block[:end]), Loader=_Loader)
                break
            except yaml.YAMLError:
                continue
        if node is None:
            return None
        salvaged = True
        warnings.append(f"{source}:{first + 1 + (mark.line if mark else 0)}: the page's YAML operation block is cut "
                        f"off; what parses above that line is kept")
    paths = mapping(mapping(node).get("paths"))
    title, description = _page_title(text[:match.start()])
    found = _operation(paths, title, description) if paths else None
    if found is None:
        return None
    path, method, op, schemes = found
    doc: dict[str, Any] = {"openapi": "3.0.3", "info": {"title": title or "API", "version": "1.0.0"},
                           "paths": {path: {method: op}}}
    servers = [{"url": s["url"]} for s in paths.get("servers") or [] if isinstance(s, dict) and isinstance(
        s.get("url"), str)] if isinstance(paths.get("servers"), list) else []
    if servers:
        doc["servers"] = servers
    if schemes:
        doc["components"] = {"securitySchemes": schemes}
    return doc, first + 1, salvaged
