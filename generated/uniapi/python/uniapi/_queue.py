"""fal queue requests: the handle a submit returns, and polling, streaming, fetching and cancelling it.

A queued operation answers at once with a ticket (`status`, `request_id`, `status_url`, `response_url`,
`cancel_url`), which the SDK parses into the service's one `QueueStatus` model and wraps in a
`SyncRequestHandle` / `AsyncRequestHandle`. A handle knows the type of its result, so `handle.get()` (wait,
then fetch) and `handle.result()` are typed by the submitting operation's output model. The resource's
`status`, `iter_events`, `result` and `cancel` accept a handle, a status model or a plain ticket dict.

The URLs are followed as returned, except that those on fal's own queue host are rewritten onto the client's
base URL, so a relay in front of fal keeps receiving the follow-up calls.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Any, Generic, TypeVar
from urllib.parse import urlsplit

from ._base import (
    APIResponse,
    AsyncAPIClient,
    BaseClient,
    RequestOptions,
    SyncAPIClient,
    parse,
)
from ._errors import APIError, QueueTimeoutError, status_error

StatusT = TypeVar("StatusT")
ResultT = TypeVar("ResultT")
T = TypeVar("T")

FAL_QUEUE_HOSTS = frozenset({"queue.fal.run"})
MAX_POLL_INTERVAL = 5.0
MAX_EVENT_SIZE = 1 << 20  # one server-sent event's data, in characters: a status with its logs fits easily
NO_STREAM = frozenset({404, 405, 501})  # a relay without the status stream: its statuses are polled instead
STREAM_POLL_INTERVAL = 0.5


def field(ticket: Any, name: str) -> Any:
    """A field of a ticket (a handle, a model or a plain dict); enums by value."""
    if isinstance(ticket, _Handle):
        ticket = ticket.ticket
    value = ticket.get(name) if isinstance(ticket, Mapping) else getattr(ticket, name, None)
    return getattr(value, "value", value)


def follow(client: BaseClient, ticket: Any, name: str, suffix: str = "") -> str:
    """The URL named `name` in the ticket (rewritten off fal's queue host), else one built from its id."""
    url = field(ticket, name)
    if not isinstance(url, str) or not url:
        base = field(ticket, "response_url")
        if not isinstance(base, str) or not base:
            raise APIError(f"the queue ticket has no {name} to follow")
        url = base + suffix
    parts = urlsplit(url)
    if parts.hostname in FAL_QUEUE_HOSTS:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return client.base_url.rstrip("/") + path
    return url


def model_path(value: str, prefix: str) -> str:
    """A model id for a path under `/<prefix>/`: `fal-ai/flux/dev` and `flux/dev` both give `flux/dev`, as
    fal-client users write the id with its owner."""
    value = value.strip("/")
    return value[len(prefix) + 1:] if value.startswith(prefix + "/") else value


def _status_options(client: BaseClient, ticket: Any, cast_to: Any, logs: bool) -> RequestOptions:
    return RequestOptions("GET", follow(client, ticket, "status_url", "/status"), cast_to,
                          params={"logs": "1"} if logs else {})


def _stream_options(client: BaseClient, ticket: Any, logs: bool) -> RequestOptions:
    url = follow(client, ticket, "status_url", "/status").rstrip("/") + "/stream"
    return RequestOptions("GET", url, None, response="text", params={"logs": "1"} if logs else {},
                          headers={"Accept": "text/event-stream"})


def _result_options(client: BaseClient, ticket: Any, cast_to: Any) -> RequestOptions:
    return RequestOptions("GET", follow(client, ticket, "response_url"), cast_to)


def _cancel_options(client: BaseClient, ticket: Any) -> RequestOptions:
    return RequestOptions("PUT", follow(client, ticket, "cancel_url", "/cancel"), None, response="none")


def _done(status: Any) -> bool:
    return bool(field(status, "status") == "COMPLETED")


def _result_type(ticket: Any, default: Any) -> Any:
    return ticket.result_type if isinstance(ticket, _Handle) else default


def _status_type(ticket: Any, default: Any) -> Any:
    return ticket.status_type if isinstance(ticket, _Handle) else default


class _Events:
    """Server-sent events (`data:` lines up to a blank line) decoded into statuses; comments and other
    fields (`event`, `id`, `retry`) are skipped, as the stream's only payload is the status."""

    def __init__(self, status_type: Any) -> None:
        self.status_type = status_type
        self.data: list[str] = []
        self.size = 0

    def feed(self, line: str) -> Any | None:
        """The status an event ends with on this line, if it ends one."""
        line = line.rstrip("\r")
        if line.startswith("data:"):
            chunk = line[5:].removeprefix(" ")
            self.size += len(chunk)
            if self.size > MAX_EVENT_SIZE:
                raise APIError(f"a status event is over {MAX_EVENT_SIZE} characters")
            self.data.append(chunk)
            return None
        if line or not self.data:
            return None
        text, self.data, self.size = "\n".join(self.data), [], 0
        try:
            value = json.loads(text)
        except ValueError:
            raise APIError(f"a status event is not JSON: {text[:200]!r}") from None
        return parse(self.status_type, value)


class _Handle(Generic[StatusT, ResultT]):
    """What a handle holds: the client, the last status seen, and the types to parse statuses and results."""

    def __init__(self, client: Any, ticket: StatusT, status_type: Any, result_type: Any) -> None:
        self._client = client
        self.ticket: StatusT = ticket
        self.status_type = status_type
        self.result_type = result_type

    @property
    def request_id(self) -> str:
        """The queue's id of the request (`x-fal-request-id`)."""
        return str(field(self.ticket, "request_id"))

    @property
    def status_url(self) -> str:
        return follow(self._client, self.ticket, "status_url", "/status")

    @property
    def response_url(self) -> str:
        return follow(self._client, self.ticket, "response_url")

    @property
    def cancel_url(self) -> str:
        return follow(self._client, self.ticket, "cancel_url", "/cancel")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.request_id} {field(self.ticket, 'status')}>"


