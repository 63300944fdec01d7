"""What the Python SDK templates render: resources, operations and keyword arguments, from a spec.

Templates only lay text out; every decision (names, annotations, defaults, how a body is sent, which auth
applies, which module each model class lives in and so what every module imports) is made here so that it
is made once and tested once. The flow runs one way: the spec's schemas are gathered into a `SchemaSet`,
operations are typed over it (`types.Typer`, which lifts their inline objects into classes), the plan is
built from those types, and templates read the plan; nothing reads rendered text back.
"""

from __future__ import annotations

import json
import keyword
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from generator.core.naming import words
from generator.core.walk import operations
from generator.openapi.queue import any_model_parameter
from generator.render.naming import method_name, module_file, pascal, resource_name, snake, unique
from generator.render.python.modules import assign_modules
from generator.render.python.reading import clean_text, pick_content
from generator.render.python.schemas import SchemaSet, singular
from generator.render.python.types import ANY, FILE, STR, PyType, Typer, default_literal
from generator.render.python.webhooks import WebhookSet, plan_webhooks

# Header parameters the client sets itself; a spec documenting them must not produce arguments.
_MANAGED_HEADERS = {"authorization", "content-type", "accept", "content-length", "user-agent", "host"}
# Names every generated method already uses for its own options.
# Names a generated method uses itself (its options, the helpers and builtins its body calls): an
# argument with one of these names gets a trailing underscore.
_METHOD_OPTIONS = {
    "extra_headers", "extra_query", "extra_body", "timeout", "self", "on_update", "poll_interval", "cast",
    "str", "int", "float", "bool", "list", "dict", "bytes", "object", "type", "jsonable", "query_params",
    "header_params", "json_body", "form_fields", "file_parts", "raw_content", "ticket",
}
# Names resource modules and the client module import; a resource class must not shadow them.
_TAKEN_CLASSES = {"Any", "Literal", "Callable", "Client", "AsyncClient", "SyncResource", "AsyncResource",
                  "RequestOptions", "Headers", "Query", "Body", "Timeout", "FileInput", "Self",
                  "NotGiven"}
# Public members of the generated `Client` and `AsyncClient` (and names users reach for on them, as on
# openai-python's): a tag named like one gets `_` after it (`client.close_`), or its resource would redefine
# the member (`client.close` no longer closing anything). tests/sdk/test_clashes.py checks this covers them.
CLIENT_MEMBERS = {"api_key", "base_url", "close", "max_response_size", "max_retries", "request", "timeout",
                  "with_raw_response", "with_options", "copy", "aclose"}
# fal's queue operations (`x-queue-role`): with a queued submit in the spec they are what the request
# handles (`handle.status()`, `client.<model>.result(handle)`) call, so they get no resource of their own: a
# `client.queue.get_request_status(request_id, app_owner=..., app_name=...)` beside the handles would be a
# second, untyped way to do the same. A spec with the queue operations and no submit keeps them.
QUEUE_ROLES = ("status", "stream", "result", "cancel")
# An argument's Args: entry when the page says nothing of it: where its value goes.
_PLACES = {"path": "The `{wire}` part of the path.", "query": "Sent as the `{wire}` query parameter.",
           "header": "Sent as the `{wire}` header.", "body": "Sent as `{wire}` in the JSON body.",
           "form": "Sent as the `{wire}` form field.", "file": "Sent as the `{wire}` file part.",
           "content": "The request body."}
# Example values longer than this are left out of docstrings (a base64 image is no help there).
_MAX_EXAMPLE = 100
_HEADER_TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")


