"""The HTTP machinery behind `Client` and `AsyncClient`: building requests, auth, retries and parsing.

Generated resource methods only describe a request (`RequestOptions`); sending it, retrying it, turning
an error status into an exception and the JSON into typed objects happens here, once.
"""

from __future__ import annotations

import asyncio
import contextvars
import email.utils
import functools
import logging
import math
import os
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Generic, Literal, ParamSpec, TypeVar, cast

import httpx

from ._errors import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    status_error,
)

if TYPE_CHECKING:
    import pydantic

__all__ = ["NOT_GIVEN", "APIResponse", "FileInput", "NotGiven", "RequestOptions"]

logger = logging.getLogger(__package__)

P = ParamSpec("P")
R = TypeVar("R")

FileContent = bytes | IO[bytes]
# A file for a multipart field: raw bytes, a path, an open binary file, or (filename, content[, mime type]).
FileInput = FileContent | os.PathLike[str] | tuple[str | None, FileContent] | tuple[str | None, FileContent, str]
Headers = Mapping[str, str]
Query = Mapping[str, Any]
Body = Mapping[str, Any]

RETRY_STATUSES = frozenset({408, 409, 429})
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
# Largest response body read into memory; a bigger one raises APIResponseValidationError instead of growing
# the process without bound. Set `client.max_response_size` to change it for one client.
MAX_RESPONSE_SIZE = 100 * 1024 * 1024

_RAW_RESPONSE: contextvars.ContextVar[bool] = contextvars.ContextVar("raw_response", default=False)


class NotGiven:
    """Marks an argument the caller did not pass, so it is not sent at all.

    `None` is a value of its own: a nullable field given `None` is sent as JSON `null`, and `timeout=None`
    means no timeout. Optional arguments are typed `X | NotGiven = NOT_GIVEN` (nullable ones
    `X | None | NotGiven`), so the server, not the SDK, applies documented defaults. Falsy, so
    `if value:` treats it as absent; `isinstance(value, NotGiven)` narrows it away for a type checker.
    """

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()
Timeout = float | httpx.Timeout | None | NotGiven


@dataclass
class RequestOptions:
    """Everything needed to send one operation's request; built by the generated resource methods."""

    method: str
    path: str
    cast_to: Any = None
    response: str = "json"  # json | text | bytes | none
    params: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    json: Any = NOT_GIVEN  # None is sent as the JSON body `null`
    data: dict[str, Any] | None = None
    files: list[tuple[str, tuple[str | None, bytes, str | None]]] | None = None
    content: bytes | str | None = None
    content_type: str | None = None
    timeout: Timeout = NOT_GIVEN
    auth: bool = True


def _path(value: Any, greedy: bool = False) -> str:
    """A path parameter, percent-encoded; greedy ones keep their slashes (`flux-pro/kontext`)."""
    from urllib.parse import quote

    return quote(_wire(value), safe="/" if greedy else "")


