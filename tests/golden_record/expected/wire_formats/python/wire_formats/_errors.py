"""Exceptions raised by the Transport client.

Every failure is an `APIError`: `APIStatusError` (with one subclass per HTTP status class) when the server
answered with an error status, `APIConnectionError` / `APITimeoutError` when it did not answer at all, and
`QueueTimeoutError` when a queued request did not complete before its deadline. Messages never include the
API key or the request headers.
"""

from __future__ import annotations

from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "QueueTimeoutError",
    "RateLimitError",
    "UnprocessableEntityError",
]


class APIError(Exception):
    """Base class of every error this client raises."""

    message: str
    request: httpx.Request | None
    body: Any

    def __init__(self, message: str, request: httpx.Request | None = None, *, body: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status; `body` is the parsed JSON (or text) it sent."""

    response: httpx.Response
    status_code: int
    request_id: str | None

    def __init__(self, message: str, *, response: httpx.Response, body: Any) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get("x-request-id") or response.headers.get("request-id")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code}, message={self.message!r})"


class BadRequestError(APIStatusError):
    """400: the request was malformed or failed validation."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing or wrong."""


class PermissionDeniedError(APIStatusError):
    """403: the key is valid but may not do this."""


class NotFoundError(APIStatusError):
    """404: no such resource."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the current state."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was well formed but could not be processed."""


class RateLimitError(APIStatusError):
    """429: too many requests; retried automatically up to `max_retries`."""


class InternalServerError(APIStatusError):
    """5xx: the server failed; retried automatically up to `max_retries`."""


class APIResponseValidationError(APIError):
    """The server answered 2xx, but with data that does not match the documented response schema."""

    def __init__(self, response: httpx.Response, body: Any, detail: str) -> None:
        super().__init__(f"Response does not match the documented schema: {detail}", response.request, body=body)
        self.response = response
        self.status_code = response.status_code


class APIConnectionError(APIError):
    """The server could not be reached, or the connection broke before an answer."""

    def __init__(self, request: httpx.Request, message: str = "Connection error.") -> None:
        super().__init__(message, request)


class APITimeoutError(APIConnectionError):
    """The request timed out (see the client's `timeout`)."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(request, "Request timed out.")


class QueueTimeoutError(APIError):
    """A queued request had not completed when `run(..., timeout=...)` gave up; `ticket` is its last status."""

    def __init__(self, ticket: Any) -> None:
        super().__init__("Queued request did not complete before the deadline.", body=ticket)
        self.ticket = ticket


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error(response: httpx.Response, redact: str | None = None) -> APIStatusError:
    """The exception for an error response, with the server's message when it gave one (the client's API
    key, `redact`, masked in it: a server may echo the credential back)."""
    try:
        body: Any = response.json()
    except ValueError:
        body = response.text or None
    message = _message(body) or f"HTTP {response.status_code} {response.reason_phrase}".strip()
    if redact and len(redact) >= 4:
        message = message.replace(redact, "[REDACTED]")
    kind = _STATUS_ERRORS.get(response.status_code)
    if kind is None:
        kind = InternalServerError if response.status_code >= 500 else APIStatusError
    return kind(f"Error code: {response.status_code} - {message}", response=response, body=body)


def _message(body: Any) -> str | None:
    """The human-readable part of an error body (`{"error": {"message": ...}}`, `{"detail": ...}`, text)."""
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            return str(error["message"])
        for key in ("message", "detail", "error", "msg"):
            if isinstance(body.get(key), str):
                return str(body[key])
        return None
    if isinstance(body, str):
        return body[:500]
    return None
