"""fal queue helpers of the generated relay SDK: submit, status, result, cancel, run() with on_update and
its deadline, the queue.fal.run URLs rewritten onto the client's base URL, and the async twins."""

from __future__ import annotations

import asyncio
import json
from types import ModuleType
from typing import Any

import pytest

from tests.sdk.conftest import Generated, load
from tests.sdk.server import API_KEY, LocalServer, Scripted


@pytest.fixture
def sdk(sdks: dict[str, Generated]) -> ModuleType:
    return load(sdks["falqueue"])


@pytest.fixture
def client(sdk: ModuleType, server: LocalServer) -> Any:
    with sdk.Client(api_key=API_KEY, base_url=server.url, max_retries=0) as client:
        yield client


def test_submit_returns_a_handle_with_key_auth(client: Any, sdk: ModuleType, server: LocalServer) -> None:
    from relay.models import QueueStatus

    handle = client.fal_ai.submit(model="flux-pro/kontext", prompt="猫")
    assert isinstance(handle, sdk._queue.SyncRequestHandle)
    assert isinstance(handle.ticket, QueueStatus) and handle.ticket.status == "IN_QUEUE"
    assert handle.request_id == handle.ticket.request_id
    assert handle.status_url == f"{server.url}/fal-ai/flux-pro/requests/{handle.request_id}/status"
    request = server.state.requests[-1]
    assert request.headers["authorization"] == f"Key {API_KEY}"
    assert request.raw_path == b"/fal-ai/flux-pro/kontext"  # greedy: slashes kept


def test_model_id_may_carry_its_owner_prefix(client: Any, server: LocalServer) -> None:
    client.fal_ai.submit(model="fal-ai/flux/dev", prompt="p")  # as fal-client users write it
    assert server.state.requests[-1].raw_path == b"/fal-ai/flux/dev"  # not /fal-ai/fal-ai/flux/dev


def test_handle_status_result_cancel_follow_rewritten_urls(client: Any, server: LocalServer) -> None:
    handle = client.fal_ai.submit(model="flux/dev", prompt="p")
    status = handle.status(with_logs=True)
    assert status.status == "IN_PROGRESS"
    assert status.logs[0].message == "step 1"
    polled = server.state.requests[-1]
    assert polled.path == f"/fal-ai/flux/requests/{handle.request_id}/status"  # on our server, not fal's
    assert polled.query == {"logs": ["1"]}
    assert polled.headers["authorization"] == f"Key {API_KEY}"
    assert client.fal_ai.status(handle).status == "COMPLETED"  # the resource takes the handle too
    expected = {"images": [{"url": f"https://img.example/{handle.request_id}.png"}]}
    assert handle.result() == expected == client.fal_ai.result(handle) == client.fal_ai.result(handle.ticket)
    assert handle.cancel() is None
    assert server.state.requests[-1].method == "PUT"
    assert server.state.requests[-1].path.endswith(f"/requests/{handle.request_id}/cancel")


def test_a_status_without_queue_position_or_logs_parses(client: Any, server: LocalServer) -> None:
    server.state.script.append(Scripted(200, {"status": "COMPLETED", "request_id": "r7"}))
    status = client.fal_ai.status({"request_id": "r7", "status_url": f"{server.url}/fal-ai/x/requests/r7/status"})
    assert (status.status, status.queue_position, status.logs) == ("COMPLETED", None, None)


def test_raw_submit_parses_into_the_handle(client: Any, sdk: ModuleType) -> None:
    raw = client.fal_ai.with_raw_response.submit_model(model="flux/dev", prompt="p")
    assert raw.status_code == 200
    handle = raw.parse()
    assert isinstance(handle, sdk._queue.SyncRequestHandle) and handle.ticket.status == "IN_QUEUE"


