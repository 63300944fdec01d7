"""`client.auth`: 1 operation of the Transport."""

from __future__ import annotations

from functools import cached_property
from typing import Literal, cast

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
    form_fields,
    header_params,
    query_params,
    to_raw_response,
)
from ..models.auth import AuthCreateTokenResponse


class Auth(SyncResource):
    """Operations of `client.auth`."""

    @cached_property
    def with_raw_response(self) -> AuthWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AuthWithRawResponse(self)

    def create_token(
        self,
        *,
        grant_type: Literal["client_credentials"],
        scope: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> AuthCreateTokenResponse:
        """`POST /tokens`

        Args:
            grant_type: Sent as the `grant_type` form field.
            scope: Sent as the `scope` form field.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            extra_body: Fields to add to the request body (they win over the arguments above).
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "AuthCreateTokenResponse",
            self._client.request(
                RequestOptions(
                    method="POST",
                    path="/tokens",
                    cast_to=AuthCreateTokenResponse,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    data=form_fields({"grant_type": grant_type, "scope": scope}, extra_body),
                    timeout=timeout,
                    auth=False,
                ),
            ),
        )


class AuthWithRawResponse:
    """`client.auth.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: Auth) -> None:
        self.create_token = to_raw_response(resource.create_token)


class AsyncAuth(AsyncResource):
    """Operations of `client.auth` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncAuthWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncAuthWithRawResponse(self)

    async def create_token(
        self,
        *,
        grant_type: Literal["client_credentials"],
        scope: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> AuthCreateTokenResponse:
        """`POST /tokens`

        Args:
            grant_type: Sent as the `grant_type` form field.
            scope: Sent as the `scope` form field.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            extra_body: Fields to add to the request body (they win over the arguments above).
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "AuthCreateTokenResponse",
            await self._client.request(
                RequestOptions(
                    method="POST",
                    path="/tokens",
                    cast_to=AuthCreateTokenResponse,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    data=form_fields({"grant_type": grant_type, "scope": scope}, extra_body),
                    timeout=timeout,
                    auth=False,
                ),
            ),
        )


class AsyncAuthWithRawResponse:
    """`client.auth.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncAuth) -> None:
        self.create_token = async_to_raw_response(resource.create_token)

