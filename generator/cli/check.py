"""`apigen check`: exit 1 naming each file of specs/ or generated/ that a build would change."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("services", nargs="*", metavar="SERVICE", help="services to check (default: all)")
    parser.add_argument("--root", type=Path, default=None, help="project folder (default: found from cwd)")
    parser.add_argument("--templates", type=Path, default=None, help="folder overriding templates by name")


def _files(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def drift(root: Path, staging: Path, names: list[str], targets: dict[str, tuple[str, ...]],
          spec_names: set[str]) -> list[str]:
    """Relative paths that differ between the project and a staged build, with what is wrong."""
    problems: list[str] = []
    for name in names:
        if name in spec_names:
            rel = f"specs/{name}.yaml"
            have, want = root / rel, staging / rel
            if not have.is_file():
                problems.append(f"{rel}: missing")
            elif have.read_bytes() != want.read_bytes():
                problems.append(f"{rel}: out of date")
        for target in targets[name]:
            rel = f"generated/{name}/{target}"
            have_files, want_files = _files(root / rel), _files(staging / rel)
            for path in sorted(set(have_files) | set(want_files)):
                if path not in have_files:
                    problems.append(f"{rel}/{path}: missing")
                elif path not in want_files:
                    problems.append(f"{rel}/{path}: not produced by a build (stale)")
                elif have_files[path] != want_files[path]:
                    problems.append(f"{rel}/{path}: out of date")
    return problems


def run(args: argparse.Namespace) -> int:
    from generator.build import stage, staging_dir
    from generator.config import load_config

    config = load_config(args.root, templates=args.templates)
    names = args.services or config.service_names()
    with staging_dir(config) as staging:
        outputs = stage(config, names, staging)
        spec_names = {o.name for o in outputs if o.spec_text is not None}
        targets = {name: config.service(name).targets for name in names}
        problems = drift(config.root, staging, names, targets, spec_names)
    for problem in problems:
        print(problem)
    if problems:
        print(f"apigen check: {len(problems)} file(s) differ from a fresh build; run `apigen build`")
        return 1
    print(f"apigen check: {len(names)} service(s) up to date")
    return 0
