"""A hostile spec (keywords, dashes, Chinese, emoji and digit-leading names; descriptions holding `\"\"\"`,
backslashes, `{{ }}` and code) yields an SDK that lints clean (test_lint), imports, keeps every wire
name and runs without ever executing text from the docs."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from types import ModuleType

import pytest

from tests.sdk.conftest import Generated, load
from tests.sdk.server import API_KEY, LocalServer


@pytest.fixture
def sdk(sdks: dict[str, Generated]) -> ModuleType:
    return load(sdks["hostile"])


def test_import_in_a_fresh_process_runs_no_doc_text(sdks: dict[str, Generated]) -> None:
    package = sdks["hostile"].service.package
    code = (f"import {package}, {package}.models as m; c = {package}.Client(api_key='k'); "
            f"r = c.import_; n = c.none; print(m.Class.__doc__.strip()[:20])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=sdks["hostile"].root, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("A model whose docstr")


def test_docstrings_keep_the_text_verbatim(sdk: ModuleType) -> None:
    from api_9_hostile.resources.import_ import Import

    doc = inspect.getdoc(Import.class_) or ""
    assert '""" + __import__("os")._exit(4) + """' in doc
    assert "{{ config }}" in doc and "\\x00 escapes \\N{BULLET}" in doc
    assert "my_param: a\\b\\\\c" in doc


def test_keyword_and_unicode_names_keep_wire_names(sdk: ModuleType, server: LocalServer) -> None:
    client = sdk.Client(api_key=API_KEY, base_url=server.url, max_retries=0)
    signature = inspect.signature(client.import_.class_)
    assert {"from_", "param_2fa", "def_", "field_0day", "lambda_", "timeout_", "timeout"} <= set(signature.parameters)
    assert signature.parameters["my_param"].default is sdk.NOT_GIVEN  # the default is the server's to apply
    doc = inspect.getdoc(client.import_.class_) or ""
    assert "Defaults to `'q\"uote\\'s \\\\ back'` on the server." in doc  # the documented one, quoted safely
    result = client.import_.class_(from_="a", param_2fa=7, def_="d", field_0day=0, lambda_=["x"],
                                   nested={"import": "y"}, timeout_=2.5)
    request = server.state.requests[-1]
    assert request.path == "/class/a/7"
    assert request.query == {"timeout": ["2.5"], "api-key": [API_KEY]}
    assert "param_c20dbb2b" not in signature.parameters  # a header named 🎉 cannot go over HTTP: no argument
    assert json.loads(request.body) == {"def": "d", "0day": 0, "lambda": ["x"], "nested": {"import": "y"}}
    assert result.ok is None  # the echo answer is not this model; fields stay unset


def test_models_use_aliases_for_wire_names(sdk: ModuleType) -> None:
    from api_9_hostile.models import Class, FieldModel

    parsed = Class.model_validate({"def": "x", "0day": 1, "with-dash": "w", "🎉": True, "lambda": []})
    assert (parsed.def_, parsed.field_0day, parsed.with_dash, parsed.lambda_) == ("x", 1, "w", [])
    assert parsed.model_dump(by_alias=True, exclude_unset=True) == {"def": "x", "0day": 1, "with-dash": "w",
                                                                    "🎉": True, "lambda": []}
    assert FieldModel.model_validate({"BaseModel": "b", "model_config": "c"}).model_config_ == "c"


def test_operation_without_security_sends_no_key(sdk: ModuleType, server: LocalServer) -> None:
    client = sdk.Client(api_key=API_KEY, base_url=server.url + "/open", max_retries=0)
    client.none.none()
    assert "api-key" not in server.state.requests[-1].query
