"""`_base.py` as source: building requests, retries (Retry-After, retry-after-ms, x-should-retry, backoff),
parsing into types, raw responses and the parameter helpers the generated resource methods call."""

from __future__ import annotations

import asyncio
import email.utils
import enum
import json
import time
from pathlib import Path

import httpx
import pydantic
import pytest

from generator.runtime.python import _base, _errors
from generator.runtime.python._model import Model
from tests.runtime.conftest import API_KEY, AsyncClient, Client, scripted


class Color(enum.Enum):
    RED = "red"


class Pet(Model):
    pet_name: str = pydantic.Field(alias="petName")
    age: int | None = None


@pytest.fixture
def slept(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    found: list[float] = []
    monkeypatch.setattr(_base.time, "sleep", found.append)
    return found


def test_request_carries_auth_accept_query_and_body() -> None:
    seen: list[httpx.Request] = []
    client = Client(scripted(httpx.Response(200, json={"ok": True}), seen=seen))
    options = _base.RequestOptions("POST", "/pets/a%20b", params={"limit": "2"}, headers={"X-Trace": "t"},
                                   json={"petName": "Rex"})
    assert client.request(options) == {"ok": True}
    request = seen[0]
    assert str(request.url) == "http://api.test/v1/pets/a%20b?limit=2"
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    assert request.headers["accept"] == "application/json" and request.headers["x-trace"] == "t"
    assert json.loads(request.content) == {"petName": "Rex"}
    client.request(_base.RequestOptions("GET", "/public", response="bytes", auth=False))
    assert "authorization" not in seen[1].headers and seen[1].headers["accept"] == "*/*"
    client.request(_base.RequestOptions("GET", "https://other.test/x"))  # absolute URLs (queue tickets) as given
    assert str(seen[2].url) == "https://other.test/x"


@pytest.mark.parametrize("status", [408, 409, 429, 500, 503])
def test_retryable_statuses_are_retried_with_capped_backoff(status: int, slept: list[float]) -> None:
    seen: list[httpx.Request] = []
    client = Client(scripted(httpx.Response(status), httpx.Response(status), httpx.Response(200, json=[1]),
                             seen=seen), max_retries=2)
    assert client.get("/x") == [1]
    assert len(seen) == 3 and len(slept) == 2
    assert 0.375 <= slept[0] <= 0.5 and 0.75 <= slept[1] <= 1.0  # 0.5 s doubling, minus up to 25% jitter


@pytest.mark.parametrize(("status", "error"), [(400, _errors.BadRequestError), (404, _errors.NotFoundError),
                                               (422, _errors.UnprocessableEntityError)])
def test_client_errors_are_not_retried(status: int, error: type[Exception], slept: list[float]) -> None:
    seen: list[httpx.Request] = []
    client = Client(scripted(httpx.Response(status, json={"detail": "no"}), seen=seen), max_retries=3)
    with pytest.raises(error, match="no"):
        client.get("/x")
    assert len(seen) == 1 and slept == []


def test_retries_stop_after_max_retries_with_the_last_error(slept: list[float]) -> None:
    seen: list[httpx.Request] = []
    client = Client(scripted(httpx.Response(503, text="busy"), seen=seen), max_retries=2)
    with pytest.raises(_errors.InternalServerError, match="busy") as caught:
        client.get("/x")
    assert len(seen) == 3 and caught.value.status_code == 503


def test_retry_after_seconds_and_milliseconds_are_honoured(slept: list[float]) -> None:
    client = Client(scripted(httpx.Response(429, headers={"retry-after": "3"}),
                             httpx.Response(429, headers={"retry-after-ms": "1500", "retry-after": "9"}),
                             httpx.Response(200, json=None)), max_retries=2)
    client.get("/x")
    assert slept == [3.0, 1.5]  # retry-after-ms wins over retry-after


def test_retry_after_as_an_http_date(slept: list[float]) -> None:
    when = email.utils.formatdate(time.time() + 10, usegmt=True)
    client = Client(scripted(httpx.Response(503, headers={"retry-after": when}), httpx.Response(200)),
                    max_retries=1)
    client.get("/x")
    assert 8 <= slept[0] <= 10


def test_retry_after_beyond_the_cap_falls_back_to_backoff(slept: list[float]) -> None:
    client = Client(scripted(httpx.Response(429, headers={"retry-after": "3600"}), httpx.Response(200)),
                    max_retries=1)
    client.get("/x")
    assert slept[0] <= _base.INITIAL_RETRY_DELAY  # never an hour's sleep on the server's word
    assert _base.retry_delay(0, httpx.Response(429, headers={"retry-after-ms": "999999"})) == _base.MAX_RETRY_AFTER


def test_x_should_retry_overrides_the_status(slept: list[float]) -> None:
    seen: list[httpx.Request] = []
    refused = Client(scripted(httpx.Response(503, headers={"x-should-retry": "false"}), seen=seen), max_retries=2)
    with pytest.raises(_errors.InternalServerError):
        refused.get("/x")
    assert len(seen) == 1
    asked = Client(scripted(httpx.Response(400, headers={"x-should-retry": "true"}), httpx.Response(200)),
                   max_retries=1)
    asked.get("/x")
    assert len(slept) == 1


def test_connection_errors_are_retried_then_typed(slept: list[float]) -> None:
    calls: list[int] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(_errors.APIConnectionError) as caught:
        Client(refuse, max_retries=2).get("/x")
    assert len(calls) == 3 and not isinstance(caught.value, _errors.APITimeoutError)

    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(_errors.APITimeoutError, match="timed out"):
        Client(slow, max_retries=0).get("/x")


def test_async_client_retries_like_the_sync_one(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr(_base.asyncio, "sleep", sleep)
    client = AsyncClient(scripted(httpx.Response(429, headers={"retry-after": "2"}), httpx.Response(200, json=[2])))
    assert asyncio.run(client.get("/x")) == [2]
    assert slept == [2.0]


def test_results_are_parsed_into_the_declared_types() -> None:
    client = Client(scripted(httpx.Response(200, json=[{"petName": "Rex", "age": 3}, {"petName": "Tom"}])))
    pets = client.get("/pets", list[Pet])
    assert [(p.pet_name, p.age) for p in pets] == [("Rex", 3), ("Tom", None)]
    single = Client(scripted(httpx.Response(200, json={"petName": "Rex"}))).get("/pets/1", Pet)
    assert isinstance(single, Pet) and single.pet_name == "Rex"
    assert Client(scripted(httpx.Response(204))).get("/x", Pet) is None  # no body, nothing to parse


@pytest.mark.parametrize(("mode", "expected"), [("bytes", b"\x89PNG"), ("text", "\ufffdPNG"), ("none", None)])
def test_non_json_response_modes(mode: str, expected: object) -> None:
    client = Client(scripted(httpx.Response(200, content=b"\x89PNG")))
    assert client.get("/file", response=mode) == expected


def test_a_body_off_its_schema_is_a_validation_error() -> None:
    with pytest.raises(_errors.APIResponseValidationError, match="not JSON"):
        Client(scripted(httpx.Response(200, text="<html>"))).get("/pets/1", Pet)
    with pytest.raises(_errors.APIResponseValidationError, match="petName") as caught:
        Client(scripted(httpx.Response(200, json={"age": "old"}))).get("/pets/1", Pet)
    assert caught.value.body == {"age": "old"} and caught.value.status_code == 200


def test_raw_response_gives_status_headers_and_the_typed_parse() -> None:
    client = Client(scripted(httpx.Response(201, json={"petName": "Rex"}, headers={"x-request-id": "r1"})))

    def create() -> Pet:
        result: Pet = client.get("/pets", Pet)
        return result

    raw = _base.to_raw_response(create)()
    assert isinstance(raw, _base.APIResponse)
    assert raw.status_code == 201 and raw.headers["x-request-id"] == "r1" and raw.json() == {"petName": "Rex"}
    assert raw.parse().pet_name == "Rex"
    assert repr(raw) == "<APIResponse [201] GET /pets>"
    assert isinstance(create(), Pet)  # raw mode ends with the call


def test_async_raw_response() -> None:
    client = AsyncClient(scripted(httpx.Response(200, json={"petName": "Rex"})))

    async def fetch() -> Pet:
        result: Pet = await client.get("/pets/1", Pet)
        return result

    raw = asyncio.run(_base.async_to_raw_response(fetch)())
    assert raw.status_code == 200 and raw.parse().pet_name == "Rex"


def test_per_call_timeout_wins_over_the_clients() -> None:
    seen: list[httpx.Request] = []
    client = Client(scripted(httpx.Response(200), seen=seen), timeout=5.0)
    client.get("/x", timeout=1.5)
    client.get("/y")
    assert seen[0].extensions["timeout"]["read"] == 1.5 and seen[1].extensions["timeout"]["read"] == 5.0


def test_parameter_helpers_put_values_on_the_wire() -> None:
    assert _base._path("a/b c") == "a%2Fb%20c" and _base._path("flux-pro/kontext", greedy=True) == "flux-pro/kontext"
    assert _base.query_params({"a": True, "b": None, "c": Color.RED, "d": [1, False]}, {"e": 2}) == {
        "a": "true", "c": "red", "d": ["1", "false"], "e": "2"}
    assert _base.header_params({"X-A": 1, "X-B": None}, {"X-C": "c"}) == {"X-A": "1", "X-C": "c"}
    body = _base.json_body({"pet": Pet(petName="Rex"), "color": Color.RED, "null": None}, {"extra": [Color.RED]})
    assert body == {"pet": {"petName": "Rex"}, "color": "red", "null": None, "extra": ["red"]}  # unset fields left out
    assert _base.form_fields({"n": 2, "tags": ["a", {"b": 1}], "meta": {"k": True}, "none": None}) == {
        "n": "2", "tags": ["a", '{"b": 1}'], "meta": '{"k": true}'}


def test_arguments_not_given_are_not_sent_and_none_is_null() -> None:
    """NOT_GIVEN leaves a value out everywhere; None is JSON null in a body, and absent where the wire has
    no null (query, header, form, file)."""
    given = _base.NOT_GIVEN
    assert _base.json_body({"a": given, "b": None, "c": 0}, {"d": None}) == {"b": None, "c": 0, "d": None}
    assert _base.json_body({"a": given}) == {}
    assert _base.query_params({"a": given, "b": None, "c": False}, {"d": given}) == {"c": "false"}
    assert _base.header_params({"X-A": given, "X-B": None, "X-C": 0}) == {"X-C": "0"}
    assert _base.form_fields({"a": given, "b": None, "c": ""}, {"d": given}) == {"c": ""}
    assert _base.form_fields(given) == {}
    assert _base.file_parts({"image": given, "mask": None}) == []
    assert _base.raw_content(given) is None


def test_request_bodies_distinguish_not_given_from_null() -> None:
    seen: list[httpx.Request] = []
    client = Client(scripted(httpx.Response(200), seen=seen))
    client.request(_base.RequestOptions("POST", "/a", json=_base.json_body({"n": None, "m": 1, "k": _base.NOT_GIVEN})))
    client.request(_base.RequestOptions("POST", "/b"))  # no body at all
    client.request(_base.RequestOptions("POST", "/c", json=None))  # a nullable whole body given as None
    client.request(_base.RequestOptions("POST", "/d", json=_base.jsonable(_base.NOT_GIVEN)))
    assert seen[0].content == b'{"n":null,"m":1}' and seen[0].headers["content-type"] == "application/json"
    assert seen[1].content == b"" and "content-type" not in seen[1].headers
    assert seen[2].content == b"null" and seen[2].headers["content-type"] == "application/json"
    assert seen[3].content == b"" and "content-type" not in seen[3].headers


def test_file_inputs_are_read_once_from_any_source(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"from-path")
    with path.open("rb") as handle:
        parts = _base.file_parts({"image": [path, b"raw", ("x.png", b"named", "image/png")], "mask": handle,
                                  "none": None})
    assert parts == [("image", ("photo.png", b"from-path", None)), ("image", ("upload", b"raw", None)),
                     ("image", ("x.png", b"named", "image/png")), ("mask", ("photo.png", b"from-path", None))]
    assert _base.raw_content(path) == b"from-path" and _base.raw_content("text") == "text"


def test_not_given_is_falsy_and_named() -> None:
    assert not _base.NOT_GIVEN and repr(_base.NOT_GIVEN) == "NOT_GIVEN"
    assert isinstance(_base.NOT_GIVEN, _base.NotGiven) and not hasattr(_base.NOT_GIVEN, "__dict__")


def test_model_accepts_python_and_wire_names_and_builds_lazily() -> None:
    assert Pet(pet_name="Rex").pet_name == Pet.model_validate({"petName": "Rex"}).pet_name == "Rex"
    assert Model.model_config.get("defer_build") is True


def test_logger_is_named_after_the_package(caplog: pytest.LogCaptureFixture) -> None:
    assert _base.logger.name == "generator.runtime.python"  # `<package>` in a generated SDK
    caplog.set_level("DEBUG", logger=_base.logger.name)
    Client(scripted(httpx.Response(200))).get("/models")
    assert "GET /v1/models" in caplog.text and API_KEY not in caplog.text
