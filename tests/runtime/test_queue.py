"""`_queue.py` as source: following a fal ticket's URLs (off fal's host onto the client's), polling with a
growing interval until COMPLETED, the deadline, and the async twins."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from generator.runtime.python import _base, _errors, _queue
from tests.runtime.conftest import AsyncClient, Client

TICKET = {"status": "IN_QUEUE", "request_id": "r1",
          "status_url": "https://queue.fal.run/fal-ai/flux/requests/r1/status",
          "response_url": "https://queue.fal.run/fal-ai/flux/requests/r1",
          "cancel_url": "https://queue.fal.run/fal-ai/flux/requests/r1/cancel"}


class Queue:
    """A fal-like queue: IN_QUEUE, then IN_PROGRESS, then COMPLETED after `polls` status calls."""

    def __init__(self, polls: int = 2) -> None:
        self.polls = polls
        self.seen: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        path = request.url.path
        if path.endswith("/status"):
            self.polls -= 1
            status = "COMPLETED" if self.polls <= 0 else "IN_PROGRESS"
            return httpx.Response(200 if status == "COMPLETED" else 202, json={**TICKET, "status": status})
        if path.endswith("/cancel"):
            return httpx.Response(202, json={"status": "CANCELLATION_REQUESTED"})
        return httpx.Response(200, json={"images": [{"url": "https://x/1.png"}]})


@pytest.fixture
def slept(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    found: list[float] = []
    monkeypatch.setattr(_queue.time, "sleep", found.append)
    return found


def test_urls_on_fals_queue_host_move_to_the_clients_base_url() -> None:
    client = Client(Queue())
    assert _queue.follow(client, TICKET, "status_url") == "http://api.test/v1/fal-ai/flux/requests/r1/status"
    relay = {**TICKET, "status_url": "https://relay.example/q/r1/status?logs=1"}
    assert _queue.follow(client, relay, "status_url") == "https://relay.example/q/r1/status?logs=1"
    bare = {"response_url": "https://relay.example/q/r1"}  # no cancel_url: built from response_url
    assert _queue.follow(client, bare, "cancel_url", "/cancel") == "https://relay.example/q/r1/cancel"
    with pytest.raises(_errors.APIError, match="no status_url"):
        _queue.follow(client, {"status": "IN_QUEUE"}, "status_url")


def test_run_polls_with_a_growing_interval_then_fetches_the_result(slept: list[float]) -> None:
    queue = Queue(polls=3)
    updates: list[str] = []
    result = _queue.run(Client(queue), dict(TICKET), lambda t: updates.append(t["status"]), timeout=None,
                        poll_interval=0.2)
    assert result == {"images": [{"url": "https://x/1.png"}]}
    assert updates == ["IN_QUEUE", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED"]
    assert slept == pytest.approx([0.2, 0.3, 0.45])
    assert [r.url.path for r in queue.seen] == ["/v1/fal-ai/flux/requests/r1/status"] * 3 + [
        "/v1/fal-ai/flux/requests/r1"]


def test_run_gives_up_at_its_deadline_with_the_last_ticket(slept: list[float]) -> None:
    with pytest.raises(_errors.QueueTimeoutError) as caught:
        _queue.run(Client(Queue(polls=99)), dict(TICKET), None, timeout=0.0, poll_interval=0.5)
    assert caught.value.ticket["status"] == "IN_QUEUE" and slept == []


def test_status_with_logs_result_and_cancel() -> None:
    queue = Queue(polls=5)
    client = Client(queue)
    assert _queue.status(client, TICKET, dict, logs=True)["status"] == "IN_PROGRESS"
    assert queue.seen[-1].url.params["logs"] == "1"
    assert _queue.cancel(client, TICKET) == {"status": "CANCELLATION_REQUESTED"}
    assert queue.seen[-1].method == "PUT"
    assert _queue.result(client, TICKET)["images"][0]["url"] == "https://x/1.png"


def test_a_completed_model_ticket_is_read_by_attribute() -> None:
    class Ticket:
        status = type("Status", (), {"value": "COMPLETED"})()
        response_url = "https://queue.fal.run/fal-ai/flux/requests/r1"

    assert _queue.field(Ticket(), "status") == "COMPLETED"
    assert _queue.run(Client(Queue()), Ticket(), None, timeout=1, poll_interval=1)["images"]


def test_async_run(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr(_queue.asyncio, "sleep", sleep)
    queue = Queue(polls=2)
    client = AsyncClient(queue)
    result = asyncio.run(_queue.async_run(client, dict(TICKET), None, timeout=None, poll_interval=0.1))
    assert result["images"] and slept == pytest.approx([0.1, 0.15])
    assert asyncio.run(_queue.async_cancel(client, TICKET)) == {"status": "CANCELLATION_REQUESTED"}
    assert queue.seen[-1].method == "PUT" and queue.seen[-1].url.host == "api.test"


def test_status_options_are_plain_get_requests() -> None:
    options = _queue._status_options(Client(Queue()), TICKET, dict, logs=False)
    assert isinstance(options, _base.RequestOptions) and options.method == "GET" and options.params == {}
