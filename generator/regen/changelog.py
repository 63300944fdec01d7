"""Presenting API changes: the `apigen diff` report (Markdown or JSON) and CHANGELOG.md entries.

No dates or clocks: a changelog entry depends only on the two specs and the version, so builds stay
byte-for-byte reproducible.
"""

from __future__ import annotations

import json
from typing import Any

from generator.regen.spec_diff import ADDITION, BREAKING, CHANGE, Change

CHANGELOG_TITLE = "# Changelog\n"
_HEADINGS = {BREAKING: "Breaking changes", ADDITION: "Additions", CHANGE: "Other changes"}


def change_line(change: Change, sources: dict[str, str] | None = None) -> str:
    """`- **POST /v1/images** (`create_image`): request body field `size` removed (page `demo/images.md`)`"""
    if not change.operation:
        return f"- {change.message}"
    op_id = f" (`{change.operation_id}`)" if change.operation_id else ""
    page = (sources or {}).get(change.operation)
    shown = f" (page `{page}`)" if page else ""
    return f"- **{change.operation}**{op_id}: {change.message}{shown}"


def operation_sources(old: dict[str, Any], new: dict[str, Any]) -> dict[str, str]:
    """`POST /v1/images` -> the doc page (`x-source`) behind it: the new spec's page, else the old one's (an
    operation removed with its page), so a changelog entry says which page to look at."""
    from generator.core.walk import operations

    sources: dict[str, str] = {}
    for spec in (old, new):  # the new spec's pages win
        for path, method, operation, _ in operations(spec):
            if isinstance(operation.get("x-source"), str) and operation["x-source"]:
                sources[f"{method.upper()} {path}"] = operation["x-source"]
    return sources


def _sections(changes: list[Change], heading: str, sources: dict[str, str] | None = None) -> list[str]:
    lines: list[str] = []
    for level in (BREAKING, ADDITION, CHANGE):
        chosen = [c for c in changes if c.level == level]
        if chosen:
            lines += ["", f"{heading} {_HEADINGS[level]} ({len(chosen)})", ""]
            lines += [change_line(c, sources) for c in chosen]
    return lines


def markdown_report(changes: list[Change], old_name: str, new_name: str) -> str:
    """The `apigen diff` report."""
    breaking = sum(c.breaking for c in changes)
    lines = [f"# API changes: {old_name} -> {new_name}", ""]
    if not changes:
        lines.append("No API changes.")
    else:
        lines.append(f"{len(changes)} change(s), {breaking} breaking.")
        lines += _sections(changes, "##")
    return "\n".join(lines) + "\n"


def json_report(changes: list[Change], old_name: str, new_name: str) -> str:
    """The `apigen diff --format json` report: stable keys, one object per change."""
    data = {
        "old": old_name,
        "new": new_name,
        "breaking": any(c.breaking for c in changes),
        "counts": {level: sum(c.level == level for c in changes) for level in (BREAKING, ADDITION, CHANGE)},
        "changes": [c.as_dict() for c in changes],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def operation_count(spec: dict[str, Any]) -> int:
    """How many operations a spec has (what "Initial release: N operation(s)" counts; not the number of
    changes against an empty spec, which also counts auth and server entries)."""
    from generator.core.walk import operations

    return len(list(operations(spec)))


def changelog_entry(version: str, changes: list[Change], level: str, initial: bool = False,
                    operations: int = 0, sources: dict[str, str] | None = None) -> str:
    """One `## VERSION` section of CHANGELOG.md; `sources` (see operation_sources) names each change's page."""
    lines = [f"## {version}", ""]
    if initial:
        lines.append(f"Initial release: {operations} operation{'' if operations == 1 else 's'}.")
    elif not changes:
        lines.append("Spec changed without API changes (descriptions, examples or metadata).")
    else:
        lines.append(f"{level.capitalize()} release: {len(changes)} API change(s), "
                     f"{sum(c.breaking for c in changes)} breaking.")
        lines += _sections(changes, "###", sources)
    return "\n".join(lines) + "\n"


def prepend_entry(existing: str | None, entry: str) -> str:
    """CHANGELOG.md with `entry` as its newest section (right under the title)."""
    if not existing or not existing.strip():
        return f"{CHANGELOG_TITLE}\n{entry}"
    if existing.startswith(CHANGELOG_TITLE):
        rest = existing[len(CHANGELOG_TITLE):].lstrip("\n")
        return f"{CHANGELOG_TITLE}\n{entry}\n{rest}" if rest else f"{CHANGELOG_TITLE}\n{entry}"
    return f"{CHANGELOG_TITLE}\n{entry}\n{existing}"
