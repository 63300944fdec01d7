"""`apigen generate --target python`: deterministic bytes, and templates overridden by name from
`--templates DIR` or from `templates:` in apigen.yaml."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sdk.conftest import SPECS

APIGEN = [sys.executable, "-m", "generator"]
ROOT = Path(__file__).resolve().parents[2]


def apigen(*args: str, cwd: Path, seed: str = "0") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*APIGEN, *args], capture_output=True, text=True, cwd=cwd, env=env, check=False)


def generate_in_process(monkeypatch: pytest.MonkeyPatch, *args: str, cwd: Path) -> int:
    """`apigen generate ARGS` run from `cwd` through the CLI's own entry point, in this process (no
    interpreter start-up): for tests of options, not of processes (hash seeds need their own)."""
    from generator.cli import main

    monkeypatch.chdir(cwd)
    return main(["generate", *args])


def tree(folder: Path, own: bool = False) -> dict[str, bytes]:
    """Files under `folder` by relative path; `own` leaves out the mock's testing helper (not this renderer's)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not (own and is_testing_helper(p))}


def is_testing_helper(path: Path) -> bool:
    return path.name == "testing.py" or path.name.startswith("_mock_")


def test_same_input_same_bytes_across_hash_seeds(tmp_path: Path) -> None:
    for seed in ("1", "2"):
        result = apigen("generate", str(SPECS / "hostile.yaml"), "--out", str(tmp_path / seed),
                        "--target", "python", cwd=tmp_path, seed=seed)
        assert result.returncode == 0, result.stderr
    first, second = tree(tmp_path / "1" / "python"), tree(tmp_path / "2" / "python")
    assert first == second
    assert "hostile/resources/import_.py" in first


def test_templates_option_overrides_one_template_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    override = tmp_path / "mine" / "python"
    override.mkdir(parents=True)
    (override / "README.md.jinja").write_text("# {{ plan.title }} by my team\n", encoding="utf-8")
    assert generate_in_process(monkeypatch, str(SPECS / "images.yaml"), "--out", str(tmp_path / "plain"),
                               "--target", "python", cwd=tmp_path) == 0
    assert generate_in_process(monkeypatch, str(SPECS / "images.yaml"), "--out", str(tmp_path / "custom"),
                               "--target", "python", "--templates", str(tmp_path / "mine"), cwd=tmp_path) == 0
    plain_files = tree(tmp_path / "plain" / "python", own=True)
    custom_files = tree(tmp_path / "custom" / "python", own=True)
    assert custom_files.pop("README.md") == b"# Pictura Images API by my team\n"
    assert plain_files.pop("README.md") != b"# Pictura Images API by my team\n"
    assert plain_files == custom_files  # every other template still comes from the built-in folder


def test_apigen_yaml_gives_templates_and_service_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    override = tmp_path / "house-style" / "python" / "package"
    override.mkdir(parents=True)
    (override / "_model.py.jinja").write_text(
        '"""House base model."""\n\nfrom __future__ import annotations\n\nfrom pydantic import BaseModel, '
        'ConfigDict\n\n\nclass Model(BaseModel):\n    """Frozen models."""\n\n'
        '    model_config = ConfigDict(defer_build=True, populate_by_name=True, frozen=True)\n',
        encoding="utf-8")
    (tmp_path / "apigen.yaml").write_text(
        "templates: house-style\nservices:\n  images:\n    package: pictura_house\n    version: 2.3.4\n",
        encoding="utf-8")
    assert generate_in_process(monkeypatch, str(SPECS / "images.yaml"), "--out", str(tmp_path / "out"),
                               "--target", "python", cwd=tmp_path) == 0
    package = tmp_path / "out" / "python" / "pictura_house"
    assert "frozen=True" in (package / "_model.py").read_text(encoding="utf-8")
    assert '__version__ = "2.3.4"' in (package / "__init__.py").read_text(encoding="utf-8")
    assert 'version = "2.3.4"' in (tmp_path / "out" / "python" / "pyproject.toml").read_text(encoding="utf-8")


def test_generated_package_installs_and_imports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # pip and the import below are the fresh processes
    assert generate_in_process(monkeypatch, str(SPECS / "images.yaml"), "--out", str(tmp_path / "out"),
                               "--target", "python", "--package", "pictura_pip", cwd=tmp_path) == 0
    target = tmp_path / "site"
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                          "--target", str(target), str(tmp_path / "out" / "python")], capture_output=True, text=True, check=False)
    assert pip.returncode == 0, pip.stderr
    assert (target / "pictura_pip" / "py.typed").is_file()
    check = subprocess.run([sys.executable, "-c", "import pictura_pip; print(pictura_pip.Client.__name__)"],
                           capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(target)},
                           cwd=tmp_path, check=False)
    assert check.stdout.strip() == "Client", check.stderr
