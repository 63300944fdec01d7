"""normalize: canonical order, unique snake_case operationIds, one resource tag, fal queue operations."""

from __future__ import annotations

import copy
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.core.walk import operations
from generator.openapi.io import dump_spec
from generator.openapi.normalize import normalize
from generator.openapi.validate import validate_spec
from generator.render.naming import method_name, resource_name

SNAKE = re.compile(r"^[a-z_][a-z0-9_]*$")


def ops_by_key(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f"{method.upper()} {path}": op for path, method, op, _ in operations(spec)}


def relay() -> dict[str, Any]:
    """A relay service in the shape ingest writes: OpenAI-compatible paths, fal models, odd tags."""
    queue_ok = {"200": {"description": "ticket", "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/QueueStatus"}}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "", "description": "relay"},
        "paths": {
            "/v1/images/generations": {"post": {"tags": ["绘画模型/GPT Image 系列"], "summary": "draw"}},
            "/v1/chat/completions": {"post": {"operationId": "post-v1-chat-completions"}},
            "/v1/images/edits": {"post": {}},
            "/v1/models": {"get": {}},
            "/fal-ai/wan/v2.2-a14b/image-to-image": {"post": {"x-queue": "fal", "responses": queue_ok}},
            "/fal-ai/{model}": {"post": {"x-queue": "fal", "responses": queue_ok, "parameters": [
                {"name": "model", "in": "path", "schema": {"type": "string", "example": "flux-pro/kontext"}}]}},
            "/suno/submit/music": {"post": {"tags": ["音乐"]}},
            "/mj/task/{id}/fetch": {"get": {}},
            "/tasks/{task_id}": {"get": {"tags": ["Tasks API"]}, "delete": {}},
            "/tasks": {"get": {}, "post": {}},
        },
    }


def test_stainless_names_for_openai_paths() -> None:
    ops = ops_by_key(normalize(relay()))
    images = ops["POST /v1/images/generations"]
    assert (images["operationId"], images["tags"]) == ("images_generate", ["images"])
    assert (resource_name(images), method_name(images)) == ("images", "generate")
    chat = ops["POST /v1/chat/completions"]
    assert (chat["operationId"], chat["tags"]) == ("chat_completions_create", ["chat"])
    assert method_name(chat) == "completions_create"
    assert ops["POST /v1/images/edits"]["operationId"] == "images_edit"
    assert ops["GET /v1/models"]["operationId"] == "models_list"


def test_derived_names_from_paths() -> None:
    ops = ops_by_key(normalize(relay()))
    assert ops["POST /suno/submit/music"]["operationId"] == "suno_submit_music"
    assert ops["POST /suno/submit/music"]["tags"] == ["suno"]  # a tag with no ASCII words names nothing
    assert ops["GET /mj/task/{id}/fetch"]["operationId"] == "mj_task_fetch"
    assert ops["GET /tasks"]["operationId"] == "tasks_list"
    assert ops["POST /tasks"]["operationId"] == "tasks_create"
    assert ops["GET /tasks/{task_id}"]["operationId"] == "tasks_retrieve"
    assert ops["GET /tasks/{task_id}"]["tags"] == ["tasks_api"]
    assert ops["DELETE /tasks/{task_id}"]["operationId"] == "tasks_delete"


def test_every_operation_named_uniquely_in_snake_case() -> None:
    spec = normalize(relay())
    ids = [op["operationId"] for _, _, op, _ in operations(spec)]
    assert len(ids) == len(set(ids))
    for _, _, op, _ in operations(spec):
        assert SNAKE.match(op["operationId"]), op["operationId"]
        assert len(op["tags"]) == 1 and SNAKE.match(op["tags"][0])


def test_fal_operations_get_their_own_resource() -> None:
    ops = ops_by_key(normalize(relay()))
    wan = ops["POST /fal-ai/wan/v2.2-a14b/image-to-image"]
    assert wan["tags"] == ["wan_v2_2_a14b_image_to_image"]
    assert method_name(wan) == "submit"
    model = ops["POST /fal-ai/{model}"]
    assert model["tags"] == ["fal_ai"]
    assert model["parameters"][0]["x-greedy"] is True
    assert model["parameters"][0]["required"] is True


