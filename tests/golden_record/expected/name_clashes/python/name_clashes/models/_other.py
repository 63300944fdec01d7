"""Models of the Clashes that no operation uses: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from pydantic import RootModel

from .._model import Model
from ._shared import OptionalModel


class Problem(Model):
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


class ListModel(RootModel[list[OptionalModel]]):
    root: list[OptionalModel]

