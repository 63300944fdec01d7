"""`client.api_key_`: 1 operation of the Clashes."""

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
from ..models.api_key_ import ApiKeyShowResponse


class ApiKey(SyncResource):
    """Operations of `client.api_key_`."""

    @cached_property
    def with_raw_response(self) -> ApiKeyWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return ApiKeyWithRawResponse(self)

    def show(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> ApiKeyShowResponse:
        """`GET /api-key`

        Args:
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "ApiKeyShowResponse",
            self._client.request(
                RequestOptions(
                    method="GET",
                    path="/api-key",
                    cast_to=ApiKeyShowResponse,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class ApiKeyWithRawResponse:
    """`client.api_key_.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: ApiKey) -> None:
        self.show = to_raw_response(resource.show)


class AsyncApiKey(AsyncResource):
    """Operations of `client.api_key_` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncApiKeyWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncApiKeyWithRawResponse(self)

    async def show(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> ApiKeyShowResponse:
        """`GET /api-key`

        Args:
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "ApiKeyShowResponse",
            await self._client.request(
                RequestOptions(
                    method="GET",
                    path="/api-key",
                    cast_to=ApiKeyShowResponse,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class AsyncApiKeyWithRawResponse:
    """`client.api_key_.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncApiKey) -> None:
        self.show = async_to_raw_response(resource.show)

