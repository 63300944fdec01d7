"""`apigen ingest PAGE... [-o SPEC.yaml] [--service NAME]`: doc pages to one OpenAPI 3.1 spec."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pages", nargs="+", type=Path, metavar="PAGE",
                        help="doc pages of one service (HTML text, Markdown, JSON/YAML; layout detected)")
    parser.add_argument("-o", "--output", type=Path, default=None, help="write here instead of stdout")
    parser.add_argument("--service", default=None, help="service name (default: from the page)")
    parser.add_argument("--strict", action="store_true",
                        help="treat every warning (salvaged example, skipped text) as an error")


def run(args: argparse.Namespace) -> int:
    from generator.ingest import ingest_pages, settle
    from generator.openapi.io import dump_spec
    from generator.openapi.validate import validate_spec

    result = ingest_pages(list(args.pages), service=args.service)
    source = ", ".join(str(p) for p in args.pages)
    spec, settled = settle(result.spec, source, strict=args.strict)
    for warning in result.warnings + settled:
        print(f"{'error' if args.strict else 'warning'}: {warning}", file=sys.stderr)
    if args.strict and result.warnings:
        return 1
    validate_spec(spec, source=source)
    text = dump_spec(spec)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_bytes(text.encode("utf-8"))
    return 0
