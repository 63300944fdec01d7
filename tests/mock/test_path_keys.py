"""AWS-style path keys (`/tags#resourceArn`, `/tags#resourceArn&tagKeys`, `/?Action=List`): one URL path,
operations told apart by the query keys the key names (`specs/fragments.yaml`, served over HTTP).

schemathesis against amazonaws.com_iotanalytics found `OPTIONS /tags?resourceArn=...` advertising DELETE
(a method of the other key) and `POST /tags?resourceArn=...&tagKeys=...` answered as the other key's POST.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.mock.conftest import MockServer, serve


@pytest.fixture(scope="module")
def keys_server(mock_root: Path) -> Iterator[MockServer]:
    yield from serve(mock_root, "fragments")


def test_each_key_set_answers_its_own_methods(keys_server: MockServer) -> None:
    with keys_server.client() as client:
        assert client.get("/tags", params={"resourceArn": "arn:x"}).status_code == 200
        both = {"resourceArn": "arn:x", "tagKeys": "a"}
        assert client.delete("/tags", params=both).status_code == 204
        options = client.options("/tags", params={"resourceArn": "arn:x"})
        assert options.status_code == 405 and options.headers["allow"] == "GET, POST"
        post = client.post("/tags", params=both, json={"tags": ["a"]})
        assert post.status_code == 405 and post.headers["allow"] == "DELETE"
        assert client.post("/tags", params={"resourceArn": "arn:x"}, json={"tags": ["a"]}).status_code == 204


def test_a_request_without_the_keys_misses_a_parameter(keys_server: MockServer) -> None:
    with keys_server.client() as client:
        assert client.get("/tags").json()["errors"][0]["loc"] == ["query", "resourceArn"]
        # DELETE is `#resourceArn&tagKeys`'s: without tagKeys, a missing parameter (a documented 422)
        untag = client.delete("/tags", params={"resourceArn": "arn:x"})
        assert untag.status_code == 422 and untag.json()["errors"][0]["loc"] == ["query", "tagKeys"]


def test_key_values_tell_actions_apart(keys_server: MockServer) -> None:
    with keys_server.client() as client:
        assert client.get("/", params={"Action": "ListThings"}).status_code == 200
        assert client.post("/", params={"Action": "DeleteThing"}).status_code == 204
        wrong = client.post("/", params={"Action": "ListThings"})
        assert wrong.status_code == 405 and wrong.headers["allow"] == "GET"
