"""In-process mock of the winfull API for unit tests: no server, no port, no key.

    import httpx
    from winfull.testing import MockTransport

    http = httpx.Client(transport=MockTransport(queue_ticks=2))
    # pass `http_client=http` to the SDK's client, or send requests with `http` directly

Requests to any host are answered the way `apigen mock` answers them: checked against the spec (401, 415,
422 listing every violation...), served from the documented examples or data generated from the
schemas, with the fal queue simulated (IN_QUEUE, IN_PROGRESS, COMPLETED over `queue_ticks` status polls)
and real images served under `/_mock/media/` of the same host. Standard library and httpx only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from ._mock_engine import Engine, MockRequest

_HERE = Path(__file__).resolve().parent


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((_HERE / name).read_text(encoding="utf-8"))
    return data


class MockTransport(httpx.MockTransport):
    """An httpx transport (sync and async) answering from the mock engine of this API."""

    def __init__(self, *, queue_ticks: int = 3, seed: int = 0, max_jobs: int = 10_000) -> None:
        self.engine = Engine(_load("_mock_spec.json"), _load("_mock_fixtures.json"), seed=seed,
                             queue_ticks=queue_ticks, max_jobs=max_jobs)
        super().__init__(self.answer)

    def answer(self, request: httpx.Request) -> httpx.Response:
        """The engine's answer to one httpx request (server-sent events arrive all at once)."""
        mock_request = MockRequest(
            method=request.method,
            path=request.url.path,
            query=list(request.url.params.multi_items()),
            headers={name.lower(): value for name, value in request.headers.items()},
            body=request.read(),
            base_url=f"{request.url.scheme}://{request.url.netloc.decode('ascii')}",
        )
        answer = self.engine.handle(mock_request)
        content = b"".join(answer.events) if answer.events is not None else answer.body
        return httpx.Response(answer.status, headers=answer.headers, content=content, request=request)


def mock_http_client(base_url: str = "https://mock.test", **options: Any) -> httpx.Client:
    """An `httpx.Client` over `MockTransport(**options)`."""
    return httpx.Client(base_url=base_url, transport=MockTransport(**options))


def mock_async_http_client(base_url: str = "https://mock.test", **options: Any) -> httpx.AsyncClient:
    """An `httpx.AsyncClient` over `MockTransport(**options)`."""
    return httpx.AsyncClient(base_url=base_url, transport=MockTransport(**options))
