"""Names and docs of the generated SDK as a user reads them (issue 11, item 5): list items named by what they
are (`ImagesGenerateResponse.data: list[Image]`), class names that keep a version's boundary (`v2.2` is not
`V22`), one queue API (the request handles), no model that no signature uses, and docstrings with the page's
summary and an `Args:` entry for every argument, as in openai-python."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.openapi import load_spec
from generator.render.naming import pascal
from generator.render.python.plan import build_plan
from generator.render.python.schemas import CLASS_PREFIX, singular

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ("anyfast", "winfull", "uniapi", "aimanyi")


def _response(schema: dict[str, Any]) -> dict[str, Any]:
    return {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}


def _spec(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    spec: dict[str, Any] = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths}
    if schemas:
        spec["components"] = {"schemas": schemas}
    return spec


def _listing(*props: str, field: str = "url") -> dict[str, Any]:
    """An object of list properties whose items differ (identical inline objects share one class)."""
    return {"type": "object", "properties": {p: {"type": "array", "items": {
        "type": "object", "properties": {f"{field}_{p}": {"type": "string"}}}} for p in props}}


def _items_class(plan: Any, model: str, prop: str) -> str:
    ref = plan.schemas.schemas[model]["properties"][prop]["items"]["$ref"]
    assert ref.startswith(CLASS_PREFIX)
    return str(ref[len(CLASS_PREFIX):])


def test_a_data_list_item_is_named_by_the_resource() -> None:
    """openai-python's `ImagesResponse.data: list[Image]`: a generic container's items are one of what the
    resource holds; a plural property's items are its singular (`choices` -> `Choice`)."""
    plan = build_plan(_spec({"/v1/images/generations": {"post": {
        "operationId": "images_generate", "tags": ["images"], "responses": _response(_listing("data", "choices"))}}}))
    response = plan.resources[0].operations[0].returns.text
    assert response == "ImagesGenerateResponse"
    assert _items_class(plan, response, "data") == "Image"
    assert _items_class(plan, response, "choices") == "Choice"
    assert not [name for name in plan.schemas.schemas if name.endswith("Item")]


def test_a_taken_or_meaningless_item_name_is_qualified() -> None:
    """The short name only when free (a component `Image` keeps its name; the lifted class is qualified),
    and no guess where the name says nothing (`detail` is no plural, `fal_ai` no plural resource)."""
    image = {"type": "object", "properties": {"id": {"type": "string"}}}
    plan = build_plan(_spec({"/images": {"get": {"operationId": "images_list", "tags": ["images"],
                                                 "responses": _response(_listing("data"))}},
                             "/fal-ai/x": {"get": {"operationId": "fal_ai_x", "tags": ["fal_ai"],
                                                   "responses": _response(_listing("data", "detail", field="x"))}}},
                            {"Image": image}))
    assert _items_class(plan, "ImagesListResponse", "data") == "ImagesListResponseDataItem"
    assert _items_class(plan, "FalAiXResponse", "data") == "FalAiXResponseDataItem"
    assert _items_class(plan, "FalAiXResponse", "detail") == "FalAiXResponseDetailItem"
    assert plan.schemas.schemas["Image"]["properties"] == {"id": {"type": "string"}}
    assert [singular(w) for w in ("entries", "statuses", "boxes", "status", "analysis", "data")] == \
        ["entry", "status", "box", None, None, None]


def test_anyfast_images_generate_returns_images() -> None:
    text = (ROOT / "generated/anyfast/python/anyfast/models/images.py").read_text(encoding="utf-8")
    assert "class Image(Model):" in text and "data: list[Image] | None" in text
    assert "DataItem" not in text


def test_class_names_keep_a_version_boundary() -> None:
    """`wan_v2_2_a14b` is version 2.2, not 22: the class keeps the boundary, in CapWords (N801-clean)."""
    assert pascal("wan_v2_2_a14b_image_to_image") == "WanV2Dot2A14bImageToImage"
    assert pascal("flux_1_1_pro") == "Flux1Dot1Pro" and pascal("v1_2_3") == "V1Dot2Dot3"
    assert pascal("gpt_4o") == "Gpt4o" and pascal("http_server_2x") == "HttpServer2x"
    plan = build_plan(load_spec(ROOT / "specs/winfull.yaml"))
    assert {r.attr: r.class_name for r in plan.resources}["wan_v2_2_a14b_image_to_image"] == \
        "WanV2Dot2A14bImageToImage"
    ruff = subprocess.run([str(ROOT / ".venv/bin/ruff"), "check", "--no-cache", "--select", "N801",
                           str(ROOT / "generated/winfull/python/winfull/resources")],
                          capture_output=True, text=True, check=False)
    assert ruff.returncode == 0, ruff.stdout


def _queue_spec(with_submit: bool) -> dict[str, Any]:
    spec = load_spec(ROOT / "specs/winfull.yaml")
    if not with_submit:
        spec["paths"] = {path: item for path, item in spec["paths"].items()
                         if not any(op.get("x-queue") for op in item.values() if isinstance(op, dict))}
    return spec