@dataclass
class Param:
    """One argument of a generated method, and where its value goes on the wire.

    The path's last parameter is positional (`client.tasks.fetch("123")`), the rest keyword-only, as in
    openai-python (`client.beta.threads.runs.cancel(run_id, thread_id=...)`). An optional
    argument defaults to `NOT_GIVEN` and is then not sent, so the server applies its own default (the
    documented one is shown in the docstring, not injected); a nullable one also takes `None`, sent as null.
    """

    name: str
    wire: str
    location: str  # path | query | header | body | file | form | content
    annotation: PyType
    required: bool  # the caller must pass it
    default: str | None = None  # Python source of the documented default, if it fits the type
    description: str = ""
    greedy: bool = False
    sends_default: bool = False  # the spec requires a value yet documents a default: the signature holds it
    positional: bool = False  # the path's last parameter, as openai-python (`runs.cancel(run_id, thread_id=...)`)
    model_prefix: str = ""  # a queued submit's model id: this owner prefix (`fal-ai`) is dropped if given
    example: str | None = None  # Python source of the page's example value, when short enough to read

    @property
    def signature_annotation(self) -> str:
        if self.required or self.sends_default:
            return self.annotation.text
        return f"{self.annotation.text} | NotGiven"

    @property
    def signature_default(self) -> str | None:
        if self.required:
            return None
        return self.default if self.sends_default else "NOT_GIVEN"

    @property
    def doc(self) -> str:
        """The Args: entry: the page's description (else its example value, else where the value goes),
        then the server's documented default. Every argument has one, as in openai-python."""
        lines = [self.description] if self.description else []
        if not self.description and self.example is not None:
            lines.append(f"For example `{self.example}`.")
        if self.default is not None and not self.sends_default:
            lines.append(f"Defaults to `{self.default}` on the server.")
        return "\n".join(lines) or _PLACES[self.location].format(wire=self.wire)


@dataclass
class Operation:
    name: str
    operation_id: str
    http_method: str
    path: str
    summary: str
    description: str
    params: list[Param]
    body_kind: str | None  # json | multipart | form | content | None
    content_type: str | None
    returns: PyType  # of the parsed result
    response_kind: str  # json | text | bytes | none
    auth: bool
    deprecated: bool = False
    queue: bool = False
    queue_role: str | None = None
    body_whole: bool = False  # the body is one `body=` argument rather than one argument per property
    queue_result: PyType | None = None  # a queued submit's result: `x-queue-result`, else a dict
    docs_url: str = ""  # the official documentation the page links to (`externalDocs`)

    @property
    def doc_head(self) -> str:
        """The docstring's first line: the summary, else the description, else what the call does."""
        if self.summary or self.description:
            return self.summary or self.description
        if self.queue and "{" not in self.path:  # a fal model's submit: its path names the model
            return f"Submit a request to `{self.path.lstrip('/')}` on the fal queue."
        return f"`{self.http_method} {self.path}`"

    @property
    def doc_paragraphs(self) -> list[str]:
        """What the docstring says after its first line and before `Args:`."""
        found = [self.description] if self.summary and self.description not in ("", self.summary) else []
        if self.queue:
            found.append("Returns a request handle: `status()`, `iter_events()` (the status stream),\n"
                         "`get()` (wait, then the result), `result()` and `cancel()`.")
        if self.deprecated:
            found.append("Deprecated by the API.")
        if self.docs_url:
            found.append(f"Documentation: {self.docs_url}")
        return found

    @property
    def path_params(self) -> list[Param]:
        return [p for p in self.params if p.location == "path"]

    @property
    def positional_params(self) -> list[Param]:
        return [p for p in self.params if p.positional]

    @property
    def keyword_params(self) -> list[Param]:
        """The arguments after `*` in the signature: all but the positional path parameter."""
        return [p for p in self.params if not p.positional]

    def located(self, location: str) -> list[Param]:
        return [p for p in self.params if p.location == location]

    @property
    def path_template(self) -> str:
        """The path as an f-string body: `{name}` placeholders renamed to the Python argument names."""
        names = {p.wire: p.name for p in self.path_params}
        text = self.path.replace("{", "{{").replace("}", "}}")
        for wire, name in names.items():
            prefix = next((p.model_prefix for p in self.path_params if p.wire == wire and p.model_prefix), "")
            value = f"_queue.model_path({name}, '{prefix}')" if prefix else name  # prefix: see _any_model_arguments
            text = text.replace("{{" + wire + "}}", "{_path(" + value + (", greedy=True" if self._greedy(wire) else "") + ")}")
        return text

    def _greedy(self, wire: str) -> bool:
        return any(p.greedy for p in self.path_params if p.wire == wire)


