"""normalize documents the errors every operation can get, in the API's own error shape (`spec/errors.py`)."""

from __future__ import annotations

from typing import Any

from generator.core.walk import resolve
from generator.openapi.normalize import normalize
from generator.openapi.validate import validate_spec

OK = {"200": {"description": "ok"}}


def spec(paths: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths, **extra}


def statuses(doc: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    return {code: resolve(doc, answer) for code, answer in doc["paths"][path][method]["responses"].items()}


def test_statuses_follow_what_the_operation_takes() -> None:
    doc = normalize(spec({
        "/items": {"get": {"responses": OK},
                   "post": {"requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
                            "responses": OK}},
        "/items/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": True,
                                                "schema": {"type": "string"}}], "responses": OK}},
    }, security=[{"key": []}], components={"securitySchemes": {"key": {"type": "http", "scheme": "bearer"}}}))
    validate_spec(doc, source="test")
    assert set(statuses(doc, "/items", "get")) == {"200", "401", "422"}
    assert set(statuses(doc, "/items", "post")) == {"200", "400", "401", "413", "415", "422"}
    assert set(statuses(doc, "/items/{id}", "get")) == {"200", "401", "404", "422"}
    problem = statuses(doc, "/items/{id}", "get")["404"]["content"]["application/problem+json"]["schema"]
    assert problem == {"$ref": "#/components/schemas/Problem"}
    assert doc["components"]["responses"]["NotFound"]["description"].startswith("Nothing is found")


def test_no_security_no_401_and_default_documents_the_rest() -> None:
    doc = normalize(spec({
        "/a": {"get": {"responses": OK}},
        "/b": {"get": {"responses": {**OK, "default": {"description": "an error"}}}},
        "/c": {"get": {"responses": {**OK, "422": {"description": "their own"}}}},
    }))
    assert set(statuses(doc, "/a", "get")) == {"200", "422"}
    assert set(statuses(doc, "/b", "get")) == {"200", "default"}
    assert statuses(doc, "/c", "get")["422"] == {"description": "their own"}


def test_openai_paths_get_the_openai_shape_and_names_never_clash() -> None:
    theirs = {"type": "string"}
    doc = normalize(spec({"/v1/models": {"get": {"responses": OK}}},
                         components={"schemas": {"ErrorResponse": theirs}}))
    answer = statuses(doc, "/v1/models", "get")["422"]["content"]["application/json"]["schema"]
    assert answer == {"$ref": "#/components/schemas/ErrorResponse2"}
    assert doc["components"]["schemas"]["ErrorResponse"] == theirs
    assert doc["components"]["schemas"]["ErrorResponse2"]["required"] == ["error"]


def test_documenting_is_idempotent() -> None:
    doc = normalize(spec({"/v1/models/{id}": {"get": {"responses": OK}}, "/x": {"post": {
        "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}}, "responses": OK}}}))
    assert normalize(doc) == doc


def test_no_content_answers_lose_their_content() -> None:
    doc = normalize(spec({"/a": {"delete": {"responses": {"204": {"description": "gone", "content": {
        "application/json": {"schema": {"type": "object"}}}}}}}}))
    assert statuses(doc, "/a", "delete")["204"] == {"description": "gone"}
