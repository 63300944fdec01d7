"""`apigen generate SPEC --out DIR [--target python|docs|mock|all]`: render any OpenAPI document."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# A document of this many bytes or more gets one worker per core for its models (GitHub's is 13 MB; an AWS
# document of 300 operations and schemas, from which the renderer would work in parallel, about 200 kB).
LARGE_DOCUMENT = 200_000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("spec", type=Path, metavar="SPEC",
                        help="an OpenAPI 3.0/3.1 or Swagger 2.0 document (YAML or JSON)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder (one subfolder per target)")
    parser.add_argument("--target", choices=["python", "docs", "mock", "all"], default="all",
                        help="what to render: the Python SDK, reference docs, the mock server, or all (default)")
    parser.add_argument("--service", default=None, help="service name (default: the spec file's stem)")
    parser.add_argument("--package", default=None, help="import name of the SDK package")
    parser.add_argument("--templates", type=Path, default=None, metavar="DIR", help="folder overriding templates by name")
    parser.add_argument("--strict", action="store_true",
                        help="read the document exactly as written: no repair, no dropped operation; the first "
                             "problem is an error")


def _as_path(path: Path) -> str:
    """A folder for `pip install`: pip takes `name/python` for a requirement name, `./name/python` not."""
    text = path.as_posix()
    return text if path.is_absolute() or text.startswith(("./", "../")) else f"./{text}"


def run(args: argparse.Namespace) -> int:
    from generator.config import ALL_TARGETS
    from generator.core.workers import warm_pool

    targets = ALL_TARGETS if args.target == "all" else (args.target,)
    if "python" not in targets:
        return _generate(args, targets)
    # Workers importing datamodel-code-generator from now on, while this process reads the spec: one for a
    # document of ordinary size, one per core for a large one (its models are generated in parallel).
    try:
        large = args.spec.stat().st_size >= LARGE_DOCUMENT
    except OSError:
        large = False  # reported by load_spec
    with warm_pool(4 if large else 1, _import_generator):
        return _generate(args, targets)


def _import_generator() -> None:
    from generator.render.python.datamodel import import_generator

    import_generator()


def _generate(args: argparse.Namespace, targets: tuple[str, ...]) -> int:
    import shutil
    import tempfile
    from dataclasses import replace

    from generator.config import load_config
    from generator.openapi import load_spec
    from generator.render import Commands, RenderContext, renderer

    warnings: list[str] = []
    spec = load_spec(args.spec, strict=args.strict, warnings=warnings)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    name = args.service or args.spec.stem
    # apigen.yaml (found from the current folder up) gives the templates folder and the service's options;
    # command-line options win.
    config = load_config(templates=args.templates)
    service = config.service(name)
    service = replace(service, package=args.package or service.package, targets=targets)
    # Commands the docs print name what this run wrote, as typed here (they work from this folder).
    commands = Commands(mock=str(args.spec), sdk=_as_path(args.out / "python"),
                        cwd="from the folder `apigen generate` ran in")
    context = RenderContext(service=service, templates_override=config.templates_override, commands=commands)
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
