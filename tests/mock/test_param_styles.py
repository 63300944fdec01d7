"""Parameters spelled as OpenAPI's `style`/`explode` say, read back by the served mock (`specs/styles.yaml`).

Found by schemathesis against real-world documents: a deepObject filter whose unknown keys were never
looked at (apideck), arrays sent `a,b`, `a b` or `a|b` (form without explode, spaceDelimited,
pipeDelimited), and an exploded array item holding a comma that was split in two.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.mock.conftest import MockServer, serve

COOKIE = {"Cookie": "session=ab"}


@pytest.fixture(scope="module")
def styles_server(mock_root: Path) -> Iterator[MockServer]:
    yield from serve(mock_root, "styles")


def get(server: MockServer, path: str, query: str, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.get(f"{server.url}{path}?{query}", headers=COOKIE if headers is None else headers, timeout=30)


def locations(answer: httpx.Response) -> list[list[str | int]]:
    return [error["loc"] for error in answer.json()["errors"]]


def test_deep_object_keys_are_the_object(styles_server: MockServer) -> None:
    assert get(styles_server, "/leads", "filter%5Bfirst_name%5D=Elon&filter%5Bmin_score%5D=3&sort%5Bby%5D=score"
               ).status_code == 200
    unknown = get(styles_server, "/leads", "filter%5B%5Bx%5D=e")  # `filter[[x]`: additionalProperties false
    assert unknown.status_code == 422 and locations(unknown) == [["query", "filter"]]
    too_long = get(styles_server, "/leads", "filter%5Bfirst_name%5D=Elon%20Musk")
    assert locations(too_long) == [["query", "filter", "first_name"]]
    assert locations(get(styles_server, "/leads", "filter%5Bmin_score%5D=-1")) == [["query", "filter", "min_score"]]
    assert locations(get(styles_server, "/leads", "filter=abc")) == [["query", "filter"]]  # not an object
    assert locations(get(styles_server, "/leads", "sort%5Bby%5D=zzz")) == [["query", "sort", "by"]]


def test_arrays_split_as_their_style_says(styles_server: MockServer) -> None:
    fine = get(styles_server, "/tags", "csv=1,2,3&exploded=a,b&exploded=c&spaced=1%202&piped=x%7Cy&color=R,1,G,2")
    assert fine.status_code == 200, fine.text  # `exploded=a,b` is the one item "a,b"
    assert locations(get(styles_server, "/tags", "csv=1,x")) == [["query", "csv", 1]]
    assert locations(get(styles_server, "/tags", "spaced=1+x")) == [["query", "spaced", 1]]
    assert locations(get(styles_server, "/tags", "piped=x%7Cz")) == [["query", "piped", 1]]
    assert locations(get(styles_server, "/tags", "exploded=c,a")) == [["query", "exploded", 0]]
    assert locations(get(styles_server, "/tags", "color=R,a,G,2")) == [["query", "color", "R"]]


def test_cookie_parameters_are_read(styles_server: MockServer) -> None:
    assert get(styles_server, "/tags", "").status_code == 200
    assert locations(get(styles_server, "/tags", "", {})) == [["cookie", "session"]]
    assert locations(get(styles_server, "/tags", "", {"Cookie": "session=a"})) == [["cookie", "session"]]
