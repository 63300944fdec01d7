"""The committed specs/ and generated/ are what a build of specs/sources/ produces (`apigen check`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_apigen_check_passes_on_the_repository() -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(ROOT)],
                            capture_output=True, text=True, timeout=600, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
