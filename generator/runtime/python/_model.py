"""Base class of the generated models.

Validation schemas are built on first use (`defer_build`), not at import: an API with hundreds of
models then imports in milliseconds and pays only for the models a program actually touches.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """A JSON object of the API; fields are reachable by Python name or by wire name (alias)."""

    model_config = ConfigDict(defer_build=True, populate_by_name=True)
