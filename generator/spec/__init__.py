"""The normalized spec: loading, upgrading to OpenAPI 3.1, normalizing, validating and dumping.

Renderers call `load_spec(path)` and get a validated OpenAPI 3.1 dict; nothing else of this package.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def load_spec(path: Path) -> dict[str, Any]:
    """Load any OpenAPI 3.0/3.1 or Swagger 2.0 document (YAML or JSON), as a validated, normalized 3.1 dict."""
    from generator.spec.io import load_document
    from generator.spec.normalize import normalize
    from generator.spec.upgrade import to_openapi31
    from generator.spec.validate import validate_spec

    spec = normalize(to_openapi31(load_document(path), source=str(path)), copy=False)  # a fresh copy already
    validate_spec(spec, source=str(path))
    return spec
