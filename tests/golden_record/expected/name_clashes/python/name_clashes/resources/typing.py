"""`client.typing`: 1 operation of the Clashes."""

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
from ..models._shared import OptionalModel


class Typing(SyncResource):
    """Operations of `client.typing`."""

    @cached_property
    def with_raw_response(self) -> TypingWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return TypingWithRawResponse(self)

    def optional(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> OptionalModel:
        """`GET /typing`

        Args:
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "OptionalModel",
            self._client.request(
                RequestOptions(
                    method="GET",
                    path="/typing",
                    cast_to=OptionalModel,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class TypingWithRawResponse:
    """`client.typing.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: Typing) -> None:
        self.optional = to_raw_response(resource.optional)


class AsyncTyping(AsyncResource):
    """Operations of `client.typing` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncTypingWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncTypingWithRawResponse(self)

    async def optional(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> OptionalModel:
        """`GET /typing`

        Args:
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "OptionalModel",
            await self._client.request(
                RequestOptions(
                    method="GET",
                    path="/typing",
                    cast_to=OptionalModel,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class AsyncTypingWithRawResponse:
    """`client.typing.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncTyping) -> None:
        self.optional = async_to_raw_response(resource.optional)

