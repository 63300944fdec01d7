"""The webhooks a spec documents (OpenAPI 3.1 `webhooks`), planned for the SDK's `webhooks` module.

Each webhook's request body is the event the API posts to the user's server. The SDK gathers their models
into one `WebhookEvent` union and offers `client.webhooks.unwrap(body)` (runtime `_webhooks.py`) to parse a
delivery into it. When every event pins its kind in the same required field (`type: Literal["batch.completed"]`,
OpenAI's and Stripe's style), the union is discriminated by that field, so pydantic picks the model by it
instead of trying each in turn.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass
from typing import Any

from generator.core.walk import HTTP_METHODS, mapping
from generator.render.python.reading import clean_text, pick_content
from generator.render.python.types import PyType, Typer, union

# Fields an event usually names its kind in, tried first; any other field that pins a value in every
# event will do.
_KIND_FIELDS = ("type", "event", "event_type", "kind", "object")


@dataclass
class Webhook:
    name: str  # its key under `webhooks`
    description: str
    payload: PyType


@dataclass
class WebhookSet:
    webhooks: list[Webhook]
    attr: str  # the clients' attribute (`webhooks`, unless a resource holds that name)
    event_alias: str  # the union's name in `<package>/webhooks.py`
    discriminator: str | None

    @property
    def event_type(self) -> PyType:
        return union([hook.payload for hook in self.webhooks])

    @property
    def models(self) -> set[str]:
        return set(self.event_type.models)


def plan_webhooks(types: Typer, spec: dict[str, Any], taken_attrs: set[str]) -> WebhookSet | None:
    """The webhooks of `spec` whose request body has a schema, or None when it documents none."""
    found: list[Webhook] = []
    for name, item in sorted(mapping(spec.get("webhooks")).items()):
        for method in HTTP_METHODS:
            operation = mapping(mapping(item).get(method))
            body = mapping(types.schemas.resolve(operation.get("requestBody")))
            picked = pick_content(mapping(body.get("content")))
            schema = mapping(picked[1]).get("schema") if picked else None
            if not isinstance(schema, dict) or not schema:
                continue
            payload = types.annotation(schema, f"{name} Event")
            text = clean_text(operation.get("summary") or operation.get("description") or body.get("description"))
            found.append(Webhook(name=str(name), description=text, payload=payload))
    if not found:
        return None
    alias = "WebhookEvent"
    while alias in types.schemas.taken:  # a model of that name is imported beside it
        alias += "Union"
    return WebhookSet(webhooks=found, attr="webhook_events" if "webhooks" in taken_attrs else "webhooks",
                      event_alias=alias, discriminator=_discriminator(types, found))


def _discriminator(types: Typer, hooks: list[Webhook]) -> str | None:
    """The required field in which every event (each one model) holds a value of its own, if there is one."""
    models = [hook.payload.members[0] for hook in hooks if len(hook.payload.members) == 1]
    if len(models) != len(hooks) or len(set(models)) < 2 or len(set(models)) != len(models):
        return None
    pinned: list[dict[str, Any]] = []
    for model in models:
        found = types.schemas.object_properties(types.schemas.schemas.get(model))
        if found is None:
            return None
        properties, required = found
        values: dict[str, Any] = {}
        for field_name, prop in properties.items():
            prop = mapping(prop)  # an inline enum or const: datamodel-code-generator writes it as a Literal
            value = prop["const"] if "const" in prop else (
                prop["enum"][0] if isinstance(prop.get("enum"), list) and len(prop["enum"]) == 1 else None)
            if field_name in required and isinstance(value, str) and _plain_field(field_name):
                values[field_name] = value
        pinned.append(values)
    common = set.intersection(*(set(values) for values in pinned))
    candidates = [name for name in _KIND_FIELDS if name in common] + sorted(common - set(_KIND_FIELDS))
    for name in candidates:
        if len({values[name] for values in pinned}) == len(pinned):
            return name
    return None


def _plain_field(name: str) -> bool:
    """Whether datamodel-code-generator keeps `name` as the field's Python name (a discriminator names it)."""
    return name.isidentifier() and not keyword.iskeyword(name) and not name.startswith(("model_", "_"))
