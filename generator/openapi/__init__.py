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
    spec, warnings, _ = _prepare(spec, source, strict)
    return spec, warnings


def _prepare(spec: dict[str, Any], source: str, strict: bool) -> tuple[dict[str, Any], list[str], bool]:
    """`prepare`, and whether the result is already known valid: the lenient path checks the normalized spec
    (compiled engine) to decide whether to prune, and a clean check need not be repeated."""
    from generator.openapi.normalize import normalize
    from generator.openapi.prune import prune
    from generator.openapi.repair import repair
    from generator.openapi.validate import spec_problems

    if strict:
        return normalize(spec, copy=False), [], False
    warnings = repair(spec, source)
    spec = normalize(spec, copy=False)
    if not spec_problems(spec, engine="compiled"):
        return spec, warnings, True
    warnings += prune(spec, source)
    spec = normalize(spec, copy=False)  # tags back in step with the operations left
    return spec, warnings, False


def load_spec(path: Path, strict: bool = False, warnings: list[str] | None = None) -> dict[str, Any]:
    """Load any OpenAPI 3.0/3.1 or Swagger 2.0 document (YAML or JSON), as a validated, normalized 3.1 dict.

    Repairs and drops are appended to `warnings`, or printed on stderr (`warning: ...`) when none is given.
    """
    from generator.openapi.io import load_document
    from generator.openapi.upgrade import to_openapi31
    from generator.openapi.validate import spec_problems, validate_spec

    spec, found, valid = _prepare(to_openapi31(load_document(path), source=str(path)), str(path), strict)
    # Read leniently, the compiled engine's verdict (jsonschema-rs, milliseconds) is enough: openapi-spec-validator
    # takes over half a second to import alone, longer than the rest of a small document's loading, and
    # finds more only in the `format` of a default (`date` on "yesterday"), which renders all the same. Only
    # a spec the compiled engine finds invalid goes through `validate_spec`, which words the error as
    # before; `strict` keeps openapi-spec-validator's verdict on documents of ordinary size.
    if strict or (not valid and spec_problems(spec, engine="compiled")):
        validate_spec(spec, source=str(path))
    if warnings is None:
        for line in found:
            print(f"warning: {line}", file=sys.stderr)
    else:
        warnings.extend(found)
    return spec