@dataclass
class QueueMethods:
    """Names of the queue helpers on a resource with `x-queue: fal` operations."""

    status: str
    result: str
    cancel: str
    runs: list[tuple[str, str, Operation]]  # (submit alias, or "" when the operation is `submit`; run; op)
    tickets: dict[str, PyType]  # by operation name: what its submit returns
    ticket: PyType  # the status model: what `status` returns and `on_update` receives
    ticket_runtime: str  # the class `status` parses a ticket into: a model, or `dict`
    events: str = "iter_events"
    result_type: PyType = ANY  # what `result(ticket)` returns: the queued operations' result, if they share one

    def ticket_arg(self, prefix: str) -> str:
        """What `status`, `iter_events`, `result` and `cancel` take: a handle (`Sync`/`Async`), a status
        model or a plain ticket dict."""
        return f"{prefix}RequestHandle[Any, Any] | {self.ticket.text} | Mapping[str, Any]"


@dataclass
class Resource:
    attr: str
    class_name: str
    operations: list[Operation] = field(default_factory=list)
    queue: QueueMethods | None = None

    @property
    def module(self) -> str:
        """The file stem under `resources/`: the attribute, with a `_` after Windows device names (`con`)."""
        return module_file(self.attr)

    @property
    def types(self) -> list[PyType]:
        """Every type its methods name: arguments, results and queue tickets."""
        found = [t for op in self.operations for t in (op.returns, *(p.annotation for p in op.params))]
        found += [op.queue_result for op in self.operations if op.queue_result is not None]
        return found + ([self.queue.ticket, self.queue.result_type] if self.queue else [])

    @property
    def models(self) -> set[str]:
        """The model classes its methods name, which its module imports."""
        return {name for found in self.types for name in found.models}


@dataclass
class Server:
    constant: str
    url: str
    description: str


@dataclass
class AuthScheme:
    kind: str  # bearer | basic | header | query | cookie
    name: str  # header, query or cookie name
    prefix: str  # text before the key in the header value ("Bearer", "Key", "")


@dataclass
class Plan:
    title: str
    description: str
    version: str
    servers: list[Server]
    default_base_url: str | None
    auth: AuthScheme | None
    resources: list[Resource]
    schemas: SchemaSet
    ticket_model: str | None
    model_home: dict[str, str]  # class -> its module under `models/` (see `modules.assign_modules`)
    webhooks: WebhookSet | None = None

    @property
    def operation_count(self) -> int:
        return sum(len(r.operations) for r in self.resources)

    @property
    def model_modules(self) -> dict[str, list[str]]:
        """The classes of each module of `models/`, in the order the schemas were gathered."""
        found: dict[str, list[str]] = {}
        for name in self.schemas.schemas:
            found.setdefault(self.model_home[name], []).append(name)
        return dict(sorted(found.items()))


