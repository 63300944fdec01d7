"""The whole loop on real ingest and renderers: edit a doc page -> `check` fails -> `build` -> `check`
passes -> `diff --rev` names the change; and a no-op build stays free of heavy imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

PAGE = """Create an image
POST https://api.example.com/v1/images

curl --request POST \\
  --url https://api.example.com/v1/images \\
  --header 'Authorization: Bearer <token>' \\
  --header 'Content-Type: application/json' \\
  --data '{"prompt": "a cat", "size": "1024x1024", "n": 1}'
"""

HEAVY = ("jinja2", "pydantic", "openapi_spec_validator", "datamodel_code_generator")


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.email=t@example.com", "-c", "user.name=t", *args],
                   check=True, capture_output=True)


@pytest.fixture
def paged_project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    (root / "specs/sources/demo").mkdir(parents=True)
    (root / "specs/sources/demo/create-image.txt").write_text(PAGE, encoding="utf-8")
    (root / "apigen.yaml").write_text("services:\n  demo: {package: demo_sdk, version: 1.2.0}\n",
                                      encoding="utf-8")
    return root


def test_edit_page_check_build_check_diff(paged_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = str(paged_project)
    assert main(["build", "--root", root]) == 0
    assert (paged_project / "specs/demo.yaml").is_file()
    assert main(["check", "--root", root]) == 0
    git(paged_project, "init", "-q")
    git(paged_project, "add", ".")
    git(paged_project, "commit", "-q", "-m", "first build")

    page = paged_project / "specs/sources/demo/create-image.txt"
    page.write_text(PAGE.replace('"size": "1024x1024", ', ""), encoding="utf-8")  # the doc dropped `size`
    capsys.readouterr()
    assert main(["check", "--root", root]) == 1
    out = capsys.readouterr().out
    assert "specs/demo.yaml: out of date" in out and "generated/demo/CHANGELOG.md: out of date" in out

    assert main(["build", "--root", root]) == 0
    assert "built demo 2.0.0 (major bump" in capsys.readouterr().out
    assert main(["check", "--root", root]) == 0
    assert "request body field `size` removed" in (paged_project / "generated/demo/CHANGELOG.md").read_text()
    capsys.readouterr()
    assert main(["diff", "--rev", "HEAD", "--root", root, "--fail-on-breaking"]) == 1
    report = capsys.readouterr().out
    assert "## Breaking changes (1)" in report and "request body field `size` removed" in report

    # a no-op build, in a fresh interpreter, imports none of the heavy libraries
    code = ("import sys; from generator.cli import main; rc = main(['build', '--root', sys.argv[1]]); "
            f"print('HEAVY=' + ','.join(m for m in {HEAVY!r} if m in sys.modules), rc)")
    # (built once more first, in a fresh interpreter: apigen's code fingerprint is read once per process,
    # and other work in this checkout may have changed the code since this process read it)
    subprocess.run([sys.executable, "-m", "generator", "build", "--root", root], capture_output=True, check=True)
    done = subprocess.run([sys.executable, "-c", code, root], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["demo: up to date", "HEAVY= 0"]

    # the doc page goes back to its first text: a rebuild in a fresh interpreter finds its templates compiled
    # and its models in the cache, so it validates and renders without openapi-spec-validator (the compiled
    # engine validates) or datamodel-code-generator
    page.write_text(PAGE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", code, root], capture_output=True, text=True, check=True)
    lines = done.stdout.splitlines()
    assert lines[0].startswith("built demo 2.1.0") and lines[-1].startswith("HEAVY=")
    heavy = lines[-1].removeprefix("HEAVY=").split()[0].split(",")
    assert "openapi_spec_validator" not in heavy and "datamodel_code_generator" not in heavy
    assert "jinja2" in heavy  # it did render