def _wire(value: Any) -> str:
    """The text form of a scalar on the wire: enums by value, booleans as `true`/`false`."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def jsonable(value: Any) -> Any:
    """A JSON-ready copy of `value`: models by their wire names, enums by value, unset fields dropped."""
    if hasattr(value, "model_dump") and hasattr(value, "model_fields_set"):  # a model, without importing pydantic
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Enum):
        return jsonable(value.value)
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def query_params(values: Mapping[str, Any], extra: Query | None = None) -> dict[str, Any]:
    """Query parameters in wire form; arguments not given are dropped, and so is None (a query string has
    no null)."""
    found: dict[str, Any] = {}
    for key, value in {**values, **(extra or {})}.items():
        if value is None or value is NOT_GIVEN:
            continue
        found[key] = [_wire(v) for v in value] if isinstance(value, (list, tuple)) else _wire(value)
    return found


def header_params(values: Mapping[str, Any], extra: Headers | None = None) -> dict[str, str]:
    """Header parameters in wire form; arguments not given are dropped, and so is None (no null header)."""
    found = {key: _wire(value) for key, value in values.items() if value is not None and value is not NOT_GIVEN}
    found.update(extra or {})
    return found


def json_body(values: Mapping[str, Any], extra: Body | None = None) -> dict[str, Any]:
    """A JSON object body: arguments not given are left out, None is sent as `null`; `extra` wins."""
    found = {key: jsonable(value) for key, value in values.items() if value is not NOT_GIVEN}
    if extra:
        found.update(jsonable(extra))
    return found


def form_fields(values: Mapping[str, Any] | NotGiven, extra: Body | None = None) -> dict[str, Any]:
    """Form fields (multipart or urlencoded): scalars as text, objects as JSON text, lists repeated.

    Arguments not given are dropped, and so is None: a form field has no null.
    """
    import json

    found: dict[str, Any] = {}
    if isinstance(values, NotGiven):
        values = {}
    for key, value in {**values, **(extra or {})}.items():
        if value is None or value is NOT_GIVEN:
            continue
        value = jsonable(value)
        if isinstance(value, list):
            found[key] = [json.dumps(v) if isinstance(v, (dict, list)) else _wire(v) for v in value]
        else:
            found[key] = json.dumps(value) if isinstance(value, dict) else _wire(value)
    return found


def file_parts(values: Mapping[str, FileInput | list[FileInput] | NotGiven | None]) -> list[tuple[str, tuple[str | None, bytes, str | None]]]:
    """Multipart file parts; a list gives several parts under one field name. Files not given (or None)
    are not sent."""
    found: list[tuple[str, tuple[str | None, bytes, str | None]]] = []
    for key, value in values.items():
        if value is None or isinstance(value, NotGiven):
            continue
        for item in value if isinstance(value, list) else [value]:
            found.append((key, _file(item)))
    return found


def _file(value: FileInput) -> tuple[str | None, bytes, str | None]:
    """One file as (filename, bytes, mime type); paths and file objects are read now so retries resend them."""
    if isinstance(value, tuple):
        name, content = value[0], value[1]
        mime = value[2] if len(value) == 3 else None
        return name, content if isinstance(content, bytes) else content.read(), mime
    if isinstance(value, bytes):
        return "upload", value, None
    if isinstance(value, os.PathLike):
        path = Path(value)
        return path.name, path.read_bytes(), None
    name = getattr(value, "name", None)
    return (os.path.basename(name) if isinstance(name, str) else "upload"), value.read(), None


def raw_content(value: FileInput | str | NotGiven | None) -> bytes | str | None:
    """A raw request body from bytes, text, a path or a file object; none when not given."""
    if isinstance(value, NotGiven):
        return None
    if value is None or isinstance(value, (bytes, str)):
        return value
    return _file(value)[1]


_ADAPTERS: dict[Any, pydantic.TypeAdapter[Any]] = {}


def parse(cast_to: Any, data: Any) -> Any:
    """`data` (decoded JSON) as an instance of `cast_to` (a model, a list of models, a union...).

    pydantic is imported here, on the first parsed response, not at import: it is most of an import's cost.
    """
    import pydantic

    if cast_to is None or cast_to is Any:
        return data
    if isinstance(cast_to, type) and issubclass(cast_to, pydantic.BaseModel):
        return cast_to.model_validate(data)
    adapter = _ADAPTERS.get(cast_to)
    if adapter is None:
        adapter = _ADAPTERS[cast_to] = pydantic.TypeAdapter(cast_to)
    return adapter.validate_python(data)


def parse_response(response: httpx.Response, options: RequestOptions) -> Any:
    """The result of an operation from its HTTP response, as the operation's return type."""
    if options.response == "none":
        return None
    if options.response == "bytes":
        return response.content
    if options.response == "text":
        return response.text
    if not response.content:
        return None
    import pydantic

    cast_to = options.cast_to
    if isinstance(cast_to, type) and issubclass(cast_to, pydantic.BaseModel):
        try:  # pydantic reads the JSON itself: about twice as fast as json.loads, then validating
            return cast_to.model_validate_json(response.content)
        except pydantic.ValidationError:
            pass  # decoded below, for an error that tells "not JSON" from "not the documented shape"
    try:
        data = response.json()
    except ValueError:
        raise APIResponseValidationError(response, response.text, "not JSON") from None
    try:
        return parse(cast_to, data)
    except pydantic.ValidationError as error:
        raise APIResponseValidationError(response, data, str(error)) from None


class APIResponse(Generic[R]):
    """The raw HTTP response of an operation (status, headers), with `parse()` for its typed result."""

    def __init__(self, response: httpx.Response, options: RequestOptions) -> None:
        self.http_response = response
        self._options = options

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    def json(self) -> Any:
        return self.http_response.json()

    def parse(self) -> R:
        """The typed result, exactly as the non-raw method would have returned it."""
        return cast(R, parse_response(self.http_response, self._options))

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}] {self._options.method} {self._options.path}>"


