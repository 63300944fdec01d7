"""Apifox structured dump: `参数 {"path": [...], ...}`, `请求体 {"jsonSchema": ...}`, `响应 [...]`, `响应示例 [...]`.

The dump is Apifox's own data model printed as JSON; its `jsonSchema` is real JSON Schema, so types and
the `required` list are taken as they are. Excerpts often stop inside the request body; the
`jsonSchema` object is then decoded on its own when it closed before the cut.
"""

from __future__ import annotations

import json
import re
from typing import Any

from generator.ingest import hints, jsonish
from generator.ingest.page import Page
from generator.ingest.sections import BODY, RESPONSE, heading

_DECODER = json.JSONDecoder()
_SCHEMA_KEY = re.compile(r'"jsonSchema"\s*:\s*')
_WORD = re.compile(r"(?:^|[(（\[【])\s*(可选|选填|非必填|optional|必填|必需|必选|required)\s*(?:[)）\]】]|$)", re.IGNORECASE)
_LOCATIONS = ("path", "query", "header", "cookie")


def detect(page: Page) -> bool:
    """A `jsonSchema` object printed under a request-body heading (in any language the headings know), or with
    the dump's own bookkeeping keys."""
    if not _SCHEMA_KEY.search(page.text):
        return False
    if '"x-apifox-orders"' in page.text or '"mediaType"' in page.text:
        return True
    return any(found is not None and found.kind == BODY for found in map(heading, _label_lines(page)))


def _label_lines(page: Page) -> list[str]:
    """The short lines that open a JSON value of the dump (`请求体`, `Request Body`, `Responses`...)."""
    return [line for line in page.lines() if 0 < len(line.strip()) <= 40 and not line.lstrip().startswith(("{", "["))]


def _clean_schema(schema: Any) -> Any:
    """The schema without Apifox bookkeeping keys (`x-apifox-*`), recursively."""
    if isinstance(schema, dict):
        return {k: _clean_schema(v) for k, v in schema.items() if not str(k).startswith("x-apifox")}
    if isinstance(schema, list):
        return [_clean_schema(v) for v in schema]
    return schema


