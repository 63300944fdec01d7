"""`_queue.py` as source: following a fal ticket's URLs (off fal's host onto the client's), polling with a
growing interval until COMPLETED, the deadline, the status stream (server-sent events) parsed into statuses,
request handles typed by their result, and the async twins."""

from __future__ import annotations

import asyncio
import json

import httpx
import pydantic
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
        if path.endswith("/status/stream"):
            events = [{**TICKET, "status": s, "logs": [{"message": f"at {s}"}]} for s in
                      ("IN_QUEUE", "IN_PROGRESS", "COMPLETED")]
            body = ": keep-alive\n\n" + "".join(f"event: status\r\ndata: {json.dumps(e)}\r\n\r\n" for e in events)
            return httpx.Response(200, text=body, headers={"content-type": "text/event-stream"})
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
    assert _queue.cancel(client, TICKET) is None
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
    assert asyncio.run(_queue.async_cancel(client, TICKET)) is None
    assert queue.seen[-1].method == "PUT" and queue.seen[-1].url.host == "api.test"


def test_status_options_are_plain_get_requests() -> None:
    options = _queue._status_options(Client(Queue()), TICKET, dict, logs=False)
    assert isinstance(options, _base.RequestOptions) and options.method == "GET" and options.params == {}


class Log(pydantic.BaseModel):
    message: str


class Status(pydantic.BaseModel):
    """A status as the generated `QueueStatus` types it: only `status` and `request_id` required."""

    status: str
    request_id: str
    status_url: str | None = None
    response_url: str | None = None
    queue_position: int | None = None
    logs: list[Log] | None = None


class Output(pydantic.BaseModel):
    images: list[dict[str, str]]


def test_a_handle_follows_its_request_and_types_its_result(slept: list[float]) -> None:
    queue = Queue(polls=2)
    client = Client(queue)
    handle = _queue.SyncRequestHandle(client, Status.model_validate(TICKET), Status, Output)
    assert handle.request_id == "r1" and repr(handle) == "<SyncRequestHandle r1 IN_QUEUE>"
    assert handle.status_url == "http://api.test/v1/fal-ai/flux/requests/r1/status"
    first = handle.status(with_logs=True)
    assert isinstance(first, Status) and first.status == "IN_PROGRESS" and first.queue_position is None
    assert queue.seen[-1].url.params["logs"] == "1"
    updates: list[Status] = []
    output = handle.get(on_update=updates.append, poll_interval=0.1)
    assert isinstance(output, Output) and output.images[0]["url"] == "https://x/1.png"
    assert [u.status for u in updates] == ["IN_PROGRESS", "COMPLETED"]
    assert queue.seen[-2].url.params["logs"] == "1"  # on_update gets the logs
    assert isinstance(handle.result(), Output)
    assert _queue.result(client, handle, dict) == output  # the handle's own result type wins
    handle.cancel()
    assert queue.seen[-1].method == "PUT" and queue.seen[-1].url.path.endswith("/r1/cancel")


def test_iter_events_parses_the_status_stream() -> None:
    queue = Queue()
    client = Client(queue)
    handle = _queue.SyncRequestHandle(client, Status.model_validate(TICKET), Status, dict)
    events = list(handle.iter_events(with_logs=True))
    assert [(e.status, e.logs[0].message if e.logs else None) for e in events] == [
        ("IN_QUEUE", "at IN_QUEUE"), ("IN_PROGRESS", "at IN_PROGRESS"), ("COMPLETED", "at COMPLETED")]
    request = queue.seen[-1]
    assert request.url.path == "/v1/fal-ai/flux/requests/r1/status/stream"
    assert request.url.params["logs"] == "1" and request.headers["accept"] == "text/event-stream"
    assert handle.ticket.status == "COMPLETED"  # the handle remembers the last status it saw
    assert [e["status"] for e in _queue.iter_events(client, TICKET, dict)][-1] == "COMPLETED"


