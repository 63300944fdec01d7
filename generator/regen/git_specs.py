"""Specs as committed at a git revision, for `apigen diff --rev REV`."""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.errors import ApigenError


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise ApigenError("git is not installed", file=root) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ApigenError(f"git {' '.join(args)}: {message[-1] if message else 'failed'}", file=root)
    return done.stdout


def committed_specs(root: Path, rev: str) -> dict[str, str]:
    """`{service: YAML text}` of every `specs/*.yaml` at `rev` (paths relative to the project root)."""
    prefix = _git(root, "rev-parse", "--show-prefix").decode().strip()
    listing: list[str] = []
    if _has_specs(root, rev, prefix):
        listing = _git(root, "ls-tree", "--name-only", f"{rev}:{prefix}specs").decode("utf-8").splitlines()
    specs: dict[str, str] = {}
    for name in sorted(listing):
        if name.endswith(".yaml"):
            text = _git(root, "show", f"{rev}:{prefix}specs/{name}").decode("utf-8")
            specs[name[: -len(".yaml")]] = text
    return specs


def _has_specs(root: Path, rev: str, prefix: str) -> bool:
    known = subprocess.run(["git", "-C", str(root), "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"],
                           capture_output=True, check=False)
    if known.returncode != 0:
        raise ApigenError(f"unknown git revision {rev!r}", file=root)
    done = subprocess.run(["git", "-C", str(root), "cat-file", "-e", f"{rev}:{prefix}specs"],
                          capture_output=True, check=False)
    return done.returncode == 0
