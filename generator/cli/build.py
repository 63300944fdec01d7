"""`apigen build [SERVICE...]`: regenerate specs/ and generated/ from specs/sources/ (incremental)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("services", nargs="*", metavar="SERVICE", help="services to build (default: all)")
    parser.add_argument("--root", type=Path, default=None, metavar="DIR", help="project folder (default: found from cwd)")
    parser.add_argument("--templates", type=Path, default=None, metavar="DIR", help="folder overriding templates by name")
    parser.add_argument("--force", action="store_true",
                        help="rebuild every service even when its manifest says it is up to date")
    parser.add_argument("--strict", action="store_true",
                        help="fail when ingest had to salvage or skip anything a page says (warnings become errors), "
                             "and read spec files as written (no repair, no dropped operation)")


def describe(output: object) -> str:
    """One line per service: what happened and, when the API changed, how the version moved."""
    from generator.build import ServiceOutput

    assert isinstance(output, ServiceOutput)
    if output.skipped:
        return f"{output.name}: up to date"
    if output.level == "initial":
        return f"built {output.name} {output.version} (initial changelog entry)"
    if output.changes is None:
        return f"built {output.name} {output.version}"
    if not output.changes:
        return f"built {output.name} {output.version} ({output.level} bump: spec changed without API changes)"
    breaking = sum(c.breaking for c in output.changes)
    return (f"built {output.name} {output.version} ({output.level} bump: {len(output.changes)} API change(s), "
            f"{breaking} breaking; see generated/{output.name}/CHANGELOG.md)")


def run(args: argparse.Namespace) -> int:
    from generator.build import build
    from generator.config import load_config

    config = load_config(args.root, templates=args.templates)
    outputs = build(config, args.services or None, force=args.force, strict=args.strict)
    if not outputs and not args.services:
        print("apigen build: no services yet: put doc pages in specs/sources/<service>/ (or an OpenAPI document "
              "at specs/<service>.yaml)")
    for output in outputs:
        for warning in output.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(describe(output))
    return 0
