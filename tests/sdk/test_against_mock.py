"""The generated SDKs against the generated mock (its in-process `testing.MockTransport`): the same spec
on both sides, so typed calls, validation errors and the fal queue must agree end to end."""

from __future__ import annotations

import asyncio
import importlib
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.sdk.conftest import Generated, load


def mocked(sdks: dict[str, Generated], name: str) -> tuple[ModuleType, Any]:
    sdk = load(sdks[name])
    testing = importlib.import_module(f"{sdks[name].service.package}.testing")
    return sdk, testing


def test_images_sdk_against_mock(sdks: dict[str, Generated]) -> None:
    sdk, testing = mocked(sdks, "images")
    http = httpx.Client(transport=testing.MockTransport())
    client = sdk.Client(api_key="k", base_url="https://mock.test/v1", http_client=http, max_retries=0)
    result = client.images.generate(prompt="a cat")
    assert isinstance(result.created, int) and isinstance(result.data, list)
    assert [type(m).__name__ for m in client.models.list()] == ["ModelInfo"] * len(client.models.list())
    edited = client.images.edit(image=b"png-bytes", prompt="p")
    assert isinstance(edited.data, list)
    with pytest.raises(sdk.APIStatusError) as caught:  # the mock checks the body against the spec
        client.images.generate(prompt="x", extra_body={"n": "not a number"})
    assert caught.value.status_code in (400, 422)


def test_fal_queue_run_against_mock(sdks: dict[str, Generated]) -> None:
    sdk, testing = mocked(sdks, "falqueue")
    client = sdk.Client(api_key="k", base_url="https://mock.test",
                        http_client=httpx.Client(transport=testing.MockTransport(queue_ticks=2)))
    updates: list[str] = []
    result = client.fal_ai.run(model="flux/dev", prompt="p", poll_interval=0.01,
                               on_update=lambda status: updates.append(status.status))
    assert updates[0] in ("IN_QUEUE", "IN_PROGRESS") and updates[-1] == "COMPLETED"
    assert isinstance(result, dict)
    typed = client.flux_schnell.run(prompt="p", poll_interval=0.01)  # `x-queue-result`: the output model
    assert type(typed).__name__ == "FluxSchnellResult" and isinstance(typed.seed, int)
    assert isinstance(typed.images[0].url, str)

    async def main() -> None:
        async_client = sdk.AsyncClient(api_key="k", base_url="https://mock.test",
                                       http_client=httpx.AsyncClient(transport=testing.MockTransport(queue_ticks=1)))
        handle = await async_client.fal_ai.submit(model="flux/dev", prompt="p")
        assert handle.ticket.status == "IN_QUEUE"
        assert [e.status async for e in handle.iter_events()][-1] == "COMPLETED"  # the SSE stream, parsed
        assert isinstance(await async_client.fal_ai.run(model="flux/dev", prompt="p", poll_interval=0.01), dict)

    asyncio.run(main())
