"""`_webhooks.py` as source: a delivery's body (text, bytes or decoded JSON) parsed into the event union,
discriminated or not, and one-line errors for a body that is not JSON or not a documented event."""

from __future__ import annotations

from typing import Annotated, Literal

import pytest
from pydantic import BaseModel, Field

from generator.runtime.python._webhooks import WebhookPayloadError, Webhooks


class Created(BaseModel):
    type: Literal["thing.created"]
    id: str


class Deleted(BaseModel):
    type: Literal["thing.deleted"]
    id: str
    reason: str | None = None


Event = Annotated[Created | Deleted, Field(discriminator="type")]


def test_a_body_in_any_form_becomes_its_event() -> None:
    hooks: Webhooks[Created | Deleted] = Webhooks(Event, ("created", "deleted"))
    for body in (b'{"type": "thing.deleted", "id": "t1", "reason": "spam"}',
                 '{"type": "thing.deleted", "id": "t1", "reason": "spam"}',
                 bytearray(b'{"type": "thing.deleted", "id": "t1", "reason": "spam"}'),
                 {"type": "thing.deleted", "id": "t1", "reason": "spam"}):
        event = hooks.unwrap(body)
        assert isinstance(event, Deleted)
        assert (event.id, event.reason) == ("t1", "spam")
    assert isinstance(hooks.unwrap(b'{"type": "thing.created", "id": "t2"}'), Created)


def test_a_plain_union_is_matched_by_shape() -> None:
    hooks: Webhooks[Created | Deleted] = Webhooks(Created | Deleted, ("created", "deleted"))
    assert isinstance(hooks.unwrap('{"type": "thing.created", "id": "t2"}'), Created)


def test_a_body_that_is_not_json_is_one_line_error() -> None:
    hooks: Webhooks[Created | Deleted] = Webhooks(Event, ("created", "deleted"))
    with pytest.raises(WebhookPayloadError, match=r"^webhook body is not JSON: ") as caught:
        hooks.unwrap(b"<html>")
    assert "\n" not in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_an_undocumented_event_names_where_it_failed() -> None:
    hooks: Webhooks[Created | Deleted] = Webhooks(Event, ("created", "deleted"))
    with pytest.raises(WebhookPayloadError) as caught:
        hooks.unwrap({"type": "thing.moved", "id": "t3"})
    assert "\n" not in str(caught.value) and "not a documented event" in str(caught.value)
    with pytest.raises(WebhookPayloadError, match=r"first at thing\.created\.id"):
        hooks.unwrap({"type": "thing.created"})  # the discriminator picked the model; its field is missing


def test_repr_names_the_webhooks() -> None:
    assert repr(Webhooks(Event, ("created", "deleted"))) == "Webhooks(created, deleted)"
