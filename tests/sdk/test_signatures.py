"""How the plan lays out a method's arguments: the path's last parameter positional, the rest keyword-only;
optional arguments default to NOT_GIVEN with the documented default in the docs; a required field with a
default keeps it (it must be sent)."""

from __future__ import annotations

from typing import Any

from generator.render.python.plan import Operation, build_plan

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "T", "version": "1"},
    "paths": {"/threads/{thread_id}/runs/{run_id}": {"post": {
        "operationId": "runs_cancel", "tags": ["runs"],
        "parameters": [
            {"name": "thread_id", "in": "path", "required": True, "schema": {"type": "string"}},
            {"name": "run_id", "in": "path", "required": True, "schema": {"type": "string"}},
            {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 20}},
        ],
        "requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "required": ["reason", "mode"],
            "properties": {
                "reason": {"type": "string"},
                "mode": {"type": "string", "enum": ["soft", "hard"], "default": "soft"},
                "note": {"type": ["string", "null"], "description": "Why."},
                "count": {"type": "integer", "default": 1, "description": "How many."},
            }}}}},
        "responses": {"204": {"description": "done"}},
    }}},
}


def _operation() -> Operation:
    (resource,) = build_plan(SPEC).resources
    (op,) = resource.operations
    return op


def test_only_the_paths_last_parameter_is_positional() -> None:
    op = _operation()
    assert [p.name for p in op.positional_params] == ["run_id"]
    assert [p.name for p in op.keyword_params][:2] == ["thread_id", "reason"]


def test_optional_arguments_are_not_given_and_defaults_documented() -> None:
    params = {p.name: p for p in _operation().params}
    assert (params["limit"].signature_annotation, params["limit"].signature_default) == ("int | NotGiven", "NOT_GIVEN")
    assert params["limit"].doc == "Defaults to `20` on the server."
    assert params["count"].doc == "How many.\nDefaults to `1` on the server."
    assert params["note"].signature_annotation == "str | None | NotGiven" and params["note"].doc == "Why."
    # required by the spec yet documented with a default: the value must be sent, so the signature holds it
    assert (params["mode"].signature_annotation, params["mode"].signature_default) == (
        'Literal["soft", "hard"]', '"soft"')
    assert params["reason"].signature_default is None and params["run_id"].signature_default is None
