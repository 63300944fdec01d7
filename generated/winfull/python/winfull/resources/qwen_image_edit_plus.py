"""`client.qwen_image_edit_plus`: 1 operation of the winfull."""

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
    async_to_raw_response,
    header_params,
    json_body,
    query_params,
    to_raw_response,
)
from .._queue import AsyncRequestHandle, SyncRequestHandle
from ..models._shared import QueueStatus


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
    ) -> SyncRequestHandle[QueueStatus, dict[str, Any]]:
        """Submit a request to `fal-ai/qwen-image-edit-plus` on the fal queue.

        Returns a request handle: `status()`, `iter_events()` (the status stream),
        `get()` (wait, then the result), `result()` and `cancel()`.

        Args:
            prompt: For example `'Close shot portrait of a woman in front of this car on this highway'`.
            image_size: For example `'square_hd'`.
            num_inference_steps: For example `50`.
            guidance_scale: For example `4`.
            num_images: For example `1`.
            enable_safety_checker: For example `True`.
            output_format: For example `'png'`.
            image_urls: Sent as `image_urls` in the JSON body.
            negative_prompt: For example `'blurry, ugly'`.
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
                    path="/fal-ai/qwen-image-edit-plus",
                    cast_to=QueueStatus,
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
                QueueStatus,
                dict[str, Any],
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
        extra_body: Body | None = None,
        on_update: Callable[[QueueStatus], object] | None = None,
        timeout: float | None = 600.0,
        poll_interval: float = 0.5,
    ) -> dict[str, Any]:
        """Submit with `submit`, wait until the request completes, and return its result.

        `on_update` receives each status, with its logs; past `timeout` seconds `QueueTimeoutError` is
        raised (the request is not cancelled: `cancel` it if it is no longer wanted).

        Args:
            prompt: For example `'Close shot portrait of a woman in front of this car on this highway'`.
            image_size: For example `'square_hd'`.
            num_inference_steps: For example `50`.
            guidance_scale: For example `4`.
            num_images: For example `1`.
            enable_safety_checker: For example `True`.
            output_format: For example `'png'`.
            image_urls: Sent as `image_urls` in the JSON body.
            negative_prompt: For example `'blurry, ugly'`.
            extra_body: Fields to add to the request body (they win over the arguments above).
            on_update: Called with each status while waiting (`QueueStatus`, with its logs).
            timeout: Seconds to wait for the result in all; `None` waits as long as it takes.
            poll_interval: Seconds between two status polls when the status stream is not used.
        """
        handle = self.submit(
            prompt=prompt,
            image_size=image_size,
            num_inference_steps=num_inference_steps,
            guidance_scale=guidance_scale,
            num_images=num_images,
            enable_safety_checker=enable_safety_checker,
            output_format=output_format,
            image_urls=image_urls,
            negative_prompt=negative_prompt,
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
    ) -> AsyncRequestHandle[QueueStatus, dict[str, Any]]:
        """Submit a request to `fal-ai/qwen-image-edit-plus` on the fal queue.

        Returns a request handle: `status()`, `iter_events()` (the status stream),
        `get()` (wait, then the result), `result()` and `cancel()`.

        Args:
            prompt: For example `'Close shot portrait of a woman in front of this car on this highway'`.
            image_size: For example `'square_hd'`.
            num_inference_steps: For example `50`.
            guidance_scale: For example `4`.
            num_images: For example `1`.
            enable_safety_checker: For example `True`.
            output_format: For example `'png'`.
            image_urls: Sent as `image_urls` in the JSON body.
            negative_prompt: For example `'blurry, ugly'`.
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
                    path="/fal-ai/qwen-image-edit-plus",
                    cast_to=QueueStatus,
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
                QueueStatus,
                dict[str, Any],
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
        extra_body: Body | None = None,
        on_update: Callable[[QueueStatus], object] | None = None,
        timeout: float | None = 600.0,
        poll_interval: float = 0.5,
    ) -> dict[str, Any]:
        """Submit with `submit`, wait until the request completes, and return its result.

        `on_update` receives each status, with its logs; past `timeout` seconds `QueueTimeoutError` is
        raised (the request is not cancelled: `cancel` it if it is no longer wanted).

        Args:
            prompt: For example `'Close shot portrait of a woman in front of this car on this highway'`.
            image_size: For example `'square_hd'`.
            num_inference_steps: For example `50`.
            guidance_scale: For example `4`.
            num_images: For example `1`.
            enable_safety_checker: For example `True`.
            output_format: For example `'png'`.
            image_urls: Sent as `image_urls` in the JSON body.
            negative_prompt: For example `'blurry, ugly'`.
            extra_body: Fields to add to the request body (they win over the arguments above).
            on_update: Called with each status while waiting (`QueueStatus`, with its logs).
            timeout: Seconds to wait for the result in all; `None` waits as long as it takes.
            poll_interval: Seconds between two status polls when the status stream is not used.
        """
        handle = await self.submit(
            prompt=prompt,
            image_size=image_size,
            num_inference_steps=num_inference_steps,
            guidance_scale=guidance_scale,
            num_images=num_images,
            enable_safety_checker=enable_safety_checker,
            output_format=output_format,
            image_urls=image_urls,
            negative_prompt=negative_prompt,
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


class AsyncQwenImageEditPlusWithRawResponse:
    """`client.qwen_image_edit_plus.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncQwenImageEditPlus) -> None:
        self.submit = async_to_raw_response(resource.submit)

