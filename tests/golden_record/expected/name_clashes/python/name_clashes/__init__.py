"""Python client for the Clashes.

    from name_clashes import Client

    client = Client()  # NAME_CLASHES_API_KEY and NAME_CLASHES_BASE_URL from the environment
    result = client.api_key_.show()

Names are imported on first use (module `__getattr__`), so `import name_clashes` stays fast however many
operations and models the API has.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._base import NOT_GIVEN, APIResponse, FileInput, NotGiven
    from ._client import DEFAULT_BASE_URL, SERVERS, AsyncClient, Client
    from ._errors import (
        APIConnectionError,
        APIError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConflictError,
        InternalServerError,
        NotFoundError,
        PermissionDeniedError,
        QueueTimeoutError,
        RateLimitError,
        UnprocessableEntityError,
    )

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "NOT_GIVEN": "._base",
    "APIResponse": "._base",
    "FileInput": "._base",
    "NotGiven": "._base",
    "DEFAULT_BASE_URL": "._client",
    "SERVERS": "._client",
    "AsyncClient": "._client",
    "Client": "._client",
    "APIConnectionError": "._errors",
    "APIError": "._errors",
    "APIResponseValidationError": "._errors",
    "APIStatusError": "._errors",
    "APITimeoutError": "._errors",
    "AuthenticationError": "._errors",
    "BadRequestError": "._errors",
    "ConflictError": "._errors",
    "InternalServerError": "._errors",
    "NotFoundError": "._errors",
    "PermissionDeniedError": "._errors",
    "QueueTimeoutError": "._errors",
    "RateLimitError": "._errors",
    "UnprocessableEntityError": "._errors",
}

__all__ = [
    "DEFAULT_BASE_URL",
    "NOT_GIVEN",
    "SERVERS",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncClient",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ConflictError",
    "FileInput",
    "InternalServerError",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "QueueTimeoutError",
    "RateLimitError",
    "UnprocessableEntityError",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
