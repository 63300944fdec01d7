"""`apigen check` and the incremental build ignore what tools leave in generated folders (pip's in-tree
build, caches) and what git ignores; anything else that no build wrote is still reported."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.regen.conftest import apigen

LEFTOVERS = [
    "python/build/lib/petstore/__init__.py",
    "python/petstore.egg-info/PKG-INFO",
    "python/petstore/__pycache__/__init__.cpython-311.pyc",
    "python/.mypy_cache/3.11/petstore/__init__.data.json",
    "python/.pytest_cache/v/cache/lastfailed",
    "python/dist/petstore-0.1.0.tar.gz",
    "docs/.DS_Store",
]


def _touch(root: Path, rel: str) -> Path:
    path = root / "generated" / "petstore" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("leftover\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("full", [False, True])
def test_tool_leftovers_are_not_drift(project: Path, capsys: pytest.CaptureFixture[str], full: bool) -> None:
    assert apigen(project, "build") == 0
    for rel in LEFTOVERS:
        _touch(project, rel)
    capsys.readouterr()
    assert apigen(project, "check", *(["--full"] if full else [])) == 0, capsys.readouterr().out
    assert apigen(project, "build") == 0
    assert "petstore: up to date" in capsys.readouterr().out  # leftovers do not force a rebuild either


@pytest.mark.parametrize("full", [False, True])
def test_a_stray_file_is_still_reported(project: Path, capsys: pytest.CaptureFixture[str], full: bool) -> None:
    assert apigen(project, "build") == 0
    _touch(project, "python/petstore/handwritten.py")
    _touch(project, "docs/build/notes.md")  # build/ counts as pip's only at the top of the SDK folder
    capsys.readouterr()
    assert apigen(project, "check", *(["--full"] if full else [])) == 1
    out = capsys.readouterr().out
    assert "generated/petstore/python/petstore/handwritten.py: not produced by a build (stale)" in out
    assert "generated/petstore/docs/build/notes.md: not produced by a build (stale)" in out


def test_files_git_ignores_are_not_drift(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert apigen(project, "build") == 0
    _touch(project, "docs/scratch.log")
    capsys.readouterr()
    assert apigen(project, "check") == 1  # not a git work tree: nothing is ignored
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    (project / ".gitignore").write_text("*.log\n", encoding="utf-8")
    assert apigen(project, "check") == 0, capsys.readouterr().out
    _touch(project, "docs/scratch.txt")
    assert apigen(project, "check") == 1
    assert "docs/scratch.txt" in capsys.readouterr().out
