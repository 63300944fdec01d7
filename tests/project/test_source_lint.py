"""apigen's own hand-written tree (generator/, tests/, benchmarks/) passes ruff with the project's settings,
and generator/ passes mypy --strict, so a rule the project relies on cannot quietly regress."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def test_the_hand_written_tree_passes_ruff() -> None:
    result = subprocess.run([str(BIN / "ruff"), "check", "--no-cache", "generator", "tests", "benchmarks"],
                            capture_output=True, text=True, cwd=ROOT, check=False, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.slow  # a cold mypy over the whole generator takes about a minute on two cores
def test_the_generator_passes_mypy_strict(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path), "generator"],
                            capture_output=True, text=True, cwd=ROOT, check=False, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:]
