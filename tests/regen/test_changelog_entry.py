"""The first CHANGELOG.md entry counts operations, not the changes against an empty spec (which also
count the auth scheme and servers)."""

from __future__ import annotations

from pathlib import Path

from tests.regen.conftest import apigen, petstore, write_spec


def test_initial_entry_counts_operations_not_auth_or_servers(project: Path) -> None:
    spec = petstore()
    spec["servers"] = [{"url": "https://api.example.com"}, {"url": "https://eu.example.com"}]
    spec["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
    spec["security"] = [{"bearer": []}]
    spec["paths"]["/pets/{id}"] = {"get": {
        "operationId": "get_pet", "tags": ["pets"],
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
        "responses": {"200": {"description": "ok"}}}}
    write_spec(project, "petstore", spec)
    assert apigen(project, "build", "petstore") == 0
    changelog = (project / "generated/petstore/CHANGELOG.md").read_text(encoding="utf-8")
    assert "Initial release: 2 operations." in changelog
    other = (project / "generated/other/CHANGELOG.md")
    assert not other.exists()
    assert apigen(project, "build", "other") == 0
    assert "Initial release: 1 operation." in other.read_text(encoding="utf-8")
