"""`client.lambda_`: 1 operation of the 文本 "Text" API \\ {{ title }} 🎉."""

from __future__ import annotations

from functools import cached_property
from typing import cast

from .._base import (
    NOT_GIVEN,
    AsyncResource,
    Headers,
    NotGiven,
    Query,
    RequestOptions,
    SyncResource,
    Timeout,
    _path,
    async_to_raw_response,
    header_params,
    query_params,
    to_raw_response,
)
from ..models.lambda_ import Def


class Lambda(SyncResource):
    """Operations of `client.lambda_`."""

    @cached_property
    def with_raw_response(self) -> LambdaWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return LambdaWithRawResponse(self)

    def import_(
        self,
        class_: str,
        *,
        from_: int | NotGiven = NOT_GIVEN,
        none: bool | NotGiven = NOT_GIVEN,
        self_: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> Def:
        """{% raw %}Keywords{% endraw %} as names

        Args:
            class_: The `class` part of the path.
            from_: Sent as the `from` query parameter.
            none: Sent as the `None` query parameter.
            self_: Sent as the `self` query parameter.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "Def",
            self._client.request(
                RequestOptions(
                    method="GET",
                    path=f"/keywords/{_path(class_)}",
                    cast_to=Def,
                    response="json",
                    params=query_params({
                        "from": from_,
                        "None": none,
                        "self": self_,
                    }, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class LambdaWithRawResponse:
    """`client.lambda_.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: Lambda) -> None:
        self.import_ = to_raw_response(resource.import_)


class AsyncLambda(AsyncResource):
    """Operations of `client.lambda_` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncLambdaWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncLambdaWithRawResponse(self)

    async def import_(
        self,
        class_: str,
        *,
        from_: int | NotGiven = NOT_GIVEN,
        none: bool | NotGiven = NOT_GIVEN,
        self_: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> Def:
        """{% raw %}Keywords{% endraw %} as names

        Args:
            class_: The `class` part of the path.
            from_: Sent as the `from` query parameter.
            none: Sent as the `None` query parameter.
            self_: Sent as the `self` query parameter.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "Def",
            await self._client.request(
                RequestOptions(
                    method="GET",
                    path=f"/keywords/{_path(class_)}",
                    cast_to=Def,
                    response="json",
                    params=query_params({
                        "from": from_,
                        "None": none,
                        "self": self_,
                    }, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class AsyncLambdaWithRawResponse:
    """`client.lambda_.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncLambda) -> None:
        self.import_ = async_to_raw_response(resource.import_)

