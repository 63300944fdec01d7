"""Helpers: write a page of our own wording to a temp file and ingest it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.ingest import ingest_pages


@pytest.fixture
def ingest(tmp_path: Path) -> Callable[[str], dict[str, Any]]:
    def run(text: str, name: str = "page.txt") -> dict[str, Any]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return ingest_pages([path], base=tmp_path).spec

    return run


def only_operation(spec: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    [(path, item)] = spec["paths"].items()
    [(method, op)] = item.items()
    return path, method, op


def body_schema(op: dict[str, Any], media: str = "application/json") -> dict[str, Any]:
    return op["requestBody"]["content"][media]["schema"]


def body_example(op: dict[str, Any], media: str = "application/json") -> Any:
    return op["requestBody"]["content"][media].get("example")


def response_schema(op: dict[str, Any], status: str, media: str = "application/json") -> dict[str, Any]:
    return op["responses"][status]["content"][media]["schema"]
