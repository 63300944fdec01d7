"""Webhook deliveries parsed into the typed events the spec documents (`client.webhooks.unwrap(body)`).

A webhook is a request the API sends to the user's server, so nothing here does I/O: the user's web
framework receives the body, and `unwrap` turns it into one of the spec's event models, the way
openai-python's `client.webhooks.unwrap` does. How a delivery is signed differs from service to service and
an OpenAPI document does not say, so checking the signature stays with the caller.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Generic, TypeVar

import pydantic

__all__ = ["WebhookPayloadError", "Webhooks"]

EventT = TypeVar("EventT")


class WebhookPayloadError(ValueError):
    """A delivery whose body is not JSON, or matches none of the documented events."""


class Webhooks(Generic[EventT]):
    """The webhooks of one API: `unwrap` parses a delivery's body into its typed event.

    `event_type` is the union of the event models (a discriminated union when every event names its kind in
    one field, so a delivery is matched by that field and an error names the event that failed).
    """

    def __init__(self, event_type: Any, names: tuple[str, ...]) -> None:
        self._event_type = event_type
        self._adapter: pydantic.TypeAdapter[EventT] | None = None
        self.names = names
        """The webhooks the spec documents, by their names in its `webhooks` section."""

    def unwrap(self, payload: str | bytes | bytearray | Mapping[str, Any]) -> EventT:
        """The event a delivery carries: `payload` is the request body as received (text or bytes) or
        already decoded JSON. Raises `WebhookPayloadError` when it is not JSON or not a documented event."""
        if isinstance(payload, (str, bytes, bytearray)):
            try:
                data: Any = json.loads(payload)
            except ValueError as error:
                raise WebhookPayloadError(f"webhook body is not JSON: {error}") from None
        else:
            data = payload
        if self._adapter is None:  # built on first use: a large union costs milliseconds to compile
            self._adapter = pydantic.TypeAdapter(self._event_type)
        try:
            return self._adapter.validate_python(data)
        except pydantic.ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "body"
            raise WebhookPayloadError(
                f"webhook body is not a documented event ({error.error_count()} problems; "
                f"first at {where}: {first['msg']})") from None

    def __repr__(self) -> str:
        return f"Webhooks({', '.join(self.names)})"
