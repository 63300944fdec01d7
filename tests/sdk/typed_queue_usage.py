"""The seed SDKs' fal queue used as their README shows, for `mypy --strict` (tests/sdk/test_queue_seeds.py).

Never run: it is type-checked only, so every line says what a user may write and what type they get back.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uniapi import AsyncClient as UniapiAsyncClient
from uniapi import Client as UniapiClient
from uniapi._queue import AsyncRequestHandle, SyncRequestHandle
from uniapi.models import QueueLog, QueueStatus
from winfull import Client as WinfullClient


def on_update(status: QueueStatus) -> None:
    logs: list[QueueLog] = status.logs or []
    position: int | None = status.queue_position
    print(status.status, position, [log.message for log in logs])


def uniapi_sync() -> None:
    client = UniapiClient(api_key="key")
    handle: SyncRequestHandle[QueueStatus, dict[str, Any]] = client.fal_ai.submit(
        model="fal-ai/flux/dev", prompt="a cat", extra_body={"num_images": 2})
    request_id: str = handle.request_id
    status: QueueStatus = client.fal_ai.status(client.fal_ai.submit(model="flux/dev", prompt="p"))
    status = client.fal_ai.status(handle, with_logs=True)
    status = handle.status(with_logs=True)
    status = client.fal_ai.status(status)  # a status is a ticket too
    for event in client.fal_ai.iter_events(handle, with_logs=True):
        on_update(event)
    for event in handle.iter_events():
        on_update(event)
    result: dict[str, Any] = client.fal_ai.result(handle)
    result = handle.get(on_update=on_update, timeout=60)
    result = handle.result()
    result = client.fal_ai.run(model="flux/dev", prompt="a cat", extra_body={"seed": 1}, on_update=on_update)
    handle.cancel()
    client.fal_ai.cancel({"request_id": request_id, "response_url": "https://queue.fal.run/fal-ai/flux"})
    print(result, status)


async def uniapi_async() -> None:
    async with UniapiAsyncClient(api_key="key") as client:
        handle: AsyncRequestHandle[QueueStatus, dict[str, Any]] = await client.fal_ai.submit(
            model="flux/dev", prompt="a cat")
        status: QueueStatus = await client.fal_ai.status(handle)
        status = await handle.status(with_logs=True)
        async for event in client.fal_ai.iter_events(handle):
            on_update(event)
        async for event in handle.iter_events(with_logs=True):
            on_update(event)
        result: dict[str, Any] = await handle.get(on_update=on_update)
        result = await client.fal_ai.result(handle)
        result = await client.fal_ai.run(model="flux/dev", prompt="p", on_update=on_update)
        await client.fal_ai.cancel(handle)
        print(result, status)


def winfull_sync() -> None:
    client = WinfullClient(api_key="key")
    handle = client.qwen_image_edit_plus.submit(prompt="a car", image_urls=["https://x/1.png"])
    status = client.qwen_image_edit_plus.status(handle)
    if status.status == "COMPLETED":
        print(client.qwen_image_edit_plus.result(handle).get("images"))
    result = client.wan_v2_2_a14b_image_to_image.run(image_url="https://x/1.png", prompt="p",
                                                    on_update=lambda s: print(s.status, s.logs))
    print(result)


if __name__ == "__main__":
    uniapi_sync()
    asyncio.run(uniapi_async())
    winfull_sync()
