"""A user who adds a service to this repository keeps a green suite: no test wants a golden file for it.

A temporary copy of the project gets one more service (`specs/mjrelay.yaml`, built with `apigen build
mjrelay`), and the tests that look at the project's own services run there: the drift check, the seed
tests, and the tests that iterate every committed spec and mock. Seed tests name the seeds
(tests/seeds.py); the rest take whatever services exist, so the new one is checked like the others.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The tests that read the project's specs/ and generated/ (and what they import).
SPEC_LEVEL_TESTS = [
    "tests/project/test_drift.py",
    "tests/project/test_seed_specs.py",
    "tests/openapi/test_lenient.py::test_apigen_written_specs_need_no_repair",
    "tests/mock/test_documented_errors.py",
]
COPIED = ["apigen.yaml", "pyproject.toml", "specs", "generated", "tests/__init__.py", "tests/conftest.py",
          "tests/seeds.py", "tests/golden_record/__init__.py", "tests/golden_record/harness.py", "tests/project",
          "tests/openapi", "tests/mock"]


def copy_project(target: Path) -> None:
    for name in COPIED:
        source, dest = ROOT / name, target / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build"))
        else:
            shutil.copy2(source, dest)


@pytest.mark.slow  # about 20 s of CPU: it builds one service and checks five (make test-slow runs it)
def test_a_service_added_to_the_project_passes_the_spec_level_tests(tmp_path: Path) -> None:
    project = tmp_path / "project"
    copy_project(project)
    shutil.copyfile(ROOT / "tests" / "golden_record" / "specs" / "wire_formats.yaml", project / "specs" / "mjrelay.yaml")
    env = {**os.environ, "PYTHONPATH": str(project), "APIGEN_CACHE": str(tmp_path / "cache")}
    env.pop("PYTEST_XDIST_WORKER", None)
    build = subprocess.run([sys.executable, "-m", "generator", "build", "mjrelay", "--root", str(project)],
                           capture_output=True, text=True, cwd=project, env=env, timeout=300, check=False)
    assert build.returncode == 0, build.stderr
    assert (project / "generated" / "mjrelay" / "python" / "mjrelay" / "_client.py").is_file()
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-rA",
                          *SPEC_LEVEL_TESTS], capture_output=True, text=True, cwd=project, env=env, timeout=600,
                         check=False)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    # the new service is among what those tests checked, and nothing was skipped for it
    assert "mjrelay" in run.stdout, run.stdout[-2000:]
    assert " failed" not in run.stdout and " error" not in run.stdout
