"""`client.close`: 1 operation of the Clashes."""

from __future__ import annotations

from functools import cached_property
from typing import cast

from .._base import (
    NOT_GIVEN,
    AsyncResource,
    Headers,
    Query,
    RequestOptions,
    SyncResource,
    Timeout,
    async_to_raw_response,
    header_params,
    query_params,
    to_raw_response,
)
from ..models.close import ClientModel


class Close(SyncResource):
    """Operations of `client.close`."""

    @cached_property
    def with_raw_response(self) -> CloseWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return CloseWithRawResponse(self)

    def close(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> ClientModel:
        """POST /close"""
        return cast(
            "ClientModel",
            self._client.request(
                RequestOptions(
                    method="POST",
                    path="/close",
                    cast_to=ClientModel,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class CloseWithRawResponse:
    """`client.close.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: Close) -> None:
        self.close = to_raw_response(resource.close)


class AsyncClose(AsyncResource):
    """Operations of `client.close` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncCloseWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncCloseWithRawResponse(self)

    async def close(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> ClientModel:
        """POST /close"""
        return cast(
            "ClientModel",
            await self._client.request(
                RequestOptions(
                    method="POST",
                    path="/close",
                    cast_to=ClientModel,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class AsyncCloseWithRawResponse:
    """`client.close.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncClose) -> None:
        self.close = async_to_raw_response(resource.close)