def test_urls_off_fal_host_are_followed_as_returned(client: Any, server: LocalServer) -> None:
    ticket = {"status": "IN_QUEUE", "request_id": "r9",
              "status_url": f"{server.url}/elsewhere/app/requests/r9/status",
              "response_url": f"{server.url}/elsewhere/app/requests/r9"}
    assert client.fal_ai.status(ticket).request_id == "r9"
    assert server.state.requests[-1].path == "/elsewhere/app/requests/r9/status"
    client.fal_ai.cancel(ticket)  # no cancel_url: derived from response_url
    assert server.state.requests[-1].path == "/elsewhere/app/requests/r9/cancel"


def test_run_polls_to_completion_with_on_update(client: Any, server: LocalServer) -> None:
    updates: list[Any] = []
    result = client.fal_ai.run(model="flux/dev", prompt="p", poll_interval=0.01, on_update=updates.append,
                               extra_body={"seed": 7, "loras": [{"path": "x"}]})
    assert [u.status for u in updates] == ["IN_QUEUE", "IN_PROGRESS", "COMPLETED"]
    assert updates[1].logs[0].message == "step 1"  # on_update gets the logs
    assert result["images"][0]["url"].endswith(".png")
    paths = [r.path for r in server.state.requests]
    assert paths[0] == "/fal-ai/flux/dev"
    # documented defaults (num_images, image_size) are the server's to apply: not sent
    assert json.loads(server.state.requests[0].body) == {"prompt": "p", "seed": 7, "loras": [{"path": "x"}]}
    assert all(r.query == {"logs": ["1"]} for r in server.state.requests[1:-1])
    assert paths[-1].startswith("/fal-ai/flux/requests/") and not paths[-1].endswith("/status")


def test_run_deadline_raises_queue_timeout(client: Any, sdk: ModuleType, server: LocalServer) -> None:
    server.state.script.append(Scripted(200, {
        "status": "IN_QUEUE", "request_id": "stuck-1",
        "status_url": "https://queue.fal.run/fal-ai/x/requests/stuck-1/status",
        "response_url": "https://queue.fal.run/fal-ai/x/requests/stuck-1"}))
    with pytest.raises(sdk.QueueTimeoutError) as caught:
        client.fal_ai.run(model="x", prompt="p", timeout=0.3, poll_interval=0.05)
    assert caught.value.ticket.request_id == "stuck-1"
    assert isinstance(caught.value, sdk.APIError)


def test_one_queue_api_the_handles(client: Any, sdk: ModuleType, sdks: dict[str, Generated]) -> None:
    """fal's queue operations get no `client.queue` resource beside the handles: status, result and cancel
    are the queued resource's helpers (and the handle's methods), which call those operations."""
    assert not hasattr(client, "queue")
    package = sdks["falqueue"].package_dir
    assert not (package / "resources" / "queue.py").exists() and not (package / "models" / "queue.py").exists()
    handle = client.fal_ai.submit(model="flux/dev", prompt="p")
    assert client.fal_ai.status(handle, with_logs=True).request_id == handle.request_id
    assert client.fal_ai.cancel(handle) is None


def test_async_twins(sdk: ModuleType, server: LocalServer) -> None:
    async def main() -> None:
        async with sdk.AsyncClient(api_key=API_KEY, base_url=server.url) as client:
            updates: list[str] = []
            result = await client.fal_ai.run(model="flux/dev", prompt="p", poll_interval=0.01,
                                             on_update=lambda s: updates.append(s.status))
            assert updates == ["IN_QUEUE", "IN_PROGRESS", "COMPLETED"]
            assert "images" in result
            handle = await client.fal_ai.submit(model="fal-ai/flux/dev", prompt="p")
            assert isinstance(handle, sdk._queue.AsyncRequestHandle)
            assert (await client.fal_ai.status(handle)).status == "IN_PROGRESS"
            assert await handle.cancel() is None
            assert "images" in await handle.get(poll_interval=0.01)
            assert "images" in await client.fal_ai.result(handle)
            raw = await client.fal_ai.with_raw_response.submit_model(model="flux/dev", prompt="p")
            assert raw.status_code == 200 and raw.parse().ticket.status == "IN_QUEUE"

    asyncio.run(main())
