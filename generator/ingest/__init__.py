"""Ingest: doc pages in any known layout -> one OpenAPI 3.1 spec dict (not yet normalized).

`ingest_pages` is the only entry point other stages use. Each page goes through `read_page`: a whole
embedded OpenAPI/Swagger document is taken as it is; otherwise the page text (method/path lines, curl,
JSON examples) gives the endpoint and a field layout (Apifox dump, line listing, table) its fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import ApigenError


@dataclass
class IngestResult:
    """The spec read from a set of pages, and what could not be read (one line each)."""

    spec: dict[str, Any]
    warnings: list[str] = field(default_factory=list)


def _display(path: Path, base: Path | None) -> str:
    if base is not None:
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            pass
    return str(path)


def ingest_pages(pages: list[Path], service: str | None = None, base: Path | None = None) -> IngestResult:
    """Read every page, detect its layout, merge the operations into one spec.

    `base`, when given, is the folder page names are reported relative to (in `x-source` and messages).
    Raises ApigenError (naming the file, and line where known) on unreadable input or no endpoint found.
    """
    from generator.ingest.assemble import merge_specs
    from generator.ingest.read import read_page

    if not pages:
        raise ApigenError("no pages given")
    warnings: list[str] = []
    partials = []
    for path in pages:
        name = _display(path, base)
        partial, page_warnings = read_page(path, name, shown=str(path))
        partials.append((str(path), partial))
        warnings.extend(page_warnings)
    spec = merge_specs(partials)
    title = service or next((p["info"].get("title") for _, p in partials if (p.get("info") or {}).get("title")),
                            None) or pages[0].stem
    spec["info"] = {**spec.get("info", {}), "title": str(title), "version": str(spec["info"].get("version")
                                                                                  or "1.0.0")}
    return IngestResult(spec=spec, warnings=warnings)


_TEMPLATE = re.compile(r"(?:/(?:[^{}/]|\{[^{}/]+\})*)+|/")


def settle(spec: dict[str, Any], source: str, strict: bool = False) -> tuple[dict[str, Any], list[str]]:
    """The ingested spec normalized and made valid, with a warning for each thing changed on the way.

    A page is never rejected for what ingest built from it: a path that is no valid template (a brace the
    page left open) drops its operations, and a spec the validator still finds invalid is repaired and
    pruned the way a third-party document is (`generator.openapi.prepare`); a valid one is left as it is.
    `strict` keeps every problem an error.
    """
    from generator.openapi import prepare
    from generator.openapi.normalize import normalize
    from generator.openapi.validate import spec_problems

    warnings: list[str] = []
    paths = spec.get("paths") or {}
    for path in [p for p in paths if isinstance(p, str) and not _TEMPLATE.fullmatch(p)]:
        if strict:
            raise ApigenError(f"path {path!r} is not a valid path template", file=source)
        del paths[path]
        warnings.append(f"{source}: path {path!r} is not a valid path template (unbalanced braces); its "
                        f"operations dropped")
    spec = normalize(spec)
    if strict or not spec_problems(spec, engine="compiled") or not spec_problems(spec, engine="reference"):
        # valid (the compiled engine's stricter reading of defaults is overruled by the reference one, as in
        # `build.check_spec`): the spec keeps every fact the pages state, headers and defaults too
        return spec, warnings
    spec, found = prepare(spec, source, strict)
    return spec, warnings + found