def test_queue_operations_added_once() -> None:
    spec = normalize(relay())
    ops = ops_by_key(spec)
    root = "/{app_owner}/{app_name}/requests/{request_id}"
    expected = {
        f"GET {root}/status": ("get_request_status", "status"),
        f"GET {root}/status/stream": ("stream_request_status", "stream"),
        f"GET {root}": ("get_request_result", "result"),
        f"PUT {root}/cancel": ("cancel_request", "cancel"),
    }
    for key, (op_id, role) in expected.items():
        assert (ops[key]["operationId"], ops[key]["x-queue-role"], ops[key]["tags"]) == (op_id, role, ["queue"])
    status = ops[f"GET {root}/status"]
    assert {p["name"] for p in status["parameters"]} == {"app_owner", "app_name", "request_id", "logs"}
    assert set(status["responses"]) == {"200", "202", "404", "422"}  # + the errors the mock answers
    assert status["responses"]["404"] == {"$ref": "#/components/responses/NotFoundFal"}  # two families here
    assert ops[f"GET {root}/status/stream"]["responses"]["200"]["content"].keys() == {"text/event-stream"}
    cancel = ops[f"PUT {root}/cancel"]["responses"]
    assert cancel["202"]["content"]["application/json"]["example"] == {"status": "CANCELLATION_REQUESTED"}
    assert cancel["400"]["content"]["application/json"]["example"] == {"status": "ALREADY_COMPLETED"}
    schemas = spec["components"]["schemas"]
    assert set(schemas["QueueStatus"]["properties"]["status"]["enum"]) == {"IN_QUEUE", "IN_PROGRESS", "COMPLETED"}
    assert {"request_id", "response_url", "status_url", "cancel_url", "logs", "metrics",
            "queue_position"} <= set(schemas["QueueStatus"]["properties"])
    assert set(schemas["QueueLog"]["properties"]) == {"message", "level", "source", "timestamp"}
    again = normalize(spec)
    assert len(operations(again)) == len(operations(spec))


def test_documented_queue_operation_is_reused_not_duplicated() -> None:
    doc = relay()
    doc["paths"]["/fal-ai/{model_name}/requests/{request_id}"] = {"get": {"summary": "result, as the page shows"}}
    ops = ops_by_key(normalize(doc))
    result = ops["GET /fal-ai/{model_name}/requests/{request_id}"]
    assert (result["x-queue-role"], result["operationId"], result["tags"]) == ("result", "get_request_result",
                                                                               ["queue"])
    assert "GET /{app_owner}/{app_name}/requests/{request_id}" not in ops
    assert "GET /{app_owner}/{app_name}/requests/{request_id}/status" in ops


def test_no_queue_operations_without_a_queue_ticket() -> None:
    doc = relay()
    for item in doc["paths"].values():
        for op in item.values():
            op.pop("x-queue", None)
    spec = normalize(doc)
    assert not any("requests/{request_id}" in path for path in spec["paths"])
    assert "QueueStatus" not in spec.get("components", {}).get("schemas", {})


def test_canonical_key_order() -> None:
    doc = {"components": {"schemas": {"B": {"type": "object", "properties": {"z": {"type": "string"},
                                                                            "a": {"type": "string"}}}}},
           "paths": {"/b": {"post": {"responses": {"default": {"description": "d"}, "200": {"description": "o"}},
                                     "summary": "s"}, "get": {}},
                     "/a": {"get": {}}},
           "info": {"version": "1", "title": "T"}, "x-z": 1, "openapi": "3.1.0", "servers": [{"url": "/"}]}
    spec = normalize(doc)
    assert list(spec) == ["openapi", "info", "servers", "tags", "paths", "components", "x-z"]
    assert list(spec["info"]) == ["title", "version"]
    assert list(spec["paths"]) == ["/a", "/b"]
    assert list(spec["paths"]["/b"]) == ["get", "post"]
    assert list(spec["paths"]["/b"]["post"]) == ["operationId", "tags", "summary", "responses"]
    assert list(spec["paths"]["/b"]["post"]["responses"]) == ["200", "default"]
    assert list(spec["components"]["schemas"]["B"]["properties"]) == ["z", "a"]  # docs order kept


def test_deterministic_and_idempotent() -> None:
    first = dump_spec(normalize(relay()))
    assert dump_spec(normalize(relay())) == first
    assert dump_spec(normalize(normalize(relay()))) == first


def test_normalized_relay_validates() -> None:
    validate_spec(normalize(relay()), "relay", engine="reference")


def test_info_filled_and_undeclared_path_params_declared() -> None:
    spec = normalize({"openapi": "3.1.0", "paths": {"/users/{user_id}/posts/{post_id}": {
        "get": {"parameters": [{"name": "post_id", "in": "path", "schema": {"type": "integer"}}]}}}})
    assert spec["info"] == {"title": "API", "version": "1.0.0"}
    params = spec["paths"]["/users/{user_id}/posts/{post_id}"]["get"]["parameters"]
    assert params[0] == {"name": "post_id", "in": "path", "required": True, "schema": {"type": "integer"}}
    assert params[1] == {"name": "user_id", "in": "path", "required": True, "schema": {"type": "string"}}
    validate_spec(spec, "x", engine="reference")


def test_hostile_names_become_identifiers() -> None:
    doc = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
        "/class/{def}": {"get": {"operationId": "class", "tags": ["import"]}},
        "/生成/图片": {"post": {"tags": ["🎨 画图"]}},
        "/2fa/codes": {"post": {"operationId": "2fa codes!"}},
        "/a-b/c d": {"get": {"operationId": "Get A-B"}, "put": {"operationId": "get_a_b"}},
        "/x": {"get": {"operationId": "get_a_b"}},
    }}
    spec = normalize(doc)
    ids = {f"{m} {p}": op["operationId"] for p, m, op, _ in operations(spec)}
    assert ids["get /class/{def}"] == "class"  # a Python keyword is the Python renderer's concern:
    assert method_name(ops_by_key(spec)["GET /class/{def}"]) == "class_"
    assert ids["post /2fa/codes"] == "op_2fa_codes"
    assert sorted([ids["get /a-b/c d"], ids["put /a-b/c d"], ids["get /x"]]) == ["get_a_b", "get_a_b_2", "get_a_b_3"]
    for _, _, op, _ in operations(spec):
        assert SNAKE.match(op["operationId"]) and op["operationId"].isascii()
        assert SNAKE.match(op["tags"][0])
    assert ops_by_key(spec)["POST /生成/图片"]["tags"][0] == "resource_" + ops_by_key(spec)["POST /生成/图片"]["tags"][0][9:]
    assert dump_spec(normalize(spec)) == dump_spec(spec)


