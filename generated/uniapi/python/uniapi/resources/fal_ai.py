"""`client.fal_ai`: 1 operation of the uniapi."""

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
from ..models.fal_ai import FalAiSubmitResponse


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
        image_url: str,
        duration: str,
        aspect_ratio: str,
        negative_prompt: str,
        cfg_scale: float,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> FalAiSubmitResponse:
        """提交任务

        Args:
            model: 模型名称
        """
        return cast(
            "FalAiSubmitResponse",
            self._client.request(
                RequestOptions(
                    method="POST",
                    path=f"/fal-ai/{_path(model, greedy=True)}",
                    cast_to=FalAiSubmitResponse,
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
            ),
        )

    def run(
        self,
        model: str,
        *,
        prompt: str,
        image_url: str,
        duration: str,
        aspect_ratio: str,
        negative_prompt: str,
        cfg_scale: float,
        on_update: Callable[[FalAiSubmitResponse], object] | None = None,
        timeout: float | None = 600.0,
        poll_interval: float = 0.5,
    ) -> dict[str, Any]:
        """Submit with `submit`, poll until the request completes, and return its result.

        `on_update` is called with each status; past `timeout` seconds `QueueTimeoutError` is raised.
        """
        ticket = self.submit(
            model=model,
            prompt=prompt,
            image_url=image_url,
            duration=duration,
            aspect_ratio=aspect_ratio,
            negative_prompt=negative_prompt,
            cfg_scale=cfg_scale,
        )
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
        image_url: str,
        duration: str,
        aspect_ratio: str,
        negative_prompt: str,
        cfg_scale: float,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> FalAiSubmitResponse:
        """提交任务

        Args:
            model: 模型名称
        """
        return cast(
            "FalAiSubmitResponse",
            await self._client.request(
                RequestOptions(
                    method="POST",
                    path=f"/fal-ai/{_path(model, greedy=True)}",
                    cast_to=FalAiSubmitResponse,
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
            ),
        )

    async def run(
        self,
        model: str,
        *,
        prompt: str,
        image_url: str,
        duration: str,
        aspect_ratio: str,
        negative_prompt: str,
        cfg_scale: float,
        on_update: Callable[[FalAiSubmitResponse], object] | None = None,
        timeout: float | None = 600.0,
        poll_interval: float = 0.5,
    ) -> dict[str, Any]:
        """Submit with `submit`, poll until the request completes, and return its result.

        `on_update` is called with each status; past `timeout` seconds `QueueTimeoutError` is raised.
        """
        ticket = await self.submit(
            model=model,
            prompt=prompt,
            image_url=image_url,
            duration=duration,
            aspect_ratio=aspect_ratio,
            negative_prompt=negative_prompt,
            cfg_scale=cfg_scale,
        )
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

