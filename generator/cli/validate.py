"""`apigen validate SPEC...`: validate OpenAPI documents (3.0/3.1, or Swagger 2.0 after conversion)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("specs", nargs="+", type=Path, metavar="SPEC")


def run(args: argparse.Namespace) -> int:
    from generator.errors import ApigenError
    from generator.spec import load_spec

    failed = 0
    for path in args.specs:
        try:
            load_spec(path)
        except ApigenError as error:
            print(f"apigen validate: error: {error}", file=sys.stderr)
            failed += 1
        else:
            print(f"{path}: valid")
    return 1 if failed else 0