def lift_properties(schema: dict[str, Any], source: str, warnings: list[str]) -> dict[str, Any]:
    """Hints lifted from every property description; a per-field required word wins over the list."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return schema
    required = [r for r in schema.get("required", []) if isinstance(r, str)]
    for name, prop in properties.items():
        if not isinstance(prop, dict):
            continue
        kind = prop.get("type") if isinstance(prop.get("type"), str) else None
        description = prop.get("description")
        if isinstance(description, str) and description:
            for key, value in hints.lift(description, kind, prop.get("example")).items():
                prop.setdefault(key, value)
            word = _WORD.search(description)
            if word:
                says = word.group(1).lower() in ("必填", "必需", "必选", "required")
                if says != (name in required):
                    warnings.append(f"{source}: field {name!r} is {'not ' if name not in required else ''}in the "
                                    f"schema's required list but its description says {word.group(1)!r}; "
                                    f"the description wins")
                    required = [r for r in required if r != name] + ([name] if says else [])
        if kind == "object":
            lift_properties(prop, source, warnings)
    if required:
        schema["required"] = required
    elif "required" in schema:
        del schema["required"]
    return schema


def _parse_json_string(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return None


def _param(item: dict[str, Any], where: str) -> dict[str, Any] | None:
    name = item.get("name")
    if not isinstance(name, str) or not name or name.lower() == "authorization":
        return None
    schema = dict(item.get("schema") or {}) if isinstance(item.get("schema"), dict) else {}
    if not schema:
        schema = {"type": item.get("type") or "string"}
    param: dict[str, Any] = {"name": name, "in": where, "required": True if where == "path" else
                             bool(item.get("required"))}
    if item.get("description"):
        param["description"] = item["description"]
    example = item.get("example") if item.get("example") not in (None, "") else item.get("sampleValue")
    if example not in (None, ""):  # the dump's own key for a parameter's example is `sampleValue`
        param["example"] = example
        if where == "path" and "/" in str(example):
            param["x-greedy"] = True
    param["schema"] = schema
    return param


def parse(page: Page) -> tuple[dict[str, Any], str | None, list[str]]:
    """Operation fragment (parameters, requestBody, responses), auth shown in the header list, warnings."""
    warnings: list[str] = []
    op: dict[str, Any] = {}
    auth: str | None = None
    response_schemas: dict[str, dict[str, Any]] = {}
    for block in page.blocks:
        value = block.value
        if isinstance(value, dict) and any(k in value for k in _LOCATIONS) and "jsonSchema" not in value:
            for where in _LOCATIONS:
                for item in value.get(where) or []:
                    if isinstance(item, dict) and str(item.get("name", "")).lower() == "authorization":
                        example = str(item.get("example") or item.get("sampleValue") or "")
                        auth = auth or ({"bearer": "bearer", "key": "key"}.get(example.split(" ")[0].lower()))
                    param = _param(item, where) if isinstance(item, dict) and where != "cookie" else None
                    if param:
                        op.setdefault("parameters", []).append(param)
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for item in value:
                if "jsonSchema" in item and "code" in item:
                    schema = lift_properties(_clean_schema(item["jsonSchema"]), page.source, warnings)
                    response_schemas[str(item["code"])] = schema
                    response = op.setdefault("responses", {}).setdefault(str(item["code"]), {
                        "description": item.get("name") or "", "content": {"application/json": {"schema": schema}}})
                    response.setdefault("x-id", item.get("id"))
                elif "data" in item and "responseId" in item:
                    example = _parse_json_string(item["data"])
                    target = next((r for r in op.get("responses", {}).values() if r.get("x-id") == item["responseId"]),
                                  None)
                    if target is not None and example is not None:
                        target["content"]["application/json"]["example"] = example
    body = _request_body(page, warnings)
    if body:
        op["requestBody"] = body
    for response in op.get("responses", {}).values():
        response.pop("x-id", None)
    return op, auth, warnings


def _request_body(page: Page, warnings: list[str]) -> dict[str, Any] | None:
    """The request body from the dump's first `jsonSchema` that is not inside the response list."""
    response_at = len(page.text)
    for line_number, line in enumerate(page.lines(), start=1):
        found = heading(line) if 0 < len(line.strip()) <= 40 else None
        if found is not None and found.kind == RESPONSE:  # 响应 / Responses / レスポンス: the response list
            response_at = page.offset_of(line_number)
            break
    for match in _SCHEMA_KEY.finditer(page.text):
        if match.start() > response_at:
            break
        try:
            schema, _ = _DECODER.raw_decode(page.text, match.end())
        except json.JSONDecodeError:
            reading = jsonish.read(page.text, match.end())
            if reading is None or reading.complete or not isinstance(reading.value, dict):
                continue
            schema = _cut_schema(reading.value)
            warnings.append(f"{page.source}:{page.line_of(match.start())}: request body schema cut off by the end of "
                            f"the page; the fields it names are kept")
        if not isinstance(schema, dict):
            continue
        head = page.text[max(0, match.start() - 300):match.start()]
        media = re.findall(r'"type"\s*:\s*"((?:application|multipart|text)/[\w.+\-]+)"', head)
        media_type = media[-1] if media else "application/json"
        schema = lift_properties(_clean_schema(schema), page.source, warnings)
        content: dict[str, Any] = {"schema": schema}
        example = re.search(r'"examples"\s*:\s*\[\s*\{\s*"mediaType"\s*:\s*"[^"]*"\s*,\s*"value"\s*:\s*',
                            page.text[match.end():])
        if example:
            try:
                text, _ = _DECODER.raw_decode(page.text, match.end() + example.end())
                value = _parse_json_string(text)
                if value is not None:
                    content["example"] = value
            except json.JSONDecodeError:
                pass
        return {"content": {media_type: content}}
    return None


def _cut_schema(value: Any) -> Any:
    """A JSON Schema the page stopped printing: a property whose schema was cut is still a named field (an
    empty schema); any other cut member is dropped."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, member in value.items():
            if member is jsonish.CUT:
                if key in ("properties", "items"):
                    out[key] = {}
                continue
            if key == "properties" and isinstance(member, dict):
                out[key] = {name: {} if prop is jsonish.CUT else _cut_schema(prop) for name, prop in member.items()}
            else:
                out[key] = _cut_schema(member)
        return out
    if isinstance(value, list):
        return [_cut_schema(v) for v in value if v is not jsonish.CUT]
    return value
