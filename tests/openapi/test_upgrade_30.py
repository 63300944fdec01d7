"""OpenAPI 3.0 -> 3.1: nullable, exclusive bounds, binary uploads; 3.1 passes through unchanged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.openapi import load_spec
from generator.openapi.normalize import normalize
from generator.openapi.upgrade import to_openapi31
from generator.openapi.validate import validate_spec


def doc30() -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Uploads", "version": "1"},
        "paths": {
            "/files": {
                "post": {
                    "requestBody": {"content": {
                        "multipart/form-data": {
                            "schema": {"type": "object", "properties": {
                                "file": {"type": "string", "format": "binary"},
                                "pages": {"type": "array", "items": {"type": "string", "format": "binary"}},
                                "title": {"type": "string", "nullable": True, "example": "Report"},
                            }},
                            "encoding": {"file": {"contentType": "image/png, image/jpeg"}},
                        },
                    }},
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
                        "$ref": "#/components/schemas/File"}}}}},
                },
            },
            "/raw": {"put": {"requestBody": {"content": {"application/octet-stream": {
                "schema": {"type": "string", "format": "binary"}}}},
                "responses": {"204": {"description": "stored"}}}},
        },
        "components": {"schemas": {
            "File": {"type": "object", "properties": {
                "size": {"type": "integer", "minimum": 0, "exclusiveMinimum": True, "maximum": 10,
                         "exclusiveMaximum": False},
                "owner": {"$ref": "#/components/schemas/Owner", "nullable": True, "description": "who"},
                "kind": {"type": "string", "enum": ["a", "b"], "nullable": True},
                "either": {"oneOf": [{"type": "string"}, {"type": "integer"}], "nullable": True},
                "data": {"type": "string", "format": "byte"},
                "plain": {"type": "string", "nullable": False},
            }},
            "Owner": {"type": "object", "properties": {"name": {"type": "string"}}},
        }},
    }


def test_nullable_becomes_null_type_or_any_of() -> None:
    props = to_openapi31(doc30(), "x")["components"]["schemas"]["File"]["properties"]
    assert props["kind"] == {"type": ["string", "null"], "enum": ["a", "b", None]}
    assert props["owner"] == {"anyOf": [{"$ref": "#/components/schemas/Owner"}, {"type": "null"}],
                              "description": "who"}
    assert props["either"]["oneOf"][-1] == {"type": "null"}
    assert props["plain"] == {"type": "string"}


def test_boolean_exclusive_bounds_become_numbers() -> None:
    size = to_openapi31(doc30(), "x")["components"]["schemas"]["File"]["properties"]["size"]
    assert size == {"type": "integer", "exclusiveMinimum": 0, "maximum": 10}


def test_binary_uploads_get_content_media_type() -> None:
    spec = to_openapi31(doc30(), "x")
    media = spec["paths"]["/files"]["post"]["requestBody"]["content"]["multipart/form-data"]
    props = media["schema"]["properties"]
    assert props["file"]["contentMediaType"] == "image/png"
    assert props["pages"]["items"]["contentMediaType"] == "application/octet-stream"
    assert props["title"] == {"type": ["string", "null"], "example": "Report"}
    raw = spec["paths"]["/raw"]["put"]["requestBody"]["content"]["application/octet-stream"]["schema"]
    assert raw["contentMediaType"] == "application/octet-stream"
    data = spec["components"]["schemas"]["File"]["properties"]["data"]
    assert data["contentEncoding"] == "base64"


def test_upgraded_30_validates_and_input_is_untouched() -> None:
    original = doc30()
    spec = to_openapi31(original, "x")
    assert original == doc30()
    assert spec["openapi"] == "3.1.0"
    validate_spec(normalize(spec), "uploads.yaml", engine="reference")


def test_31_passes_through_as_a_copy() -> None:
    doc = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
           "paths": {}, "components": {"schemas": {"A": {"type": ["string", "null"], "nullable": True}}}}
    out = to_openapi31(doc, "x")
    assert out == doc and out is not doc
    out["info"]["title"] = "changed"
    assert doc["info"]["title"] == "t"


def test_mistyped_defaults_and_example_maps_are_repaired() -> None:
    doc = {"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": {
        "S": {"type": "object", "examples": {"one": {"value": {"a": 1}}, "two": {"value": {"a": 2}}},
              "properties": {
                  "flag": {"type": "boolean", "default": "false"},
                  "count": {"type": "integer", "default": "10"},
                  "ratio": {"type": "number", "default": "0.5"},
                  "code": {"type": "string", "default": 222980000},
                  "name": {"type": "string", "default": None},
                  "word": {"type": "integer", "default": "ten"},
                  "maybe": {"type": "string", "default": None, "nullable": True},
              }},
    }}}
    schema = to_openapi31(doc, "x")["components"]["schemas"]["S"]
    props = schema["properties"]
    assert schema["examples"] == [{"a": 1}, {"a": 2}]
    assert props["flag"]["default"] is False
    assert props["count"]["default"] == 10
    assert props["ratio"]["default"] == 0.5
    assert props["code"]["default"] == "222980000"
    assert "default" not in props["name"]
    assert props["word"]["default"] == "ten"  # not an exact spelling: left for validation to report
    assert props["maybe"] == {"type": ["string", "null"], "default": None}


def test_yaml_integer_and_boolean_keys_become_json_strings(tmp_path: Path) -> None:
    path = tmp_path / "codes.yaml"
    path.write_text("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n"
                    "        200: {description: ok}\n        404: {description: gone}\n"
                    "components:\n  schemas:\n    Flags:\n      type: object\n      properties:\n"
                    "        true: {type: string}\n", encoding="utf-8")
    spec = load_spec(path)
    assert list(spec["paths"]["/a"]["get"]["responses"]) == ["200", "404", "422"]  # 422: see spec/errors.py
    assert list(spec["components"]["schemas"]["Flags"]["properties"]) == ["true"]


def test_reference_siblings_and_query_only_keywords_dropped() -> None:
    doc = {"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {"/a/{id}": {"get": {
        "parameters": [{"name": "id", "in": "path", "required": True, "allowEmptyValue": True,
                        "allowReserved": True, "schema": {"type": "string"}},
                       {"name": "q", "in": "query", "allowEmptyValue": True, "schema": {"type": "string"}},
                       {"$ref": "#/components/parameters/P", "name": "ignored", "description": "kept"}],
        "responses": {"200": {"$ref": "#/components/responses/R", "headers": {"X": {"schema": {}}}}}}}},
        "components": {"parameters": {"P": {"name": "p", "in": "query", "schema": {"type": "string"}}},
                       "responses": {"R": {"description": "r"}}}}
    spec = to_openapi31(doc, "x")
    op = spec["paths"]["/a/{id}"]["get"]
    assert op["parameters"][0] == {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    assert op["parameters"][1]["allowEmptyValue"] is True
    assert op["parameters"][2] == {"$ref": "#/components/parameters/P", "description": "kept"}
    assert op["responses"]["200"] == {"$ref": "#/components/responses/R"}
    validate_spec(normalize(spec), "x", engine="reference")
