"""`client.pets`: 2 operations of the Shapes."""

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
    header_params,
    json_body,
    query_params,
    to_raw_response,
)
from ..models.pets import Cat, Dog, Owner, Pet, PetKind, PetPage, Version


class Pets(SyncResource):
    """Operations of `client.pets`."""

    @cached_property
    def with_raw_response(self) -> PetsWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return PetsWithRawResponse(self)

    def list_pets(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        kind: PetKind | Literal["cat", "dog", "bird-of-prey"] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> PetPage:
        """`GET /pets`

        Args:
            limit: Defaults to `20` on the server.
            kind: Sent as the `kind` query parameter.
            tags: Sent as the `tags` query parameter.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "PetPage",
            self._client.request(
                RequestOptions(
                    method="GET",
                    path="/pets",
                    cast_to=PetPage,
                    response="json",
                    params=query_params({
                        "limit": limit,
                        "kind": kind,
                        "tags": tags,
                    }, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )

    def create_pet(
        self,
        *,
        id: str,
        name: str,
        details: Cat | Dog,
        created: str | NotGiven = NOT_GIVEN,
        owner: Owner | None | NotGiven = NOT_GIVEN,
        nickname: str | int | NotGiven = NOT_GIVEN,
        priority: Literal[1, 2, 3] | NotGiven = NOT_GIVEN,
        version: Version | Literal["v2"] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        labels: dict[str, str] | NotGiven = NOT_GIVEN,
        weight: float | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> Pet:
        """`POST /pets`

        Args:
            id: The pet's id.
            name: Sent as `name` in the JSON body.
            details: Sent as `details` in the JSON body.
            created: Sent as `created` in the JSON body.
            owner: Sent as `owner` in the JSON body.
            nickname: Sent as `nickname` in the JSON body.
            priority: Sent as `priority` in the JSON body.
            version: Sent as `version` in the JSON body.
            tags: Sent as `tags` in the JSON body.
            labels: Sent as `labels` in the JSON body.
            weight: Sent as `weight` in the JSON body.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            extra_body: Fields to add to the request body (they win over the arguments above).
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "Pet",
            self._client.request(
                RequestOptions(
                    method="POST",
                    path="/pets",
                    cast_to=Pet,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({
                        "id": id,
                        "name": name,
                        "details": details,
                        "created": created,
                        "owner": owner,
                        "nickname": nickname,
                        "priority": priority,
                        "version": version,
                        "tags": tags,
                        "labels": labels,
                        "weight": weight,
                    }, extra_body),
                    timeout=timeout,
                ),
            ),
        )


class PetsWithRawResponse:
    """`client.pets.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: Pets) -> None:
        self.list_pets = to_raw_response(resource.list_pets)
        self.create_pet = to_raw_response(resource.create_pet)


class AsyncPets(AsyncResource):
    """Operations of `client.pets` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncPetsWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncPetsWithRawResponse(self)

    async def list_pets(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        kind: PetKind | Literal["cat", "dog", "bird-of-prey"] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> PetPage:
        """`GET /pets`

        Args:
            limit: Defaults to `20` on the server.
            kind: Sent as the `kind` query parameter.
            tags: Sent as the `tags` query parameter.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "PetPage",
            await self._client.request(
                RequestOptions(
                    method="GET",
                    path="/pets",
                    cast_to=PetPage,
                    response="json",
                    params=query_params({
                        "limit": limit,
                        "kind": kind,
                        "tags": tags,
                    }, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )

    async def create_pet(
        self,
        *,
        id: str,
        name: str,
        details: Cat | Dog,
        created: str | NotGiven = NOT_GIVEN,
        owner: Owner | None | NotGiven = NOT_GIVEN,
        nickname: str | int | NotGiven = NOT_GIVEN,
        priority: Literal[1, 2, 3] | NotGiven = NOT_GIVEN,
        version: Version | Literal["v2"] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        labels: dict[str, str] | NotGiven = NOT_GIVEN,
        weight: float | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> Pet:
        """`POST /pets`

        Args:
            id: The pet's id.
            name: Sent as `name` in the JSON body.
            details: Sent as `details` in the JSON body.
            created: Sent as `created` in the JSON body.
            owner: Sent as `owner` in the JSON body.
            nickname: Sent as `nickname` in the JSON body.
            priority: Sent as `priority` in the JSON body.
            version: Sent as `version` in the JSON body.
            tags: Sent as `tags` in the JSON body.
            labels: Sent as `labels` in the JSON body.
            weight: Sent as `weight` in the JSON body.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            extra_body: Fields to add to the request body (they win over the arguments above).
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "Pet",
            await self._client.request(
                RequestOptions(
                    method="POST",
                    path="/pets",
                    cast_to=Pet,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({
                        "id": id,
                        "name": name,
                        "details": details,
                        "created": created,
                        "owner": owner,
                        "nickname": nickname,
                        "priority": priority,
                        "version": version,
                        "tags": tags,
                        "labels": labels,
                        "weight": weight,
                    }, extra_body),
                    timeout=timeout,
                ),
            ),
        )


class AsyncPetsWithRawResponse:
    """`client.pets.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncPets) -> None:
        self.list_pets = async_to_raw_response(resource.list_pets)
        self.create_pet = async_to_raw_response(resource.create_pet)

