"""The SDK runtime (`generator/runtime/python/`) tested as source: imported from apigen's tree, with a
client as small as a generated `_client.py` over an `httpx.MockTransport`, so no service is rendered."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from generator.runtime.python import _base

API_KEY = "sk-runtime-test-key-0123456789"
Answer = Callable[[httpx.Request], httpx.Response]


class Client(_base.SyncAPIClient):
    """What a generated `Client` adds to the runtime: configuration and bearer auth."""

    def __init__(self, answer: Answer, *, max_retries: int = 2, timeout: float | httpx.Timeout | None = 5.0,
                 api_key: str | None = API_KEY) -> None:
        self.base_url = "http://api.test/v1"
        self.max_retries = max_retries
        self.timeout = timeout
        self._api_key = api_key
        self._http = httpx.Client(transport=httpx.MockTransport(answer))

    def _auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._api_key}"} if self._api_key else {}

    def get(self, path: str, cast_to: Any = None, **options: Any) -> Any:
        return self.request(_base.RequestOptions("GET", path, cast_to, **options))


class AsyncClient(_base.AsyncAPIClient):
    """The async twin of `Client`."""

    def __init__(self, answer: Answer, *, max_retries: int = 2, timeout: float | httpx.Timeout | None = 5.0,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.base_url = "http://api.test/v1"
        self.max_retries = max_retries
        self.timeout = timeout
        self._api_key = API_KEY
        self._http = httpx.AsyncClient(transport=transport or httpx.MockTransport(answer))

    async def get(self, path: str, cast_to: Any = None, **options: Any) -> Any:
        return await self.request(_base.RequestOptions("GET", path, cast_to, **options))


def scripted(*answers: httpx.Response, seen: list[httpx.Request] | None = None) -> Answer:
    """A transport handler giving `answers` in turn (the last one again once they run out)."""
    remaining = list(answers)

    def answer(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return remaining.pop(0) if len(remaining) > 1 else remaining[0]

    return answer
