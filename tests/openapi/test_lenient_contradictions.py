"""Contradictions inside a document, repaired leniently with one warning each: an `enum` its own `type`
rejects (values converted when they spell a value of the type exactly, else dropped, else the type goes),
and path keys holding a `#fragment` (the path before it; items that meet on one path are merged)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.openapi.test_lenient import document, load, places, schema


@pytest.mark.parametrize(("prop", "expected", "where"), [
    ({"type": "number", "enum": ["2", "3", "4.5"]}, {"type": "number", "enum": [2, 3, 4.5]}, "enum"),
    ({"type": "integer", "enum": ["1", "02", 3]}, {"type": "integer", "enum": [1, 3]}, "enum"),  # "02": an id
    ({"type": "number", "enum": ["1", 1, "many"]}, {"type": "number", "enum": [1]}, "enum"),
    ({"type": "string", "enum": [1, 2.5, True, "x"]}, {"type": "string", "enum": ["1", "2.5", "true", "x"]}, "enum"),
    ({"type": "boolean", "enum": ["true", "false"]}, {"type": "boolean", "enum": [True, False]}, "enum"),
    ({"type": "integer", "enum": ["low", "high"]}, {"enum": ["low", "high"]}, "type"),
])
def test_an_enum_its_type_rejects(tmp_path: Path, prop: dict[str, Any], expected: dict[str, Any], where: str) -> None:
    spec, warnings = load(tmp_path, document({"Thing": {"type": "object", "properties": {"p": prop}}}))
    assert schema(spec, "Thing")["properties"]["p"] == expected
    assert places(warnings) == [f"/components/schemas/Thing/properties/p/{where}"]


@pytest.mark.parametrize("prop", [
    {"type": ["string", "null"], "enum": ["a", None]},
    {"type": "integer", "enum": [1, 2.0]},
    {"type": "number", "enum": [1, 2.5]},
    {"enum": ["1", 2]},
])
def test_an_enum_its_type_admits_is_left_alone(tmp_path: Path, prop: dict[str, Any]) -> None:
    spec, warnings = load(tmp_path, document({"Thing": {"type": "object", "properties": {"p": dict(prop)}}}))
    assert schema(spec, "Thing")["properties"]["p"] == prop
    assert warnings == []


def op(operation_id: str, *params: str, status: str = "200") -> dict[str, Any]:
    return {"operationId": operation_id, "responses": {status: {"description": "ok"}},
            "parameters": [{"name": n, "in": "query", "required": True, "schema": {"type": "string"}} for n in params]}


def test_path_keys_with_a_fragment_become_one_path(tmp_path: Path) -> None:
    header = {"name": "X-Trace", "in": "header", "schema": {"type": "string"}}
    paths = {
        "/tags#arn": {"parameters": [header], "get": op("list_tags", "arn"), "post": op("add_tags", "arn")},
        "/tags#arn&keys": {"delete": op("remove_tags", "arn", "keys", status="204")},
        "/ok#top": {"post": op("post_ok")},  # beside a plain path: merged into it
    }
    spec, warnings = load(tmp_path, document(paths=paths))
    tags = spec["paths"]["/tags"]
    assert sorted(m for m in tags if m in ("get", "post", "delete")) == ["delete", "get", "post"]
    # the path-level header of the first item went down into its own operations, not into the DELETE
    assert "parameters" not in tags
    assert {p["name"] for p in tags["get"]["parameters"]} == {"arn", "X-Trace"}
    assert {p["name"] for p in tags["delete"]["parameters"]} == {"arn", "keys"}
    assert set(spec["paths"]["/ok"]) >= {"get", "post"}
    assert not any("#" in path for path in spec["paths"])
    assert places(warnings) == ["/paths/~1tags#arn", "/paths/~1tags#arn&keys", "/paths/~1ok#top"]
    assert "merged" in warnings[1] and "merged" in warnings[2]


def test_fragment_paths_that_share_a_method_are_all_kept(tmp_path: Path) -> None:
    # AWS's JSON protocols: every operation is `POST /#X-Amz-Target=...`, told apart by a header; merging them
    # onto `/` would keep one operation of hundreds
    target = {"name": "X-Amz-Target", "in": "header", "required": True, "schema": {"type": "string"}}
    paths = {f"/#X-Amz-Target=Svc.{name}": {"post": {**op(name), "parameters": [target]}}
             for name in ("ListThings", "PutThing", "DeleteThing")}
    spec, warnings = load(tmp_path, document(paths=paths))
    assert set(paths) <= set(spec["paths"])  # every operation kept
    assert len(warnings) == 3 and all("kept as written" in w for w in warnings)
    # one resource for the three, named by the path before the fragment, not by `X-Amz-Target=...`
    assert {spec["paths"][p]["post"]["tags"][0] for p in paths} == {"api"}


def test_strict_reading_keeps_a_fragment_as_written(tmp_path: Path) -> None:
    spec, warnings = load(tmp_path, document(paths={"/notes#owner": {"get": op("list_notes", "owner")}}), strict=True)
    assert "/notes#owner" in spec["paths"] and warnings == []


def test_header_parameters_openapi_ignores_are_dropped(tmp_path: Path) -> None:
    # "If in is header and the name is Accept, Content-Type or Authorization, the parameter SHALL be ignored"
    params = [{"name": name, "in": "header", "required": True, "schema": {"type": "string"}}
              for name in ("Accept", "content-type", "Authorization", "X-Trace")]
    spec, warnings = load(tmp_path, document(paths={"/send": {"post": {
        "operationId": "send", "parameters": params, "responses": {"200": {"description": "ok"}}}}}))
    assert [p["name"] for p in spec["paths"]["/send"]["post"]["parameters"]] == ["X-Trace"]
    assert places(warnings) == [f"/paths/~1send/post/parameters/{i}" for i in range(3)]
