"""The generated images SDK called over real HTTP against the local server: arguments on the wire,
typed results, raw responses, multipart uploads, configuration, errors, retries and timeouts."""

from __future__ import annotations

import asyncio
import io
import json
import logging
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.sdk.conftest import Generated, load
from tests.sdk.server import API_KEY, LocalServer, Scripted


@pytest.fixture
def sdk(sdks: dict[str, Generated]) -> ModuleType:
    return load(sdks["images"])


@pytest.fixture
def client(sdk: ModuleType, server: LocalServer) -> Any:
    with sdk.Client(api_key=API_KEY, base_url=server.url + "/v1", max_retries=0) as client:
        yield client


def test_json_body_omits_what_was_not_given_and_typed_result(client: Any, server: LocalServer) -> None:
    from pictura.models import Image, ImagesResponse, Style

    result = client.images.generate(prompt="一只猫 \"quoted\"", style=Style.VIVID)
    assert isinstance(result, ImagesResponse)
    assert isinstance(result.data[0], Image)
    # omitted arguments are not sent, documented defaults (n=1, size) included: the server applies them
    assert server.state.requests[-1].body == '{"prompt":"一只猫 \\"quoted\\"","style":"vivid"}'.encode()
    client.images.generate(prompt="p", n=2, user=None)  # a nullable field given None is sent as null
    assert server.state.requests[-1].body == b'{"prompt":"p","n":2,"user":null}'
    request = server.state.requests[-1]
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    assert request.headers["user-agent"].startswith("pictura/0.1.0")


def test_path_query_header_params_and_list_result(client: Any, server: LocalServer) -> None:
    image = client.images.retrieve("a b", include_meta=True, x_trace_id="t-1")  # path parameters positional
    assert image.id == "a b"
    assert image.url == "true"
    assert image.meta == {"trace": "t-1"}
    assert server.state.requests[-1].raw_path == b"/v1/images/a%20b"
    assert server.state.requests[-1].query == {"include-meta": ["true"]}
    models = client.models.list()
    assert [m.id for m in models] == ["m1", "m2"]
    assert client.images.delete(image_id="x") is None
    client.images.delete(image_id="a/b?c")  # a plain path parameter is one segment: `/` and `?` escaped
    assert server.state.requests[-1].raw_path == b"/v1/images/a%2Fb%3Fc"


def test_greedy_path_keeps_slashes_and_bytes_result(client: Any, server: LocalServer) -> None:
    content = client.files.retrieve(path="flux-pro/kontext.png")
    assert content == b"\x89PNGflux-pro/kontext.png"
    assert server.state.requests[-1].path == "/v1/files/flux-pro/kontext.png"


def test_multipart_files_from_bytes_paths_and_file_objects(client: Any, server: LocalServer, tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"from-path")
    from_path = client.images.edit(image=path, prompt="p", n=2)
    assert from_path.data[0].url == "photo.png:from-path"
    assert json.loads(from_path.data[0].revised_prompt) == {"n": ["2"], "prompt": ["p"]}
    from_bytes = client.images.edit(image=b"raw-bytes", prompt="p")
    assert from_bytes.data[0].url == "upload:raw-bytes"
    with path.open("rb") as handle:
        assert client.images.edit(image=handle, prompt="p").data[0].url == "photo.png:from-path"
    named = client.images.edit(image=("x.png", io.BytesIO(b"buffer"), "image/png"), prompt="p")
    assert named.data[0].url == "x.png:buffer"


def test_raw_response_gives_status_headers_and_parse(client: Any) -> None:
    raw = client.images.with_raw_response.generate(prompt="cat")
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == "req_generate"
    assert raw.parse().data[0].url == "https://img.example/cat"


