"""Documents that contradict themselves, read leniently: the repaired spec and its mock agree under every
schemathesis check (`specs/contradictions.yaml`: an enum of strings on a number, an integer whose enum is
words, AWS-style path keys with a `#fragment`, an operation cut off before its success answer)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.openapi import load_spec
from generator.openapi.io import dump_spec
from tests.mock.conftest import start, stop
from tests.mock.test_conformance import SCHEMATHESIS, SPECS

KEY = "repairs-key"


@pytest.mark.slow  # schemathesis over a whole document (~9 s); tests/openapi/test_lenient_contradictions.py checks each repair
def test_a_repaired_document_and_its_mock_pass_every_check(tmp_path: Path) -> None:
    warnings: list[str] = []
    spec = load_spec(SPECS / "contradictions.yaml", warnings=warnings)
    assert len(warnings) == 4, warnings  # one per repair: two enums, two fragment paths
    assert spec["paths"]["/exports"]["post"]["responses"]["200"] == {
        "description": "Success (the document shows no success answer)"}
    normalized = tmp_path / "contradictions.yaml"
    normalized.write_text(dump_spec(spec), encoding="utf-8")
    command = [sys.executable, "-m", "generator", "mock", str(normalized), "--api-key", KEY, "--port", "0"]
    server = start(command, tmp_path, tmp_path / "mock.log")
    try:
        result = subprocess.run([SCHEMATHESIS, "run", str(normalized), "--checks", "all", "-u", server.url,
                                 "--max-examples", "10", "--seed", "1", "--workers", "1", "--no-color",
                                 "-H", f"Authorization: Bearer {KEY}"],
                                capture_output=True, text=True, timeout=240, cwd=tmp_path, check=False)
    finally:
        stop(server)
    assert result.returncode == 0, result.stdout[-4000:]
