"""Hostile traffic never produces a 500 and never stops the server."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.mock.conftest import BEARER, FAL_KEY, MockServer

JSON = {"content-type": "application/json"}


def test_garbage_bodies_content_types_and_paths(fal_server: MockServer, images_server: MockServer) -> None:
    rng = random.Random(5)
    cases: list[tuple[str, str, dict[str, str], bytes]] = [
        ("POST", fal_server.url + "/fal-ai/flux/dev", {**FAL_KEY, **JSON}, b"\xff\xfe\x00garbage"),
        ("POST", fal_server.url + "/fal-ai/flux/dev", {**FAL_KEY, **JSON}, b"[1, 2"),
        ("POST", fal_server.url + "/fal-ai/flux/dev", {**FAL_KEY, **JSON}, b"null"),
        ("POST", fal_server.url + "/fal-ai/flux/dev", {**FAL_KEY, **JSON}, b'"just a string"'),
        ("POST", fal_server.url + "/fal-ai/flux/dev", {**FAL_KEY, **JSON}, b"[" * 5000 + b"]" * 5000),
        ("POST", fal_server.url + "/fal-ai/flux/dev", {**FAL_KEY, "content-type": "multipart/form-data"}, b"--x"),
        ("POST", fal_server.url + "/fal-ai/flux/dev", {**FAL_KEY, "content-type": "@@@/;;;"}, b"{}"),
        ("POST", images_server.url + "/v1/images/edits", {**BEARER, "content-type": "multipart/form-data; b=1"},
         b"--1\r\nbroken"),
        ("GET", fal_server.url + "/fal-ai/flux/requests/%00%ff%2F../status", FAL_KEY, b""),
        ("GET", fal_server.url + "/_mock/media/99999x99999/1.png", {}, b""),
        ("GET", fal_server.url + "/_mock/media/../../etc/passwd", {}, b""),
        ("DELETE", images_server.url + "/v1/images/generations", BEARER, b""),
        ("POST", images_server.url + "/v1/images/generations", BEARER, bytes(rng.getrandbits(8) for _ in range(4096))),
        ("POST", images_server.url + "/v1/images/generations", {**BEARER, **JSON},
         b'{"model": "img-1", "prompt": "\\ud800", "n": 1e400}'),
    ]
    for method, url, headers, body in cases:
        response = httpx.request(method, url, headers=headers, content=body, timeout=30)
        assert response.status_code < 500, (url, body[:40], response.text[:200])
    big = httpx.post(fal_server.url + "/fal-ai/flux/dev", headers={**FAL_KEY, **JSON},
                     content=b'{"prompt": "' + b"a" * (50 * 1024 * 1024) + b'"}', timeout=60)
    assert big.status_code == 413
    assert fal_server.alive() and images_server.alive()
    assert httpx.post(fal_server.url + "/fal-ai/flux/dev", headers=FAL_KEY, json={"prompt": "ok"}).status_code == 200


def test_concurrent_mixed_traffic_keeps_serving(fal_server: MockServer) -> None:
    def hammer(index: int) -> list[int]:
        codes = []
        with httpx.Client(base_url=fal_server.url, headers=FAL_KEY, timeout=30) as client:
            for step in range(10):
                if step % 3 == 0:
                    codes.append(client.post(f"/fal-ai/m/{index}", content=b"{bad", headers=JSON).status_code)
                elif step % 3 == 1:
                    codes.append(client.get(f"/fal-ai/m/requests/unknown-{index}-{step}/status").status_code)
                else:
                    ticket = client.post(f"/fal-ai/m/{index}", json={"prompt": "p"}).json()
                    codes.append(client.put(ticket["cancel_url"]).status_code)
        return codes

    with ThreadPoolExecutor(12) as pool:
        codes = [code for batch in pool.map(hammer, range(24)) for code in batch]
    assert set(codes) == {400, 404, 202}
    assert fal_server.alive()
