"""`client.wan_v2_2_a14b_image_to_image`: 1 operation of the winfull."""

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
from ..models.wan_v2_2_a14b_image_to_image import WanV22A14bImageToImageSubmitResponse


class WanV22A14bImageToImage(SyncResource):
    """Operations of `client.wan_v2_2_a14b_image_to_image`."""

    @cached_property
    def with_raw_response(self) -> WanV22A14bImageToImageWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return WanV22A14bImageToImageWithRawResponse(self)

    def submit(
        self,
        *,
        image_url: str | NotGiven = NOT_GIVEN,
        prompt: str | NotGiven = NOT_GIVEN,
        strength: float | NotGiven = NOT_GIVEN,
        aspect_ratio: str | NotGiven = NOT_GIVEN,
        num_inference_steps: float | NotGiven = NOT_GIVEN,
        enable_safety_checker: bool | NotGiven = NOT_GIVEN,
        enable_prompt_expansion: bool | NotGiven = NOT_GIVEN,
        acceleration: str | NotGiven = NOT_GIVEN,
        guidance_scale: float | NotGiven = NOT_GIVEN,
        guidance_scale_2: float | NotGiven = NOT_GIVEN,
        shift: float | NotGiven = NOT_GIVEN,
        image_format: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> WanV22A14bImageToImageSubmitResponse:
        """POST /fal-ai/wan/v2.2-a14b/image-to-image"""
        return cast(
            "WanV22A14bImageToImageSubmitResponse",
            self._client.request(
                RequestOptions(
                    method="POST",
                    path="/fal-ai/wan/v2.2-a14b/image-to-image",
                    cast_to=WanV22A14bImageToImageSubmitResponse,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({
                        "image_url": image_url,
                        "prompt": prompt,
                        "strength": strength,
                        "aspect_ratio": aspect_ratio,
                        "num_inference_steps": num_inference_steps,
                        "enable_safety_checker": enable_safety_checker,
                        "enable_prompt_expansion": enable_prompt_expansion,
                        "acceleration": acceleration,
                        "guidance_scale": guidance_scale,
                        "guidance_scale_2": guidance_scale_2,
                        "shift": shift,
                        "image_format": image_format,
                    }, extra_body),
                    timeout=timeout,
                ),
            ),
        )

    def run(
        self,
        *,
        image_url: str | NotGiven = NOT_GIVEN,
        prompt: str | NotGiven = NOT_GIVEN,
        strength: float | NotGiven = NOT_GIVEN,
        aspect_ratio: str | NotGiven = NOT_GIVEN,
        num_inference_steps: float | NotGiven = NOT_GIVEN,
        enable_safety_checker: bool | NotGiven = NOT_GIVEN,
        enable_prompt_expansion: bool | NotGiven = NOT_GIVEN,
        acceleration: str | NotGiven = NOT_GIVEN,
        guidance_scale: float | NotGiven = NOT_GIVEN,
        guidance_scale_2: float | NotGiven = NOT_GIVEN,
        shift: float | NotGiven = NOT_GIVEN,
        image_format: str | NotGiven = NOT_GIVEN,
        on_update: Callable[[WanV22A14bImageToImageSubmitResponse], object] | None = None,
        timeout: float | None = 600.0,
        poll_interval: float = 0.5,
    ) -> dict[str, Any]:
        """Submit with `submit`, poll until the request completes, and return its result.

        `on_update` is called with each status; past `timeout` seconds `QueueTimeoutError` is raised.
        """
        ticket = self.submit(
            image_url=image_url,
            prompt=prompt,
            strength=strength,
            aspect_ratio=aspect_ratio,
            num_inference_steps=num_inference_steps,
            enable_safety_checker=enable_safety_checker,
            enable_prompt_expansion=enable_prompt_expansion,
            acceleration=acceleration,
            guidance_scale=guidance_scale,
            guidance_scale_2=guidance_scale_2,
            shift=shift,
            image_format=image_format,
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


class WanV22A14bImageToImageWithRawResponse:
    """`client.wan_v2_2_a14b_image_to_image.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: WanV22A14bImageToImage) -> None:
        self.submit = to_raw_response(resource.submit)


class AsyncWanV22A14bImageToImage(AsyncResource):
    """Operations of `client.wan_v2_2_a14b_image_to_image` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncWanV22A14bImageToImageWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncWanV22A14bImageToImageWithRawResponse(self)

    async def submit(
        self,
        *,
        image_url: str | NotGiven = NOT_GIVEN,
        prompt: str | NotGiven = NOT_GIVEN,
        strength: float | NotGiven = NOT_GIVEN,
        aspect_ratio: str | NotGiven = NOT_GIVEN,
        num_inference_steps: float | NotGiven = NOT_GIVEN,
        enable_safety_checker: bool | NotGiven = NOT_GIVEN,
        enable_prompt_expansion: bool | NotGiven = NOT_GIVEN,
        acceleration: str | NotGiven = NOT_GIVEN,
        guidance_scale: float | NotGiven = NOT_GIVEN,
        guidance_scale_2: float | NotGiven = NOT_GIVEN,
        shift: float | NotGiven = NOT_GIVEN,
        image_format: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> WanV22A14bImageToImageSubmitResponse:
        """POST /fal-ai/wan/v2.2-a14b/image-to-image"""
        return cast(
            "WanV22A14bImageToImageSubmitResponse",
            await self._client.request(
                RequestOptions(
                    method="POST",
                    path="/fal-ai/wan/v2.2-a14b/image-to-image",
                    cast_to=WanV22A14bImageToImageSubmitResponse,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({
                        "image_url": image_url,
                        "prompt": prompt,
                        "strength": strength,
                        "aspect_ratio": aspect_ratio,
                        "num_inference_steps": num_inference_steps,
                        "enable_safety_checker": enable_safety_checker,
                        "enable_prompt_expansion": enable_prompt_expansion,
                        "acceleration": acceleration,
                        "guidance_scale": guidance_scale,
                        "guidance_scale_2": guidance_scale_2,
                        "shift": shift,
                        "image_format": image_format,
                    }, extra_body),
                    timeout=timeout,
                ),
            ),
        )

    async def run(
        self,
        *,
        image_url: str | NotGiven = NOT_GIVEN,
        prompt: str | NotGiven = NOT_GIVEN,
        strength: float | NotGiven = NOT_GIVEN,
        aspect_ratio: str | NotGiven = NOT_GIVEN,
        num_inference_steps: float | NotGiven = NOT_GIVEN,
        enable_safety_checker: bool | NotGiven = NOT_GIVEN,
        enable_prompt_expansion: bool | NotGiven = NOT_GIVEN,
        acceleration: str | NotGiven = NOT_GIVEN,
        guidance_scale: float | NotGiven = NOT_GIVEN,
        guidance_scale_2: float | NotGiven = NOT_GIVEN,
        shift: float | NotGiven = NOT_GIVEN,
        image_format: str | NotGiven = NOT_GIVEN,
        on_update: Callable[[WanV22A14bImageToImageSubmitResponse], object] | None = None,
        timeout: float | None = 600.0,
        poll_interval: float = 0.5,
    ) -> dict[str, Any]:
        """Submit with `submit`, poll until the request completes, and return its result.

        `on_update` is called with each status; past `timeout` seconds `QueueTimeoutError` is raised.
        """
        ticket = await self.submit(
            image_url=image_url,
            prompt=prompt,
            strength=strength,
            aspect_ratio=aspect_ratio,
            num_inference_steps=num_inference_steps,
            enable_safety_checker=enable_safety_checker,
            enable_prompt_expansion=enable_prompt_expansion,
            acceleration=acceleration,
            guidance_scale=guidance_scale,
            guidance_scale_2=guidance_scale_2,
            shift=shift,
            image_format=image_format,
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


class AsyncWanV22A14bImageToImageWithRawResponse:
    """`client.wan_v2_2_a14b_image_to_image.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncWanV22A14bImageToImage) -> None:
        self.submit = async_to_raw_response(resource.submit)

