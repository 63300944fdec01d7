"""Models of `client.fal_ai` in the uniapi: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from typing import Any

from .._model import Model


class FalAiSubmitResponse(Model):
    status: str
    request_id: str
    response_url: str
    status_url: str
    logs: None
    metrics: dict[str, Any]
    queue_position: int

