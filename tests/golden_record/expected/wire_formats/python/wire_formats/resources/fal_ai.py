"""`client.fal_ai`: 1 operation of the Transport."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any, cast

from .. import _queue
from .._base import (
    NOT_GIVEN,
    AsyncResource,
    Body,
    Headers,
    NotGiven,
    Query,
    RequestOptions,
    SyncResource,
    Timeout,
    _path,
    async_to_raw_response,
    header_params,
    json_body,
    query_params,
    to_raw_response,
)
from ..models._shared import QueueStatus


class FalAi(SyncResource):
    """Operations of `client.fal_ai`."""

    @cached_property
    def with_raw_response(self) -> FalAiWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return FalAiWithRawResponse(self)

    def submit(
        self,
        model: str,
        *,
        prompt: str,
        seed: int | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> QueueStatus:
        """Submit a generation to the queue.

        Args:
            model: Model path, e.g. flux/dev/image-to-image.
        """
        return cast(
            "QueueStatus",
            self._client.request(
                RequestOptions(
                    method="POST",
                    path=f"/fal-ai/{_path(model, greedy=True)}",
                    cast_to=QueueStatus,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({"prompt": prompt, "seed": seed}, extra_body),
                    timeout=timeout,
                ),
            ),
        )

    def run(
        self,
        model: str,
        *,
        prompt: str,
        seed: int | None | NotGiven = NOT_GIVEN,
        on_update: Callable[[QueueStatus], object] | None = None,
        timeout: float | None = 600.0,
        poll_interval: float = 0.5,
    ) -> dict[str, Any]:
        """Submit with `submit`, poll until the request completes, and return its result.

        `on_update` is called with each status; past `timeout` seconds `QueueTimeoutError` is raised.
        """
        ticket = self.submit(model=model, prompt=prompt, seed=seed)
        return cast(
            "dict[str, Any]",
            _queue.run(self._client, ticket, on_update, timeout, poll_interval),
        )

    def status(self, ticket: QueueStatus, *, logs: bool = False) -> QueueStatus:
        """The current status of a queued request; `logs=True` includes its log lines."""
        return _queue.status(self._client, ticket, QueueStatus, logs)

    def result(self, ticket: QueueStatus) -> dict[str, Any]:
        """The result of a completed queued request."""
        return cast("dict[str, Any]", _queue.result(self._client, ticket))

    def cancel(self, ticket: QueueStatus) -> dict[str, Any]:
        """Ask the queue to cancel a request that has not completed yet."""
        return cast("dict[str, Any]", _queue.cancel(self._client, ticket))


class FalAiWithRawResponse:
    """`client.fal_ai.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: FalAi) -> None:
        self.submit = to_raw_response(resource.submit)


class AsyncFalAi(AsyncResource):
    """Operations of `client.fal_ai` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncFalAiWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncFalAiWithRawResponse(self)

    async def submit(
        self,
        model: str,
        *,
        prompt: str,
        seed: int | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> QueueStatus:
        """Submit a generation to the queue.

        Args:
            model: Model path, e.g. flux/dev/image-to-image.
        """
        return cast(
            "QueueStatus",
            await self._client.request(
                RequestOptions(
                    method="POST",
                    path=f"/fal-ai/{_path(model, greedy=True)}",
                    cast_to=QueueStatus,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({"prompt": prompt, "seed": seed}, extra_body),
                    timeout=timeout,
                ),
            ),
        )

    async def run(
        self,
        model: str,
        *,
        prompt: str,
        seed: int | None | NotGiven = NOT_GIVEN,
        on_update: Callable[[QueueStatus], object] | None = None,
        timeout: float | None = 600.0,
        poll_interval: float = 0.5,
    ) -> dict[str, Any]:
        """Submit with `submit`, poll until the request completes, and return its result.

        `on_update` is called with each status; past `timeout` seconds `QueueTimeoutError` is raised.
        """
        ticket = await self.submit(model=model, prompt=prompt, seed=seed)
        return cast(
            "dict[str, Any]",
            await _queue.async_run(self._client, ticket, on_update, timeout, poll_interval),
        )

    async def status(self, ticket: QueueStatus, *, logs: bool = False) -> QueueStatus:
        """The current status of a queued request; `logs=True` includes its log lines."""
        return await _queue.async_status(self._client, ticket, QueueStatus, logs)

    async def result(self, ticket: QueueStatus) -> dict[str, Any]:
        """The result of a completed queued request."""
        return cast("dict[str, Any]", await _queue.async_result(self._client, ticket))

    async def cancel(self, ticket: QueueStatus) -> dict[str, Any]:
        """Ask the queue to cancel a request that has not completed yet."""
        return cast("dict[str, Any]", await _queue.async_cancel(self._client, ticket))


class AsyncFalAiWithRawResponse:
    """`client.fal_ai.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncFalAi) -> None:
        self.submit = async_to_raw_response(resource.submit)

