"""The CLI front door: verbs dispatch lazily, errors are one line with a non-zero exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.cli import VERBS, main


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, check=False,
                          cwd=cwd, timeout=120)


def test_every_verb_has_a_module_with_the_verb_interface() -> None:
    import importlib

    for verb in VERBS:
        module = importlib.import_module(f"generator.cli.{verb}")
        assert callable(module.add_arguments), verb
        assert callable(module.run), verb


def test_no_arguments_prints_usage_and_fails(capsys: object) -> None:
    assert main([]) == 2


def test_unknown_verb_is_rejected() -> None:
    result = run_cli("frobnicate")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_version_flag() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("apigen ")


def test_validate_reports_one_line_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.1.0\ninfo: {title: t}\npaths: {}\n", encoding="utf-8")
    lenient = run_cli("validate", str(bad))  # by default a stand-in version is used, with a warning
    assert lenient.returncode == 0
    assert lenient.stderr == f"warning: {bad}: at /info/version: info.version is missing or not a string; " \
                             "'1.0.0' is used\n"
    result = run_cli("validate", "--strict", str(bad))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(bad) in lines[0] and "version" in lines[0]
    assert "Traceback" not in result.stderr


def test_validate_missing_file(tmp_path: Path) -> None:
    result = run_cli("validate", str(tmp_path / "nope.yaml"))
    assert result.returncode == 1
    assert "nope.yaml" in result.stderr and "Traceback" not in result.stderr


def test_importing_the_cli_keeps_heavy_libraries_out() -> None:
    code = ("import sys, generator.cli, generator.config, generator.errors; "
            "print(','.join(m for m in ('jinja2','pydantic','yaml','openapi_spec_validator','httpx') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.stdout.strip() == ""