class SyncRequestHandle(_Handle[StatusT, ResultT]):
    """A submitted request: `status()`, `iter_events()`, `get()` (wait for the result), `result()`, `cancel()`."""

    _client: SyncAPIClient

    def status(self, *, with_logs: bool = False) -> StatusT:
        """The request's current status; `with_logs=True` includes its log lines."""
        self.ticket = status(self._client, self, self.status_type, with_logs)
        return self.ticket

    def iter_events(self, *, with_logs: bool = False) -> Iterator[StatusT]:
        """The status stream (server-sent events), one status each, until the request completes."""
        for event in iter_events(self._client, self, self.status_type, with_logs):
            self.ticket = event
            yield event

    def result(self) -> ResultT:
        """The result of the completed request (an error status while it has not completed)."""
        found: ResultT = result(self._client, self, self.result_type)
        return found

    def get(self, *, on_update: Callable[[StatusT], object] | None = None, with_logs: bool | None = None,
            timeout: float | None = 600.0, poll_interval: float = 0.5) -> ResultT:
        """Poll until the request completes, then return its result. `on_update` receives each status (with
        its logs unless `with_logs=False`); past `timeout` seconds `QueueTimeoutError` is raised."""
        logs = on_update is not None if with_logs is None else with_logs
        found: ResultT = wait(self._client, self, on_update, timeout, poll_interval, logs)
        return found

    def cancel(self) -> None:
        """Ask the queue to cancel the request (`BadRequestError` once it has completed)."""
        cancel(self._client, self)


class AsyncRequestHandle(_Handle[StatusT, ResultT]):
    """`SyncRequestHandle` for the async client: the same methods, awaited (`iter_events` is `async for`)."""

    _client: AsyncAPIClient

    async def status(self, *, with_logs: bool = False) -> StatusT:
        """The request's current status; `with_logs=True` includes its log lines."""
        self.ticket = await async_status(self._client, self, self.status_type, with_logs)
        return self.ticket

    async def iter_events(self, *, with_logs: bool = False) -> AsyncIterator[StatusT]:
        """The status stream (server-sent events), one status each, until the request completes."""
        async for event in async_iter_events(self._client, self, self.status_type, with_logs):
            self.ticket = event
            yield event

    async def result(self) -> ResultT:
        """The result of the completed request (an error status while it has not completed)."""
        found: ResultT = await async_result(self._client, self, self.result_type)
        return found

    async def get(self, *, on_update: Callable[[StatusT], object] | None = None, with_logs: bool | None = None,
                  timeout: float | None = 600.0, poll_interval: float = 0.5) -> ResultT:
        """Poll until the request completes, then return its result (see `SyncRequestHandle.get`)."""
        logs = on_update is not None if with_logs is None else with_logs
        found: ResultT = await async_wait(self._client, self, on_update, timeout, poll_interval, logs)
        return found

    async def cancel(self) -> None:
        """Ask the queue to cancel the request (`BadRequestError` once it has completed)."""
        await async_cancel(self._client, self)


