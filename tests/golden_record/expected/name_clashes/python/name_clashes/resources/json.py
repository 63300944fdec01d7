"""`client.json`: 1 operation of the Clashes."""

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


class Json(SyncResource):
    """Operations of `client.json`."""

    @cached_property
    def with_raw_response(self) -> JsonWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return JsonWithRawResponse(self)

    def loads(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> list[OptionalModel]:
        """`GET /json`

        Args:
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "list[OptionalModel]",
            self._client.request(
                RequestOptions(
                    method="GET",
                    path="/json",
                    cast_to=list[OptionalModel],
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class JsonWithRawResponse:
    """`client.json.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: Json) -> None:
        self.loads = to_raw_response(resource.loads)


class AsyncJson(AsyncResource):
    """Operations of `client.json` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncJsonWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncJsonWithRawResponse(self)

    async def loads(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> list[OptionalModel]:
        """`GET /json`

        Args:
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "list[OptionalModel]",
            await self._client.request(
                RequestOptions(
                    method="GET",
                    path="/json",
                    cast_to=list[OptionalModel],
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class AsyncJsonWithRawResponse:
    """`client.json.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncJson) -> None:
        self.loads = async_to_raw_response(resource.loads)

