"""Models of the Transport that no operation uses: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from typing import Any, Literal

from .._model import Model


class Event(Model):
    type: Literal['created', 'deleted']
    data: dict[str, Any] | None = None


class QueueLog(Model):
    """
    One log line of a running request.
    """
    message: str
    level: Literal['STDERR', 'STDOUT', 'ERROR', 'INFO', 'WARN', 'DEBUG'] | None = None
    source: str | None = None
    timestamp: str | None = None
    """
    ISO 8601 time of the line.
    """


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


class ErrorResponseError(Model):
    message: str
    """
    What went wrong.
    """
    type: str | None = None
    """
    Error category (`invalid_request_error`).
    """
    param: str | None = None
    """
    The parameter at fault, if any.
    """
    code: str | None = None
    """
    Machine-readable error code.
    """


class HTTPValidationError(Model):
    """
    An error, as fal answers it: what is wrong, and where.
    """
    detail: list[HTTPValidationErrorDetailItem]


class ErrorResponse(Model):
    """
    An error, as OpenAI-compatible APIs answer it.
    """
    error: ErrorResponseError

