"""Models of `client.con_` in the Clashes: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from .._model import Model


class AnyModel(Model):
    value: Any | None = None


class FieldModel(Model):
    field: str | None = Field(None, alias='Field')
    any: AnyModel | None = Field(None, alias='Any')

