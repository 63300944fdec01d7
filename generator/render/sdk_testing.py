"""The in-process testing helper shipped inside each generated SDK (placeholder until the mock lands)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.render import RenderContext


def render_testing(spec: dict[str, Any], context: RenderContext, package_dir: Path) -> None:
    """Write `<package>/testing.py` (and its fixtures) into the SDK package folder `package_dir`."""
