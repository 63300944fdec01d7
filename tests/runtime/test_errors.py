"""`_errors.py` as source: one exception class per status, the server's message in it, the key masked."""

from __future__ import annotations

import httpx
import pytest

from generator.runtime.python import _errors


def answer(status: int, **kwargs: object) -> httpx.Response:
    return httpx.Response(status, request=httpx.Request("GET", "http://api.test/v1/x"), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("status", "kind"), [
    (400, _errors.BadRequestError), (401, _errors.AuthenticationError), (403, _errors.PermissionDeniedError),
    (404, _errors.NotFoundError), (409, _errors.ConflictError), (422, _errors.UnprocessableEntityError),
    (429, _errors.RateLimitError), (500, _errors.InternalServerError), (502, _errors.InternalServerError),
    (418, _errors.APIStatusError), (451, _errors.APIStatusError)])
def test_each_status_maps_to_its_class(status: int, kind: type[_errors.APIStatusError]) -> None:
    error = _errors.status_error(answer(status))
    assert type(error) is kind and isinstance(error, _errors.APIError)
    assert error.status_code == status and error.response.status_code == status


@pytest.mark.parametrize(("body", "message"), [
    ({"error": {"message": "bad prompt", "type": "invalid"}}, "bad prompt"),  # OpenAI
    ({"detail": "Not found"}, "Not found"),  # fal / FastAPI
    ({"message": "nope"}, "nope"),
    ({"error": "quota"}, "quota"),
    ({"detail": [{"loc": ["body"], "msg": "x"}]}, "HTTP 400 Bad Request"),  # no plain text: the status line
])
def test_the_servers_message_is_taken_from_its_error_shape(body: object, message: str) -> None:
    error = _errors.status_error(answer(400, json=body))
    assert str(error) == f"Error code: 400 - {message}" and error.body == body


def test_text_bodies_are_cut_and_request_ids_kept() -> None:
    error = _errors.status_error(answer(503, text="x" * 900, headers={"x-request-id": "req_1"}))
    assert error.message == "Error code: 503 - " + "x" * 500 and error.body == "x" * 900
    assert error.request_id == "req_1"
    assert repr(error) == f"InternalServerError(status_code=503, message={error.message!r})"
    assert _errors.status_error(answer(500, headers={"request-id": "r2"})).request_id == "r2"


def test_the_key_is_redacted_but_short_secrets_are_not_searched() -> None:
    body = {"error": {"message": "Incorrect API key provided: sk-secret-1"}}
    assert "[REDACTED]" in str(_errors.status_error(answer(401, json=body), redact="sk-secret-1"))
    assert "sk-secret-1" in str(_errors.status_error(answer(401, json=body), redact="sk-"))  # too short to mask


def test_connection_timeout_validation_and_queue_errors() -> None:
    request = httpx.Request("GET", "http://api.test/")
    assert str(_errors.APIConnectionError(request)) == "Connection error."
    timeout = _errors.APITimeoutError(request)
    assert isinstance(timeout, _errors.APIConnectionError) and timeout.request is request
    invalid = _errors.APIResponseValidationError(answer(200), {"a": 1}, "field a")
    assert invalid.status_code == 200 and invalid.body == {"a": 1} and "field a" in str(invalid)
    ticket = {"status": "IN_QUEUE"}
    queued = _errors.QueueTimeoutError(ticket)
    assert queued.ticket is ticket and queued.body is ticket
