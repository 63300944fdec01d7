"""`apigen build [SERVICE...]`: regenerate specs/ and generated/ from specs/sources/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("services", nargs="*", metavar="SERVICE", help="services to build (default: all)")
    parser.add_argument("--root", type=Path, default=None, help="project folder (default: found from cwd)")
    parser.add_argument("--templates", type=Path, default=None, help="folder overriding templates by name")


def run(args: argparse.Namespace) -> int:
    from generator.build import build
    from generator.config import load_config

    config = load_config(args.root, templates=args.templates)
    outputs = build(config, args.services or None)
    for output in outputs:
        for warning in output.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(f"built {output.name}")
    return 0
