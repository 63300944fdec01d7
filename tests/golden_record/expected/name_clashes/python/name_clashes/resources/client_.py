"""`client.client_`: 1 operation of the Clashes."""

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
from ..models.client_ import ClientModel


class ClientResource(SyncResource):
    """Operations of `client.client_`."""

    @cached_property
    def with_raw_response(self) -> ClientResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return ClientResourceWithRawResponse(self)

    def client_(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> ClientModel:
        """`POST /clients`

        Args:
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "ClientModel",
            self._client.request(
                RequestOptions(
                    method="POST",
                    path="/clients",
                    cast_to=ClientModel,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class ClientResourceWithRawResponse:
    """`client.client_.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: ClientResource) -> None:
        self.client_ = to_raw_response(resource.client_)


class AsyncClientResource(AsyncResource):
    """Operations of `client.client_` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncClientResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncClientResourceWithRawResponse(self)

    async def client_(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> ClientModel:
        """`POST /clients`

        Args:
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "ClientModel",
            await self._client.request(
                RequestOptions(
                    method="POST",
                    path="/clients",
                    cast_to=ClientModel,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class AsyncClientResourceWithRawResponse:
    """`client.client_.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncClientResource) -> None:
        self.client_ = async_to_raw_response(resource.client_)

