"""`client.close_`: 1 operation of the Clashes."""

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


class Close(SyncResource):
    """Operations of `client.close_`."""

    @cached_property
    def with_raw_response(self) -> CloseWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return CloseWithRawResponse(self)

    def session(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> None:
        """`POST /close`

        Args:
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "None",
            self._client.request(
                RequestOptions(
                    method="POST",
                    path="/close",
                    cast_to=None,
                    response="none",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class CloseWithRawResponse:
    """`client.close_.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: Close) -> None:
        self.session = to_raw_response(resource.session)


class AsyncClose(AsyncResource):
    """Operations of `client.close_` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncCloseWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncCloseWithRawResponse(self)

    async def session(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> None:
        """`POST /close`

        Args:
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "None",
            await self._client.request(
                RequestOptions(
                    method="POST",
                    path="/close",
                    cast_to=None,
                    response="none",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class AsyncCloseWithRawResponse:
    """`client.close_.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncClose) -> None:
        self.session = async_to_raw_response(resource.session)

