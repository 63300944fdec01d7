"""Hostile text and names from a spec: bidi controls and NUL bytes never reach generated source or docs raw
(Trojan Source, ruff PLE2502), titles stay one escaped Markdown line, 300-character tags and operationIds
give file names of at most 64 characters."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.render.naming import MAX_NAME

BIDI = "\u202e"
BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-text")
    string = {"type": "string", "description": f"field{BIDI}", "default": f"x{BIDI}"}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": f"Evil{BIDI} API\n<script>alert(1)</script>\x00", "version": "1",
                 "description": f"d{BIDI}\x00x"},
        "servers": [{"url": "https://api.example.com", "description": f"server{BIDI}x"}],
        "paths": {
            "/a": {"post": {
                "operationId": "make", "summary": f"sum{BIDI}", "description": f"desc{BIDI} \x00 nul",
                "tags": ["things"],
                "parameters": [{"name": "q", "in": "query", "description": f"p{BIDI}",
                                "schema": {"type": "string", "default": f"d{BIDI}", "enum": [f"d{BIDI}", "b"]}}],
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/M"}}}},
                "responses": {"200": {"description": "ok", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/M"}}}}}}},
            "/b": {"get": {"operationId": "op" + "eration" * 40, "tags": ["t" + "ag" * 150],
                           "responses": {"200": {"description": "ok"}}}},
        },
        "components": {"schemas": {"M": {"type": "object", "description": f"model{BIDI}",
                                         "properties": {"a": string}}}},
    }
    path = root / "evil.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    assert main(["generate", str(path), "--out", str(root / "out")]) == 0
    return root / "out"


def test_no_raw_bidi_or_nul_in_python_and_no_nul_anywhere(out: Path) -> None:
    files = [p for p in out.rglob("*") if p.is_file()]
    assert not [p for p in files if b"\x00" in p.read_bytes()]
    assert not [p for p in files if p.suffix == ".py" and BIDI in p.read_text(encoding="utf-8")]
    lint = subprocess.run([str(BIN / "ruff"), "check", "--no-cache", "--select", "PLE25,E9,F", str(out / "python")],
                          capture_output=True, text=True, check=False)
    assert lint.returncode == 0, lint.stdout


def test_escaped_text_reads_back_the_same(out: Path) -> None:
    code = ("import inspect, evil.models as m, evil.resources.things as t; "
            "s = inspect.signature(t.Things.make); "
            "print(repr(m.M.__doc__.strip()), repr(s.parameters['q'].default), repr(s.parameters['a'].default)); "
            "print(t.Things.make.__doc__)")
    result = subprocess.run([sys.executable, "-c", code], cwd=out / "python", capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    first, doc = result.stdout.split("\n", 1)
    assert first.split() == [repr(f"model{BIDI}"), "NOT_GIVEN", "NOT_GIVEN"]  # defaults are the server's
    # the documented defaults are in the docstring as the Python literals, escapes and all
    assert f"Defaults to `{f'd{BIDI}'!r}` on the server." in doc
    assert f"Defaults to `{f'x{BIDI}'!r}` on the server." in doc


def test_title_is_one_escaped_markdown_line(out: Path) -> None:
    heading = (out / "python/README.md").read_text(encoding="utf-8").splitlines()[0]
    assert heading == "# Evil API &lt;script&gt;alert(1)&lt;/script&gt; Python client"


def test_long_tag_and_operation_id_give_short_file_names(out: Path) -> None:
    names = [p.stem for p in out.rglob("*") if p.is_file()]
    assert max(len(n) for n in names) <= MAX_NAME
    assert [n for n in names if n.startswith("tagagag")] and [n for n in names if n.startswith("operationeration")]