_segment = st.one_of(st.text(alphabet="abcXYZ-_.0123456789生成", min_size=1, max_size=6),
                     st.sampled_from(["{id}", "{model}", "v1", "api", "class", "images", "generations"]))
_path = st.lists(_segment, min_size=1, max_size=4).map(lambda parts: "/" + "/".join(parts))
_op = st.fixed_dictionaries({}, optional={
    "operationId": st.text(max_size=12), "tags": st.lists(st.text(max_size=8), max_size=2),
    "x-queue": st.just("fal")})


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(_path, st.dictionaries(st.sampled_from(["get", "post", "put", "delete"]), _op,
                                               min_size=1), min_size=1, max_size=6))
def test_any_paths_normalize_idempotently_with_unique_names(paths: dict[str, Any]) -> None:
    spec = normalize({"openapi": "3.1.0", "paths": paths})
    ids = [op["operationId"] for _, _, op, _ in operations(spec)]
    assert len(ids) == len(set(ids))
    assert all(SNAKE.match(i) for i in ids)
    assert all(len(op["tags"]) == 1 and SNAKE.match(op["tags"][0]) for _, _, op, _ in operations(spec))
    assert normalize(spec) == spec
    assert list(normalize(spec)["paths"]) == list(spec["paths"])


def test_ids_that_only_spell_method_and_path_are_replaced() -> None:
    spec = normalize({"openapi": "3.1.0", "paths": {
        "/fal-ai/{model}": {"post": {"operationId": "post_fal_ai_model", "x-queue": "fal"}},
        "/suno/submit/music": {"post": {"operationId": "post-suno-submit-music"}},
        "/suno/fetch": {"get": {"operationId": "fetchSongs"}},
    }})
    ops = ops_by_key(spec)
    assert ops["POST /fal-ai/{model}"]["operationId"] == "fal_ai_submit"
    assert ops["POST /suno/submit/music"]["operationId"] == "suno_submit_music"
    assert ops["GET /suno/fetch"]["operationId"] == "fetch_songs"  # a chosen name is kept


def test_parameter_referenced_by_escaped_json_pointer_counts_as_declared() -> None:
    spec = normalize({"openapi": "3.1.0", "paths": {
        "/accounts/{account}": {"get": {"parameters": [
            {"name": "account", "in": "path", "required": True, "schema": {"type": "integer"}}]}},
        "/accounts/{account}/calls": {"get": {"parameters": [
            {"$ref": "#/paths/~1accounts~1%7Baccount%7D/get/parameters/0"}]}},
    }})
    params = spec["paths"]["/accounts/{account}/calls"]["get"]["parameters"]
    assert params == [{"$ref": "#/paths/~1accounts~1%7Baccount%7D/get/parameters/0"}]
    validate_spec(spec, "x", engine="compiled")
    validate_spec(spec, "x", engine="reference")


def test_any_model_submit_keeps_the_page_s_fields_and_the_sdk_requires_none_of_them() -> None:
    """`/fal-ai/{model}` takes every model's input, yet the fields a page marks required (those of the one
    model its example calls) stay required in the spec: it keeps what the page says. The Python SDK requires
    none of them there (other models' input goes in `extra_body`); a fixed model's submit keeps them."""
    from generator.render.python.plan import build_plan

    body = {"content": {"application/json": {"schema": {
        "type": "object", "properties": {"prompt": {"type": "string"}, "duration": {"type": "string"}},
        "required": ["prompt", "duration"]}}}}
    doc = relay()
    doc["paths"]["/fal-ai/{model}"]["post"].update({"requestBody": copy.deepcopy(body), "x-source": "u/page.txt"})
    doc["paths"]["/fal-ai/wan/v2.2-a14b/image-to-image"]["post"].update(
        {"requestBody": copy.deepcopy(body), "x-source": "u/wan.txt"})
    spec = normalize(doc)
    ops = ops_by_key(spec)
    for key in ("POST /fal-ai/{model}", "POST /fal-ai/wan/v2.2-a14b/image-to-image"):
        assert ops[key]["requestBody"]["content"]["application/json"]["schema"]["required"] == ["prompt", "duration"]
    required = {op.path: {p.wire for p in op.params if p.required}
                for resource in build_plan(spec).resources for op in resource.operations}
    assert required["/fal-ai/{model}"] == {"model"}
    assert required["/fal-ai/wan/v2.2-a14b/image-to-image"] == {"prompt", "duration"}
