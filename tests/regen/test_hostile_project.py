"""Names from apigen.yaml and folder names are validated where they enter; doc pages are plain files inside
the project (symbolic links refused); nothing is ever written outside generated/ and specs/."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.regen.conftest import apigen, snapshot


@pytest.mark.parametrize("package", ["/tmp/x/ABSPKG", "../../../pkgescape", "a/b", "class", "1abc", "x" * 101])
def test_package_that_is_not_an_import_name_is_one_error(project: Path, tmp_path: Path, package: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    (project / "apigen.yaml").write_text(f"services:\n  petstore: {{package: '{package}'}}\n", encoding="utf-8")
    before = snapshot(tmp_path)
    assert apigen(project, "build") == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "apigen.yaml: at services.petstore.package: package" in err and "not a Python import name" in err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("name", ["../../evil", "/abs", "a/b", ".hidden", "..", "x" * 101])
def test_service_name_that_is_not_a_folder_name_is_one_error(project: Path, tmp_path: Path, name: str,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    (project / "apigen.yaml").write_text(f"services:\n  '{name}': {{targets: [python]}}\n", encoding="utf-8")
    before = snapshot(tmp_path)
    assert apigen(project, "build") == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "is not one plain folder name" in err
    assert snapshot(tmp_path) == before


def test_symlinked_doc_page_is_refused_not_followed(project: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("POST /v1/secret\n\nTOP SECRET\n", encoding="utf-8")
    folder = project / "specs/sources/linked"
    folder.mkdir(parents=True)
    (folder / "page.md").symlink_to(secret)
    assert apigen(project, "build", "linked") == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "specs/sources/linked/page.md: is a symbolic link" in err
    assert not (project / "generated").exists() and not (project / "specs/linked.yaml").exists()


def test_symlinked_source_folder_is_refused(project: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "page.md").write_text("POST /v1/secret\n", encoding="utf-8")
    (project / "specs/sources").mkdir(parents=True)
    (project / "specs/sources/linked").symlink_to(elsewhere, target_is_directory=True)
    assert apigen(project, "build", "linked") == 1
    assert "is a symbolic link" in capsys.readouterr().err
