"""`apigen generate SPEC --out DIR [--target python|docs|mock|all]`: render any OpenAPI document."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("spec", type=Path, metavar="SPEC")
    parser.add_argument("--out", type=Path, required=True, help="output folder (one subfolder per target)")
    parser.add_argument("--target", choices=["python", "docs", "mock", "all"], default="all")
    parser.add_argument("--service", default=None, help="service name (default: the spec file's stem)")
    parser.add_argument("--package", default=None, help="import name of the SDK package")
    parser.add_argument("--templates", type=Path, default=None, help="folder overriding templates by name")


def run(args: argparse.Namespace) -> int:
    import shutil
    import tempfile
    from dataclasses import replace

    from generator.config import ALL_TARGETS, load_config
    from generator.render import RenderContext, renderer
    from generator.spec import load_spec

    spec = load_spec(args.spec)
    name = args.service or args.spec.stem
    targets = ALL_TARGETS if args.target == "all" else (args.target,)
    # apigen.yaml (found from the current folder up) gives the templates folder and the service's options;
    # command-line options win.
    config = load_config(templates=args.templates)
    service = config.service(name)
    service = replace(service, package=args.package or service.package, targets=targets)
    context = RenderContext(service=service, templates_override=config.templates_override)
    args.out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".apigen-generate-", dir=args.out))
    try:
        for target in targets:
            renderer(target)(spec, context, staging / target)
        for target in targets:
            dest = args.out / target
            if dest.exists():
                shutil.rmtree(dest)
            (staging / target).rename(dest)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"generated {', '.join(targets)} for {name} in {args.out}")
    return 0
