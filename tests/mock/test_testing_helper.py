"""The SDK's in-process testing helper: the mock's behaviour through `httpx.MockTransport`, no server."""

from __future__ import annotations

import asyncio
import base64
import importlib
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from PIL import Image

from generator.config import ServiceConfig
from generator.render import RenderContext
from generator.render.python.testing import render_testing
from tests.mock.conftest import load_test_spec


def helper(tmp_path: Path, name: str) -> ModuleType:
    package = f"sdk_{name}"
    folder = tmp_path / package
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    render_testing(load_test_spec(name), RenderContext(service=ServiceConfig(name=name, package=package)), folder)
    sys.path.insert(0, str(tmp_path))
    try:
        return importlib.import_module(f"{package}.testing")
    finally:
        sys.path.remove(str(tmp_path))


@pytest.fixture
def fal_helper(tmp_path: Path) -> Iterator[ModuleType]:
    yield helper(tmp_path, "falqueue")
    for module in [m for m in sys.modules if m.startswith("sdk_falqueue")]:
        del sys.modules[module]


@pytest.fixture
def images_helper(tmp_path: Path) -> Iterator[ModuleType]:
    yield helper(tmp_path, "images")
    for module in [m for m in sys.modules if m.startswith("sdk_images")]:
        del sys.modules[module]


def test_queue_flow_in_process(fal_helper: ModuleType) -> None:
    http = httpx.Client(transport=fal_helper.MockTransport(queue_ticks=2), headers={"Authorization": "Key k"})
    ticket = http.post("https://queue.relay.example/fal-ai/flux/dev", json={"prompt": "x", "num_images": 2}).json()
    assert ticket["status_url"].startswith("https://queue.relay.example/fal-ai/flux/requests/")
    codes = [http.get(ticket["status_url"]).status_code for _ in range(3)]
    assert codes == [202, 202, 200]
    result = http.get(ticket["response_url"]).json()
    picture = http.get(result["images"][1]["url"])
    assert Image.open(io.BytesIO(picture.content)).size == (1024, 1024)
    assert http.put(ticket["cancel_url"]).status_code == 400
    assert http.get("https://queue.relay.example/fal-ai/flux/requests/nope/status").status_code == 404


def test_validation_and_auth_in_process(fal_helper: ModuleType) -> None:
    http = fal_helper.mock_http_client()
    assert http.post("/fal-ai/flux/dev", json={"prompt": "x"}).status_code == 401
    response = http.post("/fal-ai/flux/dev", json={"num_images": 0}, headers={"Authorization": "Key k"})
    assert response.status_code == 422
    assert {tuple(d["loc"]) for d in response.json()["detail"]} == {("body", "prompt"), ("body", "num_images")}


def test_sse_stream_in_process(fal_helper: ModuleType) -> None:
    http = fal_helper.mock_http_client(queue_ticks=3)
    http.headers["Authorization"] = "Key k"
    ticket = http.post("/fal-ai/flux/dev", json={"prompt": "x"}).json()
    text = http.get(ticket["status_url"] + "/stream").text
    assert text.count("data: ") == 4 and '"COMPLETED"' in text.split("data: ")[-1]


def test_openai_style_images_in_process_async(images_helper: ModuleType) -> None:
    async def main() -> tuple[int, bytes]:
        async with images_helper.mock_async_http_client("https://api.pictures.example") as http:
            response = await http.post("/v1/images/generations", headers={"Authorization": "Bearer k"},
                                       json={"model": "img-1", "prompt": "x", "response_format": "b64_json",
                                             "size": "256x256"})
            return response.status_code, base64.b64decode(response.json()["data"][0]["b64_json"])

    status, png = asyncio.run(main())
    assert status == 200
    assert Image.open(io.BytesIO(png)).size == (256, 256)
