"""Webhooks (OpenAPI 3.1 `webhooks`): their payload models, the `WebhookEvent` union and
`client.webhooks.unwrap`, as a user's server would call it on a delivery; mypy --strict narrows the union
by its `type` field in user code."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.render.python.plan import build_plan
from generator.runtime import RUNTIME_DIR
from tests.sdk.conftest import BIN, Generated, load

USAGE = '''
from hooks import Client
from hooks.webhooks import WebhookEvent, webhooks


def total(body: bytes) -> float | None:
    event: WebhookEvent = Client(api_key="k").webhooks.unwrap(body)
    if event.type == "order.created":
        return event.data.total  # narrowed to OrderCreated by its Literal `type`
    if event.type == "ping":
        return float(event.sent_at)
    return event.amount


def names() -> tuple[str, ...]:
    return webhooks.names
'''


def test_deliveries_parse_into_their_typed_events(sdks: dict[str, Generated]) -> None:
    hooks = load(sdks["webhooks"])
    client = hooks.Client(api_key="k")
    created = client.webhooks.unwrap(b'{"type": "order.created", "data": {"id": "o1", "total": 9.5}}')
    assert type(created).__name__ == "OrderCreated" and created.data.total == 9.5
    refunded = client.webhooks.unwrap('{"type": "order.refunded", "order_id": "o1", "amount": 2}')
    assert type(refunded).__name__ == "OrderRefunded" and refunded.amount == 2
    ping = client.webhooks.unwrap({"type": "ping", "sent_at": 1})
    assert type(ping).__name__ == "PingEvent"  # the inline payload, lifted and named after its webhook
    assert client.webhooks is client.webhooks and client.webhooks.names == ("order_created", "order_refunded", "ping")


def test_an_undocumented_delivery_is_a_typed_one_line_error(sdks: dict[str, Generated]) -> None:
    hooks = load(sdks["webhooks"])
    errors = __import__("hooks._webhooks", fromlist=["WebhookPayloadError"])
    with pytest.raises(errors.WebhookPayloadError) as caught:
        hooks.Client(api_key="k").webhooks.unwrap(b'{"type": "order.lost"}')
    assert "\n" not in str(caught.value)


def test_the_module_documents_each_webhook_and_ships_the_runtime(sdks: dict[str, Generated]) -> None:
    package = sdks["webhooks"].package_dir
    text = (package / "webhooks.py").read_text(encoding="utf-8")
    assert 'Field(discriminator="type")' in text
    assert "- `order_refunded` (`OrderRefunded`): An order was refunded." in text
    assert '\\"\\"\\" run and 中文 stay text' in text  # the description's quotes cannot end the docstring
    assert (package / "_webhooks.py").read_bytes() == (RUNTIME_DIR / "python" / "_webhooks.py").read_bytes()
    assert (package / "models" / "webhooks.py").is_file()  # their models have a module of their own


def test_mypy_strict_narrows_the_union_in_user_code(sdks: dict[str, Generated], tmp_path: Path,
                                                    mypy_cache: Path) -> None:
    usage = tmp_path / "usage.py"
    usage.write_text(USAGE, encoding="utf-8")
    result = subprocess.run([str(BIN / "mypy"), "--strict", "--cache-dir", str(mypy_cache), str(usage)],
                            capture_output=True, text=True, check=False,
                            env={"MYPYPATH": str(sdks["webhooks"].root), "PATH": ""})
    assert result.returncode == 0, result.stdout


def _spec(**schemas: Any) -> dict[str, Any]:
    hooks = {name: {"post": {"requestBody": {"content": {"application/json": {
        "schema": {"$ref": f"#/components/schemas/{name}"}}}}, "responses": {"200": {"description": "ok"}}}}
        for name in schemas}
    return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}, "webhooks": hooks,
            "components": {"schemas": schemas}}


def _event(value: str | None, field: str = "type", const: bool = False) -> dict[str, Any]:
    properties: dict[str, Any] = {"id": {"type": "string"}}
    if value is not None:
        properties[field] = {"type": "string", **({"const": value} if const else {"enum": [value]})}
    return {"type": "object", "required": ["id", *([field] if value else [])], "properties": properties}


def test_no_discriminator_unless_every_event_pins_its_own_value() -> None:
    assert build_plan(_spec(A=_event("a"), B=_event("b"))).webhooks.discriminator == "type"
    assert build_plan(_spec(A=_event("a"), B=_event("a"))).webhooks.discriminator is None  # same value twice
    assert build_plan(_spec(A=_event("a"), B=_event(None))).webhooks.discriminator is None  # one lacks it
    plan = build_plan(_spec(A=_event("x", "kind", const=True), B=_event("y", "kind", const=True)))
    assert plan.webhooks.discriminator == "kind"
    optional = _event("b")
    optional["required"] = ["id"]
    assert build_plan(_spec(A=_event("a"), B=optional)).webhooks.discriminator is None  # not required in B


def test_no_webhooks_no_module_and_a_resource_named_webhooks_keeps_its_name() -> None:
    spec = _spec(A=_event("a"))
    assert build_plan({**spec, "webhooks": {}}).webhooks is None
    spec["paths"] = {"/webhooks": {"get": {"operationId": "listWebhooks", "tags": ["webhooks"],
                                           "responses": {"200": {"description": "ok"}}}}}
    plan = build_plan(spec)
    assert [r.attr for r in plan.resources] == ["webhooks"] and plan.webhooks.attr == "webhook_events"
