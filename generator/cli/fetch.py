"""`apigen fetch [SERVICE...]`: download the doc pages and sites named in specs/sources/<service>/sources.yaml."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from generator.errors import ApigenError

LIMIT_FLAGS = ("concurrency", "delay", "max_pages", "max_page_bytes", "max_bytes", "time_budget", "crawl_depth")


def _size(text: str) -> int:
    from generator.regen.fetch_sources import parse_size

    size = parse_size(text)
    if size is None:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 8MiB, 500KB, 1000000)")
    return size


def _positive(kind: type) -> Any:
    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value < 0 or (kind is int and value < 1):
            raise argparse.ArgumentTypeError(f"must be {'at least 1' if kind is int else 'non-negative'}")
        return value

    return parse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("services", nargs="*", metavar="SERVICE",
                        help="services to fetch (default: every one with a sources.yaml)")
    parser.add_argument("--root", type=Path, default=None, metavar="DIR", help="project folder (default: found from cwd)")
    parser.add_argument("--dry-run", action="store_true",
                        help="download and list what would change; write nothing (pages, state)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also list unchanged pages and discovered pages without an endpoint")
    parser.add_argument("--timeout", type=_positive(float), default=20.0, help="seconds per request (default: 20)")
    parser.add_argument("--concurrency", type=_positive(int), help="requests at a time (default: 4)")
    parser.add_argument("--delay", type=_positive(float), help="seconds between requests to one host (default: 0.1)")
    parser.add_argument("--max-pages", type=_positive(int), help="discovered pages fetched per site (default: 1000)")
    parser.add_argument("--max-page-bytes", type=_size, help="largest decoded page (default: 8MiB)")
    parser.add_argument("--max-bytes", type=_size, help="all pages of the run together (default: 512MiB)")
    parser.add_argument("--time-budget", type=_positive(float), help="seconds for the whole run (default: 900)")
    parser.add_argument("--crawl-depth", type=int, help="link hops from a site's start page without llms.txt "
                                                         "or sitemap (default: 3)")


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from generator.config import find_root
    from generator.regen.download import Limits
    from generator.regen.fetch import (
        CHANGES,
        OUTCOMES,
        SOURCES_FILE,
        FetchRun,
        Progress,
        services_with_sources,
        summary,
    )
    from generator.regen.fetch_sources import read_sources

    root = (args.root or find_root()).resolve()
    sources_dir = root / "specs" / "sources"
    names = args.services or services_with_sources(sources_dir)
    if not names:
        print(f"apigen fetch: no specs/sources/<service>/{SOURCES_FILE} to fetch from")
        return 0
    for name in names:  # every sources.yaml is read before anything is fetched: a typo stops the run early
        if not (sources_dir / name / SOURCES_FILE).is_file():
            raise ApigenError(f"service {name!r} lists no pages (create {SOURCES_FILE})",
                              file=sources_dir / name / SOURCES_FILE)
        read_sources(sources_dir / name)
    given = {key: getattr(args, key) for key in LIMIT_FLAGS if getattr(args, key) is not None}
    fetch = FetchRun(replace(Limits(), timeout=args.timeout, **given), dry_run=args.dry_run, progress=Progress())
    fetch.overrides = set(given)
    results = []
    try:
        for name in names:
            results += fetch.service(sources_dir, name)
    finally:
        fetch.close()
    for result in results:
        if args.dry_run and result.outcome not in (*CHANGES, "failed", "deferred"):
            continue
        if result.quiet and not args.verbose:
            continue
        print(result.line(), file=sys.stderr if result.outcome in ("failed", "deferred") else sys.stdout)
    counts = summary(results)
    text = ", ".join(f"{counts[k]} {k}" for k in OUTCOMES if k in counts)
    if args.dry_run:
        print(f"apigen fetch --dry-run: {text or 'nothing fetched'}; nothing written")
    else:
        print(f"apigen fetch: {text or 'nothing fetched'}")
        if counts.get("new") or counts.get("changed") or counts.get("removed"):
            print("run `apigen build` to regenerate, `apigen diff --rev HEAD` to review the API changes")
    return 1 if counts.get("failed") or counts.get("deferred") else 0
