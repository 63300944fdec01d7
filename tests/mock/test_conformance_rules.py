"""What schemathesis' checks found in third-party documents, as mock rules: the most literal template names
the path (405 and Allow from it), deleted resources stay gone, empty forms and nameless multipart parts are
checked, integer formats bound values, patterns use ECMA-262's ASCII classes, 204 has no content type."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from generator.config import ServiceConfig
from generator.openapi.normalize import normalize
from generator.render import RenderContext
from generator.render.mock.server import render

OK = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}}
NAME = {"name": "name", "in": "path", "required": True, "schema": {"type": "string", "pattern": r"^[-\w]+$"}}
SPEC: dict[str, Any] = {
    "openapi": "3.1.0", "info": {"title": "rules", "version": "1"},
    "paths": {
        "/bin/query.json": {"get": {"responses": OK}},
        "/{a}/{b}": {"delete": {"parameters": [{"name": "a", "in": "path", "required": True, "schema": {"type": "string"}},
                                               {"name": "b", "in": "path", "required": True, "schema": {"type": "string"}}],
                                "responses": OK}},
        "/things/{name}": {"parameters": [NAME],
                           "get": {"responses": OK}, "put": {"responses": OK},
                           "delete": {"responses": {"204": {"description": "gone", "content": {
                               "application/json": {"schema": {"type": "object"}}}}}}},
        "/things/{name}/parts": {"parameters": [NAME], "get": {"responses": OK}},
        "/forms": {"post": {"requestBody": {"content": {
            "application/x-www-form-urlencoded": {"schema": {"type": "object", "required": ["n"], "properties": {
                "n": {"type": "integer", "format": "int32"}}}},
            "multipart/form-data": {"schema": {"type": "object", "properties": {"n": {"type": "string"}}}}}},
            "responses": OK}},
    },
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Any]]:
    folder = tmp_path_factory.mktemp("rules") / "mock"
    render(normalize(SPEC), RenderContext(service=ServiceConfig(name="rules", package="rules")), folder)
    sys.path.insert(0, str(folder))
    sys.modules.pop("mock_engine", None)
    module = importlib.import_module("mock_engine")
    yield module, module.load_engine(str(folder))
    sys.path.remove(str(folder))
    sys.modules.pop("mock_engine", None)


def call(engine: tuple[Any, Any], method: str, path: str, body: bytes = b"", content_type: str = "") -> Any:
    module, mock = engine
    headers = {"content-type": content_type} if content_type else {}
    return mock.handle(module.MockRequest(method=method, path=path, query=[], headers=headers, body=body,
                                          base_url="http://127.0.0.1:1"))


def test_the_most_literal_template_names_the_path(engine: tuple[Any, Any]) -> None:
    answer = call(engine, "DELETE", "/bin/query.json")  # `/{a}/{b}` has DELETE, but this path is a literal one
    assert answer.status == 405 and answer.headers["allow"] == "GET"


def test_deleted_resources_stay_gone_until_written(engine: tuple[Any, Any]) -> None:
    assert call(engine, "GET", "/things/a").status == 200
    gone = call(engine, "DELETE", "/things/a")
    assert gone.status == 204 and "content-type" not in gone.headers and gone.body == b""
    assert call(engine, "GET", "/things/a").status == 404
    assert call(engine, "GET", "/things/a/parts").status == 404  # what was inside it too
    assert call(engine, "GET", "/things/b").status == 200
    assert call(engine, "PUT", "/things/a").status == 200
    assert call(engine, "GET", "/things/a").status == 200


def test_patterns_use_ascii_word_classes(engine: tuple[Any, Any]) -> None:
    assert call(engine, "GET", "/things/ok-name_1").status == 200
    assert call(engine, "GET", "/things/%C3%ADb").status == 422  # `í` is no \\w in JSON Schema's regexes


def test_forms_empty_nameless_and_integer_formats(engine: tuple[Any, Any]) -> None:
    form = "application/x-www-form-urlencoded"
    assert call(engine, "POST", "/forms", b"", form).status == 422  # an empty form still lacks `n`
    assert call(engine, "POST", "/forms", b"n=5", form).status == 200
    assert call(engine, "POST", "/forms", b"n=2147483648", form).status == 422  # over int32
    multipart = "multipart/form-data; boundary=XX"
    assert call(engine, "POST", "/forms", b"--XX--\r\n", multipart).status == 200  # no fields, none required
    assert call(engine, "POST", "/forms", b"--XX\r\n[]--XX--\r\n", multipart).status == 400  # a part naming nothing
