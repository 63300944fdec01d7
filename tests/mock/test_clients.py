"""The official third-party clients cannot tell the mock from the real service."""

from __future__ import annotations

import base64
import importlib
import io
from typing import TYPE_CHECKING, Any

import fal_client
import fal_client.client
import httpx
import pytest
from PIL import Image

from tests.mock.conftest import MockServer

if TYPE_CHECKING:
    import openai
else:
    class _Openai:
        """`openai`, imported on first use: the import costs about 1.4 s, which every xdist worker would
        pay collecting this module, though only one runs its tests."""

        def __getattr__(self, name: str) -> Any:
            return getattr(importlib.import_module("openai"), name)

    openai = _Openai()


def openai_client(server: MockServer, api_key: str = "sk-test") -> openai.OpenAI:
    return openai.OpenAI(base_url=server.url + "/v1", api_key=api_key, max_retries=0)


def test_openai_generate_two_urls_that_download_as_images(images_server: MockServer) -> None:
    result = openai_client(images_server).images.generate(model="img-1", prompt="a red fox", n=2, size="512x512")
    urls = [image.url for image in result.data or []]
    assert len(urls) == 2 and len(set(urls)) == 2
    for url in urls:
        assert url is not None and url.startswith(images_server.url)
        picture = Image.open(io.BytesIO(httpx.get(url).content))
        assert (picture.format, picture.size) == ("PNG", (512, 512))


def test_openai_b64_json_decodes_to_a_png(images_server: MockServer) -> None:
    result = openai_client(images_server).images.generate(
        model="img-2", prompt="a blue fox", size="256x256", response_format="b64_json")
    assert result.data is not None and len(result.data) == 1
    encoded = result.data[0].b64_json
    assert encoded is not None
    picture = Image.open(io.BytesIO(base64.b64decode(encoded)))
    assert (picture.format, picture.size) == ("PNG", (256, 256))


def test_openai_missing_key_raises_authentication_error(images_server: MockServer) -> None:
    # The client refuses to start without a key, so the key header is dropped from the request on its way out.
    def drop_key(request: httpx.Request) -> None:
        del request.headers["Authorization"]

    client = openai.OpenAI(base_url=images_server.url + "/v1", api_key="sk-unused", max_retries=0,
                           http_client=httpx.Client(event_hooks={"request": [drop_key]}))
    with pytest.raises(openai.AuthenticationError) as caught:
        client.images.generate(model="img-1", prompt="a fox")
    assert caught.value.code == "invalid_api_key"
    wrong_scheme = openai.OpenAI(base_url=images_server.url + "/v1", api_key="sk-unused", max_retries=0,
                                 default_headers={"Authorization": "Token sk-unused"})
    with pytest.raises(openai.AuthenticationError):
        wrong_scheme.images.generate(model="img-1", prompt="a fox")


@pytest.mark.parametrize("arguments", [{"model": "img-1", "n": 99}, {"model": "no-such-model"}])
def test_openai_out_of_range_n_and_unknown_model_are_rejected(images_server: MockServer,
                                                               arguments: dict[str, Any]) -> None:
    with pytest.raises(openai.UnprocessableEntityError) as caught:
        openai_client(images_server).images.generate(prompt="a fox", **arguments)
    param = "n" if "n" in arguments else "model"
    assert caught.value.status_code == 422
    assert isinstance(caught.value.body, dict) and caught.value.body["param"] == param


def test_fal_client_submit_status_result(fal_server: MockServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fal_client.client, "QUEUE_URL_FORMAT", fal_server.url + "/")
    client = fal_client.SyncClient(key="fal-test")
    handle = client.submit("fal-ai/flux/dev", arguments={"prompt": "a lighthouse", "num_images": 2,
                                                          "output_format": "webp"})
    first = handle.status(with_logs=True)
    assert isinstance(first, fal_client.Queued)
    statuses = [type(event).__name__ for event in handle.iter_events(with_logs=True, interval=0.01)]
    assert statuses == ["InProgress", "Completed"]
    result = handle.get()
    assert len(result["images"]) == 2
    picture = Image.open(io.BytesIO(httpx.get(result["images"][0]["url"]).content))
    assert (picture.format, picture.size) == ("WEBP", (1024, 1024))
    assert client.status("fal-ai/flux/dev", handle.request_id).__class__.__name__ == "Completed"


def test_fal_client_bad_key_and_bad_arguments(fal_server: MockServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fal_client.client, "QUEUE_URL_FORMAT", fal_server.url + "/")
    with pytest.raises(fal_client.client.FalClientHTTPError) as caught:
        fal_client.SyncClient(key="fal-test").submit("fal-ai/flux/dev", arguments={"num_images": 0})
    assert caught.value.status_code == 422
    assert "num_images" in str(caught.value) or "prompt" in str(caught.value)
