"""Models of the Clashes used by several resources: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from pydantic import Field

from .._model import Model


class OptionalModel(Model):
    list: str | None = Field(None, alias='List')
    optional: str | None = Field(None, alias='Optional')

