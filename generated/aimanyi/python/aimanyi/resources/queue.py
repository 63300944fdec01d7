"""`client.queue`: 4 operations of the aimanyi."""

from __future__ import annotations

from functools import cached_property
from typing import Any, Literal, cast

from .._base import (
    NOT_GIVEN,
    AsyncResource,
    Headers,
    NotGiven,
    Query,
    RequestOptions,
    SyncResource,
    Timeout,
    _path,
    async_to_raw_response,
    header_params,
    query_params,
    to_raw_response,
)
from ..models._shared import QueueStatus
from ..models.queue import QueueCancelRequestResponse


class Queue(SyncResource):
    """Operations of `client.queue`."""

    @cached_property
    def with_raw_response(self) -> QueueWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return QueueWithRawResponse(self)

    def get_request_result(
        self,
        request_id: str,
        *,
        app_owner: str,
        app_name: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> dict[str, Any]:
        """Result of a completed request

        Args:
            request_id: The ticket's request_id.
            app_owner: Owner of the model app.
            app_name: Name of the model app (its first path segment after the owner).
        """
        return cast(
            "dict[str, Any]",
            self._client.request(
                RequestOptions(
                    method="GET",
                    path=f"/{_path(app_owner)}/{_path(app_name)}/requests/{_path(request_id)}",
                    cast_to=dict[str, Any],
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )

    def cancel_request(
        self,
        request_id: str,
        *,
        app_owner: str,
        app_name: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> QueueCancelRequestResponse:
        """Cancel a queued request

        Args:
            request_id: The ticket's request_id.
            app_owner: Owner of the model app.
            app_name: Name of the model app (its first path segment after the owner).
        """
        return cast(
            "QueueCancelRequestResponse",
            self._client.request(
                RequestOptions(
                    method="PUT",
                    path=f"/{_path(app_owner)}/{_path(app_name)}/requests/{_path(request_id)}/cancel",
                    cast_to=QueueCancelRequestResponse,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )

    def get_request_status(
        self,
        request_id: str,
        *,
        app_owner: str,
        app_name: str,
        logs: Literal[0, 1] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> QueueStatus:
        """Status of a queued request

        Args:
            request_id: The ticket's request_id.
            app_owner: Owner of the model app.
            app_name: Name of the model app (its first path segment after the owner).
            logs: 1 to include the request's logs in the status.
                Defaults to `0` on the server.
        """
        return cast(
            "QueueStatus",
            self._client.request(
                RequestOptions(
                    method="GET",
                    path=f"/{_path(app_owner)}/{_path(app_name)}/requests/{_path(request_id)}/status",
                    cast_to=QueueStatus,
                    response="json",
                    params=query_params({"logs": logs}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )

    def stream_request_status(
        self,
        request_id: str,
        *,
        app_owner: str,
        app_name: str,
        logs: Literal[0, 1] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> str:
        """Stream status updates of a queued request until it completes

        Args:
            request_id: The ticket's request_id.
            app_owner: Owner of the model app.
            app_name: Name of the model app (its first path segment after the owner).
            logs: 1 to include the request's logs in the status.
                Defaults to `0` on the server.
        """
        return cast(
            "str",
            self._client.request(
                RequestOptions(
                    method="GET",
                    path=f"/{_path(app_owner)}/{_path(app_name)}/requests/{_path(request_id)}/status/stream",
                    cast_to=None,
                    response="text",
                    params=query_params({"logs": logs}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class QueueWithRawResponse:
    """`client.queue.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: Queue) -> None:
        self.get_request_result = to_raw_response(resource.get_request_result)
        self.cancel_request = to_raw_response(resource.cancel_request)
        self.get_request_status = to_raw_response(resource.get_request_status)
        self.stream_request_status = to_raw_response(resource.stream_request_status)


class AsyncQueue(AsyncResource):
    """Operations of `client.queue` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncQueueWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncQueueWithRawResponse(self)

    async def get_request_result(
        self,
        request_id: str,
        *,
        app_owner: str,
        app_name: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> dict[str, Any]:
        """Result of a completed request

        Args:
            request_id: The ticket's request_id.
            app_owner: Owner of the model app.
            app_name: Name of the model app (its first path segment after the owner).
        """
        return cast(
            "dict[str, Any]",
            await self._client.request(
                RequestOptions(
                    method="GET",
                    path=f"/{_path(app_owner)}/{_path(app_name)}/requests/{_path(request_id)}",
                    cast_to=dict[str, Any],
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )

    async def cancel_request(
        self,
        request_id: str,
        *,
        app_owner: str,
        app_name: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> QueueCancelRequestResponse:
        """Cancel a queued request

        Args:
            request_id: The ticket's request_id.
            app_owner: Owner of the model app.
            app_name: Name of the model app (its first path segment after the owner).
        """
        return cast(
            "QueueCancelRequestResponse",
            await self._client.request(
                RequestOptions(
                    method="PUT",
                    path=f"/{_path(app_owner)}/{_path(app_name)}/requests/{_path(request_id)}/cancel",
                    cast_to=QueueCancelRequestResponse,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )

    async def get_request_status(
        self,
        request_id: str,
        *,
        app_owner: str,
        app_name: str,
        logs: Literal[0, 1] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> QueueStatus:
        """Status of a queued request

        Args:
            request_id: The ticket's request_id.
            app_owner: Owner of the model app.
            app_name: Name of the model app (its first path segment after the owner).
            logs: 1 to include the request's logs in the status.
                Defaults to `0` on the server.
        """
        return cast(
            "QueueStatus",
            await self._client.request(
                RequestOptions(
                    method="GET",
                    path=f"/{_path(app_owner)}/{_path(app_name)}/requests/{_path(request_id)}/status",
                    cast_to=QueueStatus,
                    response="json",
                    params=query_params({"logs": logs}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )

    async def stream_request_status(
        self,
        request_id: str,
        *,
        app_owner: str,
        app_name: str,
        logs: Literal[0, 1] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> str:
        """Stream status updates of a queued request until it completes

        Args:
            request_id: The ticket's request_id.
            app_owner: Owner of the model app.
            app_name: Name of the model app (its first path segment after the owner).
            logs: 1 to include the request's logs in the status.
                Defaults to `0` on the server.
        """
        return cast(
            "str",
            await self._client.request(
                RequestOptions(
                    method="GET",
                    path=f"/{_path(app_owner)}/{_path(app_name)}/requests/{_path(request_id)}/status/stream",
                    cast_to=None,
                    response="text",
                    params=query_params({"logs": logs}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class AsyncQueueWithRawResponse:
    """`client.queue.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncQueue) -> None:
        self.get_request_result = async_to_raw_response(resource.get_request_result)
        self.cancel_request = async_to_raw_response(resource.cancel_request)
        self.get_request_status = async_to_raw_response(resource.get_request_status)
        self.stream_request_status = async_to_raw_response(resource.stream_request_status)