def to_raw_response(method: Callable[P, R]) -> Callable[P, APIResponse[R]]:
    """A twin of a resource method that returns the `APIResponse` instead of the parsed result."""

    @functools.wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        token = _RAW_RESPONSE.set(True)
        try:
            return cast(APIResponse[R], method(*args, **kwargs))
        finally:
            _RAW_RESPONSE.reset(token)

    return wrapped


def async_to_raw_response(method: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[APIResponse[R]]]:
    """`to_raw_response` for async methods."""

    @functools.wraps(method)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        token = _RAW_RESPONSE.set(True)
        try:
            return cast(APIResponse[R], await method(*args, **kwargs))
        finally:
            _RAW_RESPONSE.reset(token)

    return wrapped


def _seconds(value: str) -> float | None:
    """A Retry-After value (seconds or an HTTP date) in seconds from now; None for anything else (`nan`,
    `inf`, garbage), which falls back to the client's own backoff."""
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        try:
            seconds = when.timestamp() - time.time()
        except (OverflowError, OSError, ValueError):
            return None
    return seconds if math.isfinite(seconds) else None


def retry_delay(retries_taken: int, response: httpx.Response | None) -> float:
    """Seconds to wait before the next attempt: the server's Retry-After, else backoff with jitter."""
    if response is not None:
        retry_ms = response.headers.get("retry-after-ms")
        milliseconds = _seconds(retry_ms) if retry_ms is not None else None
        if milliseconds is not None:
            return min(max(milliseconds / 1000, 0.0), MAX_RETRY_AFTER)
        retry_after = response.headers.get("retry-after")
        seconds = _seconds(retry_after) if retry_after is not None else None
        if seconds is not None and 0 <= seconds <= MAX_RETRY_AFTER:
            return seconds
    delay = min(INITIAL_RETRY_DELAY * 2.0**retries_taken, MAX_RETRY_DELAY)
    return delay * (1 - 0.25 * random.random())


def should_retry(response: httpx.Response) -> bool:
    """Whether an error status is worth another attempt (the server may say so with x-should-retry)."""
    hint = str(response.headers.get("x-should-retry", "")).lower()
    if hint in ("true", "false"):
        return hint == "true"
    return response.status_code in RETRY_STATUSES or response.status_code >= 500


def _deadline(timeout: float | httpx.Timeout | None) -> float | None:
    """When an attempt must be over (`time.monotonic()`): httpx's timeouts bound each network read, so a
    server trickling a byte at a time would otherwise hold a `timeout=3` call for minutes."""
    seconds = timeout.read if isinstance(timeout, httpx.Timeout) else timeout
    return time.monotonic() + seconds if seconds is not None else None


def _too_large(response: httpx.Response, limit: int) -> APIResponseValidationError:
    return APIResponseValidationError(response, None, f"the response body is over {limit} bytes "
                                      "(client.max_response_size)")


def _check_length(response: httpx.Response, limit: int) -> None:
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        response.close()
        raise _too_large(response, limit)


def _take(response: httpx.Response, chunks: list[bytes], chunk: bytes, size: int, limit: int,
          deadline: float | None) -> int:
    """Add one body chunk, enforcing the size limit and the attempt's deadline; the new size."""
    size += len(chunk)
    if size > limit:
        raise _too_large(response, limit)
    if deadline is not None and time.monotonic() > deadline:
        raise httpx.ReadTimeout("the response took longer than the timeout", request=response.request)
    chunks.append(chunk)
    return size


def _set_content(response: httpx.Response, chunks: list[bytes]) -> None:
    # what `Response.read()` itself stores; reading chunk by chunk is what lets the limits apply
    response._content = b"".join(chunks)


def read_body(response: httpx.Response, limit: int, deadline: float | None) -> None:
    """Read a streamed response into memory, at most `limit` bytes (decoded) and within `deadline`."""
    _check_length(response, limit)
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size = _take(response, chunks, chunk, size, limit, deadline)
    finally:
        response.close()
    _set_content(response, chunks)


async def aread_body(response: httpx.Response, limit: int, deadline: float | None) -> None:
    """`read_body` for async responses."""
    _check_length(response, limit)
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in response.aiter_bytes():
            size = _take(response, chunks, chunk, size, limit, deadline)
    finally:
        await response.aclose()
    _set_content(response, chunks)


