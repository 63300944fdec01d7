"""`client.flux_1_dev_image_to_image`: 1 operation of the aimanyi."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from functools import cached_property
from typing import Any, Literal, cast

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
from .._queue import AsyncRequestHandle, SyncRequestHandle
from ..models.flux_1_dev_image_to_image import QueueStatus


class Flux1DevImageToImage(SyncResource):
    """Operations of `client.flux_1_dev_image_to_image`."""

    @cached_property
    def with_raw_response(self) -> Flux1DevImageToImageWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return Flux1DevImageToImageWithRawResponse(self)

    def submit(
        self,
        *,
        image_url: str,
        prompt: str,
        strength: float | NotGiven = NOT_GIVEN,
        num_inference_steps: int | NotGiven = NOT_GIVEN,
        guidance_scale: float | NotGiven = NOT_GIVEN,
        num_images: int | NotGiven = NOT_GIVEN,
        enable_safety_checker: bool | NotGiven = NOT_GIVEN,
        output_format: Literal["default", "png", "jpeg"] | NotGiven = NOT_GIVEN,
        acceleration: Literal["default", "none", "regular", "high"] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> SyncRequestHandle[QueueStatus, dict[str, Any]]:
        """Submit a request to `fal-ai/flux-1/dev/image-to-image` on the fal queue.

        Returns a request handle: `status()`, `iter_events()` (the status stream),
        `get()` (wait, then the result), `result()` and `cancel()`.

        Args:
            image_url: 在此处拖放文件,或提供 base64 编码的数据 URL接受的文件类型:jpg、jpeg、png、webp、gif、avif
            prompt: 生成图像的提示
            strength: 初始图像的强度。强度值越高,该模型的效果越好。默认值:0.95 范围值0.01-1
                Defaults to `0.95` on the server.
            num_inference_steps: 要执行的推理步骤数。默认值:40 范围值10-50
                Defaults to `40` on the server.
            guidance_scale: CFG(无分类器引导)量表用于衡量您希望模型在寻找相关图像时与提示的贴近程度。默认值:3.5 范围值1-20
                Defaults to `3.5` on the server.
            num_images: 生成的图像数量。默认值:1 范围值1-4
                Defaults to `1` on the server.
            enable_safety_checker: For example `True`.
            output_format: 生成图片的格式。默认值:"jpeg" 支持default、png、jpeg
                Defaults to `"jpeg"` on the server.
            acceleration: 生成速度。速度越高,生成速度越快。默认值:"regular" 支持default、none、regular、high
                Defaults to `"regular"` on the server.
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
                    path="/fal-ai/flux-1/dev/image-to-image",
                    cast_to=QueueStatus,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({
                        "image_url": image_url,
                        "prompt": prompt,
                        "strength": strength,
                        "num_inference_steps": num_inference_steps,
                        "guidance_scale": guidance_scale,
                        "num_images": num_images,
                        "enable_safety_checker": enable_safety_checker,
                        "output_format": output_format,
                        "acceleration": acceleration,
                    }, extra_body),
                    timeout=timeout,
                ),
                QueueStatus,
                dict[str, Any],
            ),
        )

    def run(
        self,
        *,
        image_url: str,
        prompt: str,
        strength: float | NotGiven = NOT_GIVEN,
        num_inference_steps: int | NotGiven = NOT_GIVEN,
        guidance_scale: float | NotGiven = NOT_GIVEN,
        num_images: int | NotGiven = NOT_GIVEN,
        enable_safety_checker: bool | NotGiven = NOT_GIVEN,
        output_format: Literal["default", "png", "jpeg"] | NotGiven = NOT_GIVEN,
        acceleration: Literal["default", "none", "regular", "high"] | NotGiven = NOT_GIVEN,
        extra_body: Body | None = None,
        on_update: Callable[[QueueStatus], object] | None = None,
        timeout: float | None = 600.0,
        poll_interval: float = 0.5,
    ) -> dict[str, Any]:
        """Submit with `submit`, wait until the request completes, and return its result.

        `on_update` receives each status, with its logs; past `timeout` seconds `QueueTimeoutError` is
        raised (the request is not cancelled: `cancel` it if it is no longer wanted).

        Args:
            image_url: 在此处拖放文件,或提供 base64 编码的数据 URL接受的文件类型:jpg、jpeg、png、webp、gif、avif
            prompt: 生成图像的提示
            strength: 初始图像的强度。强度值越高,该模型的效果越好。默认值:0.95 范围值0.01-1
                Defaults to `0.95` on the server.
            num_inference_steps: 要执行的推理步骤数。默认值:40 范围值10-50
                Defaults to `40` on the server.
            guidance_scale: CFG(无分类器引导)量表用于衡量您希望模型在寻找相关图像时与提示的贴近程度。默认值:3.5 范围值1-20
                Defaults to `3.5` on the server.
            num_images: 生成的图像数量。默认值:1 范围值1-4
                Defaults to `1` on the server.
            enable_safety_checker: For example `True`.
            output_format: 生成图片的格式。默认值:"jpeg" 支持default、png、jpeg
                Defaults to `"jpeg"` on the server.
            acceleration: 生成速度。速度越高,生成速度越快。默认值:"regular" 支持default、none、regular、high
                Defaults to `"regular"` on the server.
            extra_body: Fields to add to the request body (they win over the arguments above).
            on_update: Called with each status while waiting (`QueueStatus`, with its logs).
            timeout: Seconds to wait for the result in all; `None` waits as long as it takes.
            poll_interval: Seconds between two status polls when the status stream is not used.
        """
        handle = self.submit(
            image_url=image_url,
            prompt=prompt,
            strength=strength,
            num_inference_steps=num_inference_steps,
            guidance_scale=guidance_scale,
            num_images=num_images,
            enable_safety_checker=enable_safety_checker,
            output_format=output_format,
            acceleration=acceleration,
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


class Flux1DevImageToImageWithRawResponse:
    """`client.flux_1_dev_image_to_image.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: Flux1DevImageToImage) -> None:
        self.submit = to_raw_response(resource.submit)


class AsyncFlux1DevImageToImage(AsyncResource):
    """Operations of `client.flux_1_dev_image_to_image` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncFlux1DevImageToImageWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncFlux1DevImageToImageWithRawResponse(self)

    async def submit(
        self,
        *,
        image_url: str,
        prompt: str,
        strength: float | NotGiven = NOT_GIVEN,
        num_inference_steps: int | NotGiven = NOT_GIVEN,
        guidance_scale: float | NotGiven = NOT_GIVEN,
        num_images: int | NotGiven = NOT_GIVEN,
        enable_safety_checker: bool | NotGiven = NOT_GIVEN,
        output_format: Literal["default", "png", "jpeg"] | NotGiven = NOT_GIVEN,
        acceleration: Literal["default", "none", "regular", "high"] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> AsyncRequestHandle[QueueStatus, dict[str, Any]]:
        """Submit a request to `fal-ai/flux-1/dev/image-to-image` on the fal queue.

        Returns a request handle: `status()`, `iter_events()` (the status stream),
        `get()` (wait, then the result), `result()` and `cancel()`.

        Args:
            image_url: 在此处拖放文件,或提供 base64 编码的数据 URL接受的文件类型:jpg、jpeg、png、webp、gif、avif
            prompt: 生成图像的提示
            strength: 初始图像的强度。强度值越高,该模型的效果越好。默认值:0.95 范围值0.01-1
                Defaults to `0.95` on the server.
            num_inference_steps: 要执行的推理步骤数。默认值:40 范围值10-50
                Defaults to `40` on the server.
            guidance_scale: CFG(无分类器引导)量表用于衡量您希望模型在寻找相关图像时与提示的贴近程度。默认值:3.5 范围值1-20
                Defaults to `3.5` on the server.
            num_images: 生成的图像数量。默认值:1 范围值1-4
                Defaults to `1` on the server.
            enable_safety_checker: For example `True`.
            output_format: 生成图片的格式。默认值:"jpeg" 支持default、png、jpeg
                Defaults to `"jpeg"` on the server.
            acceleration: 生成速度。速度越高,生成速度越快。默认值:"regular" 支持default、none、regular、high
                Defaults to `"regular"` on the server.
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
                    path="/fal-ai/flux-1/dev/image-to-image",
                    cast_to=QueueStatus,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({
                        "image_url": image_url,
                        "prompt": prompt,
                        "strength": strength,
                        "num_inference_steps": num_inference_steps,
                        "guidance_scale": guidance_scale,
                        "num_images": num_images,
                        "enable_safety_checker": enable_safety_checker,
                        "output_format": output_format,
                        "acceleration": acceleration,
                    }, extra_body),
                    timeout=timeout,
                ),
                QueueStatus,
                dict[str, Any],
            ),
        )

    async def run(
        self,
        *,
        image_url: str,
        prompt: str,
        strength: float | NotGiven = NOT_GIVEN,
        num_inference_steps: int | NotGiven = NOT_GIVEN,
        guidance_scale: float | NotGiven = NOT_GIVEN,
        num_images: int | NotGiven = NOT_GIVEN,
        enable_safety_checker: bool | NotGiven = NOT_GIVEN,
        output_format: Literal["default", "png", "jpeg"] | NotGiven = NOT_GIVEN,
        acceleration: Literal["default", "none", "regular", "high"] | NotGiven = NOT_GIVEN,
        extra_body: Body | None = None,
        on_update: Callable[[QueueStatus], object] | None = None,
        timeout: float | None = 600.0,
        poll_interval: float = 0.5,
    ) -> dict[str, Any]:
        """Submit with `submit`, wait until the request completes, and return its result.

        `on_update` receives each status, with its logs; past `timeout` seconds `QueueTimeoutError` is
        raised (the request is not cancelled: `cancel` it if it is no longer wanted).

        Args:
            image_url: 在此处拖放文件,或提供 base64 编码的数据 URL接受的文件类型:jpg、jpeg、png、webp、gif、avif
            prompt: 生成图像的提示
            strength: 初始图像的强度。强度值越高,该模型的效果越好。默认值:0.95 范围值0.01-1
                Defaults to `0.95` on the server.
            num_inference_steps: 要执行的推理步骤数。默认值:40 范围值10-50
                Defaults to `40` on the server.
            guidance_scale: CFG(无分类器引导)量表用于衡量您希望模型在寻找相关图像时与提示的贴近程度。默认值:3.5 范围值1-20
                Defaults to `3.5` on the server.
            num_images: 生成的图像数量。默认值:1 范围值1-4
                Defaults to `1` on the server.
            enable_safety_checker: For example `True`.
            output_format: 生成图片的格式。默认值:"jpeg" 支持default、png、jpeg
                Defaults to `"jpeg"` on the server.
            acceleration: 生成速度。速度越高,生成速度越快。默认值:"regular" 支持default、none、regular、high
                Defaults to `"regular"` on the server.
            extra_body: Fields to add to the request body (they win over the arguments above).
            on_update: Called with each status while waiting (`QueueStatus`, with its logs).
            timeout: Seconds to wait for the result in all; `None` waits as long as it takes.
            poll_interval: Seconds between two status polls when the status stream is not used.
        """
        handle = await self.submit(
            image_url=image_url,
            prompt=prompt,
            strength=strength,
            num_inference_steps=num_inference_steps,
            guidance_scale=guidance_scale,
            num_images=num_images,
            enable_safety_checker=enable_safety_checker,
            output_format=output_format,
            acceleration=acceleration,
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


class AsyncFlux1DevImageToImageWithRawResponse:
    """`client.flux_1_dev_image_to_image.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncFlux1DevImageToImage) -> None:
        self.submit = async_to_raw_response(resource.submit)

