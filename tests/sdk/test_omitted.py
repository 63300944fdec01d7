"""Omitted arguments are not sent, `None` is sent as null, and a seed SDK type-checks as its README uses it.

Bodies are compared byte for byte as the committed anyfast SDK puts them on the wire through its own
`testing` transport (no server, no port).
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.sdk.conftest import BIN

ROOT = Path(__file__).resolve().parents[2]
SDK_ROOT = ROOT / "generated" / "anyfast" / "python"
USAGE = Path(__file__).resolve().parent / "usage" / "anyfast_images.py"


@pytest.fixture
def anyfast() -> Iterator[ModuleType]:
    sys.path.insert(0, str(SDK_ROOT))
    try:
        yield importlib.import_module("anyfast")
    finally:
        sys.path.remove(str(SDK_ROOT))
        for name in [m for m in sys.modules if m == "anyfast" or m.startswith("anyfast.")]:
            del sys.modules[name]


def recording(anyfast: ModuleType, sent: list[httpx.Request]) -> httpx.Client:
    """An httpx client over the SDK's in-process mock that keeps every request it sends."""
    testing = importlib.import_module("anyfast.testing")
    return httpx.Client(transport=testing.MockTransport(), event_hooks={"request": [sent.append]})


def test_omitted_arguments_and_documented_defaults_are_not_sent(anyfast: ModuleType) -> None:
    sent: list[httpx.Request] = []
    client = anyfast.Client(api_key="k", http_client=recording(anyfast, sent))
    result = client.images.generate(model="wan2.7-image", prompt="一只猫")
    assert result.data  # the mock accepted the request and answered with the documented example
    # n (documented default 1, or 12 with enable_sequential), thinking_mode, response_format...: the server's
    assert sent[-1].content == '{"model":"wan2.7-image","prompt":"一只猫"}'.encode()
    client.images.generate(model="wan2.7-image", prompt="p", n=anyfast.NOT_GIVEN, enable_sequential=True,
                           extra_body={"n": 12})
    assert sent[-1].content == b'{"model":"wan2.7-image","prompt":"p","enable_sequential":true,"n":12}'


def test_given_values_are_sent_even_when_they_equal_the_default(anyfast: ModuleType) -> None:
    sent: list[httpx.Request] = []
    client = anyfast.Client(api_key="k", http_client=recording(anyfast, sent))
    client.images.generate(model="wan2.7-image", prompt="p", n=1, watermark=False, seed=0)
    assert sent[-1].content == b'{"model":"wan2.7-image","prompt":"p","n":1,"watermark":false,"seed":0}'


def test_explicit_none_is_sent_as_null(anyfast: ModuleType) -> None:
    """anyfast documents no nullable field; a caller's `None` still goes out as null rather than vanishing
    (the mock answers 422: the spec says seed is an integer), so a nullable field can be cleared."""
    sent: list[httpx.Request] = []
    client = anyfast.Client(api_key="k", http_client=recording(anyfast, sent), max_retries=0)
    with pytest.raises(anyfast.UnprocessableEntityError):
        client.images.generate(model="wan2.7-image", prompt="p", seed=None)
    assert sent[-1].content == b'{"model":"wan2.7-image","prompt":"p","seed":null}'


def test_signatures_default_to_not_given_and_document_the_servers_default(anyfast: ModuleType) -> None:
    generate = anyfast.Client(api_key="k").images.generate
    parameters = inspect.signature(generate).parameters
    assert parameters["model"].default is inspect.Parameter.empty
    assert parameters["n"].default is anyfast.NOT_GIVEN and parameters["n"].annotation == "int | NotGiven"
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters.values())  # no path parameter
    doc = inspect.getdoc(generate) or ""
    assert "Defaults to `1` on the server." in doc and "Defaults to `\"url\"` on the server." in doc


def test_readme_usage_runs_through_the_testing_transport(anyfast: ModuleType) -> None:
    sys.path.insert(0, str(USAGE.parent))
    try:
        usage: Any = importlib.import_module("anyfast_images")
    finally:
        sys.path.remove(str(USAGE.parent))
        sys.modules.pop("anyfast_images", None)
    sent: list[httpx.Request] = []
    urls, status = usage.main(recording(anyfast, sent))
    assert urls and status == 200
    assert [r.content for r in sent] == [b'{"model":"wan2.7-image","prompt":"a cat"}',
                                         b'{"model":"wan2.7-image-pro","prompt":"a cat","seed":7}']
    testing = importlib.import_module("anyfast.testing")
    created = asyncio.run(usage.generate_async(httpx.AsyncClient(transport=testing.MockTransport())))
    assert created is None or isinstance(created, int)


def test_readme_usage_type_checks_strictly(mypy_cache: Path) -> None:
    """The usage file passes `mypy --strict`: optional arguments forward NOT_GIVEN, results are typed, and
    `None` for a non-nullable field is an error (its `type: ignore` would otherwise be reported unused)."""
    result = subprocess.run([str(BIN / "mypy"), "--strict", "--cache-dir", str(mypy_cache), str(USAGE)],
                            capture_output=True, text=True, check=False,
                            env={**os.environ, "MYPYPATH": str(SDK_ROOT)})
    assert result.returncode == 0, result.stdout + result.stderr
