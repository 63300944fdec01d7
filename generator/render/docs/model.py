"""What the docs templates show, computed once from the spec so Markdown and HTML say the same thing.

Values here are raw text (untrusted); the templates escape them for their own format (Markdown filters
of `text`, or Jinja2 autoescape for HTML).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.config import ServiceConfig
from generator.core.walk import HTTP_METHODS
from generator.render.docs.examples import Auth, RequestExample, auth_of, build_request
from generator.render.docs.schema import Resolver, example_value, operations, range_text, type_text
from generator.render.docs.text import short_json, slug
from generator.render.naming import method_name, resource_name

QUEUE_ROLES = ("status", "stream", "result", "cancel")


@dataclass
class ParamRow:
    """One line of an operation's parameter table."""

    name: str
    location: str  # path | query | header | cookie | body
    type: str
    required: bool
    default: str
    range: str
    enum: str
    description: str
    enum_values: list[str] = field(default_factory=list)  # each value as JSON text, for chips in HTML

    @property
    def depth(self) -> int:
        """Nesting level of a body field (`a.b[].c` is 2), for indenting nested rows."""
        return self.name.count(".") if self.location in ("body", "response") else 0

    @property
    def leaf(self) -> str:
        """The field's own name (`c` of `a.b[].c`); `parent` is the rest."""
        return self.name.rsplit(".", 1)[-1] if self.depth else self.name

    @property
    def parent(self) -> str:
        return self.name.rsplit(".", 1)[0] + "." if self.depth else ""


@dataclass
class ResponseDoc:
    """One documented response: status, its description, media type, an example body and its fields."""

    status: str
    description: str
    content_type: str | None
    example: str | None  # pretty JSON or text
    fields: list[ParamRow] = field(default_factory=list)
    type: str = ""  # type of the whole body (`QueueStatus`, `array of Model`), when it has a schema


@dataclass
class OperationDoc:
    """Everything one operation page shows."""

    operation_id: str
    anchor: str
    file: str  # relative to docs/: operations/<anchor>.md
    method: str
    path: str
    summary: str
    description: str
    resource: str
    call: str  # `<resource>.<method>` on the SDK client
    tag: str
    deprecated: bool
    queue: str | None  # x-queue value (fal) when the operation answers with a queue ticket
    queue_role: str | None  # x-queue-role of fal's queue operations
    params: list[ParamRow] = field(default_factory=list)
    request_content_type: str | None = None
    request_example: str | None = None
    responses: list[ResponseDoc] = field(default_factory=list)
    curl: str = ""  # filled by snippets.add_examples once every operation is known
    python: list[tuple[str, str]] = field(default_factory=list)  # (what it shows, script)
    python_async: list[tuple[str, str]] = field(default_factory=list)  # the same with AsyncClient
    source: str | None = None
    request: RequestExample | None = None
    auth: Auth | None = None

    @property
    def title(self) -> str:
        """What headings and the sidebar call the operation: its summary, else its id in words
        (`images_generate` -> "Images generate")."""
        if self.summary.strip():
            return " ".join(self.summary.split())
        if self.queue and "{" not in self.path:  # a fal model's submit: its model path says what it is
            return f"Submit {self.path.strip('/')}"
        words = self.operation_id.replace("_", " ").replace("-", " ").split()
        return " ".join(words).capitalize() if words else f"{self.method} {self.path}"

    @property
    def location_groups(self) -> list[tuple[str, list[ParamRow]]]:
        """Parameters by where they go, in request order: path, query, header, cookie, body."""
        names = {"path": "Path parameters", "query": "Query parameters", "header": "Headers",
                 "cookie": "Cookies", "body": "Body"}
        return [(names[where], rows) for where in names
                if (rows := [r for r in self.params if r.location == where])]

    @property
    def search_text(self) -> str:
        """What the HTML search box matches against (lower-cased by the script)."""
        return " ".join([self.method, self.path, self.operation_id, self.title, "client." + self.call, self.tag])


