"""`apigen validate SPEC...`: validate OpenAPI documents (3.0/3.1, or Swagger 2.0 after conversion).

By default a document is read the way `apigen generate` reads it: what a reader can repair is repaired and
what cannot drops only the operation or component it touches, each a warning line; the document is valid
when what is left is. `--strict` checks it twice, as written (after conversion to 3.1, before normalization
could paper over a gap such as a missing `info.version`) and in the normalized form every renderer reads.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("specs", nargs="+", type=Path, metavar="SPEC",
                        help="OpenAPI documents to check as written and as normalized")
    parser.add_argument("--strict", action="store_true",
                        help="the document as written must be valid: no repair, no dropped operation")


def run(args: argparse.Namespace) -> int:
    from generator.errors import ApigenError
    from generator.openapi import load_spec
    from generator.openapi.io import load_document
    from generator.openapi.upgrade import to_openapi31
    from generator.openapi.validate import validate_spec

    failed = 0
    for path in args.specs:
        warnings: list[str] = []
        try:
            if args.strict:
                validate_spec(to_openapi31(load_document(path), source=str(path)), source=str(path), own=False)
            load_spec(path, strict=args.strict, warnings=warnings)
        except ApigenError as error:
            print(f"apigen validate: error: {error}", file=sys.stderr)
            failed += 1
        else:
            for warning in warnings:
                print(f"warning: {warning}", file=sys.stderr)
            note = f" after {len(warnings)} repairs or drops (warnings above)" if warnings else ""
            print(f"{path}: valid{note}")
    return 1 if failed else 0
