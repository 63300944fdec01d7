"""`apigen fetch [SERVICE...]`: download the doc pages listed in specs/sources/<service>/sources.yaml."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.errors import ApigenError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("services", nargs="*", metavar="SERVICE",
                        help="services to fetch (default: every one with a sources.yaml)")
    parser.add_argument("--root", type=Path, default=None, metavar="DIR", help="project folder (default: found from cwd)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per request (default: 20)")


def run(args: argparse.Namespace) -> int:
    from generator.config import find_root
    from generator.regen.fetch import SOURCES_FILE, fetch_service, services_with_sources, summary

    root = (args.root or find_root()).resolve()
    sources_dir = root / "specs" / "sources"
    names = args.services or services_with_sources(sources_dir)
    if not names:
        print(f"apigen fetch: no specs/sources/<service>/{SOURCES_FILE} to fetch from")
        return 0
    for name in names:
        if not (sources_dir / name / SOURCES_FILE).is_file():
            raise ApigenError(f"service {name!r} lists no pages (create {SOURCES_FILE})",
                              file=sources_dir / name / SOURCES_FILE)
    results = []
    for name in names:
        results += fetch_service(sources_dir, name, timeout=args.timeout)
    for result in results:
        print(result.line(), file=sys.stderr if result.outcome == "failed" else sys.stdout)
    counts = summary(results)
    text = ", ".join(f"{counts[k]} {k}" for k in ("new", "changed", "unchanged", "failed") if k in counts)
    print(f"apigen fetch: {text or 'nothing fetched'}")
    if counts.get("new") or counts.get("changed"):
        print("run `apigen build` to regenerate, `apigen diff --rev HEAD` to review the API changes")
    return 1 if counts.get("failed") else 0
