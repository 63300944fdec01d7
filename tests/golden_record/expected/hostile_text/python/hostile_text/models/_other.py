"""Models of the 文本 "Text" API \\ {{ title }} 🎉 that no operation uses: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .._model import Model


class Message(Model):
    """
    A message whose docstring tries \"\"\" to escape \\ and {{ x }}
    """
    内容: str
    """
    正文 ends with a quote"
    """
    field_: bool | None = Field(None, alias='🎉')
    """
    \u202ereversed\u202c text
    """
    role: Literal['用户', 'a"b', 'c\\d', '{{ x }}'] | None = '用户'
    field_2nd: int | None = Field(None, alias='2nd')
    note: str | None = Field(None, examples=['a """ b \\ {{ x }} \u202ec\u202c'])


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

