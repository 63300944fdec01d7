"""`apigen mock SPEC` renders into a temporary folder: stopping it with SIGTERM or SIGINT removes that folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.mock.conftest import SPECS


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_stopping_the_mock_of_a_spec_removes_its_temporary_folder(tmp_path: Path, signum: int) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    command = [sys.executable, "-m", "generator", "mock", str(SPECS / "falqueue.yaml"), "--port", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "TMPDIR": str(scratch)})
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip().split(" at ")[-1]
        assert url.startswith("http://127.0.0.1:"), process.stderr.read() if process.stderr else url
        rendered = list(scratch.glob("apigen-mock-*"))
        assert len(rendered) == 1 and (rendered[0] / "mock" / "app.py").is_file()
        answer = httpx.post(url + "/fal-ai/x/y", headers={"Authorization": "Key k"}, json={"prompt": "p"}, timeout=30)
        assert answer.status_code == 200
        process.send_signal(signum)
        code = process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert list(scratch.iterdir()) == []  # the rendered folder is gone
    assert code == (0 if signum == signal.SIGTERM else 130)
