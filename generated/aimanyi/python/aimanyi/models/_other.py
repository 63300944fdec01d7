"""Models of the aimanyi that no operation uses: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from .._model import Model


class HTTPValidationErrorDetailItem(Model):
    loc: list[str | int]
    """
    Where: `body`, `query`, `path` or `header`, then the field.
    """
    msg: str
    """
    What is wrong.
    """
    type: str
    """
    Machine-readable error type.
    """


class Flux1DevImageToImageSubmitResponse(Model):
    status: str | None = None
    request_id: str | None = None
    response_url: str | None = None
    status_url: str | None = None
    cancel_url: str | None = None
    logs: None = Field(None)
    metrics: dict[str, Any] | None = None
    queue_position: float | None = None


class HTTPValidationError(Model):
    """
    An error, as fal answers it: what is wrong, and where.
    """
    detail: list[HTTPValidationErrorDetailItem]

