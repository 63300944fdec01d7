"""The committed seed SDKs' fal queue (`generated/<service>/python`) against their committed mocks, served over
real HTTP on 127.0.0.1 as a user runs them (`python generated/<service>/mock --port 0`), and side by side with
the real `fal-client` package: handles, the SSE status stream, logs reaching `on_update`, and uniapi's generic
`/fal-ai/{model}` submit taking any model's arguments, with or without the `fal-ai/` owner."""

from __future__ import annotations

import asyncio
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import fal_client
import fal_client.client
import httpx
import pytest

from tests.mock.conftest import MockServer, start, stop

ROOT = Path(__file__).resolve().parents[2]
KEY = "fal-test-key"


def _serve(service: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[MockServer]:
    folder = ROOT / "generated" / service / "mock"
    log = tmp_path_factory.mktemp(service) / "mock.log"
    server = start([sys.executable, str(folder), "--port", "0", "--queue-ticks", "2"], folder, log)
    yield server
    stop(server)


def _import(service: str) -> Iterator[ModuleType]:
    sys.path.insert(0, str(ROOT / "generated" / service / "python"))
    try:
        yield importlib.import_module(service)
    finally:
        sys.path.remove(str(ROOT / "generated" / service / "python"))
        for name in [m for m in sys.modules if m == service or m.startswith(service + ".")]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def uniapi_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MockServer]:
    yield from _serve("uniapi", tmp_path_factory)


@pytest.fixture(scope="module")
def uniapi() -> Iterator[ModuleType]:
    yield from _import("uniapi")


@pytest.fixture
def client(uniapi: ModuleType, uniapi_server: MockServer) -> Iterator[Any]:
    with uniapi.Client(api_key=KEY, base_url=uniapi_server.url, max_retries=0) as client:
        yield client


def test_any_model_takes_only_its_own_arguments(client: Any, uniapi: ModuleType, uniapi_server: MockServer) -> None:
    handle = client.fal_ai.submit(model="fal-ai/flux/dev", prompt="a cat")  # no Kling fields required
    assert isinstance(handle, uniapi._queue.SyncRequestHandle)
    assert handle.status_url == f"{uniapi_server.url}/fal-ai/flux/requests/{handle.request_id}/status"
    events = list(handle.iter_events(with_logs=True))
    assert [type(e).__name__ for e in events] == ["QueueStatus"] * len(events)
    assert [e.status for e in events][-1] == "COMPLETED"
    assert any(e.logs for e in events if e.status == "IN_PROGRESS")
    assert isinstance(handle.ticket.queue_position, int | None)
    result = handle.result()
    assert result["images"][0]["url"].startswith(uniapi_server.url)
    assert client.fal_ai.result(handle) == result


def test_run_with_extra_body_gives_on_update_the_logs(client: Any) -> None:
    updates: list[Any] = []
    result = client.fal_ai.run(model="flux/dev", prompt="a cat", extra_body={"num_images": 2},
                               on_update=updates.append, poll_interval=0.01)
    assert len(result["images"]) == 2  # the mock made what the extra argument asked for
    assert updates[0].status == "IN_QUEUE" and updates[-1].status == "COMPLETED"
    assert any(u.logs for u in updates if u.status == "IN_PROGRESS")


def test_fal_client_and_the_sdk_follow_each_others_requests(client: Any, uniapi_server: MockServer,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fal_client.client, "QUEUE_URL_FORMAT", uniapi_server.url + "/")
    fal = fal_client.SyncClient(key=KEY)
    theirs = fal.submit("fal-ai/flux/dev", arguments={"prompt": "a lighthouse"})
    ticket = {"request_id": theirs.request_id, "status_url": theirs.status_url, "response_url": theirs.response_url}
    assert [e.status for e in client.fal_ai.iter_events(ticket)][-1] == "COMPLETED"
    assert client.fal_ai.result(ticket) == theirs.get()
    ours = client.fal_ai.submit(model="fal-ai/flux/dev", prompt="a lighthouse")
    ours.get(poll_interval=0.01)
    assert isinstance(fal.status("fal-ai/flux/dev", ours.request_id), fal_client.Completed)
    assert fal.result("fal-ai/flux/dev", ours.request_id) == ours.result()


def test_cancel_then_an_already_completed_request(client: Any, uniapi: ModuleType) -> None:
    pending = client.fal_ai.submit(model="flux/dev", prompt="p")
    assert pending.cancel() is None
    done = client.fal_ai.submit(model="flux/dev", prompt="p")
    done.get(poll_interval=0.01)
    with pytest.raises(uniapi.BadRequestError):
        client.fal_ai.cancel(done)


def test_async_handle_streams_and_waits(uniapi: ModuleType, uniapi_server: MockServer) -> None:
    async def main() -> None:
        async with uniapi.AsyncClient(api_key=KEY, base_url=uniapi_server.url, max_retries=0) as client:
            handle = await client.fal_ai.submit(model="flux/schnell", prompt="p")
            assert isinstance(handle, uniapi._queue.AsyncRequestHandle)
            statuses = [e.status async for e in client.fal_ai.iter_events(handle, with_logs=True)]
            assert statuses[-1] == "COMPLETED"
            assert (await handle.status()).status == "COMPLETED"
            assert "images" in await handle.get()
            updates: list[str] = []
            result = await client.fal_ai.run(model="flux/dev", prompt="p", poll_interval=0.01,
                                             on_update=lambda s: updates.append(s.status))
            assert updates[-1] == "COMPLETED" and "images" in result

    asyncio.run(main())


def test_typed_usage_file_passes_mypy_strict(mypy_cache: Path) -> None:
    """`typed_queue_usage.py` uses the seed SDKs' queue as their README shows; mypy --strict accepts it (and
    would reject `status(submit(...))` if a submit answered with anything `status` does not take)."""
    import subprocess

    paths = [str(ROOT / "generated" / name / "python") for name in ("uniapi", "winfull")]
    env = {"MYPYPATH": ":".join(paths), "PATH": ""}
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache),
                             str(Path(__file__).with_name("typed_queue_usage.py"))],
                            capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_rejects_a_wrong_result_type(mypy_cache: Path, tmp_path: Path) -> None:
    """The check above can fail: a result used as what it is not is an error."""
    import subprocess

    bad = tmp_path / "bad_usage.py"
    bad.write_text("from uniapi import Client\n\n"
                   "handle = Client(api_key='k').fal_ai.submit(model='flux/dev', prompt='p')\n"
                   "position: str = handle.status().queue_position\n", encoding="utf-8")
    env = {"MYPYPATH": str(ROOT / "generated" / "uniapi" / "python"), "PATH": ""}
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache), str(bad)],
                            capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 1 and "int | None" in result.stdout, result.stdout


def test_httpx_is_what_the_handles_speak(client: Any) -> None:
    """A handle's URLs are plain ones on the client's base URL: a raw httpx call can follow them too."""
    handle = client.fal_ai.submit(model="flux/dev", prompt="p")
    answer = httpx.get(handle.status_url, headers={"Authorization": f"Key {KEY}"})
    assert answer.json()["request_id"] == handle.request_id
