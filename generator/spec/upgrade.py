"""Upgrade Swagger 2.0 and OpenAPI 3.0 documents to OpenAPI 3.1 (placeholder: 3.1 passes through)."""

from __future__ import annotations

from typing import Any


def to_openapi31(doc: dict[str, Any], source: str) -> dict[str, Any]:
    return doc
