"""The mock engine (`generator/runtime/mock/mock_engine.py`) as source: routing, credentials, body checks
listing every violation, the built-in checker agreeing with jsonschema, the fal queue and real images.

The engine is driven directly with `MockRequest`s over the fixtures the mock renderer compiles from a spec
(`data_files`); no mock folder is rendered and no server started (tests/mock/ does that end to end)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from generator.render.mock.fixtures import data_files
from generator.runtime.mock import mock_engine
from tests.mock.conftest import load_test_spec


def engine(name: str, **options: Any) -> mock_engine.Engine:
    spec = load_test_spec(name)
    fixtures, _spec_json, _fixtures_json = data_files(spec)
    return mock_engine.Engine(spec, json.loads(json.dumps(fixtures)), **options)


def send(mock: mock_engine.Engine, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None,
         query: list[tuple[str, str]] | None = None) -> mock_engine.MockResponse:
    raw = body if isinstance(body, bytes) else b"" if body is None else json.dumps(body).encode()
    sent = {"authorization": "Key k", **({"content-type": "application/json"} if body is not None else {}),
            **(headers or {})}
    return mock.handle(mock_engine.MockRequest(method, path, query or [], sent, raw, "http://127.0.0.1:9"))


@pytest.fixture(scope="module")
def fal() -> mock_engine.Engine:
    return engine("falqueue", queue_ticks=2)


@pytest.mark.parametrize("full", [True, False])
def test_every_body_violation_is_listed_by_either_checker(full: bool) -> None:
    mock = engine("falqueue", use_jsonschema=full)
    answer = send(mock, "POST", "/fal-ai/a/b", {"num_images": 9, "output_format": "gif", "seed": "one",
                                                "image_size": 3})
    assert answer.status == 422
    found = sorted({tuple(d["loc"]) for d in json.loads(answer.body)["detail"]})
    assert found == [("body", "image_size"), ("body", "num_images"), ("body", "output_format"), ("body", "prompt"),
                     ("body", "seed")]


def test_credentials_are_checked_in_the_apis_shape(fal: mock_engine.Engine) -> None:
    for header in ("", "Bearer abc", "Key", "key abc"):
        answer = send(fal, "POST", "/fal-ai/flux/dev", {"prompt": "cat"}, headers={"authorization": header})
        assert answer.status == 401, header
        assert json.loads(answer.body)["detail"][0]["loc"] == ["header", "authorization"]
    only = engine("falqueue", api_key="right")
    assert send(only, "POST", "/fal-ai/flux/dev", {"prompt": "cat"}, headers={"authorization": "Key wrong"}).status == 401
    assert send(only, "POST", "/fal-ai/flux/dev", {"prompt": "cat"}, headers={"authorization": "Key right"}).status == 200


def test_malformed_oversized_and_wrong_media_type_bodies(fal: mock_engine.Engine) -> None:
    assert send(fal, "POST", "/fal-ai/flux/dev", b'{"prompt": "cat",').status == 400
    assert send(fal, "POST", "/fal-ai/flux/dev", b"<prompt/>", headers={"content-type": "text/xml"}).status == 415
    small = engine("falqueue", max_body=64)
    assert send(small, "POST", "/fal-ai/flux/dev", {"prompt": "x" * 100}).status == 413


def test_routing_answers_404_and_405_with_allow() -> None:
    things = engine("things")
    assert send(things, "GET", "/nope/nothing").status == 404
    answer = send(things, "PATCH", "/things/3")
    assert answer.status == 405 and answer.headers["allow"] == "DELETE, GET"
    assert answer.headers["content-type"] == "application/problem+json"


def test_queue_moves_through_its_states_then_serves_the_result(fal: mock_engine.Engine) -> None:
    ticket = json.loads(send(fal, "POST", "/fal-ai/flux/dev", {"prompt": "cat"}).body)
    assert ticket["status"] == "IN_QUEUE" and ticket["status_url"].startswith("http://127.0.0.1:9/")
    status_path = ticket["status_url"].removeprefix("http://127.0.0.1:9")
    result_path = ticket["response_url"].removeprefix("http://127.0.0.1:9")
    assert send(fal, "GET", result_path).status == 400  # not done yet
    polls = [send(fal, "GET", status_path, query=[("logs", "1")]) for _ in range(3)]
    assert [(a.status, json.loads(a.body)["status"]) for a in polls] == [
        (202, "IN_QUEUE"), (202, "IN_PROGRESS"), (200, "COMPLETED")]
    assert json.loads(polls[1].body)["logs"][0]["message"] == "step 2/2"
    result = send(fal, "GET", result_path)
    assert result.status == 200 and json.loads(result.body)["images"]
    cancel = send(fal, "PUT", ticket["cancel_url"].removeprefix("http://127.0.0.1:9"))
    assert cancel.status == 400 and json.loads(cancel.body)["status"] == "ALREADY_COMPLETED"
    assert send(fal, "GET", status_path.replace(ticket["request_id"], "no-such-id")).status == 404


def test_image_urls_serve_real_images(fal: mock_engine.Engine) -> None:
    ticket = json.loads(send(fal, "POST", "/fal-ai/flux/dev", {"prompt": "cat"}).body)
    zero = engine("falqueue", queue_ticks=0)
    done = json.loads(send(zero, "POST", "/fal-ai/flux/dev", {"prompt": "cat"}).body)
    # (both engines are seeded alike, so their first request ids are equal: what differs is the state)
    assert done["status"] == "COMPLETED" and ticket["status"] == "IN_QUEUE"
    url = json.loads(send(zero, "GET", done["response_url"].removeprefix("http://127.0.0.1:9")).body)["images"][0]["url"]
    image = send(zero, "GET", url.removeprefix("http://127.0.0.1:9"))
    assert image.status == 200 and image.body[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_job_store_is_bounded_and_evicts_the_oldest() -> None:
    mock = engine("falqueue", max_jobs=2)
    ids = [json.loads(send(mock, "POST", "/fal-ai/flux/dev", {"prompt": "cat"}).body)["request_id"] for _ in range(3)]
    first = f"/fal-ai/flux/requests/{ids[0]}/status"
    assert send(mock, "GET", first).status == 404
    assert send(mock, "GET", f"/fal-ai/flux/requests/{ids[2]}/status").status in (200, 202)
