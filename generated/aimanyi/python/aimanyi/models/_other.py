"""Models of the aimanyi that no operation uses: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

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


class HTTPValidationError(Model):
    """
    An error, as fal answers it: what is wrong, and where.
    """
    detail: list[HTTPValidationErrorDetailItem]

