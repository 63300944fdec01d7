"""Models of `client.auth` in the Transport: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from .._model import Model


class AuthCreateTokenResponse(Model):
    access_token: str
    expires_in: int | None = None