def build_plan(spec: dict[str, Any]) -> Plan:
    """Everything the templates need, derived from a (normalized or merely valid) OpenAPI document."""
    schemas = SchemaSet.from_spec(spec)
    types = Typer(schemas)  # typing the operations lifts their inline objects into `schemas`
    info = spec.get("info") or {}
    servers = _servers(spec)
    absolute = [s.url for s in servers if urlsplit(s.url).scheme in ("http", "https")]
    resources: dict[str, Resource] = {}
    security_default = spec.get("security")
    handles = any(operation.get("x-queue") == "fal" for _p, _m, operation, _i in operations(spec))
    for path, http_method, operation, item in operations(spec):
        if handles and operation.get("x-queue-role") in QUEUE_ROLES:
            continue  # one queue API: the request handles and the queued resources' helpers call these
        operation = {**operation, "operationId": operation.get("operationId") or f"{http_method} {path}"}
        attr = resource_name(operation)
        attr = f"{attr}_" if attr in CLIENT_MEMBERS else attr
        resource = resources.setdefault(attr, Resource(attr=attr, class_name=_class_name(attr)))
        resource.operations.append(_operation(types, path, http_method, item, operation, security_default))
    ordered = [resources[name] for name in sorted(resources)]
    for resource in ordered:  # a resource class must not share its module with a model of the same name
        while {resource.class_name, f"Async{resource.class_name}"} & schemas.taken:
            resource.class_name += "Resource"
    ticket = schemas.names.get("QueueStatus")
    for resource in ordered:
        names = unique([op.name for op in resource.operations])
        for op, name in zip(resource.operations, names):
            op.name = name
        resource.queue = _queue_methods(resource, set(schemas.schemas), ticket)
    hooks = plan_webhooks(types, spec, {resource.attr for resource in ordered})
    schemas.drop_unused({name for resource in ordered for name in resource.models} | (hooks.models if hooks else set()))
    # Which models module a class lives in follows from the resources whose methods name it.
    used = {resource.module: resource.models for resource in ordered}
    if hooks is not None:
        used["webhooks"] = used.get("webhooks", set()) | hooks.models
    home = assign_modules(schemas, used)
    return Plan(
        title=" ".join(clean_text(info.get("title")).split()) or "API",  # one line: headings, docstrings
        description=clean_text(info.get("description")),
        version=str(info.get("version") or ""),
        servers=servers,
        default_base_url=absolute[0] if absolute else None,
        auth=_auth(spec),
        resources=ordered,
        schemas=schemas,
        ticket_model=ticket,
        model_home=home,
        webhooks=hooks,
    )


def _class_name(attr: str) -> str:
    """The resource class: `Images` for `client.images`; suffixed when the plain name is taken or a keyword."""
    name = pascal(attr, "Resource")
    if keyword.iskeyword(name) or name in _TAKEN_CLASSES or f"Async{name}" in _TAKEN_CLASSES or \
            name.startswith("Async"):
        name += "Resource"
    return name


def _servers(spec: dict[str, Any]) -> list[Server]:
    found: list[Server] = []
    for server in spec.get("servers") or []:
        if not isinstance(server, dict) or not isinstance(server.get("url"), str):
            continue
        url = server["url"]
        for name, variable in (server.get("variables") or {}).items():
            if isinstance(variable, dict) and "default" in variable:
                url = url.replace("{" + str(name) + "}", str(variable["default"]))
        url = url.rstrip("/") if url != "/" else url
        if url in [s.url for s in found]:
            continue
        host = urlsplit(url).netloc or url
        found.append(Server(constant="", url=url, description=clean_text(server.get("description"))))
        found[-1].constant = "SERVER_" + (snake(host, "server").upper().rstrip("_") or "DEFAULT")
    for server, constant in zip(found, unique([s.constant for s in found])):
        server.constant = constant
    return found


def _auth(spec: dict[str, Any]) -> AuthScheme | None:
    """The scheme the client applies its key with: the first one the spec's security names."""
    schemes = (spec.get("components") or {}).get("securitySchemes") or {}
    requirements = list(spec.get("security") or [])
    if not requirements:
        for _path, _method, operation, _item in operations(spec):
            requirements.extend(operation.get("security") or [])
    for requirement in requirements:
        for name in requirement or {}:
            scheme = schemes.get(name)
            if isinstance(scheme, dict):
                found = _scheme(scheme)
                if found is not None:
                    return found
    return None


def _scheme(scheme: dict[str, Any]) -> AuthScheme | None:
    kind = str(scheme.get("type") or "").lower()
    if kind == "http":
        http_scheme = str(scheme.get("scheme") or "bearer").lower()
        if http_scheme == "basic":
            return AuthScheme(kind="basic", name="Authorization", prefix="Basic")
        return AuthScheme(kind="bearer", name="Authorization", prefix="Bearer")
    if kind in ("oauth2", "openidconnect"):
        return AuthScheme(kind="bearer", name="Authorization", prefix="Bearer")
    if kind == "apikey":
        location = str(scheme.get("in") or "header")
        name = str(scheme.get("name") or "Authorization")
        prefix = clean_text(scheme.get("x-prefix"))
        return AuthScheme(kind=location if location in ("query", "cookie") else "header", name=name, prefix=prefix)
    return None


