"""`client.trees`: 1 operation of the Shapes."""

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
    async_to_raw_response,
    header_params,
    json_body,
    query_params,
    to_raw_response,
)
from ..models.trees import Node


class Trees(SyncResource):
    """Operations of `client.trees`."""

    @cached_property
    def with_raw_response(self) -> TreesWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return TreesWithRawResponse(self)

    def replace_tree(
        self,
        *,
        value: int,
        children: list[Node] | NotGiven = NOT_GIVEN,
        parent: Node | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> Node:
        """`PUT /trees`

        Args:
            value: Sent as `value` in the JSON body.
            children: Sent as `children` in the JSON body.
            parent: Sent as `parent` in the JSON body.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            extra_body: Fields to add to the request body (they win over the arguments above).
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "Node",
            self._client.request(
                RequestOptions(
                    method="PUT",
                    path="/trees",
                    cast_to=Node,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({
                        "value": value,
                        "children": children,
                        "parent": parent,
                    }, extra_body),
                    timeout=timeout,
                ),
            ),
        )


class TreesWithRawResponse:
    """`client.trees.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: Trees) -> None:
        self.replace_tree = to_raw_response(resource.replace_tree)


class AsyncTrees(AsyncResource):
    """Operations of `client.trees` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncTreesWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncTreesWithRawResponse(self)

    async def replace_tree(
        self,
        *,
        value: int,
        children: list[Node] | NotGiven = NOT_GIVEN,
        parent: Node | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> Node:
        """`PUT /trees`

        Args:
            value: Sent as `value` in the JSON body.
            children: Sent as `children` in the JSON body.
            parent: Sent as `parent` in the JSON body.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            extra_body: Fields to add to the request body (they win over the arguments above).
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "Node",
            await self._client.request(
                RequestOptions(
                    method="PUT",
                    path="/trees",
                    cast_to=Node,
                    response="json",
                    params=query_params({}, extra_query),
                    headers=header_params({}, extra_headers),
                    json=json_body({
                        "value": value,
                        "children": children,
                        "parent": parent,
                    }, extra_body),
                    timeout=timeout,
                ),
            ),
        )


class AsyncTreesWithRawResponse:
    """`client.trees.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncTrees) -> None:
        self.replace_tree = async_to_raw_response(resource.replace_tree)

