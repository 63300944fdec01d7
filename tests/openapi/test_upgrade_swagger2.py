"""Swagger 2.0 -> OpenAPI 3.1: every construct of 2.0 lands where 3.1 keeps it, and the result validates."""

from __future__ import annotations

from typing import Any

import pytest

from generator.errors import ApigenError
from generator.openapi.normalize import normalize
from generator.openapi.upgrade import to_openapi31
from generator.openapi.validate import validate_spec


def petstore() -> dict[str, Any]:
    return {
        "swagger": "2.0",
        "info": {"title": "Pets", "version": "2.1"},
        "host": "api.example.test",
        "basePath": "/v2/",
        "schemes": ["https", "http"],
        "consumes": ["application/json"],
        "produces": ["application/json"],
        "x-vendor": {"kept": True},
        "tags": [{"name": "pets", "description": "Pets."}],
        "securityDefinitions": {
            "basic": {"type": "basic"},
            "key": {"type": "apiKey", "in": "header", "name": "X-Key", "x-note": "n"},
            "implicit": {"type": "oauth2", "flow": "implicit", "authorizationUrl": "https://a.test/auth",
                         "scopes": {"read": "Read"}},
            "password": {"type": "oauth2", "flow": "password", "tokenUrl": "https://a.test/token", "scopes": {}},
            "app": {"type": "oauth2", "flow": "application", "tokenUrl": "https://a.test/token", "scopes": {}},
            "code": {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://a.test/auth",
                     "tokenUrl": "https://a.test/token", "scopes": {"write": "Write"}},
        },
        "security": [{"key": []}],
        "parameters": {
            "limit": {"name": "limit", "in": "query", "type": "integer", "default": 20, "maximum": 100},
            "petBody": {"name": "pet", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Pet"}},
            "note": {"name": "note", "in": "formData", "type": "string"},
        },
        "responses": {"NotFound": {"description": "missing", "schema": {"$ref": "#/definitions/Error"}}},
        "definitions": {
            "Pet": {"type": "object", "required": ["name"], "discriminator": "kind",
                    "properties": {"name": {"type": "string", "x-nullable": True},
                                   "kind": {"type": "string"},
                                   "tags": {"type": "array", "items": {"$ref": "#/definitions/Tag"}}}},
            "Tag": {"type": "object", "properties": {"label": {"type": "string"}}},
            "Error": {"type": "object", "properties": {"message": {"type": "string"}}},
        },
        "paths": {
            "/pets": {
                "get": {
                    "tags": ["pets"], "operationId": "listPets",
                    "parameters": [
                        {"$ref": "#/parameters/limit"},
                        {"name": "ids", "in": "query", "type": "array", "items": {"type": "integer"},
                         "collectionFormat": "multi"},
                        {"name": "names", "in": "query", "type": "array", "items": {"type": "string"},
                         "collectionFormat": "pipes"},
                        {"name": "X-Trace", "in": "header", "type": "string", "x-example": "abc"},
                    ],
                    "responses": {
                        "200": {"description": "ok", "schema": {"type": "array", "items": {"$ref": "#/definitions/Pet"}},
                                "headers": {"X-Rate": {"type": "integer", "description": "left"}},
                                "examples": {"application/json": [{"name": "Rex"}]}},
                        "404": {"$ref": "#/responses/NotFound"},
                    },
                },
                "post": {
                    "operationId": "createPet",
                    "parameters": [{"$ref": "#/parameters/petBody"}],
                    "responses": {"201": {"description": "created"}},
                    "x-op-extension": 1,
                },
            },
            "/pets/{petId}/photo": {
                "parameters": [{"name": "petId", "in": "path", "required": True, "type": "string"}],
                "post": {
                    "consumes": ["multipart/form-data"],
                    "produces": ["image/png"],
                    "parameters": [
                        {"name": "file", "in": "formData", "type": "file", "required": True, "description": "photo"},
                        {"$ref": "#/parameters/note"},
                    ],
                    "responses": {"200": {"description": "png", "schema": {"type": "file"}}},
                },
            },
            "/login": {
                "post": {
                    "consumes": ["application/x-www-form-urlencoded"],
                    "parameters": [{"name": "user", "in": "formData", "type": "string", "required": True}],
                    "responses": {"204": {"description": "in"}},
                },
            },
        },
    }


@pytest.fixture(scope="module")
def converted() -> dict[str, Any]:
    return to_openapi31(petstore(), "petstore.json")


def test_servers_from_host_base_path_and_schemes(converted: dict[str, Any]) -> None:
    assert converted["openapi"] == "3.1.0"
    assert converted["servers"] == [{"url": "https://api.example.test/v2"}, {"url": "http://api.example.test/v2"}]


def test_definitions_and_refs_move_under_components(converted: dict[str, Any]) -> None:
    schemas = converted["components"]["schemas"]
    assert set(schemas) == {"Pet", "Tag", "Error"}
    assert schemas["Pet"]["properties"]["tags"]["items"] == {"$ref": "#/components/schemas/Tag"}
    assert schemas["Pet"]["discriminator"] == {"propertyName": "kind"}
    assert schemas["Pet"]["properties"]["name"]["type"] == ["string", "null"]
    get = converted["paths"]["/pets"]["get"]
    assert get["parameters"][0] == {"$ref": "#/components/parameters/limit"}
    assert converted["components"]["parameters"]["limit"]["schema"] == {"type": "integer", "default": 20,
                                                                         "maximum": 100}
    assert get["responses"]["404"] == {"$ref": "#/components/responses/NotFound"}
    not_found = converted["components"]["responses"]["NotFound"]
    assert not_found["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}


def test_collection_formats_and_header_examples(converted: dict[str, Any]) -> None:
    params = {p.get("name"): p for p in converted["paths"]["/pets"]["get"]["parameters"]}
    assert params["ids"]["style"] == "form" and params["ids"]["explode"] is True
    assert params["names"]["style"] == "pipeDelimited"
    assert params["ids"]["schema"] == {"type": "array", "items": {"type": "integer"}}
    assert params["X-Trace"]["example"] == "abc" and "x-example" not in params["X-Trace"]


def test_responses_get_content_headers_and_examples(converted: dict[str, Any]) -> None:
    ok = converted["paths"]["/pets"]["get"]["responses"]["200"]
    media = ok["content"]["application/json"]
    assert media["schema"]["items"] == {"$ref": "#/components/schemas/Pet"}
    assert media["example"] == [{"name": "Rex"}]
    assert ok["headers"]["X-Rate"] == {"description": "left", "schema": {"type": "integer"}}


def test_body_parameter_becomes_request_body(converted: dict[str, Any]) -> None:
    post = converted["paths"]["/pets"]["post"]
    body = post["requestBody"]
    assert body["required"] is True
    assert body["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Pet"}
    assert "parameters" not in post
    assert post["x-op-extension"] == 1


def test_form_data_with_file_becomes_multipart(converted: dict[str, Any]) -> None:
    op = converted["paths"]["/pets/{petId}/photo"]["post"]
    schema = op["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert schema["required"] == ["file"]
    assert schema["properties"]["file"] == {"type": "string", "format": "binary", "description": "photo",
                                            "contentMediaType": "application/octet-stream"}
    assert schema["properties"]["note"] == {"type": "string"}
    png = op["responses"]["200"]["content"]["image/png"]["schema"]
    assert png["format"] == "binary" and png["contentMediaType"] == "image/png"
    assert converted["paths"]["/pets/{petId}/photo"]["parameters"][0]["schema"] == {"type": "string"}


def test_form_data_without_file_is_urlencoded(converted: dict[str, Any]) -> None:
    content = converted["paths"]["/login"]["post"]["requestBody"]["content"]
    assert list(content) == ["application/x-www-form-urlencoded"]
    assert content["application/x-www-form-urlencoded"]["schema"]["properties"]["user"] == {"type": "string"}


def test_security_definitions_become_schemes(converted: dict[str, Any]) -> None:
    schemes = converted["components"]["securitySchemes"]
    assert schemes["basic"] == {"type": "http", "scheme": "basic"}
    assert schemes["key"] == {"type": "apiKey", "name": "X-Key", "in": "header", "x-note": "n"}
    assert schemes["implicit"]["flows"] == {"implicit": {"authorizationUrl": "https://a.test/auth",
                                                         "scopes": {"read": "Read"}}}
    assert list(schemes["password"]["flows"]) == ["password"]
    assert list(schemes["app"]["flows"]) == ["clientCredentials"]
    assert schemes["code"]["flows"]["authorizationCode"]["tokenUrl"] == "https://a.test/token"
    assert converted["security"] == [{"key": []}]


def test_extensions_kept_and_input_untouched(converted: dict[str, Any]) -> None:
    original = petstore()
    to_openapi31(original, "x")
    assert original == petstore()
    assert converted["x-vendor"] == {"kept": True}


def test_converted_document_validates(converted: dict[str, Any]) -> None:
    validate_spec(normalize(converted), "petstore.json", engine="reference")
    validate_spec(normalize(converted), "petstore.json", engine="compiled")


def test_no_host_gives_relative_server() -> None:
    doc = {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "basePath": "/api",
           "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}}}
    assert to_openapi31(doc, "x")["servers"] == [{"url": "/api"}]


@pytest.mark.parametrize("doc, message", [
    ({"info": {}}, "not an OpenAPI 3.x or Swagger 2.0 document"),
    ({"swagger": "1.2"}, "unsupported Swagger version"),
    ({"openapi": "4.0.0"}, "unsupported OpenAPI version"),
])
def test_other_documents_are_rejected(doc: dict[str, Any], message: str) -> None:
    with pytest.raises(ApigenError) as raised:
        to_openapi31(doc, "odd.yaml")
    assert message in str(raised.value)
    assert str(raised.value).startswith("odd.yaml: ")
