"""Canonical form of a spec (placeholder)."""

from __future__ import annotations

from typing import Any


def normalize(spec: dict[str, Any]) -> dict[str, Any]:
    return spec