def test_environment_configuration(sdk: ModuleType, server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PICTURA_API_KEY", API_KEY)
    monkeypatch.setenv("PICTURA_BASE_URL", server.url + "/v1")
    client = sdk.Client()
    assert client.base_url == server.url + "/v1"
    assert client.models.list()[0].id == "m1"
    monkeypatch.delenv("PICTURA_BASE_URL")
    assert sdk.Client().base_url == sdk.DEFAULT_BASE_URL == "https://api.pictura.example/v1"
    assert sdk.SERVERS == ("https://api.pictura.example/v1", "https://eu.pictura.example/v1")


def test_injected_http_client_and_default_headers(sdk: ModuleType, server: LocalServer) -> None:
    seen: list[httpx.Request] = []
    http = httpx.Client(event_hooks={"request": [seen.append]})
    client = sdk.Client(api_key=API_KEY, base_url=server.url + "/v1", http_client=http,
                        default_headers={"X-Team": "blue"})
    client.models.list()
    client.close()
    assert not http.is_closed  # an injected client belongs to the caller
    assert seen and seen[0].headers["x-team"] == "blue"
    http.close()


def test_key_never_in_repr_logs_or_errors(sdk: ModuleType, server: LocalServer,
                                          caplog: pytest.LogCaptureFixture) -> None:
    client = sdk.Client(api_key=API_KEY, base_url=server.url + "/v1", max_retries=0)
    assert API_KEY not in repr(client)
    caplog.set_level(logging.DEBUG, logger="pictura")
    server.state.script.append(Scripted(401, {"error": {"message": "denied"}}))
    with pytest.raises(sdk.AuthenticationError) as caught:
        client.models.list()
    assert API_KEY not in str(caught.value) and API_KEY not in repr(caught.value)
    assert API_KEY not in caplog.text
    assert "GET /v1/models" in caplog.text


@pytest.mark.parametrize(("status", "name"), [
    (400, "BadRequestError"), (401, "AuthenticationError"), (403, "PermissionDeniedError"),
    (404, "NotFoundError"), (409, "ConflictError"), (422, "UnprocessableEntityError"),
    (429, "RateLimitError"), (500, "InternalServerError"), (503, "InternalServerError"),
    (418, "APIStatusError"),
])
def test_every_error_class(client: Any, sdk: ModuleType, server: LocalServer, status: int, name: str) -> None:
    server.state.script.append(Scripted(status, {"error": {"message": f"nope {status}"}},
                                        headers={"x-request-id": f"req_{status}"}))
    with pytest.raises(sdk.APIStatusError) as caught:
        client.models.list()
    error = caught.value
    assert type(error).__name__ == name
    assert isinstance(error, getattr(sdk, name))
    assert error.status_code == status
    assert error.body == {"error": {"message": f"nope {status}"}}
    assert error.request_id == f"req_{status}"
    assert f"nope {status}" in str(error)


def test_retry_after_429_honours_retry_after(sdk: ModuleType, server: LocalServer) -> None:
    client = sdk.Client(api_key=API_KEY, base_url=server.url + "/v1", max_retries=2)
    server.state.script.extend([Scripted(429, {"error": "slow down"}, headers={"retry-after": "0.2"}),
                                Scripted(503, {"error": "busy"}, headers={"retry-after-ms": "10"})])
    import time

    started = time.monotonic()
    assert client.models.list()[0].id == "m1"
    assert time.monotonic() - started >= 0.2
    assert len(server.state.requests) == 3


def test_retries_give_up_after_max_retries(sdk: ModuleType, server: LocalServer) -> None:
    client = sdk.Client(api_key=API_KEY, base_url=server.url + "/v1", max_retries=1)
    server.state.script.extend([Scripted(500, {"error": "a"}, headers={"retry-after": "0"})] * 3)
    with pytest.raises(sdk.InternalServerError):
        client.models.list()
    assert len(server.state.requests) == 2
    server.state.reset()
    server.state.script.append(Scripted(400, {"error": "bad"}))
    with pytest.raises(sdk.BadRequestError):  # a 400 is never retried
        client.models.list()
    assert len(server.state.requests) == 1


def test_timeout_raises_typed_error(sdk: ModuleType, server: LocalServer) -> None:
    client = sdk.Client(api_key=API_KEY, base_url=server.url + "/v1", max_retries=0, timeout=0.2)
    server.state.script.append(Scripted(200, [], delay=1.0))
    with pytest.raises(sdk.APITimeoutError):
        client.models.list()
    server.state.script.append(Scripted(200, [], delay=1.0))
    with pytest.raises(sdk.APITimeoutError):  # per-call timeout overrides the client's
        sdk.Client(api_key=API_KEY, base_url=server.url + "/v1", max_retries=0).models.list(timeout=0.2)


def test_connection_error_after_retries(sdk: ModuleType) -> None:
    client = sdk.Client(api_key=API_KEY, base_url="http://127.0.0.1:9", max_retries=1)
    with pytest.raises(sdk.APIConnectionError) as caught:
        client.models.list()
    assert not isinstance(caught.value, sdk.APITimeoutError)
    assert API_KEY not in str(caught.value)


def test_async_twins(sdk: ModuleType, server: LocalServer) -> None:
    async def main() -> None:
        async with sdk.AsyncClient(api_key=API_KEY, base_url=server.url + "/v1", max_retries=1) as client:
            result = await client.images.generate(prompt="dog", n=3)
            assert json.loads(result.data[0].revised_prompt)["n"] == 3
            raw = await client.images.with_raw_response.generate(prompt="dog")
            assert raw.status_code == 200 and raw.parse().data[0].url == "https://img.example/dog"
            edited = await client.images.edit(image=b"abc", prompt="p")
            assert edited.data[0].url == "upload:abc"
            server.state.script.append(Scripted(429, {"error": "x"}, headers={"retry-after": "0"}))
            assert [m.id for m in await client.models.list()] == ["m1", "m2"]
            server.state.script.extend([Scripted(404, {"message": "gone"})])
            with pytest.raises(sdk.NotFoundError):
                await client.images.retrieve(image_id="missing")

    asyncio.run(main())


def test_lazy_import(sdks: dict[str, Generated]) -> None:
    import subprocess
    import sys

    code = ("import sys, pictura; before = set(sys.modules); "
            "assert 'pictura._client' not in before and 'pictura.models' not in before and 'httpx' not in before; "
            "c = pictura.Client(api_key='k'); assert 'pictura.resources.images' not in sys.modules; "
            "assert 'pydantic' not in sys.modules; "
            "c.images; assert 'pictura.resources.images' in sys.modules; "
            # one resource imports its own models, not every model of the API
            "assert 'pictura.models.images' in sys.modules and 'pictura.models.models' not in sys.modules; "
            "from pictura.models import ModelInfo; assert 'pictura.models.models' in sys.modules; "
            "assert ModelInfo.__module__ == 'pictura.models.models'; print('ok')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=sdks["images"].root, check=False)
    assert result.stdout.strip() == "ok", result.stderr


def test_response_not_matching_schema_is_a_typed_error(client: Any, sdk: ModuleType, server: LocalServer) -> None:
    server.state.script.append(Scripted(200, {"created": "not a number"}))
    with pytest.raises(sdk.APIResponseValidationError) as caught:
        client.images.generate(prompt="x")
    assert caught.value.body == {"created": "not a number"}
    assert caught.value.status_code == 200
