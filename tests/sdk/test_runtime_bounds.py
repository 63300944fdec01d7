"""The SDK runtime against hostile servers: Retry-After garbage and `nan` fall back to backoff, bodies are
read at most `max_response_size` bytes, `timeout` bounds the whole answer (not each read), and a key the
server echoes back is masked in error messages."""

from __future__ import annotations

import asyncio
import importlib
import time
from collections.abc import AsyncIterator, Callable, Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.sdk.conftest import Generated, load
from tests.sdk.server import API_KEY


@pytest.fixture
def sdk(sdks: dict[str, Generated]) -> ModuleType:
    return load(sdks["images"])


class Trickle(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A JSON list sent one byte every `pause` seconds, like a server holding the connection open."""

    def __init__(self, pause: float, length: int = 200) -> None:
        self.pause, self.body = pause, b"[" + b" " * length + b"]"

    def __iter__(self) -> Iterator[bytes]:
        for byte in self.body:
            time.sleep(self.pause)
            yield bytes([byte])

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for byte in self.body:
            await asyncio.sleep(self.pause)
            yield bytes([byte])


class Endless(httpx.SyncByteStream):
    """An unbounded body, 1 MiB at a time (2 GB took 2.1 GB of memory before the limit)."""

    def __init__(self) -> None:
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        chunk = b"x" * (1 << 20)
        while self.sent < 2 << 30:
            self.sent += len(chunk)
            yield chunk


def base(sdk: ModuleType) -> ModuleType:
    return importlib.import_module(f"{sdk.__name__}._base")


def client_for(sdk: ModuleType, answer: Callable[[httpx.Request], httpx.Response], **options: Any) -> Any:
    transport = httpx.MockTransport(answer)
    return sdk.Client(api_key=API_KEY, base_url="http://api.test/v1", http_client=httpx.Client(transport=transport),
                      **options)


@pytest.mark.parametrize("header", [{"retry-after": "garbage"}, {"retry-after": "Mon, 99 Foo 1 25:61:61"},
                                    {"retry-after-ms": "nan"}, {"retry-after-ms": "inf"}, {"retry-after": "nan"},
                                    {"retry-after": ""}])
def test_unusable_retry_after_falls_back_to_backoff(sdk: ModuleType, header: dict[str, str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    slept: list[float] = []
    monkeypatch.setattr(base(sdk).time, "sleep", slept.append)

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(429, json={"error": {"message": "slow"}}, headers=header) if len(calls) == 1 \
            else httpx.Response(200, json=[])
    assert client_for(sdk, answer, max_retries=1).models.list() == []
    assert len(slept) == 1 and 0 < slept[0] <= base(sdk).MAX_RETRY_DELAY  # a finite backoff, not sleep(nan)


def test_body_over_the_limit_is_a_typed_error_without_reading_it_all(sdk: ModuleType) -> None:
    stream = Endless()
    client = client_for(sdk, lambda request: httpx.Response(200, stream=stream), max_retries=0)
    client.max_response_size = 8 << 20
    with pytest.raises(sdk.APIResponseValidationError, match="over 8388608 bytes"):
        client.models.list()
    assert stream.sent <= 9 << 20
    announced = client_for(sdk, lambda request: httpx.Response(
        200, headers={"content-length": str(3 << 30)}, stream=Endless()), max_retries=0)
    with pytest.raises(sdk.APIResponseValidationError):  # the default limit, refused from Content-Length
        announced.models.list()
    assert base(sdk).MAX_RESPONSE_SIZE == 100 << 20


def test_timeout_bounds_the_whole_answer_not_each_read(sdk: ModuleType) -> None:
    client = client_for(sdk, lambda request: httpx.Response(200, stream=Trickle(0.05)), max_retries=0,
                        timeout=0.5)
    started = time.monotonic()
    with pytest.raises(sdk.APITimeoutError):
        client.models.list()  # 200 bytes x 0.05 s = 10 s if only each read were bounded
    assert time.monotonic() - started < 2


def test_async_timeout_bounds_the_whole_answer(sdk: ModuleType) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, stream=Trickle(0.05)))

    async def call() -> None:
        async with sdk.AsyncClient(api_key=API_KEY, base_url="http://api.test/v1", max_retries=0, timeout=0.5,
                                   http_client=httpx.AsyncClient(transport=transport)) as client:
            await client.models.list()

    started = time.monotonic()
    with pytest.raises(sdk.APITimeoutError):
        asyncio.run(call())
    assert time.monotonic() - started < 2


def test_echoed_key_is_masked_in_the_error_message(sdk: ModuleType) -> None:
    client = client_for(sdk, lambda request: httpx.Response(
        401, json={"error": {"message": f"Incorrect API key provided: {API_KEY}"}}), max_retries=0)
    with pytest.raises(sdk.AuthenticationError) as caught:
        client.models.list()
    assert API_KEY not in str(caught.value) and API_KEY not in repr(caught.value)
    assert "Incorrect API key provided: [REDACTED]" in str(caught.value)
