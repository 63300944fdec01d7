"""Validation: one line naming the file and the JSON pointer; both engines agree; third-party specs pass."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import ApigenError
from generator.openapi import load_spec
from generator.openapi.io import dump_spec
from generator.openapi.normalize import normalize
from generator.openapi.upgrade import to_openapi31
from generator.openapi.validate import spec_problems, validate_spec

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "openapi"
CORPUS_FILES = sorted(CORPUS.glob("*.json")) if CORPUS.is_dir() else []


def good() -> dict[str, Any]:
    return normalize({
        "openapi": "3.1.0", "info": {"title": "t", "version": "1"},
        "paths": {"/items/{item_id}": {"get": {
            "parameters": [{"name": "item_id", "in": "path", "required": True, "schema": {"type": "string"}},
                           {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 10}}],
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
                "$ref": "#/components/schemas/Item"}}}}}}}},
        "components": {"schemas": {"Item": {"type": "object", "properties": {"id": {"type": "string"}}}}},
    })


def broken_cases() -> dict[str, tuple[dict[str, Any], str]]:
    """name -> (spec, JSON pointer the first problem must name)."""
    cases: dict[str, tuple[dict[str, Any], str]] = {}
    spec = good()
    del spec["paths"]["/items/{item_id}"]["get"]["responses"]["200"]["description"]
    cases["response without description"] = (spec, "/paths/~1items~1{item_id}/get/responses/200")
    spec = good()
    spec["paths"]["/items/{item_id}"]["get"]["parameters"][1]["in"] = "body"
    cases["parameter in body"] = (spec, "/paths/~1items~1{item_id}/get/parameters/1")
    spec = good()
    spec["components"]["schemas"]["Item"]["properties"]["id"]["type"] = "text"
    cases["unknown type"] = (spec, "/components/schemas/Item")
    spec = good()
    spec["paths"]["/items/{item_id}"]["get"]["parameters"].pop(0)
    cases["undeclared path parameter"] = (spec, "/paths/~1items~1{item_id}/get")
    return cases


@pytest.mark.parametrize("name", sorted(broken_cases()))
def test_both_engines_reject_broken_specs(name: str) -> None:
    spec, where = broken_cases()[name]
    for engine in ("reference", "compiled"):
        problems = spec_problems(copy.deepcopy(spec), engine)
        assert problems, (engine, name)
        pointer, message = problems[0]
        # openapi-spec-validator names a path parameter problem in its message, not by pointer.
        assert pointer.startswith(where) or (pointer == "/" and "item_id" in message), (engine, problems)


def test_both_engines_accept_a_sound_spec() -> None:
    assert spec_problems(good(), "reference") == []
    assert spec_problems(good(), "compiled") == []


def test_compiled_engine_checks_defaults_and_duplicate_ids() -> None:
    spec = good()
    spec["paths"]["/items/{item_id}"]["get"]["parameters"][1]["schema"]["default"] = "ten"
    spec["paths"]["/items"] = {"get": {"operationId": spec["paths"]["/items/{item_id}"]["get"]["operationId"],
                                       "tags": ["items"]}}
    messages = [m for _, m in spec_problems(spec, "compiled")]
    assert any("default 'ten'" in m for m in messages)
    assert any("is not unique" in m for m in messages)


def test_error_is_one_line_naming_file_and_pointer() -> None:
    spec, _ = broken_cases()["response without description"]
    with pytest.raises(ApigenError) as raised:
        validate_spec(spec, "specs/shop.yaml")
    text = str(raised.value)
    assert "\n" not in text
    assert text.startswith("specs/shop.yaml: at /paths/~1items~1{item_id}/get/responses/200")
    assert "description" in text


def test_cli_validate_reports_bad_file_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
                   "      responses:\n        '200': {content: 5}\n", encoding="utf-8")
    good_file = tmp_path / "good.yaml"
    good_file.write_text("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n", encoding="utf-8")
    # --strict: the document as written (by default the broken operation would be dropped, see test_lenient)
    run = subprocess.run([sys.executable, "-m", "generator", "validate", "--strict", str(good_file), str(bad)],
                         check=False, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert f"{good_file}: valid" in run.stdout
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and "/paths/~1a/get/responses/200" in lines[0]


@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus/openapi is not present")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_third_party_documents_load_and_validate(path: Path) -> None:
    spec = load_spec(path)
    assert spec["openapi"] == "3.1.0"
    assert spec_problems(spec, "compiled") == []
    assert dump_spec(normalize(spec)) == dump_spec(spec)  # idempotent, byte for byte, on real documents


def test_default_beside_a_reference_is_checked_by_both_engines() -> None:
    spec = good()
    spec["paths"]["/items/{item_id}"]["get"]["parameters"][1]["schema"] = {
        "type": "array", "items": {"$ref": "#/components/schemas/Item"}, "default": "true"}
    assert spec_problems(spec, "reference")
    problems = spec_problems(spec, "compiled")
    assert problems and problems[0][0].endswith("/parameters/1/schema/default")


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                         st.sampled_from(["get", "parameters", "$ref", "schema", "in", "name", "responses",
                                          "content", "tags", "operationId", "x-queue", "type", "items"]),
                         inner, max_size=4), max_leaves=12)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["3.0.3", "3.1.0", "2.0"]), _json, _json)
def test_garbage_anywhere_gives_problems_never_crashes(version: str, item: Any, components: Any) -> None:
    doc = {"swagger" if version == "2.0" else "openapi": version, "info": {"title": "t", "version": "1"},
           "paths": {"/a/{id}": item}, "components": components}
    try:
        spec = normalize(to_openapi31(doc, "fuzz.yaml"))
    except ApigenError:
        return
    for engine in ("reference", "compiled"):
        for where, message in spec_problems(spec, engine):
            assert where.startswith("/") and "\n" not in message


def test_dangling_reference_is_reported_by_pointer() -> None:
    spec = good()
    spec["paths"]["/items/{item_id}"]["get"]["responses"]["200"] = {"$ref": "#/components/responses/Gone"}
    for engine in ("reference", "compiled"):
        assert spec_problems(spec, engine)[0] == (
            "/paths/~1items~1{item_id}/get/responses/200/$ref",
            "$ref '#/components/responses/Gone' points to nothing in this document")


def test_dangling_reference_under_default_response_is_found() -> None:
    spec = good()
    spec["paths"]["/items/{item_id}"]["get"]["responses"]["default"] = {"description": "e", "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/"}}}}
    problems = spec_problems(spec, "compiled")
    assert problems and problems[0][0].endswith("/responses/default/content/application~1json/schema/$ref")


def test_external_reference_is_named() -> None:
    spec = good()
    spec["components"]["schemas"]["Item"]["properties"]["id"] = {"$ref": "common.yaml#/Id"}
    where, message = spec_problems(spec, "reference")[0]
    assert where == "/components/schemas/Item/properties/id/$ref"
    assert "points outside this document" in message


def test_an_integer_default_outside_its_format_is_found_by_both_engines() -> None:
    spec = good()
    spec["paths"]["/items/{item_id}"]["get"]["parameters"][1]["schema"] = {
        "type": "integer", "format": "int32", "default": 2**31}
    for engine in ("reference", "compiled"):
        assert spec_problems(spec, engine), engine
    where, message = spec_problems(spec, "compiled")[0]
    assert where.endswith("/parameters/1/schema/default") and message == "default 2147483648 is not a 'int32'"


def test_reading_a_valid_document_leniently_does_not_load_the_reference_validator(tmp_path: Path) -> None:
    """Its import alone takes longer than the rest of loading a small document: the compiled engine decides."""
    path = tmp_path / "shop.json"
    path.write_text(json.dumps(good()), encoding="utf-8")
    code = ("import sys; from pathlib import Path; from generator.openapi import load_spec\n"
            f"load_spec(Path({str(path)!r}))\n"
            "print('openapi_spec_validator' in sys.modules)\n"
            f"load_spec(Path({str(path)!r}), strict=True)\n"
            "print('openapi_spec_validator' in sys.modules)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60,
                         cwd=Path(__file__).resolve().parents[2])
    assert run.stdout.split() == ["False", "True"], run.stderr
