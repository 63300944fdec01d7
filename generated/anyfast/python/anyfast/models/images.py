"""Models of `client.images` in the anyfast: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from pydantic import Field

from .._model import Model


class Image(Model):
    url: str | None = None
    b64_json: str | None = None
    revised_prompt: str | None = None


class ImagesGenerateResponse(Model):
    created: int | None = Field(None, examples=[1773803391])
    """
    Unix 时间戳
    """
    data: list[Image] | None = None

