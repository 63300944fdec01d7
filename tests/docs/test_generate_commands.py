"""Docs written by `apigen generate SPEC --out DIR` print commands that work from the folder it ran in
(`apigen mock SPEC`, `pip install ./DIR/python`); a project build prints the project's own; the mock
folder's README says what it needs."""

from __future__ import annotations

import html
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _generate(cwd: Path, *args: str) -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "generate", *args], capture_output=True,
                            text=True, cwd=cwd, timeout=300, check=False)
    assert result.returncode == 0, result.stderr


def _commands(text: str, verb: str) -> list[list[str]]:
    lines = re.findall(rf"(?:^\s*|#\s+|`|\()({re.escape(verb)} [^`\n#&<)]+)", text, flags=re.MULTILINE)
    return [shlex.split(line) for line in lines]


def test_generated_docs_commands_name_what_generate_wrote(tmp_path: Path) -> None:
    spec = tmp_path / "specs" / "shop api.yaml"  # a space: the commands must quote it
    spec.parent.mkdir()
    shutil.copyfile(ROOT / "specs" / "winfull.yaml", spec)
    _generate(tmp_path, "specs/shop api.yaml", "--out", "out/sdk", "--service", "winfull")
    for page in ("out/sdk/docs/README.md", "out/sdk/docs/index.html"):
        text = html.unescape(re.sub(r"<[^>]+>", "", (tmp_path / page).read_text(encoding="utf-8")))
        installs = _commands(text, "pip install")
        mocks = _commands(text, "apigen mock")
        assert installs and mocks, page
        for words in installs:
            assert (tmp_path / words[2] / "pyproject.toml").is_file(), (page, words)
        for words in mocks:
            assert words[2] == "specs/shop api.yaml", (page, words)
        assert "generated/winfull" not in text and "apigen mock winfull " not in text, page
    mock_readme = (tmp_path / "out/sdk/mock/README.md").read_text(encoding="utf-8")
    assert "pip install starlette uvicorn" in mock_readme
    assert "apigen mock 'specs/shop api.yaml'" in mock_readme


def test_printed_mock_command_serves_from_that_folder(tmp_path: Path) -> None:
    shutil.copyfile(ROOT / "specs" / "anyfast.yaml", tmp_path / "anyfast.yaml")
    _generate(tmp_path, "anyfast.yaml", "--out", "out", "--target", "docs")
    text = (tmp_path / "out/docs/README.md").read_text(encoding="utf-8")
    words = _commands(text, "apigen mock")[0]
    command = [sys.executable, "-m", "generator", "mock", *words[2:], "--port", "0"]
    with subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True) as server:
        try:
            assert server.stdout is not None
            line = server.stdout.readline()
            assert line.startswith("mock server of anyfast at http://127.0.0.1:"), server.stderr.read()
        finally:
            server.terminate()
            server.wait(timeout=30)


def test_project_docs_name_the_project_layout() -> None:
    text = (ROOT / "generated/winfull/docs/README.md").read_text(encoding="utf-8")
    assert "pip install ./generated/winfull/python  # from the project root" in text
    assert "apigen mock winfull --port 8000" in text
