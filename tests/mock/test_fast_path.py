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


def _asgi_answers(app: Any, requests: list[tuple[dict[str, Any], bytes]]) -> list[tuple[int, list[Any], bytes]]:
    """What the app sends for each (scope, body): status, header pairs and body, straight over ASGI."""

    async def run() -> list[tuple[int, list[Any], bytes]]:
        found = []
        for scope, body in requests:
            sent: list[dict[str, Any]] = []

            async def receive(body: bytes = body) -> dict[str, Any]:
                return {"type": "http.request", "body": body, "more_body": False}

            async def send(message: dict[str, Any], sent: list[dict[str, Any]] = sent) -> None:
                sent.append(message)

            await app(scope, receive, send)
            found.append((sent[0]["status"], list(sent[0]["headers"]), b"".join(m.get("body", b"") for m in sent[1:])))
        return found

    return asyncio.run(run())


def test_the_adapters_fast_path_sends_the_general_paths_bytes(tmp_path: Path) -> None:
    # two apps with the same seed, one with the compiled path switched off: every request (each twice, the
    # first routes the path) gets the same bytes from both, however the scope hands the headers over
    folder = render_mock("falqueue", tmp_path)
    module = load_app_module(folder)
    served, plain = module.create_app(queue_ticks=1), module.create_app(queue_ticks=1)
    plain.engine.answer_fast = lambda *args: None  # the adapter then never learns a fast route
    body = b'{"prompt": "a lighthouse", "num_images": 1}'

    def scope(headers: Any, *, path: str = "/fal-ai/flux/dev", **extra: Any) -> dict[str, Any]:
        found = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
                 "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
                 "headers": headers, "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8123), **extra}
        return {name: value for name, value in found.items() if value is not None}

    good, bad = (b"authorization", b"Key k"), (b"authorization", b"Bearer k")
    json_type, host = (b"content-type", b"application/json"), (b"host", b"localhost:8123")
    requests = [
        (scope([host, good, json_type]), body),
        (scope([host, good, bad, json_type]), body),  # a repeated header: the first one counts (200)
        (scope([host, bad, good, json_type]), body),  # ... here the malformed one (401)
        (scope((host, good, json_type)), body),  # a tuple, not a list
        (scope([host, good, json_type, (b"content-type", b"text/plain")]), body),
        (scope([host, good, json_type]), b'{"prompt": 3}'),  # 422
        (scope([(b"host", b"evil.example"), good, json_type]), body),  # not our name: the server's address
        (scope([host, good, json_type], server=None, scheme=None, root_path=None), body),  # all optional in ASGI
        (scope([host, good, json_type], root_path="/api"), body),
    ]
    expected = _asgi_answers(plain, requests * 2)
    assert _asgi_answers(served, requests * 2) == expected
    assert served.engine.fast_routes and not plain.engine.fast_routes  # the fast path did answer
    assert [status for status, _, _ in expected[:9]] == [200, 200, 401, 200, 200, 422, 200, 200, 200]
    urls = [json.loads(answer)["status_url"] for status, _, answer in expected[:9] if status == 200]
    assert urls[0].startswith("http://localhost:8123/fal-ai/flux/requests/")
    assert urls[4].startswith("http://127.0.0.1:8123/")  # `Host: evil.example` never reaches a URL
    assert urls[5].startswith("http://localhost:8123/fal-ai/") and urls[6].startswith("http://localhost:8123/api/")
    # a generator of pairs is read once, and answered as the list would be
    served_again, plain_again = module.create_app(queue_ticks=1), module.create_app(queue_ticks=1)
    listed = _asgi_answers(plain_again, [(scope([host, good, json_type]), body)] * 2)
    generated = _asgi_answers(served_again, [(scope(iter([host, good, json_type])), body),
                                             (scope(pair for pair in [host, good, json_type]), body)])
    assert generated == listed