@dataclass
class WebhookDoc:
    """An event the API posts to the user's server (an entry of the spec's `webhooks`)."""

    name: str
    anchor: str
    method: str
    summary: str
    description: str
    content_type: str | None
    fields: list[ParamRow]
    example: str | None
    model: str = ""  # the SDK's class for it, and the call that parses it: set with the examples
    unwrap: str = ""


@dataclass
class ServerDoc:
    url: str
    description: str


@dataclass
class ServiceDoc:
    """The whole reference of one service."""

    name: str
    title: str
    version: str
    description: str
    package: str
    sdk_version: str
    env_prefix: str
    servers: list[ServerDoc]
    auth: Auth | None
    external_docs: str | None
    operations: list[OperationDoc]
    queue_operations: list[OperationDoc]  # the ones answering with a ticket (x-queue)
    queue_roles: dict[str, OperationDoc]  # role -> fal queue operation
    changelog: str | None
    tag_names: dict[str, str] = field(default_factory=dict)  # tag -> what the reader sees (x-displayName)
    webhooks: list[WebhookDoc] = field(default_factory=list)

    def tag_title(self, tag: str) -> str:
        return self.tag_names.get(tag) or tag.replace("_", " ")

    @property
    def tags(self) -> list[tuple[str, list[OperationDoc]]]:
        """Operations grouped by resource, groups in first-seen order."""
        groups: dict[str, list[OperationDoc]] = {}
        for op in self.operations:
            groups.setdefault(op.tag, []).append(op)
        return list(groups.items())


def _param_row(param: dict[str, Any], resolver: Resolver) -> ParamRow:
    schema = resolver.deref(param.get("schema") or {})
    schema = schema if isinstance(schema, dict) else {}
    return ParamRow(
        name=str(param.get("name", "")),
        location=str(param.get("in", "")),
        type=type_text(param.get("schema") or {}, resolver) or "string",
        required=bool(param.get("required")) or param.get("in") == "path",
        default=short_json(schema["default"]) if "default" in schema else "",
        range=range_text(schema),
        enum=", ".join(short_json(v) for v in schema.get("enum") or []),
        description=str(param.get("description") or schema.get("description") or ""),
        enum_values=[short_json(v) for v in schema.get("enum") or []],
    )


def _body_rows(schema: Any, resolver: Resolver, prefix: str = "", depth: int = 0,
               location: str = "body") -> list[ParamRow]:
    """Rows for the properties of a body, nested objects as `parent.child`, arrays as `list[]`; a body
    that is an array of objects lists its items' fields as `[].field`."""
    schema = resolver.deref(schema)
    if not isinstance(schema, dict) or depth > 3:
        return []
    if depth == 0 and not schema.get("properties"):
        items = resolver.deref(schema.get("items") or {}) if schema.get("type") == "array" else None
        if isinstance(items, dict) and items.get("properties"):
            return _body_rows(items, resolver, "[].", depth + 1, location)
        for key in ("allOf", "oneOf", "anyOf"):  # one branch holding the fields (`allOf: [$ref]`)
            branches = [b for b in schema.get(key) or [] if isinstance(resolver.deref(b), dict)
                        and resolver.deref(b).get("type") != "null"]
            if len(branches) == 1:
                return _body_rows(branches[0], resolver, prefix, depth, location)
    rows: list[ParamRow] = []
    required = set(schema.get("required") or [])
    for name, sub in (schema.get("properties") or {}).items():
        target = resolver.deref(sub)
        if not isinstance(target, dict):
            continue
        full = f"{prefix}{name}"
        rows.append(ParamRow(
            name=full,
            location=location,
            type=type_text(sub, resolver) or "any",
            required=name in required,
            default=short_json(target["default"]) if "default" in target else "",
            range=range_text(target),
            enum=", ".join(short_json(v) for v in target.get("enum") or []),
            description=str(target.get("description") or target.get("title") or ""),
            enum_values=[short_json(v) for v in target.get("enum") or []],
        ))
        if target.get("properties"):
            rows.extend(_body_rows(target, resolver, full + ".", depth + 1, location))
        items = resolver.deref(target.get("items") or {})
        if isinstance(items, dict) and items.get("properties"):
            rows.extend(_body_rows(items, resolver, full + "[].", depth + 1, location))
    return rows


