"""The curl and Python SDK examples printed on each operation page.

Both must run exactly as printed against the mock server with only `<SERVICE>_BASE_URL` and
`<SERVICE>_API_KEY` set, so values come from `schema.example_value` (valid against the schema) and
every piece of untrusted text is quoted for the shell or as a Python literal, never pasted raw.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from generator.render.docs.schema import Resolver, example_value
from generator.render.docs.sdk import SdkOperation
from generator.render.templates import py_string


class Expr(str):
    """Python source printed as is in an example (`ticket.request_id`), not as a string literal."""


REQUEST_ID = "__REQUEST_ID__"  # stands for the id of a request submitted earlier in the same example


@dataclass
class RequestExample:
    """One concrete request to an operation, before it is printed as curl or Python."""

    method: str
    path: str  # filled in, percent-encoded, no query
    query: list[tuple[str, Any]] = field(default_factory=list)
    headers: list[tuple[str, Any]] = field(default_factory=list)
    content_type: str | None = None
    body: Any = None
    has_body: bool = False
    values: dict[tuple[str, str], Any] = field(default_factory=dict)  # (location, wire name) -> value
    files: set[str] = field(default_factory=set)  # body fields sent as file parts (multipart)


def shell_single(text: str) -> str:
    """A POSIX shell single-quoted word holding `text` exactly."""
    return "'" + text.replace("'", "'\\''") + "'"


def shell_double_safe(text: str) -> str:
    """Text for inside double quotes where `$VAR` must still expand: escape what else would act."""
    return re.sub(r'([\\"`])', r"\\\1", text).replace("$", "\\$")


def wire_text(value: Any) -> str:
    """A value as it travels in a path, query or header: JSON for structures, lower-case booleans."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return "" if value is None else str(value)


def py_literal(value: Any, indent: int = 0) -> str:
    """Python source for a JSON value, nested structures one item per line (readable, valid Python)."""
    pad = "    " * (indent + 1)
    end = "    " * indent
    if isinstance(value, Expr):
        return str(value)
    if isinstance(value, bytes):
        return repr(value)
    if isinstance(value, tuple):
        return "(" + ", ".join(py_literal(v, indent) for v in value) + ")"
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return py_string(value)
    if isinstance(value, list):
        if not value:
            return "[]"
        items = [py_literal(v, indent + 1) for v in value]
        if all(not isinstance(v, (dict, list)) for v in value) and sum(len(i) for i in items) < 60:
            return "[" + ", ".join(items) + "]"
        return "[\n" + "".join(f"{pad}{item},\n" for item in items) + end + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        lines = [f"{pad}{py_string(str(k))}: {py_literal(v, indent + 1)},\n" for k, v in value.items()]
        return "{\n" + "".join(lines) + end + "}"
    return py_string(str(value))


def _param_value(param: dict[str, Any], resolver: Resolver) -> Any:
    """A parameter's example: its own `example`/`examples`, else one from its schema."""
    if "example" in param:
        return param["example"]
    examples = param.get("examples")
    if isinstance(examples, dict):
        for item in examples.values():
            item = resolver.deref(item)
            if isinstance(item, dict) and "value" in item:
                return item["value"]
    return example_value(param.get("schema") or {}, resolver, str(param.get("name", "")))


def _wants(param: dict[str, Any]) -> bool:
    """Path and required parameters are always sent; optional ones only when the doc shows a value."""
    if param.get("in") == "path" or param.get("required"):
        return True
    schema = param.get("schema") or {}
    return "example" in param or bool(param.get("examples")) or "example" in schema


