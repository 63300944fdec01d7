"""The mock's resources are bounded: the job store by bytes as well as count, media by size and one encode at
a time; URLs it hands out never come from an untrusted Host header."""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from tests.mock.conftest import FAL_KEY, MockServer


@pytest.fixture
def engine_module(fal_server: MockServer) -> Iterator[ModuleType]:
    sys.path.insert(0, str(fal_server.folder))
    try:
        yield importlib.import_module("mock_engine")
    finally:
        sys.path.remove(str(fal_server.folder))


def test_job_store_is_bounded_by_bytes(engine_module: ModuleType) -> None:
    store = engine_module.JobStore(limit=10_000, max_bytes=1_000_000)
    for index in range(400):  # 400 x 100 KB submits: 40 MB of payloads offered
        store.add(engine_module.Job(request_id=str(index), app_path="a/b"), 100_000)
    assert store.bytes <= 1_000_000 and len(store) == 9
    assert store.get("399") is not None and store.get("0") is None


def test_large_submits_are_counted_by_their_bytes(fal_server: MockServer, engine_module: ModuleType) -> None:
    payload = {"prompt": "x" * 100_000}
    # the engine in-process, as the server runs it: what 300 x 100 KB submits leave under a 5 MB budget
    import json

    folder = fal_server.folder
    engine = engine_module.load_engine(str(folder), seed=0, queue_ticks=2, max_jobs=10_000,
                                       max_job_bytes=5_000_000)
    body = json.dumps(payload).encode()
    for _ in range(300):
        answer = engine.handle(engine_module.MockRequest(
            method="POST", path="/fal-ai/flux/dev", query=[], headers={"content-type": "application/json",
                                                                       "authorization": "Key k"},
            body=body, base_url="http://127.0.0.1:1"))
        assert answer.status == 200
    assert 4_000_000 < engine.jobs.bytes <= 5_000_000 and len(engine.jobs) < 50
    newest = engine.jobs.get(list(engine.jobs._jobs)[-1])
    assert newest.source is not None and newest.source[1] is newest.source[4]  # the JSON is kept once


def test_host_header_does_not_name_the_ticket_urls(fal_server: MockServer) -> None:
    response = httpx.post(f"{fal_server.url}/fal-ai/flux/dev", json={"prompt": "a"},
                          headers={**FAL_KEY, "Host": "evil.example"})
    assert response.status_code == 200
    assert "evil.example" not in response.text
    assert response.json()["response_url"].startswith(fal_server.url)
    local = httpx.post(f"{fal_server.url}/fal-ai/flux/dev", json={"prompt": "a"},
                       headers={**FAL_KEY, "Host": "localhost:9999"})  # a loopback name (a mapped port) is kept
    assert local.json()["response_url"].startswith("http://localhost:9999/")


def test_media_encodes_are_bounded_and_one_at_a_time(engine_module: ModuleType,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    real_save = Image.Image.save
    seen: list[tuple[tuple[int, int], dict[str, object]]] = []
    running, most = [0], [0]

    def save(self: Image.Image, fp: object, format: str | None = None, **options: object) -> None:
        running[0] += 1
        most[0] = max(most[0], running[0])
        seen.append((self.size, options))
        time.sleep(0.05)
        real_save(self, fp, format, **options)
        running[0] -= 1

    monkeypatch.setattr(Image.Image, "save", save)
    engine_module.image_bytes.cache_clear()
    engine = engine_module.load_engine(str(Path(engine_module.__file__).parent), seed=0)
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda n: engine.handle(engine_module.MockRequest(
            method="GET", path=f"/_mock/media/99999x99999/{n}.webp", query=[], headers={}, body=b"",
            base_url="http://127.0.0.1:1")), range(4)))
    assert [a.status for a in answers] == [200] * 4
    assert most[0] == 1  # one encode at a time: media requests take at most one core
    assert all(size == (4096, 4096) and options.get("method") == 0 for size, options in seen)  # fastest WebP