def test_event_parser_joins_data_lines_and_bounds_an_event() -> None:
    events = _queue._Events(dict)
    lines = ["id: 1", 'data: {"status":', 'data:  "COMPLETED",', 'data: "request_id": "r"}', ""]
    assert [events.feed(line) for line in lines][-1] == {"status": "COMPLETED", "request_id": "r"}
    with pytest.raises(_errors.APIError, match="not JSON"):
        for line in ["data: {oops", ""]:
            events.feed(line)
    with pytest.raises(_errors.APIError, match="over"):
        events.feed("data: " + "x" * (_queue.MAX_EVENT_SIZE + 1))


def test_a_stream_error_raises_the_typed_status_error() -> None:
    client = Client(lambda request: httpx.Response(404, json={"detail": "no such request"}))
    with pytest.raises(_errors.NotFoundError):
        list(_queue.iter_events(client, TICKET, dict))


def test_raw_submit_parses_into_a_handle() -> None:
    client = Client(lambda request: httpx.Response(200, json=TICKET))
    options = _base.RequestOptions("POST", "/fal-ai/flux/dev", Status, json={"prompt": "p"})
    handle = _queue.submit(client, options, Status, Output)
    assert isinstance(handle, _queue.SyncRequestHandle) and handle.ticket.status == "IN_QUEUE"
    token = _base._RAW_RESPONSE.set(True)
    try:
        raw = _queue.submit(client, options, Status, Output)
    finally:
        _base._RAW_RESPONSE.reset(token)
    assert raw.status_code == 200 and isinstance(raw.parse(), _queue.SyncRequestHandle)


def test_model_ids_with_or_without_their_owner() -> None:
    assert _queue.model_path("fal-ai/flux/dev", "fal-ai") == "flux/dev"
    assert _queue.model_path("flux/dev", "fal-ai") == "flux/dev"
    assert _queue.model_path("/fal-ai/flux/dev/", "fal-ai") == "flux/dev"
    assert _queue.model_path("fal-ai-x/y", "fal-ai") == "fal-ai-x/y"


def test_async_handle(monkeypatch: pytest.MonkeyPatch) -> None:
    async def sleep(seconds: float) -> None:
        return None

    monkeypatch.setattr(_queue.asyncio, "sleep", sleep)
    queue = Queue(polls=2)
    client = AsyncClient(queue)

    async def main() -> None:
        handle = _queue.AsyncRequestHandle(client, Status.model_validate(TICKET), Status, Output)
        assert [e.status async for e in handle.iter_events()] == ["IN_QUEUE", "IN_PROGRESS", "COMPLETED"]
        assert (await handle.status()).status in ("IN_PROGRESS", "COMPLETED")
        updates: list[str] = []
        assert isinstance(await handle.get(on_update=lambda s: updates.append(s.status)), Output)
        assert updates[-1] == "COMPLETED"
        await handle.cancel()
        assert queue.seen[-1].method == "PUT"

    asyncio.run(main())


def test_iter_events_polls_where_the_server_has_no_status_stream(slept: list[float]) -> None:
    queue = Queue(polls=2)

    def relay(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/status/stream"):
            queue.seen.append(request)
            return httpx.Response(404, json={"detail": "Not Found"})
        return queue(request)

    events = list(_queue.iter_events(Client(relay), TICKET, dict, logs=True))
    assert [e["status"] for e in events] == ["IN_PROGRESS", "COMPLETED"]
    assert [r.url.path.rsplit("/", 1)[-1] for r in queue.seen] == ["stream", "status", "status"]
    assert queue.seen[-1].url.params["logs"] == "1" and slept == [_queue.STREAM_POLL_INTERVAL]

    async def main() -> list[str]:
        return [e["status"] async for e in _queue.async_iter_events(AsyncClient(relay), TICKET, dict)]

    queue.polls = 2
    assert asyncio.run(main())[-1] == "COMPLETED"
