"""The runtime in builds: it is an input of every service like the templates are (an edit rebuilds and
`apigen check` sees stale output), `apigen watch` reacts to it, and a user's templates folder can still
replace a runtime file by the template name it used to have."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import runtime
from generator.config import load_config
from generator.regen import manifest
from generator.regen.watch import affected_services, watched_paths
from generator.render.templates import environment, runtime_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("edited", ["python/_base.py", "mock/mock_engine.py"])
def test_an_edited_runtime_file_changes_every_services_inputs(edited: str, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "runtime"
    shutil.copytree(runtime.RUNTIME_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(manifest, "RUNTIME_DIR", copy)
    config = load_config(ROOT)
    names = config.service_names()
    before = {name: manifest.input_digests(config, name, []) for name in names}
    (copy / edited).write_text((copy / edited).read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    after = {name: manifest.input_digests(config, name, []) for name in names}
    for name in names:  # the SDK ships the mock engine too (`<package>._mock_engine`)
        assert before[name]["runtime"] != after[name]["runtime"], name
        assert {k: v for k, v in before[name].items() if k != "runtime"} == \
            {k: v for k, v in after[name].items() if k != "runtime"}


def test_watch_rebuilds_everything_on_a_runtime_edit_but_not_on_bytecode() -> None:
    config = load_config(ROOT)
    assert runtime.RUNTIME_DIR in watched_paths(config)
    assert affected_services(config, [str(runtime.PYTHON_DIR / "_base.py")]) == config.service_names()
    assert affected_services(config, [str(runtime.PYTHON_DIR / "__pycache__" / "_base.cpython-311.pyc")]) == []


def test_runtime_files_are_copied_unless_the_templates_folder_replaces_them(tmp_path: Path) -> None:
    assert runtime_text(environment(), "python/package/_base.py.jinja", "python/_base.py", {}) == \
        (runtime.PYTHON_DIR / "_base.py").read_text(encoding="utf-8")
    mine = tmp_path / "mine" / "mock"
    mine.mkdir(parents=True)
    (mine / "mock_engine.py.jinja").write_text('"""Engine of {{ service_name }}."""\n', encoding="utf-8")
    text = runtime_text(environment(tmp_path / "mine"), "mock/mock_engine.py.jinja", "mock/mock_engine.py",
                        {"service_name": "shop"})
    assert text == '"""Engine of shop."""\n'
