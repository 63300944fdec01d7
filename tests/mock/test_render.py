"""The rendered mock folder: deterministic, lint-clean, type-clean, and runnable through `apigen mock`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
from markdown_it import MarkdownIt

from generator import runtime
from generator.config import ServiceConfig
from generator.render import RenderContext
from generator.render.mock.server import render_files
from generator.render.python.testing import helper_files
from tests.mock.conftest import SPECS, load_test_spec, render_mock, start, stop

BIN = Path(sys.executable).parent


def context(name: str) -> RenderContext:
    return RenderContext(service=ServiceConfig(name=name, package=name))


def test_same_spec_same_bytes() -> None:
    spec = load_test_spec("things")
    assert render_files(spec, context("things")) == render_files(load_test_spec("things"), context("things"))


def test_doc_text_stays_data(tmp_path: Path) -> None:
    files = render_files(load_test_spec("things"), context("things"))
    code = files["app.py"] + files["mock_engine.py"] + files["__main__.py"]
    assert "茶壶" not in code and "{{" not in code and "braces" not in code
    assert "茶壶 🫖" in files["fixtures.json"]
    assert "does not match its schema" in files["README.md"]  # the broken example is flagged


def test_generated_code_passes_ruff_and_mypy_strict(tmp_path: Path, mypy_cache: Path) -> None:
    """What is rendered per service (the app, its entry point, the SDK's testing helper) is lint-clean and
    type-checks against the engine it imports; the engine itself is checked as source (tests/runtime)."""
    folder = render_mock("falqueue", tmp_path)
    package = tmp_path / "sdk" / "pkg"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    for relative, text in helper_files(load_test_spec("falqueue"), context("falqueue")).items():
        (package / relative).write_text(text, encoding="utf-8")
    assert (folder / "mock_engine.py").read_text(encoding="utf-8") == runtime.source("mock/mock_engine.py")
    assert (package / "_mock_engine.py").read_text(encoding="utf-8") == runtime.source("mock/mock_engine.py")
    rendered = [folder / "app.py", folder / "__main__.py", package / "testing.py"]
    ruff = subprocess.run([str(BIN / "ruff"), "check", "--no-cache", "--isolated", *map(str, rendered)],
                          check=False, capture_output=True, text=True)
    assert ruff.returncode == 0, ruff.stdout
    # one run over both: the folder's top-level modules (app, mock_engine, __main__) and the package `pkg`
    mypy = subprocess.run([str(BIN / "mypy"), "--strict", "--cache-dir", str(mypy_cache), *map(str, rendered[:2]),
                           str(package)], check=False, capture_output=True, text=True, cwd=tmp_path / "sdk")
    assert mypy.returncode == 0, mypy.stdout


def test_apigen_mock_serves_a_spec_file(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "generator", "mock", str(SPECS / "falqueue.yaml"), "--port", "0",
               "--queue-ticks", "0", "--latency", "5"]
    server = start(command, tmp_path, tmp_path / "cli.log")
    try:
        ticket = httpx.post(server.url + "/fal-ai/x/y", headers={"Authorization": "Key k"}, json={"prompt": "p"})
        assert ticket.json()["status"] == "COMPLETED"  # zero ticks: done at once
        assert httpx.get(ticket.json()["response_url"], headers={"Authorization": "Key k"}).status_code == 200
    finally:
        stop(server)


def test_readme_shows_a_hostile_title_as_text() -> None:
    # A title from a third-party spec: a newline, HTML, Markdown emphasis, a link, NUL and a bidi control.
    title = "Pets *API* [docs](https://evil.example) <script>alert(1)</script>\n# Owned\x00\u202e _x_ #"
    spec = load_test_spec("things")
    spec["info"]["title"] = title
    readme = render_files(spec, context("things"))["README.md"]
    heading = readme.splitlines()[0]
    assert "\x00" not in readme and "\u202e" not in readme
    tokens = MarkdownIt().parse(heading)
    assert [t.type for t in tokens] == ["heading_open", "inline", "heading_close"]
    inline = tokens[1].children or []
    assert [t.type for t in inline] == ["text"]  # no link, emphasis or HTML: the title is text
    assert inline[0].content == "Mock server: Pets *API* [docs](https://evil.example) <script>alert(1)</script> " \
                                "# Owned _x_ #"
