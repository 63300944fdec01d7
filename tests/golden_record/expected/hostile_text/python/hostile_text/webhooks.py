"""Webhooks of the 文本 "Text" API \\ {{ title }} 🎉: the events the API posts to your server, as typed models.

Parse a delivery's body with `client.webhooks.unwrap(body)` (or `webhooks.unwrap(body)` from this
module); the result is one of the models in `WebhookEvent`. Checking the delivery's signature, where the API signs them, is up to you.
"""

from __future__ import annotations

from typing import TypeAlias

from . import _webhooks
from .models.webhooks import HookXBEvent

__all__ = ["WebhookEvent", "webhooks"]

WebhookEvent: TypeAlias = HookXBEvent
"""Every event the API documents:

- `事件 \"\"\" {{ hook }} | `x` <b>` (`HookXBEvent`): An event \"\"\" + str(2) + \"\"\" with a bidi \u202e mark
"""

webhooks: _webhooks.Webhooks[WebhookEvent] = _webhooks.Webhooks(WebhookEvent, (
    "事件 \"\"\" {{ hook }} | `x` <b>",
))
