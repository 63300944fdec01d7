"""Models of `client.queue` in the Transport: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from typing import Literal

from .._model import Model


class QueueCancelRequestResponse(Model):
    status: Literal['CANCELLATION_REQUESTED', 'ALREADY_COMPLETED'] | None = None

