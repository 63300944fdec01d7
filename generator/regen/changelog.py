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


def change_line(change: Change) -> str:
    """`- **POST /v1/images** (`create_image`): request body field `size` removed`"""
    if not change.operation:
        return f"- {change.message}"
    op_id = f" (`{change.operation_id}`)" if change.operation_id else ""
    return f"- **{change.operation}**{op_id}: {change.message}"


def _sections(changes: list[Change], heading: str) -> list[str]:
    lines: list[str] = []
    for level in (BREAKING, ADDITION, CHANGE):
        chosen = [c for c in changes if c.level == level]
        if chosen:
            lines += ["", f"{heading} {_HEADINGS[level]} ({len(chosen)})", ""]
            lines += [change_line(c) for c in chosen]
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
    from generator.spec.walk import operations

    return len(list(operations(spec)))


def changelog_entry(version: str, changes: list[Change], level: str, initial: bool = False,
                    operations: int = 0) -> str:
    """One `## VERSION` section of CHANGELOG.md."""
    lines = [f"## {version}", ""]
    if initial:
        lines.append(f"Initial release: {operations} operation{'' if operations == 1 else 's'}.")
    elif not changes:
        lines.append("Spec changed without API changes (descriptions, examples or metadata).")
    else:
        lines.append(f"{level.capitalize()} release: {len(changes)} API change(s), "
                     f"{sum(c.breaking for c in changes)} breaking.")
        lines += _sections(changes, "###")
    return "\n".join(lines) + "\n"


def prepend_entry(existing: str | None, entry: str) -> str:
    """CHANGELOG.md with `entry` as its newest section (right under the title)."""
    if not existing or not existing.strip():
        return f"{CHANGELOG_TITLE}\n{entry}"
    if existing.startswith(CHANGELOG_TITLE):
        rest = existing[len(CHANGELOG_TITLE):].lstrip("\n")
        return f"{CHANGELOG_TITLE}\n{entry}\n{rest}" if rest else f"{CHANGELOG_TITLE}\n{entry}"
    return f"{CHANGELOG_TITLE}\n{entry}\n{existing}"
