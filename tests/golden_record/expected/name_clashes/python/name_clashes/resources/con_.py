"""`client.con`: 1 operation of the Clashes."""

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
from ..models.con_ import FieldModel


class Con(SyncResource):
    """Operations of `client.con`."""

    @cached_property
    def with_raw_response(self) -> ConWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return ConWithRawResponse(self)

    def aux(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> FieldModel:
        """`GET /con`

        Args:
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "FieldModel",
            self._client.request(
                RequestOptions(
                    method="GET",
                    path="/con",
                    cast_to=FieldModel,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class ConWithRawResponse:
    """`client.con.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: Con) -> None:
        self.aux = to_raw_response(resource.aux)


class AsyncCon(AsyncResource):
    """Operations of `client.con` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncConWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncConWithRawResponse(self)

    async def aux(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> FieldModel:
        """`GET /con`

        Args:
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "FieldModel",
            await self._client.request(
                RequestOptions(
                    method="GET",
                    path="/con",
                    cast_to=FieldModel,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class AsyncConWithRawResponse:
    """`client.con.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncCon) -> None:
        self.aux = async_to_raw_response(resource.aux)

