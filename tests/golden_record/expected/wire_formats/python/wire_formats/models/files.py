"""Models of `client.files` in the Transport: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from .._model import Model


class File(Model):
    id: str
    bytes: int
    purpose: str | None = None

