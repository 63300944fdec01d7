"""`apigen validate SPEC...`: validate OpenAPI documents (3.0/3.1, or Swagger 2.0 after conversion).

A document is checked twice: as written (after conversion to 3.1, before normalization could paper over
a gap such as a missing `info.version`), and in the normalized form every renderer reads.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("specs", nargs="+", type=Path, metavar="SPEC",
                        help="OpenAPI documents to check as written and as normalized")


def run(args: argparse.Namespace) -> int:
    from generator.errors import ApigenError
    from generator.spec import load_spec
    from generator.spec.io import load_document
    from generator.spec.upgrade import to_openapi31
    from generator.spec.validate import validate_spec

    failed = 0
    for path in args.specs:
        try:
            validate_spec(to_openapi31(load_document(path), source=str(path)), source=str(path), own=False)
            load_spec(path)
        except ApigenError as error:
            print(f"apigen validate: error: {error}", file=sys.stderr)
            failed += 1
        else:
            print(f"{path}: valid")
    return 1 if failed else 0
