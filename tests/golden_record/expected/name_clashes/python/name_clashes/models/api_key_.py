"""Models of `client.api_key_` in the Clashes: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from .._model import Model


class ApiKeyShowResponse(Model):
    key: str | None = None
    """
    The key in use.
    """

