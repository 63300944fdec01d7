"""Bad pages: one line on stderr naming the file (and line), exit 1, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CASES = {
    "empty.txt": (b"", "file is empty", None),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", None),
    "no_endpoint.txt": (b"A page about our pricing.\nNothing to call here.\n", "no endpoint", None),
    "latin1.txt": ("POST /x caf\xe9".encode("latin-1"), "not UTF-8", 1),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_page(tmp_path: Path, name: str) -> None:
    content, words, line = CASES[name]
    page = tmp_path / name
    page.write_bytes(content)
    run = subprocess.run([sys.executable, "-m", "generator", "ingest", str(page)], capture_output=True, text=True,
                         cwd=tmp_path, check=False)
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert str(page) + (f":{line}" if line else "") in lines[0]
    assert words in lines[0]
