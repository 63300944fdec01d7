"""apigen as people install it: an sdist, a wheel built from that sdist, installed into a fresh venv
outside this repository, renders a seed spec into an SDK that imports and answers through its own mock.

Kept cheap enough for the suite (about 10 s): no build isolation (the test venv's setuptools builds), and
the fresh venv borrows the test venv's third-party packages through a .pth line instead of downloading
them. The borrowed folder is added as a plain path, so its editable-install hook for `generator` never
runs: `generator` can only come from the installed wheel, which the test asserts.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd, timeout=300,
                            env=env, check=False)
    assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@dataclass
class Dist:
    sdist: Path
    wheel: Path
    build_output: str  # what building the sdist printed, warnings shown (-W default)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    """The sdist, and the wheel built from that sdist."""
    out = tmp_path_factory.mktemp("dist")
    code = ("import sys; from setuptools import build_meta; "
            "print(build_meta.build_sdist(sys.argv[1]))")
    built = _run(sys.executable, "-W", "default", "-c", code, out, cwd=ROOT)
    sdist = out / built.stdout.strip().splitlines()[-1]
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
         "-w", out, sdist, cwd=out)
    wheel = next(out.glob("apigen-*.whl"))
    return Dist(sdist, wheel, built.stdout + built.stderr)


def _template_files() -> set[str]:
    return {p.relative_to(ROOT / "templates").as_posix() for p in (ROOT / "templates").rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(".")}


def test_wheel_and_sdist_carry_every_template(dist: Dist) -> None:
    sdist, wheel = dist.sdist, dist.wheel
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    packaged = {n.removeprefix("generator/_templates/") for n in names if n.startswith("generator/_templates/")}
    assert packaged == _template_files()
    assert not [n for n in names if n.startswith(("tests/", "generated/", "specs/")) or n.endswith(".pyc")]
    with tarfile.open(sdist) as archive:
        members = {m.name.split("/", 1)[1] for m in archive.getmembers() if "/" in m.name}
    assert {f"templates/{rel}" for rel in _template_files()} <= members
    assert "setup.py" in members
    runtime = {p.relative_to(ROOT).as_posix() for p in (ROOT / "generator" / "runtime").rglob("*.py")}
    assert runtime and runtime <= names and runtime <= members  # copied into every SDK and mock it renders


def test_building_prints_no_deprecation_warning(dist: Dist) -> None:
    assert "deprecated" not in dist.build_output.lower(), dist.build_output[-3000:]


def test_installed_wheel_renders_a_working_sdk_outside_the_repository(dist: Dist, tmp_path: Path) -> None:
    wheel = dist.wheel
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                     cwd=tmp_path).stdout.strip())
    (site / "borrowed-test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel,
         cwd=tmp_path)
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = _run(python, "-c", "import generator; print(generator.__file__)", cwd=work, env=env).stdout
    assert Path(where.strip()).is_relative_to(env_dir), where
    apigen = env_dir / "bin" / "apigen"
    _run(apigen, "--help", cwd=work, env=env)
    _run(apigen, "generate", ROOT / "specs" / "anyfast.yaml", "--out", "anyfast", cwd=work, env=env)
    assert (work / "anyfast" / "docs" / "index.html").is_file()
    assert (work / "anyfast" / "mock" / "app.py").is_file()
    script = (
        "import sys; sys.path.insert(0, 'anyfast/python')\n"
        "import anyfast, anyfast.testing\n"
        "client = anyfast.Client(api_key='k', http_client=anyfast.testing.mock_http_client())\n"
        "result = client.images.generate(model='wan2.7-image', prompt='a cat')\n"
        "print(type(result).__name__, result.data[0].url.startswith('http'))\n"
    )
    assert _run(python, "-c", script, cwd=work, env=env).stdout.split() [1:] == ["True"]
