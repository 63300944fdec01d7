"""The normalized spec: loading, upgrading to OpenAPI 3.1, repairing, normalizing, validating and dumping.

Renderers call `load_spec(path)` and get a validated OpenAPI 3.1 dict; nothing else of this package.

Documents apigen did not write are read leniently by default: what a reader can repair is repaired
(`repair.py`), what cannot be drops only the operation or component it touches (`prune.py`); each is one
warning line naming the file and a JSON pointer. `strict=True` reads the document exactly as written: the
first problem is an error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def prepare(spec: dict[str, Any], source: str, strict: bool = False) -> tuple[dict[str, Any], list[str]]:
    """An OpenAPI 3.1 dict (a fresh `to_openapi31` result, changed in place) repaired, pruned unless `strict`,
    and normalized; with the warnings. Not validated yet: the caller validates (see `load_spec`)."""
    from generator.openapi.normalize import normalize
    from generator.openapi.prune import prune
    from generator.openapi.repair import repair
    from generator.openapi.validate import spec_problems

    if strict:
        return normalize(spec, copy=False), []
    warnings = repair(spec, source)
    spec = normalize(spec, copy=False)
    if spec_problems(spec, engine="compiled"):
        warnings += prune(spec, source)
        spec = normalize(spec, copy=False)  # tags back in step with the operations left
    return spec, warnings


def load_spec(path: Path, strict: bool = False, warnings: list[str] | None = None) -> dict[str, Any]:
    """Load any OpenAPI 3.0/3.1 or Swagger 2.0 document (YAML or JSON), as a validated, normalized 3.1 dict.

    Repairs and drops are appended to `warnings`, or printed on stderr (`warning: ...`) when none is given.
    """
    from generator.openapi.io import load_document
    from generator.openapi.upgrade import to_openapi31
    from generator.openapi.validate import validate_spec

    spec, found = prepare(to_openapi31(load_document(path), source=str(path)), str(path), strict)
    validate_spec(spec, source=str(path))
    if warnings is None:
        for line in found:
            print(f"warning: {line}", file=sys.stderr)
    else:
        warnings.extend(found)
    return spec
