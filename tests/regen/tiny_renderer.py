"""A small, deterministic stand-in renderer for build tests, independent of the real renderers' progress.

It writes what the build pipeline must get right (the version it was given, one file per operation, the
changelog it was handed) so the tests exercise manifests, swaps and bumps rather than template details.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def render(spec: dict[str, Any], context: Any, out: Path) -> None:
    service = context.service
    out.mkdir(parents=True, exist_ok=True)
    package = out / service.package
    package.mkdir(exist_ok=True)
    lines = [f'__version__ = "{service.version}"', ""]
    for path, item in sorted((spec.get("paths") or {}).items()):
        for method, op in sorted(item.items()):
            if isinstance(op, dict) and "operationId" in op:
                body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
                fields = sorted((body.get("properties") or {}).keys())
                lines.append(f"def {op['operationId']}({', '.join(fields)}):  # {method.upper()} {path}")
                lines.append("    ...")
    (package / "__init__.py").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "spec.json").write_text(json.dumps(spec, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    # A renderer writing into the user's custom folder must not win over the user's files.
    (package / "custom").mkdir(exist_ok=True)
    (package / "custom" / "renderer_wrote_this.txt").write_text("should never land\n", encoding="utf-8")
    if context.changelog:
        (out / "CHANGES.md").write_text(context.changelog, encoding="utf-8")
