"""The fal queue simulation: tickets, status progression, logs, result, cancel, SSE and real images."""

from __future__ import annotations

import io
import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
from PIL import Image

from tests.mock.conftest import FAL_KEY, MockServer


def submit(server: MockServer, body: dict[str, Any] | None = None, model: str = "flux/dev") -> dict[str, Any]:
    response = httpx.post(f"{server.url}/fal-ai/{model}", headers=FAL_KEY, json=body or {"prompt": "a cat"})
    assert response.status_code == 200, response.text
    ticket: dict[str, Any] = response.json()
    assert response.headers["x-fal-request-id"] == ticket["request_id"]
    return ticket


def test_ticket_urls_point_at_the_mock(fal_server: MockServer) -> None:
    ticket = submit(fal_server, model="flux-pro/kontext/max")
    base = f"{fal_server.url}/fal-ai/flux-pro/requests/{ticket['request_id']}"
    assert ticket["status"] == "IN_QUEUE" and ticket["queue_position"] == 1
    assert (ticket["response_url"], ticket["status_url"], ticket["cancel_url"]) == (
        base, base + "/status", base + "/cancel")


def test_status_moves_through_the_queue_then_result(fal_server: MockServer) -> None:
    ticket = submit(fal_server, {"prompt": "a cat", "num_images": 2, "image_size": "landscape_4_3",
                                 "output_format": "jpeg"})
    result = httpx.get(ticket["response_url"], headers=FAL_KEY)
    assert result.status_code == 400  # not done yet
    assert result.headers["x-fal-request-id"] == ticket["request_id"]
    seen = []
    for logs in ("1", "true", "0"):
        response = httpx.get(ticket["status_url"], params={"logs": logs}, headers=FAL_KEY)
        seen.append((response.status_code, response.json()["status"], response.json()["logs"] is not None))
        assert response.headers["x-fal-request-id"] == ticket["request_id"]
    assert seen == [(202, "IN_QUEUE", True), (202, "IN_PROGRESS", True), (200, "COMPLETED", False)]
    payload = httpx.get(ticket["response_url"], headers=FAL_KEY).json()
    assert len(payload["images"]) == 2
    for image in payload["images"]:
        assert image["url"].startswith(fal_server.url + "/_mock/media/")
        picture = httpx.get(image["url"])
        assert picture.headers["content-type"] == "image/jpeg"
        decoded = Image.open(io.BytesIO(picture.content))
        assert (decoded.format, decoded.size) == ("JPEG", (1024, 768))
        assert (image["width"], image["height"], image["content_type"]) == (1024, 768, "image/jpeg")


def test_logs_appear_while_in_progress(fal_server: MockServer) -> None:
    ticket = submit(fal_server)
    httpx.get(ticket["status_url"], headers=FAL_KEY)
    in_progress = httpx.get(ticket["status_url"], params={"logs": 1}, headers=FAL_KEY).json()
    assert in_progress["status"] == "IN_PROGRESS"
    assert in_progress["logs"][0].keys() == {"message", "level", "source", "timestamp"}


def test_cancel_while_pending_then_after_completion(fal_server: MockServer) -> None:
    pending = submit(fal_server)
    response = httpx.put(pending["cancel_url"], headers=FAL_KEY)
    assert (response.status_code, response.json()) == (202, {"status": "CANCELLATION_REQUESTED"})
    assert httpx.get(pending["response_url"], headers=FAL_KEY).status_code == 400
    done = submit(fal_server)
    while httpx.get(done["status_url"], headers=FAL_KEY).status_code != 200:
        pass
    response = httpx.put(done["cancel_url"], headers=FAL_KEY)
    assert (response.status_code, response.json()) == (400, {"status": "ALREADY_COMPLETED"})


def test_unknown_request_id_is_404_everywhere(fal_server: MockServer) -> None:
    base = f"{fal_server.url}/fal-ai/flux/requests/0000"
    for method, url in (("GET", base), ("GET", base + "/status"), ("PUT", base + "/cancel"),
                        ("GET", base + "/status/stream")):
        response = httpx.request(method, url, headers=FAL_KEY)
        assert response.status_code == 404, url
        assert response.headers["x-fal-request-id"] == "0000"
        assert response.json()["detail"][0]["loc"] == ["path", "request_id"]


def test_status_stream_is_server_sent_events(fal_server: MockServer) -> None:
    ticket = submit(fal_server)
    with httpx.stream("GET", ticket["status_url"] + "/stream", headers=FAL_KEY, params={"logs": 1}) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        events = [json.loads(line[len("data: "):]) for line in response.iter_lines() if line.startswith("data: ")]
    assert [e["status"] for e in events] == ["IN_QUEUE", "IN_PROGRESS", "COMPLETED"]
    assert httpx.get(ticket["response_url"], headers=FAL_KEY).status_code == 200


def test_concurrent_queue_traffic(fal_server: MockServer) -> None:
    def one(index: int) -> int:
        with httpx.Client(headers=FAL_KEY, timeout=30) as client:
            ticket = client.post(f"{fal_server.url}/fal-ai/model-{index}", json={"prompt": f"p{index}"}).json()
            polls = 0
            while client.get(ticket["status_url"]).status_code == 202:
                polls += 1
            result = client.get(ticket["response_url"])
            assert result.status_code == 200
            return polls

    with ThreadPoolExecutor(8) as pool:
        polls = list(pool.map(one, range(40)))
    assert polls == [2] * 40
    assert fal_server.alive()


def test_job_store_is_bounded_and_evicts_the_oldest(fal_server: MockServer) -> None:
    import sys

    sys.path.insert(0, str(fal_server.folder))
    try:
        import mock_engine
    finally:
        sys.path.remove(str(fal_server.folder))
    store = mock_engine.JobStore(limit=3)
    for index in range(5):
        store.add(mock_engine.Job(request_id=str(index), app_path="a/b", result=None))
    assert len(store) == 3
    assert store.get("0") is None and store.get("1") is None and store.get("4") is not None
