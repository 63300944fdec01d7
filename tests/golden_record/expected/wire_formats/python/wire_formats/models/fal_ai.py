"""Models of `client.fal_ai` in the Transport: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from typing import Literal

from .._model import Model


class QueueStatus(Model):
    status: Literal['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED']
    request_id: str
    response_url: str | None = None
    status_url: str | None = None
    cancel_url: str | None = None
    queue_position: int | None = None