def build_request(path: str, method: str, parameters: list[dict[str, Any]], body_schema: Any,
                  content_type: str | None, body_example: Any, resolver: Resolver,
                  skip_headers: set[str], overrides: dict[str, Any] | None = None) -> RequestExample:
    """The request an example sends: path filled, wanted query/header parameters, and the body.

    `overrides` fixes the values of some path parameters (the queue operations address a request
    submitted just before).
    """
    example = RequestExample(method=method.upper(), path=path, content_type=content_type)
    filled = quote(path, safe="/-._~:@{}")  # the literal parts; values are encoded as they go in
    for param in parameters:
        name = str(param.get("name", ""))
        where = param.get("in")
        if where == "header" and name.lower() in skip_headers | {"content-type", "accept", "authorization"}:
            continue
        if where == "cookie" or not _wants(param):
            continue
        value = (overrides or {}).get(name) if name in (overrides or {}) and where == "path" else \
            _param_value(param, resolver)
        if where == "path":
            safe = "/" if param.get("x-greedy") else ""
            token = quote("{" + name + "}", safe="/-._~:@{}")
            filled = filled.replace(token, quote(wire_text(value), safe=safe + "-._~:@"))
        elif where == "query":
            example.query.append((name, value))
        elif where == "header":
            example.headers.append((name, value))
        example.values[(str(where), name)] = value
    example.path = filled
    if body_schema is not None or body_example is not None:
        example.has_body = True
        example.body = body_example
    return example


@dataclass(frozen=True)
class Auth:
    """How the API key travels: a header (with an optional prefix such as `Bearer`), or a query key."""

    location: str  # header | query | cookie
    name: str
    prefix: str


def auth_of(spec: dict[str, Any], operation: dict[str, Any]) -> Auth | None:
    """The first security scheme that applies to an operation (operation `security` wins over top level)."""
    requirements = operation.get("security", spec.get("security")) or []
    schemes = (spec.get("components") or {}).get("securitySchemes") or {}
    for requirement in requirements:
        if not isinstance(requirement, dict):
            continue
        for key in requirement:
            scheme = schemes.get(key)
            if not isinstance(scheme, dict):
                continue
            if scheme.get("type") == "http":
                kind = str(scheme.get("scheme") or "bearer")
                return Auth("header", "Authorization", kind[:1].upper() + kind[1:].lower())
            if scheme.get("type") == "apiKey":
                return Auth(str(scheme.get("in") or "header"), str(scheme.get("name") or "Authorization"),
                            str(scheme.get("x-prefix") or ""))
            if scheme.get("type") in {"oauth2", "openIdConnect"}:
                return Auth("header", "Authorization", "Bearer")
    return None


def curl_example(request: RequestExample, auth: Auth | None, env: str) -> str:
    """A curl command using `$<ENV>_BASE_URL` and `$<ENV>_API_KEY`, one option per line."""
    query = [f"{quote(k, safe='')}={quote(wire_text(v), safe='')}" for k, v in request.query]
    if auth is not None and auth.location == "query":
        query.append(f"{quote(auth.name, safe='')}=${env}_API_KEY")
    url = f"${env}_BASE_URL{shell_double_safe(request.path)}"
    if query:
        url += "?" + "&".join(query)
    url = url.replace(REQUEST_ID, "$REQUEST_ID")
    lines = [f'curl -sS --fail-with-body -X {request.method} "{url}"']
    if auth is not None and auth.location == "header":
        value = f"{auth.prefix} ${env}_API_KEY" if auth.prefix else f"${env}_API_KEY"
        lines.append(f'-H "{shell_double_safe(auth.name)}: {value}"')
    if auth is not None and auth.location == "cookie":
        lines.append(f'-b "{shell_double_safe(auth.name)}=${env}_API_KEY"')
    for name, value in request.headers:
        lines.append("-H " + shell_single(f"{name}: {wire_text(value)}"))
    if request.has_body:
        if request.content_type and "form" in request.content_type and isinstance(request.body, dict):
            flag = "-F" if "multipart" in request.content_type else "--data-urlencode"
            for key, value in request.body.items():
                if key in request.files and flag == "-F":
                    lines.append(f"{flag} " + shell_single(f"{key}=@{FILE_NAME}"))
                else:  # --form-string: a value starting with @ or < is not a file name
                    option = "--form-string" if flag == "-F" else flag
                    lines.append(f"{option} " + shell_single(f"{key}={wire_text(value)}"))
        else:
            lines.append("-H " + shell_single(f"Content-Type: {request.content_type or 'application/json'}"))
            lines.append("-d " + shell_single(json.dumps(request.body, ensure_ascii=False, indent=2)))
    command = " \\\n  ".join(lines)
    if request.files and request.content_type and "multipart" in request.content_type:
        command = f"printf {shell_single(FILE_BYTES.decode())} > {FILE_NAME}  # the file to upload\n" + command
    return command


