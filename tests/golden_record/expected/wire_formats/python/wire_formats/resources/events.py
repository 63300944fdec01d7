"""`client.events`: 1 operation of the Transport."""

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
    async_to_raw_response,
    header_params,
    query_params,
    to_raw_response,
)


class Events(SyncResource):
    """Operations of `client.events`."""

    @cached_property
    def with_raw_response(self) -> EventsWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return EventsWithRawResponse(self)

    def stream_events(
        self,
        *,
        since: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> str:
        """`GET /events`

        Args:
            since: Sent as the `since` query parameter.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "str",
            self._client.request(
                RequestOptions(
                    method="GET",
                    path="/events",
                    cast_to=None,
                    response="text",
                    params=query_params({"since": since}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class EventsWithRawResponse:
    """`client.events.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: Events) -> None:
        self.stream_events = to_raw_response(resource.stream_events)


class AsyncEvents(AsyncResource):
    """Operations of `client.events` (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncEventsWithRawResponse:
        """The same methods, returning the raw response (status, headers, `.parse()`)."""
        return AsyncEventsWithRawResponse(self)

    async def stream_events(
        self,
        *,
        since: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout = NOT_GIVEN,
    ) -> str:
        """`GET /events`

        Args:
            since: Sent as the `since` query parameter.
            extra_headers: Headers to send beside the ones the client sets.
            extra_query: Query parameters to add to the request's.
            timeout: Seconds (or an `httpx.Timeout`) for this request, instead of the client's.
        """
        return cast(
            "str",
            await self._client.request(
                RequestOptions(
                    method="GET",
                    path="/events",
                    cast_to=None,
                    response="text",
                    params=query_params({"since": since}, extra_query),
                    headers=header_params({}, extra_headers),
                    timeout=timeout,
                ),
            ),
        )


class AsyncEventsWithRawResponse:
    """`client.events.with_raw_response`: each method returns an `APIResponse`."""

    def __init__(self, resource: AsyncEvents) -> None:
        self.stream_events = async_to_raw_response(resource.stream_events)

