"""`apigen init DIR` makes a project of the user's own where every verb works as in apigen's repository;
every verb and flag has help text."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import VERBS, main

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "specs" / "sources" / "winfull").glob("*.txt"))


def apigen(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300, check=False)


def test_init_writes_a_project_and_every_verb_works_there(tmp_path: Path) -> None:
    assert apigen("init", "shop", "--service", "winfull", "--pages", *PAGES, cwd=tmp_path).returncode == 0
    project = tmp_path / "shop"
    assert yaml.safe_load((project / "apigen.yaml").read_text(encoding="utf-8")) == {"services": {}}
    ignored = (project / ".gitignore").read_text(encoding="utf-8").split()
    assert {"build/", "*.egg-info/", "__pycache__/", ".mypy_cache/", "dist/"} <= set(ignored)
    hooks = yaml.safe_load((project / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks["repos"][0]["hooks"]] == ["apigen-check", "apigen-no-breaking"]
    assert hooks["repos"][0]["hooks"][0]["entry"] == "apigen check"

    built = apigen("build", cwd=project / "specs")  # the project is found from a subfolder too
    assert built.returncode == 0, built.stderr
    assert (project / "generated/winfull/python/pyproject.toml").is_file()
    assert (project / "specs/winfull.yaml").read_bytes() == (ROOT / "specs/winfull.yaml").read_bytes()
    assert apigen("check", cwd=project).returncode == 0
    ingest = apigen("ingest", *sorted((project / "specs/sources/winfull").glob("*.txt")), "-o", "one.yaml",
                    cwd=project)
    assert ingest.returncode == 0, ingest.stderr
    assert "operationId: wan_v2_2_a14b_image_to_image_submit" in (project / "one.yaml").read_text(encoding="utf-8")
    assert apigen("fetch", cwd=project).stdout.startswith("apigen fetch: no specs/sources/")
    _watch_rebuilds_on_save(project, project / "specs/sources/winfull" / PAGES[0].name)
    # leftovers of `pip install ./generated/winfull/python` do not make the check fail
    (project / "generated/winfull/python/build/lib").mkdir(parents=True)
    (project / "generated/winfull/python/winfull.egg-info").mkdir()
    (project / "generated/winfull/python/winfull.egg-info/PKG-INFO").write_text("x", encoding="utf-8")
    assert apigen("check", cwd=project).returncode == 0

    command = [sys.executable, "-m", "generator", "mock", "winfull", "--port", "0"]
    with subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, text=True) as server:
        try:
            assert server.stdout is not None
            assert server.stdout.readline().startswith("mock server of winfull at http://127.0.0.1:")
        finally:
            server.terminate()
            server.wait(timeout=30)
    # nothing of apigen's own repository leaks in: the project has only its own service
    assert sorted(p.name for p in (project / "generated").iterdir()) == ["winfull"]


def _watch_rebuilds_on_save(project: Path, page: Path) -> None:
    command = [sys.executable, "-m", "generator", "watch", "--max-builds", "1"]
    with subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True) as watcher:
        assert watcher.stdout is not None
        try:
            assert watcher.stdout.readline().startswith("watching ")
            page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
            out, _ = watcher.communicate(timeout=60)
        finally:
            watcher.kill()
    assert "changed: winfull" in out and "winfull" in out.splitlines()[-1], out


def test_init_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("mine\n", encoding="utf-8")
    result = apigen("init", tmp_path, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "README.md" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("args", [["--service", "Bad Name!", "--pages", "x.txt"], ["--service", "ok"]])
def test_init_rejects_bad_service_arguments(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "x.txt").write_text("POST /v1/x\n", encoding="utf-8")
    result = apigen("init", "p", *args, cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "p").exists()


def test_top_level_help_describes_apigen(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "Command-line entry point" not in out
    assert "OpenAPI" in out and "apigen init" in out
    for verb in VERBS:
        assert verb in out


@pytest.mark.parametrize("verb", list(VERBS))
def test_every_flag_and_argument_has_help(verb: str) -> None:
    module = importlib.import_module(f"generator.cli.{verb}")
    parser = argparse.ArgumentParser(prog=f"apigen {verb}", description=VERBS[verb])
    module.add_arguments(parser)
    for action in parser._actions:
        assert action.help and action.help != argparse.SUPPRESS, f"apigen {verb}: {action.dest} has no help"


def test_mock_outside_a_project_says_what_to_do(tmp_path: Path) -> None:
    result = apigen("mock", "petshop", cwd=tmp_path)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "apigen init" in result.stderr and "apigen mock SPEC.yaml" in result.stderr