def _media(content: Any) -> tuple[str | None, dict[str, Any]]:
    """The preferred media type of a `content` map: JSON first, then whatever comes first."""
    if not isinstance(content, dict) or not content:
        return None, {}
    for key in content:
        if "json" in str(key):
            return str(key), content[key] if isinstance(content[key], dict) else {}
    key = next(iter(content))
    return str(key), content[key] if isinstance(content[key], dict) else {}


def _media_example(media: dict[str, Any], resolver: Resolver, full: bool = False, description: str = "") -> Any:
    """The doc's own example when it fits the schema, else one built from the schema (showing the enum
    values the response's `description` names)."""
    from generator.render.docs.schema import is_valid, named_enum_values

    schema = media.get("schema")
    candidates = []
    if "example" in media:
        candidates.append(media["example"])
    for item in (media.get("examples") or {}).values() if isinstance(media.get("examples"), dict) else []:
        item = resolver.deref(item)
        if isinstance(item, dict) and "value" in item:
            candidates.append(item["value"])
    for candidate in candidates:
        if schema is None or is_valid(candidate, schema, resolver):
            return candidate
    if schema is None:
        return candidates[0] if candidates else None
    return named_enum_values(example_value(schema, resolver, full=full), schema, resolver, description)


def _example_text(value: Any) -> str | None:
    from generator.render.docs.text import json_text

    if value is None:
        return None
    return value if isinstance(value, str) else json_text(value)


def _file_fields(schema: Any, resolver: Resolver) -> set[str]:
    """Multipart fields holding files: binary strings (or arrays of them)."""
    schema = resolver.deref(schema)
    found = set()
    for name, sub in ((schema or {}).get("properties") or {}).items() if isinstance(schema, dict) else []:
        target = resolver.deref(sub)
        if isinstance(target, dict) and target.get("type") == "array":
            target = resolver.deref(target.get("items") or {})
        if isinstance(target, dict) and (target.get("format") in ("binary", "byte") or "contentMediaType" in target):
            found.add(str(name))
    return found


def operation_doc(spec: dict[str, Any], service: ServiceConfig, resolver: Resolver, path: str, method: str,
                  operation: dict[str, Any], shared: list[Any]) -> OperationDoc:
    """The page of one operation, examples included."""
    own = [resolver.deref(p) for p in operation.get("parameters") or []]
    names = {(p.get("name"), p.get("in")) for p in own if isinstance(p, dict)}
    params = [p for p in (resolver.deref(x) for x in shared) if isinstance(p, dict)
              and (p.get("name"), p.get("in")) not in names] + [p for p in own if isinstance(p, dict)]
    auth = auth_of(spec, operation)
    skip = {auth.name.lower()} if auth is not None else set()
    body = resolver.deref(operation.get("requestBody") or {})
    content_type, media = _media(body.get("content") if isinstance(body, dict) else None)
    body_schema = media.get("schema") if media else None
    body_example = _media_example(media, resolver) if media else None
    request = build_request(path, method, params, body_schema, content_type, body_example, resolver, skip)
    request.files = _file_fields(body_schema, resolver) if content_type and "multipart" in content_type else set()
    resource = resource_name(operation)
    call = f"{resource}.{method_name(operation)}"
    operation_id = str(operation.get("operationId") or f"{method}_{path}")
    anchor = slug(operation_id)
    rows = [_param_row(p, resolver) for p in params]
    if body_schema is not None:
        rows.extend(_body_rows(body_schema, resolver))
    responses = []
    for status, answer in (operation.get("responses") or {}).items():
        answer = resolver.deref(answer)
        if not isinstance(answer, dict):
            continue
        kind, answer_media = _media(answer.get("content"))
        description = str(answer.get("description") or "")
        example = _media_example(answer_media, resolver, True, description) if answer_media else None
        schema = answer_media.get("schema") if answer_media else None
        responses.append(ResponseDoc(status=str(status), description=description,
                                     content_type=kind, example=_example_text(example),
                                     fields=_body_rows(schema, resolver, location="response") if schema else [],
                                     type=type_text(schema, resolver) if isinstance(schema, dict) else ""))
    return OperationDoc(
        operation_id=operation_id,
        anchor=anchor,
        file=f"operations/{anchor}.md",
        method=method.upper(),
        path=path,
        summary=str(operation.get("summary") or ""),
        description=str(operation.get("description") or ""),
        resource=resource,
        call=call,
        tag=str((operation.get("tags") or ["default"])[0]),
        deprecated=bool(operation.get("deprecated")),
        queue=str(operation["x-queue"]) if operation.get("x-queue") else None,
        queue_role=str(operation["x-queue-role"]) if operation.get("x-queue-role") else None,
        params=rows,
        request_content_type=content_type,
        request_example=_example_text(body_example) if request.has_body else None,
        responses=responses,
        source=str(operation["x-source"]) if operation.get("x-source") else None,
        request=request,
        auth=auth,
    )


