"""Models of the anyfast that no operation uses: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from .._model import Model


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


class ErrorResponse(Model):
    """
    An error, as OpenAI-compatible APIs answer it.
    """
    error: ErrorResponseError

