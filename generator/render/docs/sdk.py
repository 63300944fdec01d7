"""How the generated Python SDK spells each operation, read from the SDK renderer's own plan.

The docs print SDK calls; taking method and keyword-argument names from `render.python.plan.build_plan` (the
same decisions the SDK is generated from) keeps the examples in step with the SDK by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from generator.render.naming import method_name, resource_name, snake

if TYPE_CHECKING:
    from generator.render.python.schemas import SchemaSet


@dataclass(frozen=True)
class SdkParam:
    kwarg: str
    wire: str
    location: str  # path | query | header | body | form | file | content
    positional: bool = False  # passed by position (the path's last parameter), not by keyword


@dataclass
class SdkOperation:
    """`client.<resource>.<method>(...)`, its keyword arguments, and the queue helpers of its resource."""

    resource: str
    method: str
    params: list[SdkParam] = field(default_factory=list)
    submit: str | None = None  # queue helpers on the resource, for x-queue operations
    run: str | None = None
    status: str | None = None
    result: str | None = None
    cancel: str | None = None
    events: str | None = None  # the status stream (`iter_events`)
    role: str | None = None  # a fal queue operation, called through the queued resource's helper `method`

    @property
    def call(self) -> str:
        return f"{self.resource}.{self.method}"


@dataclass
class SdkNames:
    operations: dict[str, SdkOperation]  # by operationId
    ticket_is_model: bool  # queue tickets are pydantic models (attribute access) rather than dicts
    ticket_status_is_enum: bool = False  # the ticket model's `status` is an Enum member (`.value`), not a str
    webhooks: str | None = None  # the clients' attribute whose `unwrap` parses a webhook delivery
    webhook_models: dict[str, str] = field(default_factory=dict)  # webhook name -> the SDK's type of its body


def sdk_names(spec: dict[str, Any]) -> SdkNames:
    """Names of every operation in the generated SDK, keyed by operationId."""
    from generator.render.python.plan import build_plan

    plan = build_plan(spec)
    found: dict[str, SdkOperation] = {}
    for resource in plan.resources:
        runs = {op.name: (submit, run) for submit, run, op in resource.queue.runs} if resource.queue else {}
        for op in resource.operations:
            entry = SdkOperation(resource=resource.attr, method=op.name,
                                 params=[SdkParam(p.name, p.wire, p.location, p.positional) for p in op.params])
            if op.name in runs and resource.queue is not None:
                entry.submit, entry.run = runs[op.name]
                entry.status, entry.result, entry.cancel = (resource.queue.status, resource.queue.result,
                                                            resource.queue.cancel)
                entry.events = resource.queue.events
            found[op.operation_id] = entry
    _queue_helpers(spec, plan.resources, found)
    hooks = plan.webhooks
    return SdkNames(operations=found, ticket_is_model=plan.ticket_model is not None,
                    ticket_status_is_enum=_enum_class_field(plan.schemas, plan.ticket_model, "status"),
                    webhooks=hooks.attr if hooks else None,
                    webhook_models={hook.name: hook.payload.text for hook in hooks.webhooks} if hooks else {})


def _queue_helpers(spec: dict[str, Any], resources: list[Any], found: dict[str, SdkOperation]) -> None:
    """fal's queue operations, which the SDK has no resource for (see `plan.QUEUE_ROLES`): each is the
    queued resource's helper that takes a request handle (`client.<model>.status(handle)`)."""
    from generator.core.walk import operations

    queued = next((r for r in resources if r.queue is not None), None)
    if queued is None:
        return
    helpers = {"status": queued.queue.status, "stream": queued.queue.events, "result": queued.queue.result,
               "cancel": queued.queue.cancel}
    for _path, _method, operation, _item in operations(spec):
        role = operation.get("x-queue-role")
        operation_id = str(operation.get("operationId"))
        if role in helpers and operation_id not in found:
            found[operation_id] = SdkOperation(resource=queued.attr, method=helpers[role], role=str(role))


def _enum_class_field(schemas: SchemaSet, model: str | None, prop: str) -> bool:
    """Whether the SDK's model `model` types property `prop` as an Enum class (parsed values are members
    with `.value`) rather than as `Literal[...]`/`str` (parsed values are plain strings).

    The models are generated with inline enums named in `schemas.literal_fields` as Literal; an enum
    reached through `$ref` (a component of its own) becomes an Enum class.
    """
    from generator.render.python.schemas import is_enum

    schema = schemas.schemas.get(model) if model else None
    properties = schema.get("properties") if isinstance(schema, dict) else None
    field_schema = properties.get(prop) if isinstance(properties, dict) else None
    if not isinstance(field_schema, dict):
        return False
    if "$ref" in field_schema:
        return is_enum(schemas.resolve(field_schema))
    return is_enum(field_schema) and prop not in schemas.literal_fields


def fallback(operation: dict[str, Any], parameters: list[dict[str, Any]], body_keys: list[str]) -> SdkOperation:
    """Names by the shared naming rules alone, for an operation the plan does not list."""
    params = [SdkParam(snake(str(p.get("name", ""))), str(p.get("name", "")), str(p.get("in", "query")))
              for p in parameters]
    params += [SdkParam(snake(key), key, "body") for key in body_keys]
    return SdkOperation(resource=resource_name(operation), method=method_name(operation), params=params)
