"""Models of the Shapes that no operation uses: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from pydantic import Field, RootModel

from .._model import Model


class Text(RootModel[str]):
    root: str


class Uuid(RootModel[str]):
    root: str


class Identifier(RootModel[Uuid]):
    root: Uuid
    """
    The pet's id.
    """


class PageSize(RootModel[int]):
    root: int = Field(20, ge=1, le=100)


class Tags(RootModel[list[str]]):
    root: list[str]


class Problem(Model):
    title: str | None = None
    status: int | None = None
    errors: dict[str, list[str]] | None = None


class Problem2(Model):
    """
    An error as RFC 7807 problem details.
    """
    type: str
    """
    A URI naming the problem type (`about:blank`).
    """
    title: str
    """
    Short summary of the problem type.
    """
    status: int
    """
    The HTTP status code.
    """
    detail: str | None = None
    """
    What went wrong in this request.
    """