def _operation(types: Typer, path: str, http_method: str, item: dict[str, Any], operation: dict[str, Any],
               security_default: Any) -> Operation:
    name = method_name(operation)
    hint = pascal(f"{resource_name(operation)} {name}")
    types.schemas.noun = _noun(resource_name(operation))  # names a `data` list's items (`Image`)
    params: list[Param] = []
    seen: set[tuple[str, str]] = set()
    for raw in [*(operation.get("parameters") or []), *(item.get("parameters") or [])]:
        parameter = types.schemas.resolve(raw)
        if not isinstance(parameter, dict) or not isinstance(parameter.get("name"), str):
            continue
        location = str(parameter.get("in") or "query")
        key = (location, parameter["name"])
        if key in seen or location not in ("path", "query", "header"):
            continue
        if location == "header" and (parameter["name"].lower() in _MANAGED_HEADERS
                                     or not _HEADER_TOKEN.match(parameter["name"])):
            continue  # set by the client itself, or not a name HTTP can carry
        seen.add(key)
        params.append(_parameter(types, parameter, location, hint))
    path_names = set(re.findall(r"{([^}]+)}", path))
    for missing in sorted(path_names - {p.wire for p in params if p.location == "path"}):
        params.append(Param(name=missing, wire=missing, location="path", annotation=STR, required=True))
    body_kind, content_type, body_params, whole = _body(types, operation, hint)
    params.extend(body_params)
    for param, unique_name in zip(params, unique([_safe_name(p.name) for p in params])):
        param.name = unique_name
    placed = [p for p in params if p.location == "path" and "{" + p.wire + "}" in path]
    if placed:
        max(placed, key=lambda p: path.rindex("{" + p.wire + "}")).positional = True
    params.sort(key=lambda p: (not p.positional, not p.required, p.location != "path"))
    returns, response_kind = _response(types, operation, hint)
    queued = operation.get("x-queue") == "fal"
    queue_result = None
    if queued:  # its result: the spec's `x-queue-result` schema, else what fal answers, a JSON object
        result_schema = operation.get("x-queue-result")
        queue_result = (types.annotation(result_schema, f"{pascal(resource_name(operation))} Result")
                        if isinstance(result_schema, dict)
                        else ANY.wrap("dict[str, {}]"))
        greedy = {p.wire for p in params if p.location == "path" and p.greedy}
        any_model = any_model_parameter(path, operation, greedy)
        if any_model is not None:
            _any_model_arguments(params, *any_model)
    security = operation.get("security", security_default)
    return Operation(
        name=name,
        operation_id=str(operation["operationId"]),
        http_method=http_method.upper(),
        path=path,
        summary=clean_text(operation.get("summary")),
        description=clean_text(operation.get("description")),
        params=params,
        body_kind=body_kind,
        content_type=content_type,
        returns=returns,
        response_kind=response_kind,
        auth=security != [],
        deprecated=bool(operation.get("deprecated")),
        queue=operation.get("x-queue") == "fal",
        queue_role=operation.get("x-queue-role") if isinstance(operation.get("x-queue-role"), str) else None,
        body_whole=whole,
        queue_result=queue_result,
        docs_url=_docs_url(operation),
    )


def _docs_url(operation: dict[str, Any]) -> str:
    """The operation's `externalDocs` link when it is a plain http(s) URL (shown as is in a docstring)."""
    docs = operation.get("externalDocs")
    url = clean_text(docs.get("url")) if isinstance(docs, dict) else ""
    return url if urlsplit(url).scheme in ("http", "https") and not any(c.isspace() for c in url) else ""


