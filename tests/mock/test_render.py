"""The rendered mock folder: deterministic, lint-clean, type-clean, and runnable through `apigen mock`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
from markdown_it import MarkdownIt

from generator.config import ServiceConfig
from generator.render import RenderContext
from generator.render.mock_server import render_files
from generator.render.sdk_testing import helper_files
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


def test_generated_code_passes_ruff_and_mypy_strict(tmp_path: Path) -> None:
    folder = render_mock("falqueue", tmp_path)
    package = tmp_path / "sdk" / "pkg"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    for relative, text in helper_files(load_test_spec("falqueue"), context("falqueue")).items():
        (package / relative).write_text(text, encoding="utf-8")
    ruff = subprocess.run([str(BIN / "ruff"), "check", "--no-cache", "--isolated", str(folder), str(package)],
                          capture_output=True, text=True)
    assert ruff.returncode == 0, ruff.stdout
    for target in ([*map(str, folder.glob("*.py"))], [str(package)]):
        mypy = subprocess.run([str(BIN / "mypy"), "--strict", "--no-incremental", "--cache-dir", str(tmp_path / ".mypy"),
                               *target], capture_output=True, text=True, cwd=tmp_path / "sdk")
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


def test_builtin_checker_agrees_with_jsonschema(tmp_path: Path) -> None:
    sys.path.insert(0, str(render_mock("falqueue", tmp_path)))
    try:
        import mock_engine
    finally:
        sys.path.pop(0)
    body = {"num_images": 9, "output_format": "gif", "seed": "one", "image_size": 3}
    found = []
    for full in (True, False):
        engine = mock_engine.load_engine(str(tmp_path / "falqueue"), use_jsonschema=full)
        request = mock_engine.MockRequest("POST", "/fal-ai/a/b", [], {"authorization": "Key k",
                                          "content-type": "application/json"}, json.dumps(body).encode(),
                                          "http://x")
        answer = engine.handle(request)
        assert answer.status == 422
        found.append(sorted({tuple(d["loc"]) for d in json.loads(answer.body)["detail"]}))
    assert found[0] == found[1] == [("body", "image_size"), ("body", "num_images"), ("body", "output_format"),
                                    ("body", "prompt"), ("body", "seed")]


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
