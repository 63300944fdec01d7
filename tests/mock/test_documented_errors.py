"""Every answer the mock gives is documented by the normalized spec: status, media type and body schema
(what schemathesis' status_code, content_type and response_schema conformance checks ask), and with
`--api-key` only that key gets in (ignored_auth). A fast, deterministic stand-in for
`benchmarks/conformance.py`, over the committed seed services."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
import referencing
import referencing.jsonschema

from generator.core.walk import operations, resolve

ROOT = Path(__file__).resolve().parents[2]
SERVICES = sorted(p.parent.parent.name for p in (ROOT / "generated").glob("*/mock/spec.json"))
KEY = "sk-only-this-0123"


def engine_module(folder: Path) -> Any:
    sys.path.insert(0, str(folder))
    try:
        sys.modules.pop("mock_engine", None)
        return importlib.import_module("mock_engine")
    finally:
        sys.path.pop(0)


@pytest.fixture(params=SERVICES)
def service(request: pytest.FixtureRequest) -> Iterator[tuple[dict[str, Any], Any, Any]]:
    folder = ROOT / "generated" / request.param / "mock"
    module = engine_module(folder)
    engine = module.load_engine(str(folder), api_key=KEY, max_body=4096)
    spec = json.loads((folder / "spec.json").read_text(encoding="utf-8"))
    yield spec, module, engine
    sys.modules.pop("mock_engine", None)


def credentials(spec: dict[str, Any], key: str) -> dict[str, str]:
    schemes = (spec.get("components") or {}).get("securitySchemes") or {}
    for requirement in spec.get("security") or []:
        for name in requirement:
            scheme = schemes[name]
            if scheme.get("type") == "http":
                return {"authorization": f"Bearer {key}"}
            prefix = scheme.get("x-prefix")
            return {str(scheme["name"]).lower(): f"{prefix} {key}" if prefix else key}
    return {}


def concrete(path: str) -> str:
    return path.replace("{app_owner}", "fal-ai").replace("{app_name}", "flux").replace(
        "{request_id}", "00000000-0000-4000-8000-000000000000").replace("{model}", "flux/dev")


def assert_documented(spec: dict[str, Any], op: dict[str, Any], answer: Any) -> None:
    responses = op["responses"]
    documented = responses.get(str(answer.status)) or responses.get("default")
    assert documented is not None, f"{op['operationId']}: {answer.status} not documented"
    documented = resolve(spec, documented)
    content = documented.get("content") or {}
    if answer.status == 204 or not content:
        return
    media_type = answer.headers["content-type"].split(";")[0]
    assert media_type in content, f"{op['operationId']} {answer.status}: {media_type} not in {list(content)}"
    registry = referencing.Registry().with_resource(
        "urn:spec", referencing.Resource(contents=spec, specification=referencing.jsonschema.DRAFT202012))
    schema = content[media_type]["schema"]
    schema = {"$ref": "urn:spec" + schema["$ref"]} if "$ref" in schema else schema
    jsonschema.Draft202012Validator(schema, registry=registry).validate(json.loads(answer.body))


def test_every_error_answer_is_documented(service: tuple[dict[str, Any], Any, Any]) -> None:
    spec, module, engine = service
    good = credentials(spec, KEY)
    seen: set[int] = set()
    for path, method, op, _ in operations(spec):
        url = concrete(path)
        body_spec = op.get("requestBody")

        def send(headers: dict[str, str], body: bytes = b"", url: str = url, method: str = method) -> Any:
            return engine.handle(module.MockRequest(method=method.upper(), path=url, query=[], headers=headers,
                                                    body=body, base_url="http://127.0.0.1:1"))

        json_type = {"content-type": "application/json"}
        attempts = [send({**json_type, **credentials(spec, "wrong-key")}, b"{}"), send(json_type, b"{}")]
        if body_spec is not None:
            attempts += [send({**good, **json_type}, b"{not json"), send({**good, **json_type}, b"[]"),
                         send({**good, "content-type": "text/plain"}, b"x"),
                         send({**good, **json_type}, b"{" + b" " * 5000 + b"}")]
        else:
            attempts.append(send(good))
        for answer in attempts:
            seen.add(answer.status)
            assert_documented(spec, op, answer)
    if credentials(spec, KEY):
        assert 401 in seen  # a wrong key is refused: only --api-key's key gets in
    assert seen & {404, 422}


def test_only_the_configured_key_is_accepted(service: tuple[dict[str, Any], Any, Any]) -> None:
    spec, module, engine = service
    if not credentials(spec, KEY):
        pytest.skip("the service needs no credentials")
    path, method, op, _ = operations(spec)[0]

    def status(headers: dict[str, str]) -> int:
        return int(engine.handle(module.MockRequest(
            method=method.upper(), path=concrete(path), query=[], headers={**headers, "content-type": "application/json"},
            body=b"{}" if op.get("requestBody") else b"", base_url="http://h")).status)

    assert status(credentials(spec, "another-key")) == 401
    assert status(credentials(spec, KEY)) != 401


def test_api_key_from_the_environment(tmp_path: Path) -> None:
    folder = ROOT / "generated" / "winfull" / "mock"
    env = {**os.environ, "APIGEN_MOCK_API_KEY": KEY}
    server = subprocess.Popen([sys.executable, str(folder), "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip().split(" at ")[-1]
        status = f"{url}/fal-ai/flux/requests/00000000-0000-4000-8000-000000000000/status"
        assert httpx.get(status, headers={"Authorization": "Bearer nope"}, timeout=30).status_code == 401
        assert httpx.get(status, headers={"Authorization": f"Bearer {KEY}"}, timeout=30).status_code == 404
    finally:
        server.terminate()
        server.wait(timeout=10)