class BaseClient:
    """Configuration shared by the sync and async clients; the generated client adds auth and resources."""

    base_url: str
    max_retries: int
    timeout: float | httpx.Timeout | None
    max_response_size: int = MAX_RESPONSE_SIZE

    def _secret(self) -> str | None:
        """The credential to keep out of error messages (a server may echo it back)."""
        return getattr(self, "_api_key", None)

    def _auth_headers(self) -> dict[str, str]:
        return {}

    def _auth_params(self) -> dict[str, str]:
        return {}

    def _default_headers(self) -> dict[str, str]:
        return {}

    def _url(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            return path
        return self.base_url.rstrip("/") + path

    def _timeout(self, options: RequestOptions) -> float | httpx.Timeout | None:
        return self.timeout if isinstance(options.timeout, NotGiven) else options.timeout

    def _build(self, http: httpx.Client | httpx.AsyncClient, options: RequestOptions) -> httpx.Request:
        request_headers = {**self._default_headers(), **(self._auth_headers() if options.auth else {})}
        request_headers["Accept"] = "application/json" if options.response == "json" else "*/*"
        content = options.content
        if options.json is None:  # a nullable body given as None: the JSON document `null`
            content, request_headers["Content-Type"] = b"null", "application/json"
        elif options.content_type is not None and content is not None:
            request_headers["Content-Type"] = options.content_type
        request_headers.update(options.headers)
        params = {**(self._auth_params() if options.auth else {}), **options.params}
        timeout = self._timeout(options)
        return http.build_request(
            options.method,
            self._url(options.path),
            params=params or None,
            headers=request_headers,
            json=None if options.json is NOT_GIVEN or options.json is None else options.json,
            data=options.data,
            files=options.files,
            content=content,
            timeout=timeout,
        )


class SyncAPIClient(BaseClient):
    """Sends requests with an `httpx.Client`, retrying what may succeed on a second attempt."""

    _http: httpx.Client

    def request(self, options: RequestOptions) -> Any:
        """Send `options`, retrying up to `max_retries` times; the parsed result, or `APIResponse` when raw."""
        retries_taken = 0
        while True:
            request = self._build(self._http, options)
            if logger.isEnabledFor(logging.DEBUG):
                logger.debug("%s %s", request.method, request.url.path)
            deadline = _deadline(self._timeout(options))
            try:
                response = self._http.send(request, stream=True)
                read_body(response, self.max_response_size, deadline)
            except httpx.TransportError as error:
                if retries_taken < self.max_retries:
                    time.sleep(retry_delay(retries_taken, None))
                    retries_taken += 1
                    continue
                if isinstance(error, httpx.TimeoutException):
                    raise APITimeoutError(request) from error
                raise APIConnectionError(request) from error
            if response.is_error:
                if retries_taken < self.max_retries and should_retry(response):
                    time.sleep(retry_delay(retries_taken, response))
                    retries_taken += 1
                    continue
                raise status_error(response, redact=self._secret())
            if _RAW_RESPONSE.get():
                return APIResponse(response, options)
            return parse_response(response, options)


class AsyncAPIClient(BaseClient):
    """Sends requests with an `httpx.AsyncClient`, retrying what may succeed on a second attempt."""

    _http: httpx.AsyncClient

    async def request(self, options: RequestOptions) -> Any:
        """Send `options`, retrying up to `max_retries` times; the parsed result, or `APIResponse` when raw."""
        retries_taken = 0
        while True:
            request = self._build(self._http, options)
            if logger.isEnabledFor(logging.DEBUG):
                logger.debug("%s %s", request.method, request.url.path)
            deadline = _deadline(self._timeout(options))
            try:
                response = await self._http.send(request, stream=True)
                await aread_body(response, self.max_response_size, deadline)
            except httpx.TransportError as error:
                if retries_taken < self.max_retries:
                    await asyncio.sleep(retry_delay(retries_taken, None))
                    retries_taken += 1
                    continue
                if isinstance(error, httpx.TimeoutException):
                    raise APITimeoutError(request) from error
                raise APIConnectionError(request) from error
            if response.is_error:
                if retries_taken < self.max_retries and should_retry(response):
                    await asyncio.sleep(retry_delay(retries_taken, response))
                    retries_taken += 1
                    continue
                raise status_error(response, redact=self._secret())
            if _RAW_RESPONSE.get():
                return APIResponse(response, options)
            return parse_response(response, options)


class SyncResource:
    """Base of the generated resource classes (`client.images`)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncResource:
    """Base of the generated async resource classes."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
