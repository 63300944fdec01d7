"""Models of `client.lambda_` in the 文本 "Text" API \\ {{ title }} 🎉: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from pydantic import Field

from .._model import Model


class Def(Model):
    class_: str | None = Field(None, alias='class')
    yield_: str | None = Field(None, alias='yield')
    model_config_: str | None = Field(None, alias='model_config')
    base_model: str | None = Field(None, alias='BaseModel')
    field__init__: str | None = Field(None, alias='__init__')