def service_doc(spec: dict[str, Any], service: ServiceConfig, changelog: str | None) -> ServiceDoc:
    """The reference of a service: overview plus one `OperationDoc` per operation, in spec order; the
    examples are added after (`snippets.add_examples`), once every operation is known."""
    resolver = Resolver(spec)
    info = spec.get("info") or {}
    ops = [operation_doc(spec, service, resolver, path, method, op, shared)
           for path, method, op, shared in operations(spec)]
    taken: dict[str, int] = {}
    for op in ops:  # anchors and file names must stay unique even if operationIds collide after slugging
        count = taken.get(op.anchor, 0) + 1
        taken[op.anchor] = count
        if count > 1:
            op.anchor = f"{op.anchor}-{count}"
            op.file = f"operations/{op.anchor}.md"
    servers = [ServerDoc(url=str(s.get("url", "")), description=str(s.get("description") or ""))
               for s in spec.get("servers") or [] if isinstance(s, dict)]
    auth = auth_of(spec, {})
    docs = spec.get("externalDocs") or {}
    doc = ServiceDoc(
        name=service.name,
        title=str(info.get("title") or service.name),
        version=str(info.get("version") or ""),
        description=str(info.get("description") or ""),
        package=service.package,
        sdk_version=service.version,
        env_prefix=service.env_prefix,
        servers=servers,
        auth=auth,
        external_docs=str(docs["url"]) if isinstance(docs, dict) and docs.get("url") else None,
        operations=ops,
        queue_operations=[op for op in ops if op.queue],
        queue_roles={op.queue_role: op for op in ops if op.queue_role in QUEUE_ROLES},
        changelog=changelog,
        tag_names={str(t["name"]): str(t.get("x-displayName") or "") for t in spec.get("tags") or []
                   if isinstance(t, dict) and t.get("name") and t.get("x-displayName")},
    )
    doc.webhooks = _webhook_docs(spec, resolver)
    return doc


def _webhook_docs(spec: dict[str, Any], resolver: Resolver) -> list[WebhookDoc]:
    """The spec's webhooks in name order, each with the fields and an example of the body it delivers."""
    found = []
    webhooks = spec.get("webhooks")
    for name, item in sorted(webhooks.items() if isinstance(webhooks, dict) else []):
        for method in HTTP_METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            if not isinstance(operation, dict):
                continue
            body = resolver.deref(operation.get("requestBody") or {})
            body = body if isinstance(body, dict) else {}
            content_type, media = _media(body.get("content"))
            schema = media.get("schema") if media else None
            found.append(WebhookDoc(
                name=str(name), anchor=f"webhook-{slug(str(name))}", method=method.upper(),
                summary=str(operation.get("summary") or ""),
                description=str(operation.get("description") or body.get("description") or ""),
                content_type=content_type,
                fields=_body_rows(schema, resolver) if schema is not None else [],
                example=_example_text(_media_example(media, resolver, True)) if media else None))
    return found