def example_source(value: Any) -> str | None:
    """A page's example value as Python source for a docstring (`0.5`, `'jpeg'`, `True`), or None when
    there is none or it is too long to help."""
    if value is None or not isinstance(value, (str, int, float, bool, list, dict)):
        return None
    text = repr(value) if not isinstance(value, (list, dict)) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _MAX_EXAMPLE and "\n" not in text else None


def _example_of(schema: Any) -> Any:
    """A schema's own example: `example`, else the first of `examples`."""
    if not isinstance(schema, dict):
        return None
    if "example" in schema:
        return schema["example"]
    examples = schema.get("examples")
    return examples[0] if isinstance(examples, list) and examples else None


def _noun(resource: str) -> str | None:
    """What one thing of a resource named by a plural is: `Image` for `images`, `ChatCompletion` for
    `chat_completions`; None for other names (`fal_ai`, `search`)."""
    found = words(resource)
    one = singular(found[-1]) if found else None
    return pascal(" ".join([*found[:-1], one])) if one else None


def _any_model_arguments(params: list[Param], owner: str, model: str) -> None:
    """A submit for any model (see `queue.any_model_parameter`): the model id may be given with the owner
    fal-client users write (`fal-ai/flux/dev`), which is dropped rather than doubled in the path; no body
    field is required (other models' fields go in `extra_body`)."""
    for param in params:
        if param.location == "path" and param.wire == model:
            param.model_prefix = owner
        elif param.location in ("body", "form", "file") and param.required and not param.sends_default:
            param.required = False
    params.sort(key=lambda p: (not p.positional, not p.required, p.location != "path"))


def _safe_name(name: str) -> str:
    return name + "_" if name in _METHOD_OPTIONS else name


def _parameter(types: Typer, parameter: dict[str, Any], location: str, hint: str) -> Param:
    wire = parameter["name"]
    schema = parameter.get("schema")
    if not isinstance(schema, dict):
        content = parameter.get("content") or {}
        first: Any = next(iter(content.values()), {}) if isinstance(content, dict) else {}
        schema = first.get("schema") if isinstance(first, dict) else None
    schema = schema if isinstance(schema, dict) else {"type": "string"}
    annotation = types.annotation(schema, f"{hint} {wire}")
    required = bool(parameter.get("required")) or location == "path"
    resolved = types.schemas.resolve(schema)
    default = default_literal(resolved.get("default"), annotation.text) if isinstance(resolved, dict) else None
    description = clean_text(parameter.get("description") or (resolved or {}).get("description"))
    return Param(
        name=snake(wire, "param"), wire=wire, location=location, annotation=annotation,
        required=required and default is None, default=default, sends_default=required and default is not None, description=description,
        greedy=bool(parameter.get("x-greedy")) or bool((resolved or {}).get("x-greedy")),
        example=example_source(_example_of(parameter) if _example_of(parameter) is not None
                               else _example_of(resolved)),
    )


