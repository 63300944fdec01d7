"""The anyfast SDK used as its README shows, type-checked with `mypy --strict` against the golden tree
(tests/sdk/conftest.py `lint`) and run through the SDK's `testing` transport (tests/sdk/test_omitted.py).

Optional arguments are `X | NotGiven = NOT_GIVEN`: a wrapper forwards "not given" without restating the
server's defaults, and `None` is refused where the field is not nullable (the `type: ignore` below must stay
needed: `--strict` reports an unused one).
"""

from __future__ import annotations

import httpx
from anyfast import NOT_GIVEN, AsyncClient, Client, NotGiven
from anyfast.models import ImagesGenerateResponse


def generate(client: Client, prompt: str, n: int | NotGiven = NOT_GIVEN) -> list[str]:
    """Image URLs for `prompt`; `n` left to the server unless given."""
    result: ImagesGenerateResponse = client.images.generate(model="wan2.7-image", prompt=prompt, n=n)
    return [item.url for item in result.data or [] if item.url is not None]


def raw_status(client: Client) -> int:
    response = client.images.with_raw_response.generate(model="wan2.7-image-pro", prompt="a cat", seed=7)
    parsed: ImagesGenerateResponse = response.parse()
    assert parsed.data is not None
    return response.status_code


def refused(client: Client) -> None:
    client.images.generate(model="wan2.7-image", prompt="a cat", seed=None)  # type: ignore[arg-type]


async def generate_async(http: httpx.AsyncClient) -> int | None:
    async with AsyncClient(api_key="k", http_client=http) as client:
        result = await client.images.generate(model="wan2.7-image", prompt="a cat", size="1K", watermark=True,
                                              timeout=NOT_GIVEN)
        return result.created


def main(http: httpx.Client) -> tuple[list[str], int]:
    with Client(api_key="k", http_client=http) as client:
        return generate(client, "a cat"), raw_status(client)