def test_the_queue_operations_get_no_second_api() -> None:
    """With a queued submit, status/result/cancel/stream are the handles' (and the queued resource's
    helpers'), not a `client.queue` of raw operations too; a spec of the queue operations alone keeps them."""
    assert "queue" not in {r.attr for r in build_plan(_queue_spec(True)).resources}
    alone = {r.attr: [op.name for op in r.operations] for r in build_plan(_queue_spec(False)).resources}
    assert sorted(alone["queue"]) == ["cancel_request", "get_request_result", "get_request_status",
                                      "stream_request_status"]
    for seed in ("winfull", "uniapi", "aimanyi"):
        package = ROOT / "generated" / seed / "python" / seed
        assert not (package / "resources" / "queue.py").exists(), seed
        assert "client.queue" not in (ROOT / "generated" / seed / "docs" / "index.html").read_text(encoding="utf-8")
        assert "client.queue" not in (package.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("seed", SEEDS)
def test_no_model_goes_unused(seed: str) -> None:
    """Every model class is a component schema of the spec or reached from a method's signature: the
    per-operation ticket models (`FalAiSubmitResponse`) the one `QueueStatus` replaced are not written."""
    plan = build_plan(load_spec(ROOT / f"specs/{seed}.yaml"))
    assert not [name for name in plan.schemas.schemas if name.endswith("SubmitResponse")]
    models = ROOT / "generated" / seed / "python" / seed / "models"
    assert "SubmitResponse" not in "".join(p.read_text(encoding="utf-8") for p in models.glob("*.py"))


def _methods(path: Path) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node for cls in tree.body if isinstance(cls, ast.ClassDef) and not cls.name.endswith("WithRawResponse")
            for node in cls.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and not node.name.startswith("_") and node.name != "with_raw_response"]


@pytest.mark.parametrize("seed", SEEDS)
def test_every_argument_is_documented(seed: str) -> None:
    """Each operation's method (and `run`, and the queue helpers) documents every argument under `Args:`;
    none is headed by its bare HTTP line (winfull's were `POST /fal-ai/...` alone)."""
    checked = 0
    for module in (ROOT / "generated" / seed / "python" / seed / "resources").glob("*.py"):
        for method in _methods(module):
            doc = ast.get_docstring(method) or ""
            assert not doc.startswith(("POST ", "GET ")), (module.name, method.name, doc)
            names = [a.arg for a in [*method.args.args, *method.args.kwonlyargs] if a.arg != "self"]
            args = doc.split("Args:\n", 1)[1] if "Args:\n" in doc else ""
            documented = {line.split(":", 1)[0].strip() for line in args.splitlines() if line.startswith("    ")
                          and not line.startswith("     ")}
            assert set(names) <= documented, (module.name, method.name, set(names) - documented)
            checked += 1
    assert checked


def test_winfull_reads_like_its_page() -> None:
    text = (ROOT / "generated/winfull/python/winfull/resources/wan_v2_2_a14b_image_to_image.py").read_text(
        encoding="utf-8")
    assert "Submit a request to `fal-ai/wan/v2.2-a14b/image-to-image` on the fal queue." in text
    assert "Documentation: https://fal.ai/models/fal-ai/wan/v2.2-a14b/image-to-image" in text
    assert "strength: For example `0.5`." in text


@pytest.mark.parametrize("seed", SEEDS)
def test_every_model_field_carries_its_description(seed: str) -> None:
    """Each property the spec describes is documented on its model field (an attribute docstring)."""
    plan = build_plan(load_spec(ROOT / f"specs/{seed}.yaml"))
    models = ROOT / "generated" / seed / "python" / seed / "models"
    written = " ".join("".join(p.read_text(encoding="utf-8") for p in models.glob("*.py")).split())
    described = [(name, wire, str(prop["description"]))
                 for name, schema in plan.schemas.schemas.items()
                 for wire, prop in (schema.get("properties") or {}).items()
                 if isinstance(prop, dict) and prop.get("description")]
    assert described
    missing = [(name, wire) for name, wire, text in described if " ".join(text.split()) not in written]
    assert not missing, missing


def test_a_described_reference_keeps_its_description(tmp_path: Path) -> None:
    """`owner: {$ref: User, description: ...}`: datamodel-code-generator drops a `$ref`'s siblings, so the
    field would lose the page's description; it is documented like any other field."""
    from tests.sdk.conftest import generate

    spec = tmp_path / "pets.yaml"
    spec.write_text(yaml.safe_dump(_spec({"/pets": {"get": {"operationId": "pets_get", "tags": ["pets"], "responses":
        _response({"type": "object", "properties": {
            "owner": {"$ref": "#/components/schemas/User", "description": "Who owns the pet."},
            "vet": {"$ref": "#/components/schemas/User"}}})}}},
        {"User": {"type": "object", "properties": {"id": {"type": "string"}}}})), encoding="utf-8")
    made = generate(spec, tmp_path / "out", "pets")
    text = (made.package_dir / "models" / "pets.py").read_text(encoding="utf-8")
    assert 'owner: User | None = None\n    """\n    Who owns the pet.\n    """\n    vet: User | None = None\n' in text
