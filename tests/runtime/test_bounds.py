"""The SDK runtime against hostile servers: Retry-After garbage and `nan` fall back to backoff, bodies are
read at most `max_response_size` bytes, `timeout` bounds the whole answer (not each read), and a key the
server echoes back is masked in error messages."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from generator.runtime.python import _base, _errors
from tests.runtime.conftest import API_KEY, AsyncClient, Client, scripted


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


@pytest.mark.parametrize("header", [{"retry-after": "garbage"}, {"retry-after": "Mon, 99 Foo 1 25:61:61"},
                                    {"retry-after-ms": "nan"}, {"retry-after-ms": "inf"}, {"retry-after": "nan"},
                                    {"retry-after": ""}])
def test_unusable_retry_after_falls_back_to_backoff(header: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    monkeypatch.setattr(_base.time, "sleep", slept.append)
    client = Client(scripted(httpx.Response(429, json={"error": {"message": "slow"}}, headers=header),
                             httpx.Response(200, json=[])), max_retries=1)
    assert client.get("/models") == []
    assert len(slept) == 1 and 0 < slept[0] <= _base.MAX_RETRY_DELAY  # a finite backoff, not sleep(nan)


def test_body_over_the_limit_is_a_typed_error_without_reading_it_all() -> None:
    stream = Endless()
    client = Client(lambda request: httpx.Response(200, stream=stream), max_retries=0)
    client.max_response_size = 8 << 20
    with pytest.raises(_errors.APIResponseValidationError, match="over 8388608 bytes"):
        client.get("/models")
    assert stream.sent <= 9 << 20
    announced = Client(lambda request: httpx.Response(200, headers={"content-length": str(3 << 30)},
                                                      stream=Endless()), max_retries=0)
    with pytest.raises(_errors.APIResponseValidationError):  # the default limit, refused from Content-Length
        announced.get("/models")
    assert _base.MAX_RESPONSE_SIZE == 100 << 20


def test_timeout_bounds_the_whole_answer_not_each_read() -> None:
    client = Client(lambda request: httpx.Response(200, stream=Trickle(0.05)), max_retries=0, timeout=0.5)
    started = time.monotonic()
    with pytest.raises(_errors.APITimeoutError):
        client.get("/models")  # 200 bytes x 0.05 s = 10 s if only each read were bounded
    assert time.monotonic() - started < 2


def test_async_timeout_bounds_the_whole_answer() -> None:
    client = AsyncClient(lambda request: httpx.Response(200, stream=Trickle(0.05)), max_retries=0, timeout=0.5)
    started = time.monotonic()
    with pytest.raises(_errors.APITimeoutError):
        asyncio.run(client.get("/models"))
    assert time.monotonic() - started < 2


def test_echoed_key_is_masked_in_the_error_message() -> None:
    client = Client(lambda request: httpx.Response(
        401, json={"error": {"message": f"Incorrect API key provided: {API_KEY}"}}), max_retries=0)
    with pytest.raises(_errors.AuthenticationError) as caught:
        client.get("/models")
    assert API_KEY not in str(caught.value) and API_KEY not in repr(caught.value)
    assert "Incorrect API key provided: [REDACTED]" in str(caught.value)
