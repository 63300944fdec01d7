"""`apigen check`: exit 1 naming each file of specs/ or generated/ that a build would change.

A service whose inputs match its manifest is checked by hashing alone (fast; no rendering): any output
whose bytes differ from what apigen wrote is reported as edited by hand. Otherwise (inputs changed, no
manifest, or `--full`) the service is built into a scratch folder and compared byte for byte. The
manifest file itself is bookkeeping and not compared; `custom/` folders are the user's and never are.
CHANGELOG.md may be edited by hand: a build keeps the edit (new entries go on top of it).
Files no build writes that git ignores or that tools leave (`build/`, `*.egg-info`, `__pycache__`,
`.mypy_cache`...) are not output and never reported (see `manifest.not_output`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.config import ProjectConfig

HAND_EDIT_HINT = "edited by hand (differs from what apigen wrote; put hand-written code in custom/)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("services", nargs="*", metavar="SERVICE", help="services to check (default: all)")
    parser.add_argument("--root", type=Path, default=None, metavar="DIR", help="project folder (default: found from cwd)")
    parser.add_argument("--templates", type=Path, default=None, metavar="DIR", help="folder overriding templates by name")
    parser.add_argument("--full", action="store_true",
                        help="rebuild every service in a scratch folder and compare, even when manifests match")


def run(args: argparse.Namespace) -> int:
    from generator.build import project_lock
    from generator.config import load_config

    config = load_config(args.root, templates=args.templates)
    with project_lock(config):  # a build swapping outputs in would look like drift; a killed one is finished
        return _check(args, config)


def _check(args: argparse.Namespace, config: ProjectConfig) -> int:
    from generator.build import plan, source_pages
    from generator.regen.manifest import (
        CHANGELOG_NAME,
        file_hash,
        not_output,
        output_files,
        read_manifest,
        status,
    )

    names, _ = plan(config, args.services or None, force=True)  # validates the names
    problems: list[str] = []
    to_stage: list[str] = []
    for name in names:
        state = status(config, name, source_pages(config, name))
        changelog = f"generated/{name}/{CHANGELOG_NAME}"
        if args.full or not state.inputs_match or changelog in state.edited:
            # CHANGELOG.md may be edited by hand (a build keeps the edit); the docs that show it may then
            # be out of date, which only a staged build can tell
            to_stage.append(name)
            continue
        problems += [f"{rel}: {HAND_EDIT_HINT}" for rel in state.edited]
        problems += [f"{rel}: missing" for rel in state.missing]
        problems += [f"{rel}: not produced by a build (stale)" for rel in state.extra]
    if to_stage:
        from generator.build import stage, staging_dir

        with staging_dir(config) as staging:
            stage(config, to_stage, staging)
            for name in to_stage:
                ingested = bool(source_pages(config, name))
                have = output_files(config, name, config.root, ingested)
                want = output_files(config, name, staging, ingested)
                manifest = read_manifest(config, name)
                written = manifest.outputs if manifest is not None else {}
                leftovers = not_output(config.root, [rel for rel in have if rel not in want])
                for rel in sorted((set(have) | set(want)) - leftovers):
                    if rel not in have:
                        problems.append(f"{rel}: missing")
                    elif rel not in want:
                        problems.append(f"{rel}: not produced by a build (stale)")
                    elif have[rel].read_bytes() != want[rel].read_bytes() and rel.endswith(CHANGELOG_NAME):
                        problems.append(f"{rel}: out of date")
                    elif have[rel].read_bytes() != want[rel].read_bytes():
                        digest = file_hash(have[rel])
                        hand = rel in written and written[rel] != digest
                        problems.append(f"{rel}: {HAND_EDIT_HINT if hand else 'out of date'}")
    for problem in problems:
        print(problem)
    if problems:
        print(f"apigen check: {len(problems)} file(s) differ from a fresh build; run `apigen build`")
        return 1
    print(f"apigen check: {len(names)} service(s) up to date")
    return 0
