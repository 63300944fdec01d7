"""Incremental build, drift check, changelog and version bump, custom folders, all-or-nothing swaps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import build, plan
from generator.config import load_config
from generator.regen.manifest import MANIFEST_NAME
from tests.regen.conftest import apigen, petstore, snapshot, write_spec


def generated(root: Path) -> dict[str, bytes]:
    return {k: v for k, v in snapshot(root).items() if k.startswith(("generated/", "specs/"))}


def test_first_build_writes_manifest_changelog_and_starting_version(project: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert apigen(project, "build") == 0
    init = (project / "generated/petstore/python/petstore/__init__.py").read_text()
    assert '__version__ = "0.1.0"' in init
    assert '__version__ = "2.0.0"' in (project / "generated/other/python/other_api/__init__.py").read_text()
    manifest = json.loads((project / "generated/petstore" / MANIFEST_NAME).read_text())
    assert manifest["version"] == "0.1.0"
    assert "generated/petstore/python/petstore/__init__.py" in manifest["outputs"]
    assert "specs/petstore.yaml" in manifest["inputs"]
    changelog = (project / "generated/petstore/CHANGELOG.md").read_text()
    assert changelog.startswith("# Changelog\n\n## 0.1.0\n") and "Initial release: 1 operation." in changelog
    assert "built petstore 0.1.0" in capsys.readouterr().out


def test_noop_build_skips_every_service_and_changes_nothing(project: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert apigen(project, "build") == 0
    before = snapshot(project)
    capsys.readouterr()
    assert apigen(project, "build") == 0
    assert capsys.readouterr().out.splitlines() == ["other: up to date", "petstore: up to date"]
    assert snapshot(project) == before


def test_force_rebuild_gives_identical_bytes(project: Path) -> None:
    assert apigen(project, "build") == 0
    before = snapshot(project)
    assert apigen(project, "build", "--force") == 0
    assert snapshot(project) == before


def test_only_the_changed_service_is_rebuilt(project: Path) -> None:
    assert apigen(project, "build") == 0
    spec = petstore()
    spec["info"]["description"] = "Now with a description."
    write_spec(project, "petstore", spec)
    config = load_config(project)
    todo, fresh = plan(config)
    assert (todo, fresh) == (["petstore"], ["other"])
    outputs = {o.name: o for o in build(config)}
    assert outputs["other"].skipped and not outputs["petstore"].skipped
    assert outputs["petstore"].level == "patch" and outputs["petstore"].version == "0.1.1"


def test_edit_check_build_check_diff_cycle(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert apigen(project, "build") == 0
    assert apigen(project, "check") == 0
    old_spec = project.parent / "old.yaml"
    old_spec.write_bytes((project / "specs/petstore.yaml").read_bytes())
    spec = petstore()
    del spec["components"]["schemas"]["NewPet"]["properties"]["age"]  # a removed request field
    spec["components"]["schemas"]["NewPet"]["properties"]["kind"]["enum"].append("bird")
    write_spec(project, "petstore", spec)
    capsys.readouterr()

    assert apigen(project, "check") == 1
    out = capsys.readouterr().out
    assert "generated/petstore/python/petstore/__init__.py: out of date" in out
    assert "generated/petstore/CHANGELOG.md: out of date" in out
    assert "other" not in out

    assert apigen(project, "build") == 0
    assert "built petstore 1.0.0 (major bump" in capsys.readouterr().out
    assert apigen(project, "check") == 0
    changelog = (project / "generated/petstore/CHANGELOG.md").read_text()
    assert changelog.index("## 1.0.0") < changelog.index("## 0.1.0")
    assert "request body field `age` removed" in changelog
    assert 'enum value "bird" added' in changelog
    assert '__version__ = "1.0.0"' in (project / "generated/petstore/python/petstore/__init__.py").read_text()
    capsys.readouterr()

    assert apigen(project, "diff", str(old_spec), str(project / "specs/petstore.yaml")) == 0
    report = capsys.readouterr().out
    assert "## Breaking changes (1)" in report
    assert "**POST /pets** (`create_pet`): request body field `age` removed" in report
    assert apigen(project, "diff", str(old_spec), str(project / "specs/petstore.yaml"), "--fail-on-breaking") == 1


def test_additions_bump_minor(project: Path) -> None:
    assert apigen(project, "build") == 0
    spec = petstore()
    spec["paths"]["/pets"]["post"]["parameters"].append({"name": "trace", "in": "query",
                                                         "schema": {"type": "string"}})
    write_spec(project, "petstore", spec)
    outputs = {o.name: o for o in build(load_config(project))}
    assert (outputs["petstore"].level, outputs["petstore"].version) == ("minor", "0.2.0")
    manifest = json.loads((project / "generated/petstore" / MANIFEST_NAME).read_text())
    assert manifest["version"] == "0.2.0"
    # the persisted version survives a forced rebuild: renders stay deterministic
    before = snapshot(project)
    build(load_config(project), force=True)
    assert snapshot(project) == before


def test_hand_edited_generated_file_is_reported_and_restored(project: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert apigen(project, "build") == 0
    target = project / "generated/petstore/python/petstore/__init__.py"
    pristine = target.read_bytes()
    target.write_bytes(pristine + b"# my tweak\n")
    stray = project / "generated/petstore/docs/notes.txt"
    stray.write_text("mine\n")
    capsys.readouterr()
    assert apigen(project, "check") == 1
    out = capsys.readouterr().out
    assert "generated/petstore/python/petstore/__init__.py: edited by hand" in out
    assert "generated/petstore/docs/notes.txt: not produced by a build (stale)" in out
    assert apigen(project, "check", "--full") == 1
    assert "__init__.py: edited by hand" in capsys.readouterr().out
    assert apigen(project, "build") == 0  # an edited output makes the service stale: rebuilt
    assert target.read_bytes() == pristine and not stray.exists()
    assert apigen(project, "check") == 0


def test_custom_folders_are_never_written_or_deleted(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert apigen(project, "build") == 0
    assert not (project / "generated/petstore/python/petstore/custom").exists()  # renderer output dropped
    mine = project / "generated/petstore/python/petstore/custom/helpers.py"
    mine.parent.mkdir(parents=True)
    mine.write_text("def helper():\n    return 1\n")
    docs_note = project / "generated/petstore/docs/custom/guide.md"
    docs_note.parent.mkdir(parents=True)
    docs_note.write_text("# Guide\n")
    assert apigen(project, "check") == 0
    assert apigen(project, "build", "--force") == 0
    spec = petstore()
    spec["info"]["title"] = "Petstore 2"
    write_spec(project, "petstore", spec)
    assert apigen(project, "build") == 0
    assert mine.read_text() == "def helper():\n    return 1\n"
    assert docs_note.read_text() == "# Guide\n"
    assert sorted(p.name for p in mine.parent.iterdir()) == ["helpers.py"]
    capsys.readouterr()
    assert apigen(project, "check", "--full") == 0


def test_failed_build_leaves_the_tree_byte_identical(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert apigen(project, "build") == 0
    good = petstore()
    good["info"]["title"] = "changed"
    write_spec(project, "other", good)  # a valid change in one service ...
    bad = petstore()
    bad["components"]["schemas"]["NewPet"]["properties"]["age"]["type"] = "strin"  # ... a broken one in the other
    write_spec(project, "petstore", bad)
    before = snapshot(project)
    capsys.readouterr()
    assert apigen(project, "build", "--strict") == 1  # by default the broken schema would be dropped (below)
    err = capsys.readouterr().err
    assert err.startswith("apigen build: error: ") and "petstore.yaml" in err and len(err.splitlines()) == 1
    assert snapshot(project) == before
    assert not [p for p in project.iterdir() if p.name.startswith(".apigen-build-")]
    assert apigen(project, "build") == 0
    err = capsys.readouterr().err
    assert "warning: " in err and "petstore.yaml: at /components/schemas/NewPet/properties/age/type: " in err
    assert err.rstrip().endswith("schemas component 'NewPet' dropped")


def test_failed_swap_is_rolled_back(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert apigen(project, "build") == 0
    for name in ("petstore", "other"):
        spec = petstore()
        spec["info"]["title"] = f"{name} v2"
        write_spec(project, name, spec)
    before = generated(project)
    calls = {"n": 0}
    real_rename = Path.rename

    def flaky_rename(self: Path, target: Path) -> Path:  # type: ignore[override]
        calls["n"] += 1
        if calls["n"] == 6:  # part-way through moving the second service into place
            raise OSError(28, "No space left on device", str(target))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", flaky_rename)
    with pytest.raises(Exception, match="could not move output into place"):
        build(load_config(project))
    monkeypatch.setattr(Path, "rename", real_rename)
    assert calls["n"] > 6
    assert generated(project) == before


def test_unknown_service_is_one_clear_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert apigen(project, "build", "nosuch") == 1
    err = capsys.readouterr().err
    assert "unknown service(s) nosuch" in err and len(err.splitlines()) == 1


def test_changelog_hand_edits_are_kept_and_rendered(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert apigen(project, "build") == 0
    changelog = project / "generated/petstore/CHANGELOG.md"
    changelog.write_text(changelog.read_text() + "\nNote: the first release was a preview.\n")
    capsys.readouterr()
    assert apigen(project, "check") == 1  # the docs showing the changelog would change
    assert "generated/petstore/python/CHANGES.md: out of date" in capsys.readouterr().out
    assert apigen(project, "build") == 0
    assert "first release was a preview" in (project / "generated/petstore/python/CHANGES.md").read_text()
    spec = petstore()
    spec["info"]["title"] = "Petstore 2"
    write_spec(project, "petstore", spec)
    assert apigen(project, "build") == 0
    text = changelog.read_text()
    assert text.index("## 0.1.1") < text.index("## 0.1.0") < text.index("first release was a preview")
    assert apigen(project, "check") == 0


def test_template_override_and_options_are_inputs(project: Path) -> None:
    assert apigen(project, "build") == 0
    override = project / "my-templates"
    (override / "docs").mkdir(parents=True)
    config_text = (project / "apigen.yaml").read_text()
    (project / "apigen.yaml").write_text("templates: my-templates\n" + config_text)
    assert plan(load_config(project)) == (["other", "petstore"], [])  # override folder named: new input
    assert apigen(project, "build") == 0
    assert plan(load_config(project)) == ([], ["other", "petstore"])
    (override / "docs" / "page.md.jinja").write_text("{{ title }}\n")
    assert plan(load_config(project)) == (["petstore"], ["other"])  # `other` has no docs target
    assert apigen(project, "build") == 0
    (project / "apigen.yaml").write_text((project / "apigen.yaml").read_text().replace("2.0.0", "3.0.0"))
    assert plan(load_config(project)) == (["other"], ["petstore"])
    assert apigen(project, "build") == 0
    assert '__version__ = "3.0.0"' in (project / "generated/other/python/other_api/__init__.py").read_text()
