"""`client.users`: 4 operations of the Clashes."""

from __future__ import annotations

from functools import cached_property
from typing import cast

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
    _path,
    async_to_raw_response,
    header_params,
    json_body,
    query_params,
    to_raw_response,
)
from ..models.users import ModelModel, User, User2, UserProfile, UserProfile2


class Users(SyncResource):
    """Operations of `client.users`."""

    @cached_property
    def with_raw_response(self) -> UsersWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return UsersWithRawResponse(self)

    def create(
        self,
        *,
        name: str | NotGiven = NOT_GIVEN,
        name_2: str | NotGiven = NOT_GIVEN,
        user_name: str | NotGiven = NOT_GIVEN,
        user_name_2: str | NotGiven = NOT_GIVEN,
        model: ModelModel | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> UserProfile2:
        """`POST /users`

        Args:
            name: Sent as the `name` query parameter.
            name_2: Sent as `name` in the JSON body.
            user_name: Sent as `userName` in the JSON body.
            user_name_2: Sent as `user_name` in the JSON body.
            model: Sent as `model` in the JSON body.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            extra_body: Fields to add to the request body (they win over the arguments above).
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "UserProfile2",
            self._client.request(
                RequestOptions(
                    method="POST",
                    path="/users",
                    cast_to=UserProfile2,
                    response="json",
                    params=query_params({"name": name}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({
                        "name": name_2,
                        "userName": user_name,
                        "user_name": user_name_2,
                        "model": model,
                    }, extra_body),
                    timeout=timeout,
                ),
            ),
        )

    def get_user(
        self,
        id: str,
        *,
        timeout_: int | NotGiven = NOT_GIVEN,
        extra_headers_: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> User:
        """`GET /users/{id}`

        Args:
            id: The `id` part of the path.
            timeout_: Sent as the `timeout` query parameter.
            extra_headers_: Sent as the `extra_headers` query parameter.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "User",
            self._client.request(
                RequestOptions(
                    method="GET",
                    path=f"/users/{_path(id)}",
                    cast_to=User,
                    response="json",
                    params=query_params({"timeout": timeout_, "extra_headers": extra_headers_}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )

    def get_user_2(
        self,
        id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> User2:
        """`GET /users/{id}/v2`

        Args:
            id: The `id` part of the path.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "User2",
            self._client.request(
                RequestOptions(
                    method="GET",
                    path=f"/users/{_path(id)}/v2",
                    cast_to=User2,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )

    def get_user_3(
        self,
        id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> UserProfile:
        """`GET /users/{id}/v3`

        Args:
            id: The `id` part of the path.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "UserProfile",
            self._client.request(
                RequestOptions(
                    method="GET",
                    path=f"/users/{_path(id)}/v3",
                    cast_to=UserProfile,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class UsersWithRawResponse:
    """`client.users.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: Users) -> None:
        self.create = to_raw_response(resource.create)
        self.get_user = to_raw_response(resource.get_user)
        self.get_user_2 = to_raw_response(resource.get_user_2)
        self.get_user_3 = to_raw_response(resource.get_user_3)


class AsyncUsers(AsyncResource):
    """Operations of `client.users` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncUsersWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncUsersWithRawResponse(self)

    async def create(
        self,
        *,
        name: str | NotGiven = NOT_GIVEN,
        name_2: str | NotGiven = NOT_GIVEN,
        user_name: str | NotGiven = NOT_GIVEN,
        user_name_2: str | NotGiven = NOT_GIVEN,
        model: ModelModel | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> UserProfile2:
        """`POST /users`

        Args:
            name: Sent as the `name` query parameter.
            name_2: Sent as `name` in the JSON body.
            user_name: Sent as `userName` in the JSON body.
            user_name_2: Sent as `user_name` in the JSON body.
            model: Sent as `model` in the JSON body.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            extra_body: Fields to add to the request body (they win over the arguments above).
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "UserProfile2",
            await self._client.request(
                RequestOptions(
                    method="POST",
                    path="/users",
                    cast_to=UserProfile2,
                    response="json",
                    params=query_params({"name": name}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({
                        "name": name_2,
                        "userName": user_name,
                        "user_name": user_name_2,
                        "model": model,
                    }, extra_body),
                    timeout=timeout,
                ),
            ),
        )

    async def get_user(
        self,
        id: str,
        *,
        timeout_: int | NotGiven = NOT_GIVEN,
        extra_headers_: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> User:
        """`GET /users/{id}`

        Args:
            id: The `id` part of the path.
            timeout_: Sent as the `timeout` query parameter.
            extra_headers_: Sent as the `extra_headers` query parameter.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "User",
            await self._client.request(
                RequestOptions(
                    method="GET",
                    path=f"/users/{_path(id)}",
                    cast_to=User,
                    response="json",
                    params=query_params({"timeout": timeout_, "extra_headers": extra_headers_}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )

    async def get_user_2(
        self,
        id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> User2:
        """`GET /users/{id}/v2`

        Args:
            id: The `id` part of the path.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "User2",
            await self._client.request(
                RequestOptions(
                    method="GET",
                    path=f"/users/{_path(id)}/v2",
                    cast_to=User2,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )

    async def get_user_3(
        self,
        id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> UserProfile:
        """`GET /users/{id}/v3`

        Args:
            id: The `id` part of the path.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "UserProfile",
            await self._client.request(
                RequestOptions(
                    method="GET",
                    path=f"/users/{_path(id)}/v3",
                    cast_to=UserProfile,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class AsyncUsersWithRawResponse:
    """`client.users.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncUsers) -> None:
        self.create = async_to_raw_response(resource.create)
        self.get_user = async_to_raw_response(resource.get_user)
        self.get_user_2 = async_to_raw_response(resource.get_user_2)
        self.get_user_3 = async_to_raw_response(resource.get_user_3)