class _HandleResponse(APIResponse[T]):
    """The raw response of a submit: `parse()` gives the handle, as the plain method does."""

    def __init__(self, raw: APIResponse[Any], make: Callable[[Any], T]) -> None:
        super().__init__(raw.http_response, raw._options)
        self._make = make

    def parse(self) -> T:
        return self._make(super().parse())


def submit(client: SyncAPIClient, options: RequestOptions, status_type: Any, result_type: Any) -> Any:
    """Send a queued operation's request; the handle of its ticket (or, under `with_raw_response`, the raw
    response, whose `parse()` gives the handle)."""
    return handle(client, client.request(options), status_type, result_type)


async def async_submit(client: AsyncAPIClient, options: RequestOptions, status_type: Any, result_type: Any) -> Any:
    """`submit` for the async client."""
    return async_handle(client, await client.request(options), status_type, result_type)


def handle(client: SyncAPIClient, ticket: Any, status_type: Any, result_type: Any) -> Any:
    """The handle of a submit's answer (or, under `with_raw_response`, its raw response)."""
    if isinstance(ticket, APIResponse):
        return _HandleResponse(ticket, lambda parsed: SyncRequestHandle(client, parsed, status_type, result_type))
    return SyncRequestHandle(client, ticket, status_type, result_type)


def async_handle(client: AsyncAPIClient, ticket: Any, status_type: Any, result_type: Any) -> Any:
    """`handle` for the async client."""
    if isinstance(ticket, APIResponse):
        return _HandleResponse(ticket, lambda parsed: AsyncRequestHandle(client, parsed, status_type, result_type))
    return AsyncRequestHandle(client, ticket, status_type, result_type)


def status(client: SyncAPIClient, ticket: Any, cast_to: Any, logs: bool = False) -> Any:
    return client.request(_status_options(client, ticket, _status_type(ticket, cast_to), logs))


def result(client: SyncAPIClient, ticket: Any, cast_to: Any = None) -> Any:
    return client.request(_result_options(client, ticket, _result_type(ticket, cast_to)))


def cancel(client: SyncAPIClient, ticket: Any) -> None:
    client.request(_cancel_options(client, ticket))


def iter_events(client: SyncAPIClient, ticket: Any, cast_to: Any, logs: bool = False) -> Iterator[Any]:
    """Statuses from the request's status stream as they arrive (the stream ends when it completes)."""
    options = _stream_options(client, ticket, logs)
    events = _Events(_status_type(ticket, cast_to))
    request = client._build(client._http, options)
    response = client._http.send(request, stream=True)
    try:
        if response.status_code in NO_STREAM:
            response.close()
            yield from _polled(client, ticket, cast_to, logs)
            return
        if response.is_error:
            response.read()
            raise status_error(response, redact=client._secret())
        for line in response.iter_lines():
            event = events.feed(line)
            if event is not None:
                yield event
        last = events.feed("")
        if last is not None:
            yield last
    finally:
        response.close()


def _polled(client: SyncAPIClient, ticket: Any, cast_to: Any, logs: bool) -> Iterator[Any]:
    """The statuses `iter_events` gives, by polling, where the server has no status stream."""
    delay = STREAM_POLL_INTERVAL
    while True:
        current = status(client, ticket, cast_to, logs)
        yield current
        if _done(current):
            return
        time.sleep(delay)
        delay = min(delay * 1.5, MAX_POLL_INTERVAL)


