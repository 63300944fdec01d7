"""fal queue helpers of the generated relay SDK: submit, status, result, cancel, run() with on_update and
its deadline, the queue.fal.run URLs rewritten onto the client's base URL, and the async twins."""

from __future__ import annotations

import asyncio
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


def test_submit_returns_typed_ticket_with_key_auth(client: Any, server: LocalServer) -> None:
    from relay.models import QueueStatus

    ticket = client.fal_ai.submit(model="flux-pro/kontext", prompt="猫")
    assert isinstance(ticket, QueueStatus)
    assert ticket.status == "IN_QUEUE"
    assert ticket.status_url.startswith("https://queue.fal.run/fal-ai/flux-pro/requests/")
    request = server.state.requests[-1]
    assert request.headers["authorization"] == f"Key {API_KEY}"
    assert request.raw_path == b"/fal-ai/flux-pro/kontext"  # greedy: slashes kept


def test_status_result_cancel_follow_rewritten_urls(client: Any, server: LocalServer) -> None:
    ticket = client.fal_ai.submit(model="flux/dev", prompt="p")
    status = client.fal_ai.status(ticket, logs=True)
    assert status.status == "IN_PROGRESS"
    assert status.logs[0].message == "step 1"
    polled = server.state.requests[-1]
    assert polled.path == f"/fal-ai/flux/requests/{ticket.request_id}/status"  # on our server, not fal's
    assert polled.query == {"logs": ["1"]}
    assert polled.headers["authorization"] == f"Key {API_KEY}"
    assert client.fal_ai.status(ticket).status == "COMPLETED"
    assert client.fal_ai.result(ticket) == {"images": [{"url": f"https://img.example/{ticket.request_id}.png"}]}
    assert client.fal_ai.cancel(ticket) == {"status": "CANCELLATION_REQUESTED"}
    assert server.state.requests[-1].method == "PUT"
    assert server.state.requests[-1].path.endswith(f"/requests/{ticket.request_id}/cancel")


def test_urls_off_fal_host_are_followed_as_returned(client: Any, server: LocalServer) -> None:
    ticket = {"status": "IN_QUEUE", "request_id": "r9",
              "status_url": f"{server.url}/elsewhere/app/requests/r9/status",
              "response_url": f"{server.url}/elsewhere/app/requests/r9"}
    assert client.fal_ai.status(ticket).request_id == "r9"
    assert server.state.requests[-1].path == "/elsewhere/app/requests/r9/status"
    client.fal_ai.cancel(ticket)  # no cancel_url: derived from response_url
    assert server.state.requests[-1].path == "/elsewhere/app/requests/r9/cancel"


def test_run_polls_to_completion_with_on_update(client: Any, server: LocalServer) -> None:
    updates: list[str] = []
    result = client.fal_ai.run(model="flux/dev", prompt="p", poll_interval=0.01,
                               on_update=lambda status: updates.append(status.status))
    assert updates == ["IN_QUEUE", "IN_PROGRESS", "COMPLETED"]
    assert result["images"][0]["url"].endswith(".png")
    paths = [r.path for r in server.state.requests]
    assert paths[0] == "/fal-ai/flux/dev"
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


def test_queue_resource_operations_are_plain_methods(client: Any, server: LocalServer) -> None:
    status = client.queue.get_request_status(app_owner="fal-ai", app_name="flux", request_id="r1", logs=1)
    assert status.request_id == "r1"
    assert client.queue.cancel_request(app_owner="fal-ai", app_name="flux", request_id="r1").status == \
        "CANCELLATION_REQUESTED"


def test_async_twins(sdk: ModuleType, server: LocalServer) -> None:
    async def main() -> None:
        async with sdk.AsyncClient(api_key=API_KEY, base_url=server.url) as client:
            updates: list[str] = []
            result = await client.fal_ai.run(model="flux/dev", prompt="p", poll_interval=0.01,
                                             on_update=lambda s: updates.append(s.status))
            assert updates == ["IN_QUEUE", "IN_PROGRESS", "COMPLETED"]
            assert "images" in result
            ticket = await client.fal_ai.submit(model="flux/dev", prompt="p")
            assert (await client.fal_ai.status(ticket)).status == "IN_PROGRESS"
            assert (await client.fal_ai.cancel(ticket))["status"] == "CANCELLATION_REQUESTED"
            assert "images" in await client.fal_ai.result(ticket)
            raw = await client.fal_ai.with_raw_response.submit_model(model="flux/dev", prompt="p")
            assert raw.status_code == 200 and raw.parse().status == "IN_QUEUE"

    asyncio.run(main())
