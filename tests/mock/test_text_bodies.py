"""Bodies other than JSON, and formats only jsonschema_rs checks (`specs/bodies.yaml`, served over HTTP).

schemathesis against archive.org_wayback found a `text/csv` body never checked (`{}` and `AAA` accepted
for an array) and a form body refused for an array schema a form cannot spell; against azure batchai, an
empty `format: duration` accepted.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.mock.conftest import MockServer, serve


@pytest.fixture(scope="module")
def bodies_server(mock_root: Path) -> Iterator[MockServer]:
    yield from serve(mock_root, "bodies")


def post(server: MockServer, media_type: str, body: bytes) -> httpx.Response:
    return httpx.post(server.url + "/available", content=body, headers={"Content-Type": media_type}, timeout=30)


def test_csv_bodies_are_checked_as_json_text_or_rows(bodies_server: MockServer) -> None:
    assert post(bodies_server, "text/csv", b'[{"url": "http://a", "tag": "0"}]').status_code == 200
    assert post(bodies_server, "text/csv", b"url,tag,count\nhttp://a,0,3\nhttp://b,1,4\n").status_code == 200
    for wrong in (b"{}", b"AAA"):  # an object; a lone word (a header row without rows is no table)
        answer = post(bodies_server, "text/csv", wrong)
        assert answer.status_code == 422 and answer.json()["errors"][0]["loc"] == ["body"]
    bad_cell = post(bodies_server, "text/csv", b"url,count\nhttp://a,many\n")
    assert bad_cell.status_code == 422 and bad_cell.json()["errors"][0]["loc"] == ["body", 0, "count"]
    assert post(bodies_server, "text/csv", b"\xff\xfe").status_code == 400


def test_plain_text_is_checked_against_a_string_schema(bodies_server: MockServer) -> None:
    assert post(bodies_server, "text/plain", b"abc").status_code == 200
    assert post(bodies_server, "text/plain", b"abcdefgh").status_code == 422


def test_a_form_body_for_an_array_schema_is_records_in_turn(bodies_server: MockServer) -> None:
    form = "application/x-www-form-urlencoded"
    assert post(bodies_server, form, b"url=http%3A%2F%2Fa&tag=0&url=http%3A%2F%2Fb").status_code == 200
    assert post(bodies_server, form, b'[["url", "http://a"], ["tag", "0"]]').status_code == 200  # JSON pairs
    # pairs whose values are JSON values (how schemathesis sends a nested array of records), still checked
    assert post(bodies_server, form, b'[["url", "http://a"], ["count", 3], ["url", "http://b"]]').status_code == 200
    typed = post(bodies_server, form, b'[["url", "http://a"], ["url", {"k": 1}]]')
    assert typed.status_code == 422 and typed.json()["errors"][0]["loc"] == ["body", 1, "url"]
    no_url = post(bodies_server, form, b"url=http%3A%2F%2Fa&tag=0&tag=1")  # the second record has no url
    assert no_url.status_code == 422 and no_url.json()["errors"][0]["loc"] == ["body", 1, "url"]
    assert post(bodies_server, form, b"AAA").status_code == 422  # neither JSON nor pairs: text, no array
    assert post(bodies_server, "application/json", b"{}").status_code == 422


def test_formats_jsonschema_cannot_check_are_still_checked(bodies_server: MockServer) -> None:
    pytest.importorskip("jsonschema_rs")
    # azure.com_batchai: `format: duration` (jsonschema needs `isoduration` for it) accepted "".
    ok = httpx.post(bodies_server.url + "/available", json=[{"url": "http://a", "timeout": "P7D"}], timeout=30)
    assert ok.status_code == 200
    empty = httpx.post(bodies_server.url + "/available", json=[{"url": "http://a", "timeout": ""}], timeout=30)
    assert empty.status_code == 422 and empty.json()["errors"][0]["loc"] == ["body", 0, "timeout"]