async def _async_polled(client: AsyncAPIClient, ticket: Any, cast_to: Any, logs: bool) -> AsyncIterator[Any]:
    """`_polled` for the async client."""
    delay = STREAM_POLL_INTERVAL
    while True:
        current = await async_status(client, ticket, cast_to, logs)
        yield current
        if _done(current):
            return
        await asyncio.sleep(delay)
        delay = min(delay * 1.5, MAX_POLL_INTERVAL)


def wait(client: SyncAPIClient, ticket: Any, on_update: Callable[[Any], object] | None, timeout: float | None,
         poll_interval: float, logs: bool = False) -> Any:
    """Poll until the request completes, then fetch its result; `QueueTimeoutError` past `timeout` seconds."""
    deadline = None if timeout is None else time.monotonic() + timeout
    current, delay = (ticket.ticket if isinstance(ticket, _Handle) else ticket), poll_interval
    status_type = _status_type(ticket, type(current) if not isinstance(current, Mapping) else dict)
    while True:
        if on_update is not None:
            on_update(current)
        if _done(current):
            return result(client, ticket if isinstance(ticket, _Handle) else current)
        if deadline is not None and time.monotonic() + delay > deadline:
            raise QueueTimeoutError(current)
        time.sleep(delay)
        delay = min(delay * 1.5, MAX_POLL_INTERVAL)
        current = status(client, current, status_type, logs)
        if isinstance(ticket, _Handle):
            ticket.ticket = current


def run(client: SyncAPIClient, ticket: Any, on_update: Callable[[Any], object] | None, timeout: float | None,
        poll_interval: float) -> Any:
    """`wait`, with each status's logs when `on_update` is given."""
    return wait(client, ticket, on_update, timeout, poll_interval, on_update is not None)


async def async_status(client: AsyncAPIClient, ticket: Any, cast_to: Any, logs: bool = False) -> Any:
    return await client.request(_status_options(client, ticket, _status_type(ticket, cast_to), logs))


async def async_result(client: AsyncAPIClient, ticket: Any, cast_to: Any = None) -> Any:
    return await client.request(_result_options(client, ticket, _result_type(ticket, cast_to)))


async def async_cancel(client: AsyncAPIClient, ticket: Any) -> None:
    await client.request(_cancel_options(client, ticket))


async def async_iter_events(client: AsyncAPIClient, ticket: Any, cast_to: Any,
                            logs: bool = False) -> AsyncIterator[Any]:
    """`iter_events` for the async client."""
    options = _stream_options(client, ticket, logs)
    events = _Events(_status_type(ticket, cast_to))
    request = client._build(client._http, options)
    response = await client._http.send(request, stream=True)
    try:
        if response.status_code in NO_STREAM:
            await response.aclose()
            async for event in _async_polled(client, ticket, cast_to, logs):
                yield event
            return
        if response.is_error:
            await response.aread()
            raise status_error(response, redact=client._secret())
        async for line in response.aiter_lines():
            event = events.feed(line)
            if event is not None:
                yield event
        last = events.feed("")
        if last is not None:
            yield last
    finally:
        await response.aclose()


async def async_wait(client: AsyncAPIClient, ticket: Any, on_update: Callable[[Any], object] | None,
                     timeout: float | None, poll_interval: float, logs: bool = False) -> Any:
    """`wait` for the async client."""
    deadline = None if timeout is None else time.monotonic() + timeout
    current, delay = (ticket.ticket if isinstance(ticket, _Handle) else ticket), poll_interval
    status_type = _status_type(ticket, type(current) if not isinstance(current, Mapping) else dict)
    while True:
        if on_update is not None:
            on_update(current)
        if _done(current):
            return await async_result(client, ticket if isinstance(ticket, _Handle) else current)
        if deadline is not None and time.monotonic() + delay > deadline:
            raise QueueTimeoutError(current)
        await asyncio.sleep(delay)
        delay = min(delay * 1.5, MAX_POLL_INTERVAL)
        current = await async_status(client, current, status_type, logs)
        if isinstance(ticket, _Handle):
            ticket.ticket = current


async def async_run(client: AsyncAPIClient, ticket: Any, on_update: Callable[[Any], object] | None,
                    timeout: float | None, poll_interval: float) -> Any:
    """`run` for the async client."""
    return await async_wait(client, ticket, on_update, timeout, poll_interval, on_update is not None)
