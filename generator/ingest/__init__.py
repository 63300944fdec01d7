"""Ingest: doc pages in any known layout -> one OpenAPI 3.1 spec dict (not yet normalized).

`ingest_pages` is the only entry point other stages use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class IngestResult:
    """The spec read from a set of pages, and what could not be read (one line each)."""

    spec: dict[str, Any]
    warnings: list[str] = field(default_factory=list)


def ingest_pages(pages: list[Path], service: str | None = None, base: Path | None = None) -> IngestResult:
    """Read every page, detect its layout, merge the operations into one spec.

    `base`, when given, is the folder page names are reported relative to (in `x-source` and messages).
    Raises ApigenError (naming the file, and line where known) on unreadable input or no endpoint found.
    """
    raise NotImplementedError("ingest is being written")