def _body(types: Typer, operation: dict[str, Any], hint: str) -> tuple[str | None, str | None, list[Param], bool]:
    body = types.schemas.resolve(operation.get("requestBody"))
    if not isinstance(body, dict) or not isinstance(body.get("content"), dict):
        return None, None, [], False
    picked = pick_content(body["content"])
    if picked is None:
        return None, None, [], False
    media, entry = picked
    mime = media.split(";")[0].strip().lower()
    schema = (entry or {}).get("schema") if isinstance(entry, dict) else None
    schema = schema if isinstance(schema, dict) else {}
    if mime == "multipart/form-data":
        kind = "multipart"
    elif mime == "application/x-www-form-urlencoded":
        kind = "form"
    elif "json" in mime:
        kind = "json"
    else:
        kind = "content"
    required_body = bool(body.get("required"))
    if kind == "content":
        annotation = PyType(("str", "bytes")) if mime.startswith("text/") else FILE
        return kind, media, [Param(name="body", wire="", location="content", annotation=annotation,
                                   required=required_body, description=clean_text(body.get("description")))], True
    found = types.schemas.object_properties(schema)
    if found is None or not found[0]:
        annotation = types.annotation(schema, f"{hint} Request", file=kind == "multipart")
        if found is not None:
            annotation = ANY.wrap("dict[str, {}]")
        return kind, media, [Param(name="body", wire="", location="body", annotation=annotation,
                                   required=required_body, description=clean_text(body.get("description")))], True
    properties, required = found
    location = "body" if kind == "json" else "form"
    whole_example = _example_of(entry) if isinstance(entry, dict) else None
    whole_example = whole_example if isinstance(whole_example, dict) else _example_of(schema)
    whole_example = whole_example if isinstance(whole_example, dict) else {}
    params = []
    for wire, prop in properties.items():
        prop = prop if isinstance(prop, dict) else {}
        annotation = types.annotation(prop, f"{hint} {wire}", file=kind == "multipart")
        resolved = types.schemas.resolve(prop)
        resolved = resolved if isinstance(resolved, dict) else {}
        default = default_literal(resolved.get("default"), annotation.text) if "default" in resolved else None
        params.append(Param(
            name=snake(str(wire)), wire=str(wire),
            location="file" if "FileInput" in annotation.helpers else location,
            annotation=annotation, required=wire in required and default is None, default=default,
            sends_default=wire in required and default is not None,
            description=clean_text(prop.get("description") or resolved.get("description")),
            example=example_source(next((e for e in (_example_of(prop), _example_of(resolved),
                                                     whole_example.get(wire)) if e is not None), None)),
        ))
    return kind, media, params, False


def _response(types: Typer, operation: dict[str, Any], hint: str) -> tuple[PyType, str]:
    responses = operation.get("responses") or {}
    codes = sorted(str(c) for c in responses if str(c).startswith("2"))
    if not codes and "default" in responses:
        codes = ["default"]
    for code in codes:
        response = types.schemas.resolve(responses[code])
        content = response.get("content") if isinstance(response, dict) else None
        if not isinstance(content, dict) or not content:
            continue
        picked = pick_content(content)
        if picked is None:
            continue
        media, entry = picked
        mime = media.split(";")[0].strip().lower()
        schema = entry.get("schema") if isinstance(entry, dict) else None
        if "json" in mime and not mime.endswith("json-seq"):
            return types.annotation(schema if isinstance(schema, dict) else {}, f"{hint} Response"), "json"
        if mime.startswith("text/"):
            return STR, "text"
        return PyType(("bytes",)), "bytes"
    return PyType(("None",)), "none"


def _queue_methods(resource: Resource, classes: set[str], ticket_model: str | None) -> QueueMethods | None:
    """The queue helpers of a resource with `x-queue: fal` operations, and the types of their tickets: an
    operation's own model, else the spec's QueueStatus, else a dict."""
    queued = [op for op in resource.operations if op.queue]
    if not queued:
        return None
    taken = {op.name for op in resource.operations}

    def free(name: str) -> str:
        while name in taken:
            name += "_"
        taken.add(name)
        return name

    runs: list[tuple[str, str, Operation]] = []
    if len(queued) == 1:
        op = queued[0]  # already named `submit` (fal's own naming): no alias needed
        runs.append(("" if op.name == "submit" else free("submit"), free("run"), op))
    else:
        runs.extend((free(f"submit_{op.name}"), free(f"run_{op.name}"), op) for op in queued)
    # Every ticket and status is the spec's one QueueStatus model (normalization adds it), not a model
    # inferred from a page's ticket example; without one, a dict.
    ticket = PyType.model(ticket_model) if ticket_model else ANY.wrap("dict[str, {}]")
    for op in queued:
        op.returns = ticket
    results = list(dict.fromkeys(op.queue_result or ANY for op in queued))
    return QueueMethods(status=free("status"), result=free("result"), cancel=free("cancel"), runs=runs,
                        tickets={op.name: ticket for op in queued}, ticket=ticket,
                        ticket_runtime=ticket.text if ticket.text in classes else "dict", events=free("iter_events"),
                        result_type=results[0] if len(results) == 1 else ANY.wrap("dict[str, {}]"))
