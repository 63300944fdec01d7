"""The README's "Use apigen in your own project" and "Add a service" walkthroughs run as written.

Each is the first ```sh block under its heading, run by bash with `set -e` in a scratch folder. `apigen` is
the one under test (this venv's); `python` is a scratch venv that borrows this venv's packages through a
.pth line (so `python -m pip install ./generated/...` installs there, not into the test venv). pip is kept
offline: no index, no build isolation (the borrowed setuptools builds the SDK).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def walkthrough(heading: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    match = re.search(r"^(`{3,})sh\n(.*?)^\1$", section, flags=re.MULTILINE | re.DOTALL)
    assert match, f"no sh block under {heading!r}"
    return match.group(2)


def _shell(tmp_path: Path) -> dict[str, str]:
    scratch = tmp_path / "scratch-venv"
    venv.EnvBuilder(with_pip=False).create(scratch)
    site = subprocess.run([str(scratch / "bin" / "python"), "-c",
                           "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (Path(site) / "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "VIRTUAL_ENV", "PYTHONPATH"))}
    path = os.pathsep.join([str(scratch / "bin"), str(Path(sys.executable).parent), env.get("PATH", "")])
    env.update(PATH=path, PIP_NO_INDEX="1", PIP_NO_BUILD_ISOLATION="0", PIP_DISABLE_PIP_VERSION_CHECK="1",
               HOME=str(tmp_path))
    return env


def _run(script: str, cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(["bash", "-e", "-c", script], capture_output=True, text=True, cwd=cwd, env=env,
                            timeout=300, check=False)
    assert result.returncode == 0, f"{script}\n--- stdout\n{result.stdout[-3000:]}\n--- stderr\n{result.stderr[-3000:]}"
    return result.stdout


def test_own_project_then_add_a_service_as_written(tmp_path: Path) -> None:
    env = _shell(tmp_path)
    out = _run(walkthrough("Use apigen in your own project"), tmp_path, env)
    project = tmp_path / "shop"
    assert (project / "apigen.yaml").is_file() and (project / ".pre-commit-config.yaml").is_file()
    assert "no services yet" in out and "apigen check: 0 service(s) up to date" in out

    out = _run(walkthrough("Add a service"), project, env)
    assert (project / "specs/petshop.yaml").is_file()
    assert (project / "generated/petshop/docs/index.html").is_file()
    assert "name='Rex'" in out  # the SDK call answered by the mock engine
    assert out.rstrip().endswith("apigen check: 1 service(s) up to date")
    installed = subprocess.run([str(tmp_path / "scratch-venv/bin/python"), "-c",
                                "import petshop; print(petshop.__file__)"], capture_output=True, text=True,
                               cwd=tmp_path, env=env, check=True).stdout
    assert "scratch-venv" in installed  # pip installed into the scratch venv, not the test venv
