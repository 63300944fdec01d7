"""Models of `client.flux_1_dev_image_to_image` in the aimanyi: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from .._model import Model


class Flux1DevImageToImageSubmitResponse(Model):
    status: str | None = None
    request_id: str | None = None
    response_url: str | None = None
    status_url: str | None = None
    cancel_url: str | None = None
    logs: None = Field(None)
    metrics: dict[str, Any] | None = None
    queue_position: float | None = None

