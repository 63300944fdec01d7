"""Models of `client.resource_00d4cbaf` in the 文本 "Text" API \\ {{ title }} 🎉: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from pydantic import Field

from .._model import Model


class Reply(Model):
    text: str | None = Field(None, examples=['""" {{ x }} \\ 🎉'])
    tokens: int | None = None

