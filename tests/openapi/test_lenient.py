"""Lenient reading of documents apigen did not write: each repair, each drop, one warning line apiece naming
the file and a JSON pointer; `strict` keeps the old verdict; apigen's own specs need no repair at all."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.errors import ApigenError
from generator.openapi import load_spec
from generator.openapi.validate import spec_problems

ROOT = Path(__file__).resolve().parents[2]
WARNING = re.compile(r"^(?P<file>[^\n]+?): at (?P<where>/[^\s]*): (?P<what>[^\n]+)$")


def document(schemas: dict[str, Any] | None = None, paths: dict[str, Any] | None = None) -> dict[str, Any]:
    """A 3.1 document with one sound operation (GET /ok answering Item), plus what a test adds."""
    return {
        "openapi": "3.1.0", "info": {"title": "t", "version": "1"},
        "paths": {"/ok": {"get": {"operationId": "get_ok", "responses": {"200": {
            "description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}}}}},
            **(paths or {})},
        "components": {"schemas": {"Item": {"type": "object", "properties": {"id": {"type": "string"}}},
                                   **(schemas or {})}},
    }


def load(tmp_path: Path, doc: dict[str, Any], strict: bool = False) -> tuple[dict[str, Any], list[str]]:
    path = tmp_path / "third-party.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    warnings: list[str] = []
    spec = load_spec(path, strict=strict, warnings=warnings)
    assert not spec_problems(spec, "reference") and not spec_problems(spec, "compiled")
    for line in warnings:  # one line each, naming the file and a JSON pointer
        match = WARNING.match(line)
        assert match and match["file"] == str(path), line
    return spec, warnings


def places(warnings: list[str]) -> list[str]:
    return [m["where"] for m in map(WARNING.match, warnings) if m]


def schema(spec: dict[str, Any], name: str) -> dict[str, Any]:
    return spec["components"]["schemas"][name]


# ---------------------------------------------------------------------------------------------------------
# Repairs: the document keeps everything, fixed


@pytest.mark.parametrize(("prop", "expected", "why"), [
    ({"type": "string", "default": None}, {"type": "string"}, "default None is not valid"),
    ({"type": "string", "default": False}, {"type": "string"}, "default False is not valid"),
    ({"type": "integer", "default": "10"}, {"type": "integer", "default": 10}, "read as 10"),
    ({"type": "string", "enum": ["a", "b"], "default": "c"}, {"type": "string", "enum": ["a", "b"]}, "dropped"),
    ({"type": "integer", "format": "int64", "default": 9223372036854776000},
     {"type": "integer", "format": "int64", "default": 9223372036854775807}, "outside int64"),
])
def test_defaults_that_contradict_their_schema(tmp_path: Path, prop: dict[str, Any], expected: dict[str, Any],
                                               why: str) -> None:
    doc = document({"Thing": {"type": "object", "properties": {"value": prop}}})
    with pytest.raises(ApigenError, match="default"):
        load(tmp_path, doc, strict=True)
    spec, warnings = load(tmp_path, doc)
    assert schema(spec, "Thing")["properties"]["value"] == expected
    assert places(warnings) == ["/components/schemas/Thing/properties/value/default"]
    assert why in warnings[0]


def test_boolean_exclusive_bounds_in_a_31_document(tmp_path: Path) -> None:
    doc = document({"Range": {"type": "integer", "minimum": 1, "exclusiveMinimum": True,
                              "maximum": 9, "exclusiveMaximum": False}})
    with pytest.raises(ApigenError):
        load(tmp_path, doc, strict=True)
    spec, warnings = load(tmp_path, doc)
    assert schema(spec, "Range") == {"type": "integer", "exclusiveMinimum": 1, "maximum": 9}
    assert places(warnings) == ["/components/schemas/Range/exclusiveMinimum", "/components/schemas/Range/exclusiveMaximum"]


def test_required_named_twice_and_required_true_on_a_property(tmp_path: Path) -> None:
    doc = document({"Pet": {"type": "object", "required": ["name", "name"], "properties": {
        "name": {"type": "string"}, "age": {"type": "integer", "required": True},
        "tag": {"type": "string", "required": False}}}})
    with pytest.raises(ApigenError):
        load(tmp_path, doc, strict=True)
    spec, warnings = load(tmp_path, doc)
    assert schema(spec, "Pet")["required"] == ["name", "age"]
    assert "required" not in schema(spec, "Pet")["properties"]["age"]
    assert places(warnings) == ["/components/schemas/Pet/required", "/components/schemas/Pet/properties/age/required",
                                "/components/schemas/Pet/properties/tag/required"]
    assert "names name more than once" in warnings[0]


def test_recursive_ref_becomes_a_plain_ref(tmp_path: Path) -> None:
    doc = document({"Tree": {"$recursiveAnchor": True, "type": "object", "properties": {
        "children": {"type": "array", "items": {"$recursiveRef": "#"}}}}})
    spec, warnings = load(tmp_path, doc)
    tree = schema(spec, "Tree")
    assert "$recursiveAnchor" not in tree
    assert tree["properties"]["children"]["items"] == {"$ref": "#/components/schemas/Tree"}
    assert places(warnings) == ["/components/schemas/Tree/$recursiveAnchor",
                                "/components/schemas/Tree/properties/children/items/$recursiveRef"]


def test_openapi_30_keywords_and_spellings_in_a_31_document(tmp_path: Path) -> None:
    doc = document({"Loose": {"type": "object", "properties": {
        "note": {"type": "string", "nullable": True},
        "count": {"type": "int", "minimum": "0", "maxLength": -1},
        "pair": {"type": "array", "items": [{"type": "string"}, {"type": "integer"}]},
        "shown": {"type": "string", "examples": {"one": {"value": "a"}}}}}})
    spec, warnings = load(tmp_path, doc)
    props = schema(spec, "Loose")["properties"]
    assert props["note"] == {"type": ["string", "null"]}
    assert props["count"] == {"type": "integer", "minimum": 0}
    assert props["pair"] == {"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}]}
    assert props["shown"]["examples"] == ["a"]
    assert len(warnings) == 6, warnings


def test_operation_level_repairs(tmp_path: Path) -> None:
    doc = document(paths={"/items/{id}": {"get": {"operationId": "get_item", "parameters": [
        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
        {"name": "gone", "in": "path", "required": True, "schema": {"type": "string"}},
        {"name": "q", "in": "query", "schema": {"type": "string"}},
        {"name": "q", "in": "query", "schema": {"type": "integer"}},
        {"name": "free", "in": "query"}],
        "responses": {"200": {"content": {"application/json": {"schema": {"type": "object"}}}}}}}})
    with pytest.raises(ApigenError):
        load(tmp_path, doc, strict=True)
    spec, warnings = load(tmp_path, doc)
    op = spec["paths"]["/items/{id}"]["get"]
    assert [(p["name"], p.get("schema")) for p in op["parameters"]] == [
        ("id", {"type": "string"}), ("q", {"type": "string"}), ("free", {})]
    assert op["responses"]["200"]["description"] == ""
    base = "/paths/~1items~1{id}/get"
    assert sorted(places(warnings)) == sorted([f"{base}/responses/200", f"{base}/parameters/1",
                                               f"{base}/parameters/3", f"{base}/parameters/4"])


# ---------------------------------------------------------------------------------------------------------
# Drops: only the operation or component a problem touches


def test_a_broken_operation_is_dropped_alone(tmp_path: Path) -> None:
    doc = document(paths={"/broken": {
        "get": {"operationId": "get_broken", "responses": {"200": {"description": "ok", "content": {
            "application/json": {"schema": {"type": 12}}}}}},
        "post": {"operationId": "post_broken", "responses": {"200": {"description": "ok"}}}}})
    with pytest.raises(ApigenError):
        load(tmp_path, doc, strict=True)
    spec, warnings = load(tmp_path, doc)
    assert list(spec["paths"]["/broken"]) == ["post"]
    assert "/ok" in spec["paths"]
    assert places(warnings) == ["/paths/~1broken/get/responses/200/content/application~1json/schema/type"]
    assert warnings[0].endswith("operation GET /broken dropped")


def test_a_broken_schema_is_dropped_and_its_references_accept_anything(tmp_path: Path) -> None:
    doc = document({"Bad": {"type": "object", "properties": {"x": {"type": "strin"}}},
                    "Holder": {"type": "object", "properties": {"bad": {"$ref": "#/components/schemas/Bad",
                                                                        "description": "kept"}}}},
                   paths={"/bad": {"get": {"operationId": "get_bad", "responses": {"200": {
                       "description": "ok", "content": {"application/json": {"schema": {
                           "$ref": "#/components/schemas/Bad"}}}}}}}})
    spec, warnings = load(tmp_path, doc)
    assert "Bad" not in spec["components"]["schemas"]
    assert schema(spec, "Holder")["properties"]["bad"] == {"description": "kept"}
    assert spec["paths"]["/bad"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] == {}
    assert places(warnings) == ["/components/schemas/Bad/properties/x/type"]
    assert warnings[0].endswith("schemas component 'Bad' dropped")


def test_a_dropped_parameter_component_takes_the_operations_using_it(tmp_path: Path) -> None:
    doc = document(paths={"/uses": {"get": {"operationId": "uses", "parameters": [
        {"$ref": "#/components/parameters/Broken"}], "responses": {"200": {"description": "ok"}}}}})
    doc["components"]["parameters"] = {"Broken": {"name": "b", "in": "body", "schema": {"type": "string"}}}
    spec, warnings = load(tmp_path, doc)
    assert "/uses" not in spec["paths"] and "/ok" in spec["paths"]
    assert "parameters" not in spec["components"]
    assert places(warnings) == ["/components/parameters/Broken/in", "/paths/~1uses/get/parameters/0/$ref"]
    assert warnings[1].endswith("operation GET /uses dropped")


def test_a_name_holding_a_line_break_still_gives_one_line(tmp_path: Path) -> None:
    doc = document({"Thing": {"type": "object", "properties": {"two\nlines": {"type": "string", "default": 1.5}}}})
    _, warnings = load(tmp_path, doc)
    assert len(warnings) == 1 and "\n" not in warnings[0] and "two\\nlines" in warnings[0]


def test_a_problem_nothing_can_be_dropped_for_stays_an_error(tmp_path: Path) -> None:
    doc = document()
    doc["info"] = {"title": 3}
    doc["jsonSchemaDialect"] = 12
    with pytest.raises(ApigenError, match="jsonSchemaDialect"):
        load(tmp_path, doc)


# ---------------------------------------------------------------------------------------------------------
# The commands, and apigen's own specs


def test_validate_and_generate_warn_by_default_and_fail_with_strict(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "third-party.json"
    path.write_text(json.dumps(document({"Thing": {"type": "string", "default": None}})), encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert f"{path}: valid after 1 repairs or drops" in out
    assert err == f"warning: {path}: at /components/schemas/Thing/default: default None is not valid under its " \
                  "schema; dropped\n"
    assert main(["validate", "--strict", str(path)]) == 1
    assert "default None is not valid" in capsys.readouterr().err
    assert main(["generate", str(path), "--out", str(tmp_path / "out"), "--target", "docs", "--strict"]) == 1
    assert not (tmp_path / "out" / "docs").exists()
    assert main(["generate", str(path), "--out", str(tmp_path / "out"), "--target", "docs"]) == 0
    assert "warning: " in capsys.readouterr().err
    assert (tmp_path / "out" / "docs" / "README.md").is_file()


@pytest.mark.parametrize("spec", sorted((ROOT / "specs").glob("*.yaml")), ids=lambda p: p.name)
def test_apigen_written_specs_need_no_repair(spec: Path) -> None:
    warnings: list[str] = []
    assert load_spec(spec, warnings=warnings) == load_spec(spec, strict=True)
    assert warnings == []


def test_openapi_objects_inside_schemas_lose_keys_they_do_not_define(tmp_path: Path) -> None:
    doc = document({"Tagged": {"type": "object", "xml": {"name": "t", "example": "<t/>"},
                               "discriminator": {"mapping": {"a": "#/components/schemas/Item"}},
                               "externalDocs": {"description": "no url"}}})
    with pytest.raises(ApigenError):
        load(tmp_path, doc, strict=True)
    spec, warnings = load(tmp_path, doc)
    assert schema(spec, "Tagged") == {"type": "object", "xml": {"name": "t"}}
    assert sorted(places(warnings)) == ["/components/schemas/Tagged/discriminator",
                                        "/components/schemas/Tagged/externalDocs", "/components/schemas/Tagged/xml"]
