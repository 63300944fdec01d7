"""`apigen watch`: rebuild the affected service within a second of a save to specs/ or templates/."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=None, metavar="DIR", help="project folder (default: found from cwd)")
    parser.add_argument("--templates", type=Path, default=None, metavar="DIR", help="folder overriding templates by name")
    parser.add_argument("--max-builds", type=int, default=0, metavar="N",
                        help="stop after N rebuilds (default: watch until Ctrl-C)")


def run(args: argparse.Namespace) -> int:
    from generator.regen.watch import watch_project

    watch_project(args.root, templates=args.templates, max_builds=args.max_builds,
                  say=lambda line: print(line, flush=True))
    return 0
