"""The docs' examples use the generated SDK's real types: how the queue ticket's `status` is compared is
read from the SDK's plan and checked here against a ticket the generated SDK actually parses; response
examples show the enum value their description names (a "Completed" status response shows COMPLETED)."""

from __future__ import annotations

import copy
import importlib
import json
import pkgutil
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from generator.config import ServiceConfig
from generator.openapi import load_spec
from generator.render import RenderContext, renderer
from generator.render.docs.sdk import sdk_names
from tests.docs.helpers import SPECS, code_blocks, render_docs

STATES = ["IN_QUEUE", "IN_PROGRESS", "COMPLETED"]


def _with_status_component(spec: dict[str, Any]) -> dict[str, Any]:
    """The demo spec with the ticket's status enum moved into a component of its own (`$ref`)."""
    changed = copy.deepcopy(spec)
    schemas = changed["components"]["schemas"]
    schemas["QueueState"] = {"type": "string", "enum": STATES}
    schemas["QueueStatus"]["properties"]["status"] = {"$ref": "#/components/schemas/QueueState"}
    return changed


def _parsed_status(spec: dict[str, Any], package: str, out: Path) -> Any:
    """The `status` of a ticket parsed by the SDK generated from `spec`."""
    renderer("python")(spec, RenderContext(service=ServiceConfig(name=package, package=package)), out)
    sys.path.insert(0, str(out))
    try:
        root = importlib.import_module(package)
        modules = [root] + [importlib.import_module(m.name)
                            for m in pkgutil.walk_packages(root.__path__, package + ".")]
        ticket_class = next(m.QueueStatus for m in modules if isinstance(getattr(m, "QueueStatus", None),
                                                                                     type))
        ticket = ticket_class.model_validate({"status": "COMPLETED", "request_id": "r-1"})
        return ticket.status
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]


@pytest.mark.parametrize("variant", ["inline", "component"])
def test_status_comparison_follows_the_sdk_type(variant: str, tmp_path: Path) -> None:
    spec = load_spec(SPECS / "demo.yaml")
    if variant == "component":
        spec = _with_status_component(spec)
    package = f"status_{variant}"
    status = _parsed_status(spec, package, tmp_path / "python")
    names = sdk_names(spec)
    assert names.ticket_status_is_enum is isinstance(status, Enum)
    value = status.value if names.ticket_status_is_enum else status
    assert value == "COMPLETED"

    from generator.render.docs.pages import render

    render(spec, RenderContext(service=ServiceConfig(name=package, package=package)), tmp_path / "docs")
    page = (tmp_path / "docs" / "operations" / "get_request_result.md").read_text(encoding="utf-8")
    python, python_async = code_blocks(page, "python")
    expected = ".status.value != \"COMPLETED\"" if isinstance(status, Enum) else ".status != \"COMPLETED\""
    assert f"client.fal_ai.status(ticket){expected}" in python
    assert f"(await client.fal_ai.status(ticket)){expected}" in python_async


def test_status_response_examples_show_the_state_they_describe(tmp_path: Path) -> None:
    docs = render_docs("demo", tmp_path)
    page = (docs / "operations" / "get_request_status.md").read_text(encoding="utf-8")
    completed, pending, *errors = (json.loads(block) for block in code_blocks(page, "json"))
    assert all("detail" in error for error in errors)  # 404/422 in fal's error shape
    assert page.index("### 200: Completed") < page.index("### 202: Pending")
    assert completed["status"] == "COMPLETED"  # named by the description "Completed"
    assert pending["status"] == "IN_QUEUE"  # "Pending" names no state: the first one
