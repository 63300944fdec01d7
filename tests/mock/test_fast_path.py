"""The fast paths of the mock change no answer: jsonschema_rs or not, and the lean ASGI adapter of app.py."""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.cli.mock import load_app_module
from tests.mock.conftest import render_mock

BODIES: list[Any] = [
    {"prompt": "a lighthouse", "num_images": 2, "output_format": "png"},
    {"prompt": "p", "num_images": 1.0},
    {"prompt": "", "num_images": 9, "output_format": "gif", "seed": "one", "image_size": 3},
    {"prompt": "p", "num_images": True},
    {"prompt": "p", "seed": 10**40},
    {"num_images": 2},
    [1, 2],
    None,
]


def engine_module(folder: Path) -> Any:
    sys.path.insert(0, str(folder))
    try:
        sys.modules.pop("mock_engine", None)
        return importlib.import_module("mock_engine")
    finally:
        sys.path.pop(0)


def answers(module: Any, folder: Path) -> list[tuple[int, Any]]:
    engine = module.load_engine(str(folder))
    found = []
    for body in BODIES:
        request = module.MockRequest("POST", "/fal-ai/flux/dev", [], {"authorization": "Key k",
                                     "content-type": "application/json"}, json.dumps(body).encode(), "http://x")
        answer = engine.handle(request)
        found.append((answer.status, json.loads(answer.body)))
    return found


def test_answers_are_the_same_with_and_without_jsonschema_rs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("jsonschema_rs")
    folder = render_mock("falqueue", tmp_path)
    module = engine_module(folder)
    fast = answers(module, folder)
    real_import = importlib.import_module

    def without_rs(name: str, package: str | None = None) -> Any:
        if name == "jsonschema_rs":
            raise ImportError(name)
        return real_import(name, package)

    monkeypatch.setattr(module.importlib, "import_module", without_rs)
    slow = answers(module, folder)
    assert fast == slow
    assert [status for status, _ in fast] == [200, 200, 422, 422, 200, 422, 422, 422]
    assert {tuple(d["loc"]) for d in fast[2][1]["detail"]} == {
        ("body", "prompt"), ("body", "num_images"), ("body", "output_format"), ("body", "seed"),
        ("body", "image_size")}


def test_asgi_adapter_keeps_host_query_and_headers(tmp_path: Path) -> None:
    folder = render_mock("falqueue", tmp_path)
    app = load_app_module(folder).create_app(queue_ticks=1)

    async def run() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://mock.test:8123") as client:
            key = {"Authorization": "Key k"}
            ticket = await client.post("/fal-ai/flux/dev", headers=key, json={"prompt": "p"})
            status = await client.get(ticket.json()["status_url"].replace("http://mock.test:8123", ""),
                                      headers=key, params={"logs": "1"})
            head = await client.head("/_mock/media/2x2/1.png")
            missing = await client.post("/fal-ai/flux/dev", json={"prompt": "p"})
            return [ticket, status, head, missing]

    ticket, status, head, missing = asyncio.run(run())
    assert ticket.status_code == 200
    assert ticket.json()["status_url"].startswith("http://mock.test:8123/fal-ai/flux/requests/")
    assert ticket.headers["x-fal-request-id"] == ticket.json()["request_id"]
    assert ticket.headers["content-length"] == str(len(ticket.content))
    assert status.status_code == 202 and status.json()["status"] == "IN_PROGRESS"
    assert status.json()["logs"]  # logs=1 came through the query string
    assert head.status_code == 404  # media is GET only; HEAD routes like any other request
    assert missing.status_code == 401 and missing.headers["www-authenticate"]


def test_the_module_level_app_is_built_on_first_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `uvicorn app:app` reads `app`; `serve` and `create_app` build their own, so importing the module for
    # them must not load a second engine
    monkeypatch.setenv("MOCK_QUEUE_TICKS", "0")
    module = load_app_module(render_mock("falqueue", tmp_path))
    assert module._APP == []
    app = module.app
    assert module.app is app and module._APP == [app]
    assert app.engine.queue_ticks == 0  # configured by the environment
    with pytest.raises(AttributeError):
        module.no_such_name  # noqa: B018


@pytest.mark.parametrize("ticks", [0, 3])
def test_a_submits_ticket_is_the_ticket_encoded_whole(tmp_path: Path, ticks: int) -> None:
    # the engine encodes a ticket once per app and joins each request id in: the bytes must be those of the
    # whole ticket, also for an app path that holds the marker the id is found by (then encoded whole)
    folder = render_mock("falqueue", tmp_path)
    module = engine_module(folder)
    engine = module.load_engine(str(folder), queue_ticks=ticks)
    for path in ("/fal-ai/flux/dev", "/fal-ai/fl%22ux/dev", "/fal-ai/\0apigen-request-id\0/dev"):
        request = module.MockRequest("POST", path, [], {"authorization": "Key k", "content-type": "application/json"},
                                     b'{"prompt": "p"}', "http://127.0.0.1:9")
        answer = engine.handle(request)
        assert answer.status == 200
        job = engine.jobs.get(answer.headers["x-fal-request-id"])
        state, position = ("COMPLETED", None) if ticks == 0 else ("IN_QUEUE", engine._queue_length())
        whole = engine._ticket(job, request.base_url, state, position, False)
        assert json.loads(answer.body) == whole
        assert answer.body == json.dumps(whole, ensure_ascii=False, separators=(",", ":")).encode()
