"""`client.qwen_image_edit_plus`: 1 operation of the winfull."""

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
    async_to_raw_response,
    header_params,
    json_body,
    query_params,
    to_raw_response,
)
from ..models._shared import QueueStatus
from ..models.qwen_image_edit_plus import QwenImageEditPlusSubmitResponse


class QwenImageEditPlus(SyncResource):
    """Operations of `client.qwen_image_edit_plus`."""

    @cached_property
    def with_raw_response(self) -> QwenImageEditPlusWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return QwenImageEditPlusWithRawResponse(self)

    def submit(
        self,
        *,
        prompt: str | NotGiven = NOT_GIVEN,
        image_size: str | NotGiven = NOT_GIVEN,
        num_inference_steps: float | NotGiven = NOT_GIVEN,
        guidance_scale: float | NotGiven = NOT_GIVEN,
        num_images: float | NotGiven = NOT_GIVEN,
        enable_safety_checker: bool | NotGiven = NOT_GIVEN,
        output_format: str | NotGiven = NOT_GIVEN,
        image_urls: list[str] | NotGiven = NOT_GIVEN,
        negative_prompt: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> QwenImageEditPlusSubmitResponse:
        """POST /fal-ai/qwen-image-edit-plus"""
        return cast(
            "QwenImageEditPlusSubmitResponse",
            self._client.request(
                RequestOptions(
                    method="POST",
                    path="/fal-ai/qwen-image-edit-plus",
                    cast_to=QwenImageEditPlusSubmitResponse,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({
                        "prompt": prompt,
                        "image_size": image_size,
                        "num_inference_steps": num_inference_steps,
                        "guidance_scale": guidance_scale,
                        "num_images": num_images,
                        "enable_safety_checker": enable_safety_checker,
                        "output_format": output_format,
                        "image_urls": image_urls,
                        "negative_prompt": negative_prompt,
                    }, extra_body),
                    timeout=timeout,
                ),
            ),
        )

    def run(
        self,
        *,
        prompt: str | NotGiven = NOT_GIVEN,
        image_size: str | NotGiven = NOT_GIVEN,
        num_inference_steps: float | NotGiven = NOT_GIVEN,
        guidance_scale: float | NotGiven = NOT_GIVEN,
        num_images: float | NotGiven = NOT_GIVEN,
        enable_safety_checker: bool | NotGiven = NOT_GIVEN,
        output_format: str | NotGiven = NOT_GIVEN,
        image_urls: list[str] | NotGiven = NOT_GIVEN,
        negative_prompt: str | NotGiven = NOT_GIVEN,
        on_update: Callable[[QwenImageEditPlusSubmitResponse], object] | None = None,
        timeout: float | None = 600.0,
        poll_interval: float = 0.5,
    ) -> dict[str, Any]:
        """Submit with `submit`, poll until the request completes, and return its result.

        `on_update` is called with each status; past `timeout` seconds `QueueTimeoutError` is raised.
        """
        ticket = self.submit(
            prompt=prompt,
            image_size=image_size,
            num_inference_steps=num_inference_steps,
            guidance_scale=guidance_scale,
            num_images=num_images,
            enable_safety_checker=enable_safety_checker,
            output_format=output_format,
            image_urls=image_urls,
            negative_prompt=negative_prompt,
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


class QwenImageEditPlusWithRawResponse:
    """`client.qwen_image_edit_plus.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: QwenImageEditPlus) -> None:
        self.submit = to_raw_response(resource.submit)


class AsyncQwenImageEditPlus(AsyncResource):
    """Operations of `client.qwen_image_edit_plus` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncQwenImageEditPlusWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncQwenImageEditPlusWithRawResponse(self)

    async def submit(
        self,
        *,
        prompt: str | NotGiven = NOT_GIVEN,
        image_size: str | NotGiven = NOT_GIVEN,
        num_inference_steps: float | NotGiven = NOT_GIVEN,
        guidance_scale: float | NotGiven = NOT_GIVEN,
        num_images: float | NotGiven = NOT_GIVEN,
        enable_safety_checker: bool | NotGiven = NOT_GIVEN,
        output_format: str | NotGiven = NOT_GIVEN,
        image_urls: list[str] | NotGiven = NOT_GIVEN,
        negative_prompt: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> QwenImageEditPlusSubmitResponse:
        """POST /fal-ai/qwen-image-edit-plus"""
        return cast(
            "QwenImageEditPlusSubmitResponse",
            await self._client.request(
                RequestOptions(
                    method="POST",
                    path="/fal-ai/qwen-image-edit-plus",
                    cast_to=QwenImageEditPlusSubmitResponse,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({
                        "prompt": prompt,
                        "image_size": image_size,
                        "num_inference_steps": num_inference_steps,
                        "guidance_scale": guidance_scale,
                        "num_images": num_images,
                        "enable_safety_checker": enable_safety_checker,
                        "output_format": output_format,
                        "image_urls": image_urls,
                        "negative_prompt": negative_prompt,
                    }, extra_body),
                    timeout=timeout,
                ),
            ),
        )

    async def run(
        self,
        *,
        prompt: str | NotGiven = NOT_GIVEN,
        image_size: str | NotGiven = NOT_GIVEN,
        num_inference_steps: float | NotGiven = NOT_GIVEN,
        guidance_scale: float | NotGiven = NOT_GIVEN,
        num_images: float | NotGiven = NOT_GIVEN,
        enable_safety_checker: bool | NotGiven = NOT_GIVEN,
        output_format: str | NotGiven = NOT_GIVEN,
        image_urls: list[str] | NotGiven = NOT_GIVEN,
        negative_prompt: str | NotGiven = NOT_GIVEN,
        on_update: Callable[[QwenImageEditPlusSubmitResponse], object] | None = None,
        timeout: float | None = 600.0,
        poll_interval: float = 0.5,
    ) -> dict[str, Any]:
        """Submit with `submit`, poll until the request completes, and return its result.

        `on_update` is called with each status; past `timeout` seconds `QueueTimeoutError` is raised.
        """
        ticket = await self.submit(
            prompt=prompt,
            image_size=image_size,
            num_inference_steps=num_inference_steps,
            guidance_scale=guidance_scale,
            num_images=num_images,
            enable_safety_checker=enable_safety_checker,
            output_format=output_format,
            image_urls=image_urls,
            negative_prompt=negative_prompt,
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


class AsyncQwenImageEditPlusWithRawResponse:
    """`client.qwen_image_edit_plus.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncQwenImageEditPlus) -> None:
        self.submit = async_to_raw_response(resource.submit)

