"""fal queue tickets: polling a submitted request's status, fetching its result, cancelling it.

A queued operation answers at once with a ticket (`status`, `request_id`, `status_url`, `response_url`,
`cancel_url`). The URLs are followed as returned, except that those on fal's own queue host are rewritten
onto the client's base URL, so a relay in front of fal keeps receiving the follow-up calls.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

from ._base import AsyncAPIClient, BaseClient, RequestOptions, SyncAPIClient
from ._errors import APIError, QueueTimeoutError

T = TypeVar("T")

FAL_QUEUE_HOSTS = frozenset({"queue.fal.run"})
MAX_POLL_INTERVAL = 5.0


def field(ticket: Any, name: str) -> Any:
    """A field of a ticket, whether it is a model or a plain dict; enums by value."""
    value = ticket.get(name) if isinstance(ticket, dict) else getattr(ticket, name, None)
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


def _status_options(client: BaseClient, ticket: Any, cast_to: Any, logs: bool) -> RequestOptions:
    return RequestOptions("GET", follow(client, ticket, "status_url", "/status"), cast_to,
                          params={"logs": "1"} if logs else {})


def _result_options(client: BaseClient, ticket: Any) -> RequestOptions:
    return RequestOptions("GET", follow(client, ticket, "response_url"), Any)


def _cancel_options(client: BaseClient, ticket: Any) -> RequestOptions:
    return RequestOptions("PUT", follow(client, ticket, "cancel_url", "/cancel"), Any)


def _done(status: Any) -> bool:
    return bool(field(status, "status") == "COMPLETED")


def status(client: SyncAPIClient, ticket: Any, cast_to: type[T], logs: bool = False) -> T:
    result: T = client.request(_status_options(client, ticket, cast_to, logs))
    return result


def result(client: SyncAPIClient, ticket: Any) -> Any:
    return client.request(_result_options(client, ticket))


def cancel(client: SyncAPIClient, ticket: Any) -> Any:
    return client.request(_cancel_options(client, ticket))


def run(client: SyncAPIClient, ticket: T, on_update: Callable[[T], object] | None, timeout: float | None,
        poll_interval: float) -> Any:
    """Poll until the request completes, then fetch its result; `QueueTimeoutError` past `timeout` seconds."""
    deadline = None if timeout is None else time.monotonic() + timeout
    current, delay = ticket, poll_interval
    while True:
        if on_update is not None:
            on_update(current)
        if _done(current):
            return result(client, current)
        if deadline is not None and time.monotonic() + delay > deadline:
            raise QueueTimeoutError(current)
        time.sleep(delay)
        delay = min(delay * 1.5, MAX_POLL_INTERVAL)
        current = status(client, current, type(ticket))


async def async_status(client: AsyncAPIClient, ticket: Any, cast_to: type[T], logs: bool = False) -> T:
    result: T = await client.request(_status_options(client, ticket, cast_to, logs))
    return result


async def async_result(client: AsyncAPIClient, ticket: Any) -> Any:
    return await client.request(_result_options(client, ticket))


async def async_cancel(client: AsyncAPIClient, ticket: Any) -> Any:
    return await client.request(_cancel_options(client, ticket))


async def async_run(client: AsyncAPIClient, ticket: T, on_update: Callable[[T], object] | None,
                    timeout: float | None, poll_interval: float) -> Any:
    """`run` for the async client."""
    deadline = None if timeout is None else time.monotonic() + timeout
    current, delay = ticket, poll_interval
    while True:
        if on_update is not None:
            on_update(current)
        if _done(current):
            return await async_result(client, current)
        if deadline is not None and time.monotonic() + delay > deadline:
            raise QueueTimeoutError(current)
        await asyncio.sleep(delay)
        delay = min(delay * 1.5, MAX_POLL_INTERVAL)
        current = await async_status(client, current, type(ticket))
