"""`client.pets`: 2 operations of the Shapes."""

from __future__ import annotations

from functools import cached_property
from typing import Literal, cast

from .._base import (
    NOT_GIVEN,
    AsyncResource,
    Body,
    Headers,
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
        limit: int = 20,
        kind: PetKind | Literal["cat", "dog", "bird-of-prey"] | None = None,
        tags: list[str] | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> PetPage:
        """GET /pets"""
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
        created: str | None = None,
        owner: Owner | None = None,
        nickname: str | int | None = None,
        priority: Literal[1, 2, 3] | None = None,
        version: Version | Literal["v2"] | None = None,
        tags: list[str] | None = None,
        labels: dict[str, str] | None = None,
        weight: float | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> Pet:
        """POST /pets

        Args:
            id: The pet's id.
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
        limit: int = 20,
        kind: PetKind | Literal["cat", "dog", "bird-of-prey"] | None = None,
        tags: list[str] | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> PetPage:
        """GET /pets"""
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
        created: str | None = None,
        owner: Owner | None = None,
        nickname: str | int | None = None,
        priority: Literal[1, 2, 3] | None = None,
        version: Version | Literal["v2"] | None = None,
        tags: list[str] | None = None,
        labels: dict[str, str] | None = None,
        weight: float | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> Pet:
        """POST /pets

        Args:
            id: The pet's id.
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

