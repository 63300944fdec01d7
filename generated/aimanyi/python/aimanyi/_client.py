"""`Client` and `AsyncClient` for the aimanyi.

Configuration comes from arguments, then environment variables (`AIMANYI_API_KEY`,
`AIMANYI_BASE_URL`), then the spec's first server. Resources (`client.flux_1_dev_image_to_image`) are imported
on first use, so creating a client stays cheap however many operations the API has.
"""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING

import httpx
from typing_extensions import Self

from ._base import AsyncAPIClient, SyncAPIClient

if TYPE_CHECKING:
    from .resources.flux_1_dev_image_to_image import (
        AsyncFlux1DevImageToImage,
        Flux1DevImageToImage,
    )

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_MAX_RETRIES", "DEFAULT_TIMEOUT", "SERVERS", "AsyncClient", "Client"]

SERVERS: tuple[str, ...] = ()
DEFAULT_BASE_URL: str | None = None
DEFAULT_TIMEOUT = httpx.Timeout(timeout=600.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
API_KEY_ENV = "AIMANYI_API_KEY"
BASE_URL_ENV = "AIMANYI_BASE_URL"
USER_AGENT = "aimanyi/0.2.0 (python; httpx)"


class _Config:
    """Argument, environment and default resolution shared by both clients."""

    def _configure(
        self,
        api_key: str | None,
        base_url: str | httpx.URL | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        default_headers: dict[str, str] | None,
    ) -> None:
        self._api_key = api_key if api_key is not None else os.environ.get(API_KEY_ENV)
        url = base_url if base_url is not None else os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
        if not url:
            raise ValueError(f"no base URL: pass base_url= or set {BASE_URL_ENV}")
        self.base_url = str(url).rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self._custom_headers = dict(default_headers or {})

    @property
    def api_key(self) -> str | None:
        """The key in use (from the `api_key` argument or `AIMANYI_API_KEY`); never shown in repr."""
        return self._api_key

    def _default_headers(self) -> dict[str, str]:
        return {"User-Agent": USER_AGENT, **self._custom_headers}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"


class Client(_Config, SyncAPIClient):
    """Synchronous client for the aimanyi.

    Args:
        api_key: API key; defaults to the `AIMANYI_API_KEY` environment variable.
        base_url: server to call; defaults to `AIMANYI_BASE_URL`, then `DEFAULT_BASE_URL`.
        timeout: seconds (or an `httpx.Timeout`) per request; `None` waits forever.
        max_retries: extra attempts after a connection error, 408, 409, 429 or 5xx answer.
        default_headers: headers sent with every request.
        http_client: an `httpx.Client` to send requests with (proxies, transports); not closed by `close()`.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: dict[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        self._configure(api_key, base_url, timeout, max_retries, default_headers)
        self._owns_http = http_client is None
        self._http = http_client if http_client is not None else httpx.Client(timeout=timeout)

    @cached_property
    def flux_1_dev_image_to_image(self) -> Flux1DevImageToImage:
        from .resources.flux_1_dev_image_to_image import Flux1DevImageToImage

        return Flux1DevImageToImage(self)

    def close(self) -> None:
        """Close the connection pool (unless the `httpx.Client` was passed in)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()


class AsyncClient(_Config, AsyncAPIClient):
    """Asynchronous client for the aimanyi; arguments as for `Client`."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: dict[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self._configure(api_key, base_url, timeout, max_retries, default_headers)
        self._owns_http = http_client is None
        self._http = http_client if http_client is not None else httpx.AsyncClient(timeout=timeout)

    @cached_property
    def flux_1_dev_image_to_image(self) -> AsyncFlux1DevImageToImage:
        from .resources.flux_1_dev_image_to_image import AsyncFlux1DevImageToImage

        return AsyncFlux1DevImageToImage(self)

    async def close(self) -> None:
        """Close the connection pool (unless the `httpx.AsyncClient` was passed in)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *args: object) -> None:
        await self.close()
