"""`apigen diff OLD NEW` or `apigen diff --rev REV [SERVICE...]`: API changelog, breaking changes flagged."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from generator.errors import ApigenError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("specs", nargs="*", metavar="SPEC",
                        help="OLD NEW spec files; with --rev: services to compare (default: all)")
    parser.add_argument("--rev", metavar="GITREV",
                        help="compare specs/*.yaml committed at GITREV with the working tree's")
    parser.add_argument("--root", type=Path, default=None, metavar="DIR", help="project folder (default: found from cwd)")
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown",
                        help="report format (default: markdown)")
    parser.add_argument("--fail-on-breaking", action="store_true", help="exit 1 when any change is breaking")


def _load_file(path: Path) -> dict[str, Any]:
    from generator.openapi.io import load_document
    from generator.openapi.upgrade import to_openapi31

    return to_openapi31(load_document(path), source=str(path))


def _load_text(text: str, source: str) -> dict[str, Any]:
    from generator.openapi.io import parse_text
    from generator.openapi.upgrade import to_openapi31

    data = parse_text(text, source) if text.strip() else {}
    if not isinstance(data, dict):
        raise ApigenError("expected a mapping (an OpenAPI document) at the top level", file=source)
    return to_openapi31(data, source=source) if data else {}


def pairs(args: argparse.Namespace) -> list[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """(old name, new name, old spec, new spec) for each comparison asked for."""
    if args.rev is None:
        if len(args.specs) != 2:
            raise ApigenError("give two spec files (OLD NEW), or --rev GITREV")
        old, new = Path(args.specs[0]), Path(args.specs[1])
        return [(str(old), str(new), _load_file(old), _load_file(new))]
    from generator.config import find_root
    from generator.regen.git_specs import committed_specs

    root = (args.root or find_root()).resolve()
    before = committed_specs(root, args.rev)
    now = {p.stem for p in (root / "specs").glob("*.yaml")}
    names = args.specs or sorted(set(before) | now)
    result = []
    for name in names:
        rel = f"specs/{name}.yaml"
        old_spec = _load_text(before.get(name, ""), f"{args.rev}:{rel}")
        path = root / rel
        new_spec = _load_file(path) if path.is_file() else {}
        if not old_spec and not new_spec:
            raise ApigenError(f"no spec named {name!r} at {args.rev} or in the working tree", file=path)
        result.append((f"{args.rev}:{rel}", rel, old_spec, new_spec))
    return result


def run(args: argparse.Namespace) -> int:
    from generator.regen.changelog import json_report, markdown_report
    from generator.regen.spec_diff import diff_specs

    any_breaking = False
    reports = []
    compared = pairs(args)
    if not compared:
        print("apigen diff: no specs under specs/ at that revision or in the working tree")
        return 0
    for old_name, new_name, old, new in compared:
        changes = diff_specs(old, new)
        any_breaking |= any(c.breaking for c in changes)
        report = json_report if args.format == "json" else markdown_report
        reports.append(report(changes, old_name, new_name))
    if args.format == "json" and len(reports) > 1:
        import json

        print(json.dumps([json.loads(r) for r in reports], indent=2, ensure_ascii=False))
    else:
        print("\n".join(reports), end="")
    return 1 if any_breaking and args.fail_on_breaking else 0