def _call_arguments(sdk: SdkOperation, request: RequestExample, overrides: dict[str, Any]) -> list[tuple[str, Any]]:
    """Keyword arguments of the SDK call, in the SDK's own order, for the values the request sends."""
    body = request.body if isinstance(request.body, dict) else {}
    arguments = []
    for param in sdk.params:
        if param.location in ("path", "query", "header"):
            key = (param.location, param.wire)
            if param.location == "path" and param.wire in overrides:
                arguments.append((param.kwarg, overrides[param.wire]))
            elif key in request.values:
                arguments.append((param.kwarg, request.values[key]))
        elif param.location in ("body", "form", "file") and param.wire in body:
            value = body[param.wire]
            if param.location == "file":
                value = (FILE_NAME, FILE_BYTES)
            arguments.append((param.kwarg, value))
        elif param.location in ("body", "content") and not param.wire and request.has_body:
            arguments.append((param.kwarg, request.body))
    return arguments


FILE_NAME = "example.png"
FILE_BYTES = b"example image bytes"  # any bytes do for the mock; a real call sends a real file


def call_source(assign: str, sdk: SdkOperation, request: RequestExample,
                overrides: dict[str, Any] | None = None, method: str | None = None) -> str:
    """`<assign> = client.<resource>.<method>(...)`, one argument per line: the path's last parameter
    positional, as the SDK takes it, the rest by keyword."""
    args = _call_arguments(sdk, request, overrides or {})
    positional = {p.kwarg for p in sdk.params if p.positional}
    lines = ""
    keyword = False  # the positional parameter leads the SDK's signatures; once a keyword is printed, all are
    for name, value in args:
        keyword = keyword or name not in positional
        lines += f"    {name}={py_literal(value, 1)},\n" if keyword else f"    {py_literal(value, 1)},\n"
    call = f"client.{sdk.resource}.{method or sdk.method}"
    invocation = f"{call}(\n{lines})" if lines else f"{call}()"
    return f"{assign} = {invocation}\n" if assign else invocation + "\n"


def python_example(package: str, body: str, imports: tuple[str, ...] = ()) -> str:
    """A whole script: imports, a `Client()` configured from the environment, then `body`."""
    head = "".join(f"import {name}\n" for name in imports) + ("\n" if imports else "")
    return f"{head}from {package} import Client\n\nclient = Client()\n{body}"


_TICKET_CALL = re.compile(r"(?<!await )(?<![\w.])client\.(\w+)\.(\w+)\(ticket\)")


def async_body(body: str) -> str:
    """The statements of a sync example (see `call_source`) for `AsyncClient`: every SDK call awaited,
    `time.sleep` as `asyncio.sleep`. The sync bodies are built by this module in a few known shapes:
    `name = client.r.m(...)` assignments, and `client.r.m(ticket)` inside `print(...)` or a `while`."""
    body = re.sub(r"print\(client\.(\w+)\.(\w+)\(ticket\)\)", r"print(await client.\1.\2(ticket))", body)
    body = _TICKET_CALL.sub(r"(await client.\1.\2(ticket))", body)
    body = re.sub(r"^(\w+) = client\.", r"\1 = await client.", body, flags=re.MULTILINE)
    body = re.sub(r"^for (\w+) in client\.", r"async for \1 in client.", body, flags=re.MULTILINE)
    return body.replace("time.sleep(", "await asyncio.sleep(")


def async_python_example(package: str, body: str, imports: tuple[str, ...] = ()) -> str:
    """The same script for the asynchronous client: `async with AsyncClient()` inside `asyncio.run`."""
    wanted = sorted({"asyncio", *(name for name in imports if name != "time")})
    head = "".join(f"import {name}\n" for name in wanted)
    inner = "".join(f"        {line}\n" if line else "\n" for line in async_body(body).splitlines())
    return (f"{head}\nfrom {package} import AsyncClient\n\n\nasync def main() -> None:\n"
            f"    async with AsyncClient() as client:\n{inner}\n\nasyncio.run(main())\n")
