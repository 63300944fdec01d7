"""The API diff engine's classification (oasdiff spirit) and the `apigen diff` command."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.regen.spec_diff import ADDITION, BREAKING, CHANGE, Change, bump_level, diff_specs
from generator.regen.version import bump
from tests.regen.conftest import apigen, petstore, write_spec


def only(changes: list[Change]) -> tuple[str, str]:
    assert len(changes) == 1, changes
    return changes[0].level, changes[0].kind


def request_schema(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["components"]["schemas"]["NewPet"]  # type: ignore[no-any-return]


def response_schema(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["paths"]["/pets"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]  # type: ignore[no-any-return]


def test_identical_specs_have_no_changes_even_with_int_status_keys() -> None:
    old = petstore()
    new = petstore()
    new["paths"]["/pets"]["post"]["responses"] = {200: new["paths"]["/pets"]["post"]["responses"]["200"]}
    assert diff_specs(old, new) == []
    assert bump_level([]) == "patch"


def test_removed_request_field_is_breaking() -> None:
    new = petstore()
    del request_schema(new)["properties"]["age"]
    change = diff_specs(petstore(), new)[0]
    assert (change.level, change.kind) == (BREAKING, "request-field-removed")
    assert change.operation == "POST /pets" and change.operation_id == "create_pet"
    assert change.where == "request body field `age`"


def test_removed_response_field_is_breaking_added_one_is_not() -> None:
    new = petstore()
    del response_schema(new)["properties"]["name"]
    assert only(diff_specs(petstore(), new)) == (BREAKING, "response-field-removed")
    new = petstore()
    response_schema(new)["properties"]["url"] = {"type": "string"}
    assert only(diff_specs(petstore(), new)) == (ADDITION, "response-field-added")


def test_required_changes_depend_on_direction() -> None:
    new = petstore()
    request_schema(new)["required"] = ["name", "age"]
    assert only(diff_specs(petstore(), new)) == (BREAKING, "request-field-became-required")
    assert only(diff_specs(new, petstore())) == (CHANGE, "request-field-became-optional")
    new = petstore()
    response_schema(new)["required"] = []
    assert only(diff_specs(petstore(), new)) == (BREAKING, "response-field-became-optional")
    new = petstore()
    request_schema(new)["properties"]["color"] = {"type": "string"}
    request_schema(new)["required"] = ["name", "color"]
    assert only(diff_specs(petstore(), new)) == (BREAKING, "request-required-field-added")


def test_enum_values() -> None:
    new = petstore()
    request_schema(new)["properties"]["kind"]["enum"] = ["cat"]
    level, kind = only(diff_specs(petstore(), new))
    assert (level, kind) == (BREAKING, "enum-value-removed")
    new["components"]["schemas"]["NewPet"]["properties"]["kind"]["enum"] = ["cat", "dog", "bird"]
    assert only(diff_specs(petstore(), new)) == (ADDITION, "enum-value-added")


def test_type_narrowing_and_widening() -> None:
    new = petstore()
    request_schema(new)["properties"]["age"]["type"] = "number"  # request widened: fine
    assert only(diff_specs(petstore(), new)) == (CHANGE, "type-widened")
    assert only(diff_specs(new, petstore())) == (BREAKING, "type-narrowed")  # number -> integer
    new = petstore()
    request_schema(new)["properties"]["age"]["type"] = "string"
    assert only(diff_specs(petstore(), new)) == (BREAKING, "type-changed")
    new = petstore()
    response_schema(new)["properties"]["id"]["type"] = ["integer", "null"]  # response may now be null
    assert only(diff_specs(petstore(), new)) == (BREAKING, "type-widened")


def test_defaults_limits_parameters_and_operations() -> None:
    new = petstore()
    request_schema(new)["properties"]["kind"]["default"] = "dog"
    assert only(diff_specs(petstore(), new)) == (CHANGE, "default-changed")
    new = petstore()
    request_schema(new)["properties"]["age"]["maximum"] = 30
    assert only(diff_specs(petstore(), new)) == (BREAKING, "limit-tightened")
    new = petstore()
    new["paths"]["/pets"]["post"]["parameters"][0]["required"] = True
    assert only(diff_specs(petstore(), new)) == (BREAKING, "parameter-became-required")
    new = petstore()
    new["paths"]["/pets"]["post"]["parameters"] = []
    assert only(diff_specs(petstore(), new)) == (BREAKING, "parameter-removed")
    new = petstore()
    new["paths"]["/pets"]["get"] = {"operationId": "list_pets", "responses": {"200": {"description": "ok"}}}
    changes = diff_specs(petstore(), new)
    assert [(c.level, c.kind, c.operation) for c in changes] == [(ADDITION, "operation-added", "GET /pets")]
    assert bump_level(changes) == "minor"
    removed = diff_specs(new, petstore())
    assert [(c.level, c.kind) for c in removed] == [(BREAKING, "operation-removed")]
    assert bump_level(removed) == "major"


def test_recursive_schemas_terminate() -> None:
    old = petstore()
    request_schema(old)["properties"]["parent"] = {"$ref": "#/components/schemas/NewPet"}
    new = petstore()
    request_schema(new)["properties"]["parent"] = {"$ref": "#/components/schemas/NewPet"}
    del request_schema(new)["properties"]["age"]
    kinds = [(c.where, c.kind) for c in diff_specs(old, new)]
    assert kinds == [("request body field `age`", "request-field-removed")]  # reported once, not per level


def test_version_bumps() -> None:
    assert [bump("1.4.2", level) for level in ("major", "minor", "patch")] == ["2.0.0", "1.5.0", "1.4.3"]
    with pytest.raises(Exception, match="not MAJOR.MINOR.PATCH"):
        bump("v1", "patch")


def test_diff_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    write_spec(tmp_path, "old", petstore())
    spec = petstore()
    request_schema(spec)["properties"]["kind"]["enum"] = ["cat"]
    write_spec(tmp_path, "new", spec)
    old, new = tmp_path / "specs/old.yaml", tmp_path / "specs/new.yaml"
    from generator.cli import main

    assert main(["diff", str(old), str(new), "--format", "json", "--fail-on-breaking"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["breaking"] is True and data["counts"] == {"breaking": 1, "addition": 0, "change": 0}
    assert data["changes"][0]["kind"] == "enum-value-removed"
    assert main(["diff", str(old), str(tmp_path / "missing.yaml")]) == 1
    assert "missing.yaml" in capsys.readouterr().err


def test_diff_against_a_git_revision(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "add", "specs")
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "specs")
    spec = petstore()
    del request_schema(spec)["properties"]["age"]
    write_spec(project, "petstore", spec)
    capsys.readouterr()
    assert apigen(project, "diff", "--rev", "HEAD", "--fail-on-breaking") == 1
    out = capsys.readouterr().out
    assert "# API changes: HEAD:specs/other.yaml -> specs/other.yaml\n\nNo API changes." in out
    assert "request body field `age` removed" in out
    assert apigen(project, "diff", "--rev", "nosuchrev") == 1
    assert "nosuchrev" in capsys.readouterr().err


def test_all_of_members_are_merged() -> None:
    old = petstore()
    new = petstore()
    base = {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}
    new["components"]["schemas"]["Base"] = base
    request_schema(new).pop("required")
    request_schema(new)["properties"].pop("name")
    new["components"]["schemas"]["NewPet"] = {"allOf": [{"$ref": "#/components/schemas/Base"},
                                                        request_schema(new)]}
    assert diff_specs(old, new) == []  # the same fields, split over allOf: no API change
    del base["properties"]["name"]
    base["required"] = []
    assert only(diff_specs(old, new)) == (BREAKING, "request-field-removed")


def _with_webhook(spec: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
    spec["webhooks"] = {"pet_adopted": {"post": {"requestBody": {"content": {"application/json": {
        "schema": payload}}}, "responses": {"200": {"description": "ok"}}}}}
    return spec


def test_webhooks_added_removed_and_their_payload_compared_as_the_api_sends_it() -> None:
    payload = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"},
                                                                     "note": {"type": "string"}}}
    old = _with_webhook(petstore(), payload)
    assert only(diff_specs(petstore(), old)) == (ADDITION, "webhook-added")
    assert only(diff_specs(old, petstore())) == (BREAKING, "webhook-removed")
    assert diff_specs(old, _with_webhook(petstore(), payload)) == []
    fewer = json.loads(json.dumps(payload))
    del fewer["properties"]["note"]
    changes = diff_specs(old, _with_webhook(petstore(), fewer))
    # a field the receiver read stops coming: breaking for it, as for a response
    assert [(c.level, c.operation, c.where) for c in changes] == [
        (BREAKING, "webhook pet_adopted (POST)", "payload field `note`")]
    optional = json.loads(json.dumps(payload))
    optional["required"] = []
    assert only(diff_specs(old, _with_webhook(petstore(), optional)))[0] == BREAKING  # id may be missing now
