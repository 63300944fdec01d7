"""A temporary apigen project whose services are plain OpenAPI 3.1 spec files (no ingest needed), rendered
by a tiny stand-in renderer so these tests do not depend on the real renderers' progress."""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from generator.cli import main

if TYPE_CHECKING:
    from tests.regen.site_server import SiteServer

PETSTORE: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Petstore", "version": "1.0.0"},
    "paths": {
        "/pets": {
            "post": {
                "operationId": "create_pet",
                "tags": ["pets"],
                "parameters": [{"name": "dry_run", "in": "query", "schema": {"type": "boolean"}}],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewPet"}}},
                },
                "responses": {"200": {"description": "ok", "content": {"application/json": {
                    "schema": {"type": "object", "required": ["id"],
                               "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}}}}},
            },
        },
    },
    "components": {"schemas": {"NewPet": {
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"type": "string"},
            "kind": {"type": "string", "enum": ["cat", "dog"], "default": "cat"},
            "age": {"type": "integer"},
        },
    }}},
}


@pytest.fixture(scope="session", autouse=True)
def apigen_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A cache folder (compiled templates, models) of this session's own, never the user's."""
    folder = tmp_path_factory.mktemp("apigen-cache")
    previous = os.environ.get("APIGEN_CACHE")
    os.environ["APIGEN_CACHE"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["APIGEN_CACHE"]
    else:
        os.environ["APIGEN_CACHE"] = previous


def petstore() -> dict[str, Any]:
    return copy.deepcopy(PETSTORE)


def write_spec(root: Path, name: str, spec: dict[str, Any]) -> Path:
    path = root / "specs" / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the project (bytes), to prove a failed command changed nothing."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def tiny_renderers(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import render

    monkeypatch.setitem(render.TARGETS, "python", "tests.regen.tiny_renderer")
    monkeypatch.setitem(render.TARGETS, "docs", "tests.regen.tiny_renderer")


@pytest.fixture
def project(tmp_path: Path, tiny_renderers: None) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "apigen.yaml").write_text(
        "services:\n"
        "  petstore: {package: petstore, version: 0.1.0, targets: [python, docs]}\n"
        "  other: {package: other_api, version: 2.0.0, targets: [python]}\n", encoding="utf-8")
    write_spec(root, "petstore", petstore())
    other = petstore()
    other["info"]["title"] = "Other"
    write_spec(root, "other", other)
    return root


def apigen(root: Path, *args: str) -> int:
    """Run the CLI in-process (so the stand-in renderers apply) against `root`."""
    verb, *rest = args
    return main([verb, "--root", str(root), *rest])


@pytest.fixture
def site() -> Iterator[SiteServer]:
    """A local doc site on 127.0.0.1 (see site_server)."""
    from tests.regen.site_server import SiteServer as Server

    server = Server()
    yield server
    server.close()


@pytest.fixture
def other() -> Iterator[SiteServer]:
    """A second site, on another port: another origin."""
    from tests.regen.site_server import SiteServer as Server

    server = Server()
    yield server
    server.close()
