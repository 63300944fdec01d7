"""`client.fal_ai`: 1 operation of the uniapi."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping
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
from .._queue import AsyncRequestHandle, SyncRequestHandle
from ..models.fal_ai import QueueStatus


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
        prompt: str | NotGiven = NOT_GIVEN,
        image_url: str | NotGiven = NOT_GIVEN,
        duration: str | NotGiven = NOT_GIVEN,
        aspect_ratio: str | NotGiven = NOT_GIVEN,
        negative_prompt: str | NotGiven = NOT_GIVEN,
        cfg_scale: float | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> SyncRequestHandle[QueueStatus, dict[str, Any]]:
        """提交任务

        Returns a request handle: `status()`, `iter_events()` (the status stream),
        `get()` (wait, then the result), `result()` and `cancel()`.

        Args:
            model: 模型名称
            prompt: Sent as `prompt` in the JSON body.
            image_url: For example `'https://v3.fal.media/files/panda/W-_J46zuJDQnUhqkKm9Iv_image.webp'`.
            duration: For example `'5'`.
            aspect_ratio: For example `'16:9'`.
            negative_prompt: For example `'blur, distort, and low quality'`.
            cfg_scale: For example `0.5`.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            extra_body: Fields to add to the request body (they win over the arguments above).
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "SyncRequestHandle[QueueStatus, dict[str, Any]]",
            _queue.submit(
                self._client,
                RequestOptions(
                    method="POST",
                    path=f"/fal-ai/{_path(_queue.model_path(model, 'fal-ai'), greedy=True)}",
                    cast_to=QueueStatus,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({
                        "prompt": prompt,
                        "image_url": image_url,
                        "duration": duration,
                        "aspect_ratio": aspect_ratio,
                        "negative_prompt": negative_prompt,
                        "cfg_scale": cfg_scale,
                    }, extra_body),
                    timeout=timeout,
                ),
                QueueStatus,
                dict[str, Any],
            ),
        )

    def run(
        self,
        model: str,
        *,
        prompt: str | NotGiven = NOT_GIVEN,
        image_url: str | NotGiven = NOT_GIVEN,
        duration: str | NotGiven = NOT_GIVEN,
        aspect_ratio: str | NotGiven = NOT_GIVEN,
        negative_prompt: str | NotGiven = NOT_GIVEN,
        cfg_scale: float | NotGiven = NOT_GIVEN,
        extra_body: Body | None = None,
        on_update: Callable[[QueueStatus], object] | None = None,
        timeout: float | None = 600.0,
        poll_interval: float = 0.5,
    ) -> dict[str, Any]:
        """Submit with `submit`, wait until the request completes, and return its result.

        `on_update` receives each status, with its logs; past `timeout` seconds `QueueTimeoutError` is
        raised (the request is not cancelled: `cancel` it if it is no longer wanted).

        Args:
            model: 模型名称
            prompt: Sent as `prompt` in the JSON body.
            image_url: For example `'https://v3.fal.media/files/panda/W-_J46zuJDQnUhqkKm9Iv_image.webp'`.
            duration: For example `'5'`.
            aspect_ratio: For example `'16:9'`.
            negative_prompt: For example `'blur, distort, and low quality'`.
            cfg_scale: For example `0.5`.
            extra_body: Fields to add to the request body (they win over the arguments above).
            on_update: Called with each status while waiting (`QueueStatus`, with its logs).
            timeout: Seconds to wait for the result in all; `None` waits as long as it takes.
            poll_interval: Seconds between two status polls when the status stream is not used.
        """
        handle = self.submit(
            model=model,
            prompt=prompt,
            image_url=image_url,
            duration=duration,
            aspect_ratio=aspect_ratio,
            negative_prompt=negative_prompt,
            cfg_scale=cfg_scale,
            extra_body=extra_body,
        )
        return handle.get(on_update=on_update, timeout=timeout, poll_interval=poll_interval)

    def status(self, ticket: SyncRequestHandle[Any, Any] | QueueStatus | Mapping[str, Any], *,
               with_logs: bool = False) -> QueueStatus:
        """The current status of a queued request.

        Args:
            ticket: The request: its handle (what `submit` returns), a status or a ticket dict.
            with_logs: Include the request's logs in the status.
        """
        return cast("QueueStatus", _queue.status(self._client, ticket, QueueStatus, with_logs))

    def iter_events(self, ticket: SyncRequestHandle[Any, Any] | QueueStatus | Mapping[str, Any], *,
                    with_logs: bool = False) -> Iterator[QueueStatus]:
        """Statuses from the request's status stream (server-sent events) as they arrive, until it completes.

        Args:
            ticket: The request: its handle (what `submit` returns), a status or a ticket dict.
            with_logs: Include the request's logs in each status.
        """
        return _queue.iter_events(self._client, ticket, QueueStatus, with_logs)

    def result(self, ticket: SyncRequestHandle[Any, Any] | QueueStatus | Mapping[str, Any]) -> dict[str, Any]:
        """The result of a completed queued request; a handle's own result type is used to parse it.

        Args:
            ticket: The request: its handle (what `submit` returns), a status or a ticket dict.
        """
        return cast("dict[str, Any]", _queue.result(self._client, ticket, dict[str, Any]))

    def cancel(self, ticket: SyncRequestHandle[Any, Any] | QueueStatus | Mapping[str, Any]) -> None:
        """Ask the queue to cancel a request that has not completed yet (`BadRequestError` once it has).

        Args:
            ticket: The request: its handle (what `submit` returns), a status or a ticket dict.
        """
        _queue.cancel(self._client, ticket)


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
        prompt: str | NotGiven = NOT_GIVEN,
        image_url: str | NotGiven = NOT_GIVEN,
        duration: str | NotGiven = NOT_GIVEN,
        aspect_ratio: str | NotGiven = NOT_GIVEN,
        negative_prompt: str | NotGiven = NOT_GIVEN,
        cfg_scale: float | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> AsyncRequestHandle[QueueStatus, dict[str, Any]]:
        """提交任务

        Returns a request handle: `status()`, `iter_events()` (the status stream),
        `get()` (wait, then the result), `result()` and `cancel()`.

        Args:
            model: 模型名称
            prompt: Sent as `prompt` in the JSON body.
            image_url: For example `'https://v3.fal.media/files/panda/W-_J46zuJDQnUhqkKm9Iv_image.webp'`.
            duration: For example `'5'`.
            aspect_ratio: For example `'16:9'`.
            negative_prompt: For example `'blur, distort, and low quality'`.
            cfg_scale: For example `0.5`.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            extra_body: Fields to add to the request body (they win over the arguments above).
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "AsyncRequestHandle[QueueStatus, dict[str, Any]]",
            await _queue.async_submit(
                self._client,
                RequestOptions(
                    method="POST",
                    path=f"/fal-ai/{_path(_queue.model_path(model, 'fal-ai'), greedy=True)}",
                    cast_to=QueueStatus,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({
                        "prompt": prompt,
                        "image_url": image_url,
                        "duration": duration,
                        "aspect_ratio": aspect_ratio,
                        "negative_prompt": negative_prompt,
                        "cfg_scale": cfg_scale,
                    }, extra_body),
                    timeout=timeout,
                ),
                QueueStatus,
                dict[str, Any],
            ),
        )

    async def run(
        self,
        model: str,
        *,
        prompt: str | NotGiven = NOT_GIVEN,
        image_url: str | NotGiven = NOT_GIVEN,
        duration: str | NotGiven = NOT_GIVEN,
        aspect_ratio: str | NotGiven = NOT_GIVEN,
        negative_prompt: str | NotGiven = NOT_GIVEN,
        cfg_scale: float | NotGiven = NOT_GIVEN,
        extra_body: Body | None = None,
        on_update: Callable[[QueueStatus], object] | None = None,
        timeout: float | None = 600.0,
        poll_interval: float = 0.5,
    ) -> dict[str, Any]:
        """Submit with `submit`, wait until the request completes, and return its result.

        `on_update` receives each status, with its logs; past `timeout` seconds `QueueTimeoutError` is
        raised (the request is not cancelled: `cancel` it if it is no longer wanted).

        Args:
            model: 模型名称
            prompt: Sent as `prompt` in the JSON body.
            image_url: For example `'https://v3.fal.media/files/panda/W-_J46zuJDQnUhqkKm9Iv_image.webp'`.
            duration: For example `'5'`.
            aspect_ratio: For example `'16:9'`.
            negative_prompt: For example `'blur, distort, and low quality'`.
            cfg_scale: For example `0.5`.
            extra_body: Fields to add to the request body (they win over the arguments above).
            on_update: Called with each status while waiting (`QueueStatus`, with its logs).
            timeout: Seconds to wait for the result in all; `None` waits as long as it takes.
            poll_interval: Seconds between two status polls when the status stream is not used.
        """
        handle = await self.submit(
            model=model,
            prompt=prompt,
            image_url=image_url,
            duration=duration,
            aspect_ratio=aspect_ratio,
            negative_prompt=negative_prompt,
            cfg_scale=cfg_scale,
            extra_body=extra_body,
        )
        return await handle.get(on_update=on_update, timeout=timeout, poll_interval=poll_interval)

    async def status(self, ticket: AsyncRequestHandle[Any, Any] | QueueStatus | Mapping[str, Any], *,
                     with_logs: bool = False) -> QueueStatus:
        """The current status of a queued request.

        Args:
            ticket: The request: its handle (what `submit` returns), a status or a ticket dict.
            with_logs: Include the request's logs in the status.
        """
        return cast("QueueStatus", await _queue.async_status(self._client, ticket, QueueStatus, with_logs))

    def iter_events(self, ticket: AsyncRequestHandle[Any, Any] | QueueStatus | Mapping[str, Any], *,
                    with_logs: bool = False) -> AsyncIterator[QueueStatus]:
        """Statuses from the request's status stream (server-sent events) as they arrive, until it completes.

        Args:
            ticket: The request: its handle (what `submit` returns), a status or a ticket dict.
            with_logs: Include the request's logs in each status.
        """
        return _queue.async_iter_events(self._client, ticket, QueueStatus, with_logs)

    async def result(self, ticket: AsyncRequestHandle[Any, Any] | QueueStatus | Mapping[str, Any]) -> dict[str, Any]:
        """The result of a completed queued request; a handle's own result type is used to parse it.

        Args:
            ticket: The request: its handle (what `submit` returns), a status or a ticket dict.
        """
        return cast("dict[str, Any]", await _queue.async_result(self._client, ticket, dict[str, Any]))

    async def cancel(self, ticket: AsyncRequestHandle[Any, Any] | QueueStatus | Mapping[str, Any]) -> None:
        """Ask the queue to cancel a request that has not completed yet (`BadRequestError` once it has).

        Args:
            ticket: The request: its handle (what `submit` returns), a status or a ticket dict.
        """
        await _queue.async_cancel(self._client, ticket)


class AsyncFalAiWithRawResponse:
    """`client.fal_ai.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncFalAi) -> None:
        self.submit = async_to_raw_response(resource.submit)

