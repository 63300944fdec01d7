"""The caches that make a one-page rebuild fast: compiled templates (memory and `APIGEN_CACHE/jinja`), the
fast validation path, and a models-cache hit; none of them may change a byte or hide an edit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import ApigenError
from generator.render import templates


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("APIGEN_CACHE", str(folder))
    monkeypatch.setattr(templates, "_COMPILED", {})  # this test's own in-memory cache
    return folder


def render(override: Path, name: str, autoescape: bool = False, **values: object) -> str:
    return templates.environment(override, autoescape=autoescape).get_template(name).render(**values)


def test_compiled_templates_are_stored_and_an_edited_template_is_recompiled(
        tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    override = tmp_path / "templates"
    (override / "docs").mkdir(parents=True)
    page = override / "docs" / "page.md.jinja"
    page.write_text("A {{ value }}\n", encoding="utf-8")
    assert render(override, "docs/page.md.jinja", value=1) == "A 1\n"
    assert len(list((cache / "jinja").glob("*.cache"))) == 1

    page.write_text("B {{ value }}\n", encoding="utf-8")  # same size, maybe the same mtime
    assert render(override, "docs/page.md.jinja", value=2) == "B 2\n"  # this process (memory cache)
    monkeypatch.setattr(templates, "_COMPILED", {})  # as a fresh process sees it: disk cache only
    assert render(override, "docs/page.md.jinja", value=3) == "B 3\n"
    page.write_text("A {{ value }}\n", encoding="utf-8")
    monkeypatch.setattr(templates, "_COMPILED", {})
    assert render(override, "docs/page.md.jinja", value=4) == "A 4\n"


def test_autoescape_environments_never_share_compiled_code(tmp_path: Path, cache: Path) -> None:
    override = tmp_path / "templates"
    override.mkdir()
    (override / "t.jinja").write_text("{{ value }}", encoding="utf-8")
    assert render(override, "t.jinja", autoescape=True, value="<b>") == "&lt;b&gt;"
    assert render(override, "t.jinja", autoescape=False, value="<b>") == "<b>"
    templates._COMPILED.clear()
    assert render(override, "t.jinja", autoescape=True, value="<b>") == "&lt;b&gt;"
    assert len(list((cache / "jinja").glob("*.cache"))) == 2


def test_cache_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APIGEN_CACHE", "off")
    monkeypatch.setattr(templates, "_COMPILED", {})
    monkeypatch.setattr(Path, "home", lambda: tmp_path / "home")
    override = tmp_path / "templates"
    override.mkdir()
    (override / "t.jinja").write_text("{{ value }}!", encoding="utf-8")
    assert render(override, "t.jinja", value="x") == "x!"
    assert not (tmp_path / "home").exists()


def test_unwritable_cache_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("APIGEN_CACHE", str(blocker))
    monkeypatch.setattr(templates, "_COMPILED", {})
    override = tmp_path / "templates"
    override.mkdir()
    (override / "t.jinja").write_text("{{ value }}?", encoding="utf-8")
    assert render(override, "t.jinja", value="y") == "y?"


def test_real_renderers_give_the_same_bytes_with_cold_warm_and_no_cache(tmp_path: Path) -> None:
    spec = Path(__file__).resolve().parent.parent / "sdk" / "specs" / "images.yaml"
    trees = {}
    for run, setting in (("cold", str(tmp_path / "cache")), ("warm", str(tmp_path / "cache")), ("off", "off")):
        (tmp_path / run).mkdir()
        out = tmp_path / run / "out"  # the same relative --out each time: the docs print it in their commands
        done = subprocess.run([sys.executable, "-m", "generator", "generate", str(spec), "--out", "out",
                               "--target", "all"], capture_output=True, text=True, cwd=tmp_path / run, check=False,
                              env={**os.environ, "APIGEN_CACHE": setting})
        assert done.returncode == 0, done.stderr
        trees[run] = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
        if run == "cold":  # one cached module per module of the SDK's models package
            modules = {p.name for p in (out / "python").glob("*/models/*.py")} - {"__init__.py"}
            assert len(list((tmp_path / "cache" / "models").glob("*.py"))) == len(modules) > 1
    assert trees["cold"] and trees["cold"] == trees["warm"] == trees["off"]
    assert not (tmp_path / "cache" / "jinja").exists()  # built-in templates' code is kept beside apigen's


def test_builtin_templates_are_compiled_beside_apigen_even_with_the_cache_off(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APIGEN_CACHE", "off")
    monkeypatch.setattr(templates, "BUILTIN_COMPILED", tmp_path / "compiled")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    monkeypatch.setattr(templates, "_COMPILED", {})
    first = templates.environment().get_template("python/testing.py.jinja").render(service_name="s", package="p")
    assert not (tmp_path / "compiled").exists()  # as Python writes no .pyc then
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(templates, "_COMPILED", {})
    templates.environment().get_template("python/testing.py.jinja").render(service_name="s", package="p")
    assert len(list((tmp_path / "compiled").glob("*.cache"))) == 1
    monkeypatch.setattr(templates, "_COMPILED", {})  # a fresh process: read from the folder, same text
    assert templates.environment().get_template("python/testing.py.jinja").render(
        service_name="s", package="p") == first


def test_invalid_spec_is_reported_as_the_reference_validator_words_it() -> None:
    from generator.build import check_spec
    from generator.openapi.validate import validate_spec

    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/a/{id}": {"get": {
        "operationId": "get_a", "tags": ["a"], "responses": {"200": {"description": "ok"}}}}}}
    with pytest.raises(ApigenError) as reference:
        validate_spec(spec, source="x.yaml")
    with pytest.raises(ApigenError) as fast:
        check_spec(spec, source="x.yaml")
    assert str(fast.value) == str(reference.value)
    assert "id" in str(fast.value)
    spec["paths"] = {"/a": spec["paths"]["/a/{id}"]}
    check_spec(spec, source="x.yaml")  # valid: no error
