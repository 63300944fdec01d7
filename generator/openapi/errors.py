"""The error answers every operation can get, documented in the normalized spec.

A server (and apigen's mock, which plays it) answers more than the statuses a doc page shows: 401 to a
missing or wrong key, 404 to a path parameter naming nothing, 400/413/415 to a body that is malformed, too
large or in the wrong media type, 422 to a request failing validation. `document_errors` adds each of those
an operation can get and does not already document (an operation with a `default` response documents them
all), in the API's own error shape (the `family` of the
operation, the same one the mock answers in):

| family  | operations                           | body                                      | media type               |
| ------- | ------------------------------------ | ----------------------------------------- | ------------------------ |
| openai  | paths under `/v1` (or a `/v1` server) | `{"error": {"message", "type", "param", "code"}}` | application/json |
| fal     | fal queue services                   | `{"detail": [{"loc", "msg", "type"}]}`     | application/json         |
| problem | everything else                      | RFC 7807 `{"type", "title", "status", "detail"}` | application/problem+json |

The statuses go to `components.responses` (one entry per status and family) and operations `$ref` them,
so the spec grows by one line per status per operation; the shapes go to `components.schemas`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from generator.core.walk import mapping, operations, resolve, sequence

_SUFFIX = {"openai": "OpenAI", "fal": "Fal", "problem": "Problem"}
FAMILY_MEDIA = {"openai": "application/json", "fal": "application/json", "problem": "application/problem+json"}

_SCHEMAS: dict[str, tuple[str, dict[str, Any]]] = {
    "openai": ("ErrorResponse", {
        "type": "object",
        "description": "An error, as OpenAI-compatible APIs answer it.",
        "required": ["error"],
        "properties": {"error": {
            "type": "object",
            "required": ["message"],
            "properties": {
                "message": {"type": "string", "description": "What went wrong."},
                "type": {"type": "string", "description": "Error category (`invalid_request_error`)."},
                "param": {"type": ["string", "null"], "description": "The parameter at fault, if any."},
                "code": {"type": ["string", "null"], "description": "Machine-readable error code."},
            },
        }},
    }),
    "fal": ("HTTPValidationError", {
        "type": "object",
        "description": "An error, as fal answers it: what is wrong, and where.",
        "required": ["detail"],
        "properties": {"detail": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["loc", "msg", "type"],
                "properties": {
                    "loc": {"type": "array", "items": {"type": ["string", "integer"]},
                            "description": "Where: `body`, `query`, `path` or `header`, then the field."},
                    "msg": {"type": "string", "description": "What is wrong."},
                    "type": {"type": "string", "description": "Machine-readable error type."},
                },
            },
        }},
    }),
    "problem": ("Problem", {
        "type": "object",
        "description": "An error as RFC 7807 problem details.",
        "required": ["type", "title", "status"],
        "properties": {
            "type": {"type": "string", "description": "A URI naming the problem type (`about:blank`)."},
            "title": {"type": "string", "description": "Short summary of the problem type."},
            "status": {"type": "integer", "description": "The HTTP status code."},
            "detail": {"type": "string", "description": "What went wrong in this request."},
        },
    }),
}

# status -> (where, message, type, OpenAI code, RFC 7807 title): the example answer of each status
_EXAMPLES: dict[str, tuple[list[str], str, str, str, str]] = {
    "400": (["body"], "Malformed JSON: Expecting value: line 1 column 1 (char 0)", "json_invalid", "invalid_json",
            "Bad Request"),
    "401": (["header", "authorization"], "Invalid API key", "unauthorized", "invalid_api_key", "Unauthorized"),
    "404": (["path"], "Not found", "not_found", "not_found", "Not Found"),
    "413": (["body"], "Body of 10485761 bytes is over the limit of 10485760 bytes", "payload_too_large",
            "payload_too_large", "Content Too Large"),
    "415": (["header", "content-type"], "Unsupported media type text/plain; send one of application/json",
            "unsupported_media_type", "unsupported_media_type", "Unsupported Media Type"),
    "422": (["body", "prompt"], "Field required", "missing", "invalid_value", "Unprocessable Content"),
}


def _example(family: str, status: str) -> dict[str, Any]:
    loc, message, kind, code, title = _EXAMPLES[status]
    if family == "openai":
        return {"error": {"message": message, "type": "invalid_request_error", "param": None, "code": code}}
    if family == "fal":
        return {"detail": [{"loc": loc, "msg": message, "type": kind}]}
    return {"type": "about:blank", "title": title, "status": int(status), "detail": message}


# status -> (response name, description)
_STATUSES: dict[str, tuple[str, str]] = {
    "400": ("BadRequest", "The request body could not be read (malformed JSON, multipart or form data)."),
    "401": ("Unauthorized", "Credentials are missing, malformed or not accepted."),
    "404": ("NotFound", "Nothing is found at this path (a path parameter names nothing that exists)."),
    "413": ("ContentTooLarge", "The request body is larger than the server accepts."),
    "415": ("UnsupportedMediaType", "The request body is in a media type this operation does not accept."),
    "422": ("UnprocessableContent", "The request failed validation; every violation is listed."),
}


def base_path(spec: dict[str, Any]) -> str:
    """Path part of the first server URL (`/v1` of `https://api.example.com/v1`), without a trailing slash."""
    servers = spec.get("servers") or []
    if not servers or not isinstance(servers[0], dict):
        return ""
    url = str(servers[0].get("url") or "")
    if "{" in url:
        return ""
    return urlparse(url).path.rstrip("/") if "://" in url else url.rstrip("/")


def families(spec: dict[str, Any]) -> dict[tuple[str, str], str]:
    """The error family of every operation, by (path, method): what shape its errors come in."""
    ops = operations(spec)
    queued = any(op.get("x-queue") or op.get("x-queue-role") for _, _, op, _ in ops)
    prefix = base_path(spec)
    found: dict[tuple[str, str], str] = {}
    for path, method, op, _ in ops:
        if op.get("x-queue") or op.get("x-queue-role"):
            found[(path, method)] = "fal"
        elif path.startswith("/v1/") or prefix.endswith("/v1"):
            found[(path, method)] = "openai"
        else:
            found[(path, method)] = "fal" if queued else "problem"
    return found


def service_family(spec: dict[str, Any]) -> str:
    """The family of answers to requests no operation matches."""
    queued = any(op.get("x-queue") or op.get("x-queue-role") for _, _, op, _ in operations(spec))
    return "fal" if queued else "problem"


def _statuses(spec: dict[str, Any], op: dict[str, Any], item: dict[str, Any]) -> list[str]:
    """The error statuses the mock may answer this operation with (see the module docstring)."""
    params = [resolve(spec, p) for p in [*sequence(item.get("parameters")), *sequence(op.get("parameters"))]]
    has_path_params = any(isinstance(p, dict) and p.get("in") == "path" for p in params)
    security = op.get("security", spec.get("security"))
    secured = isinstance(security, list) and bool(security) and all(bool(r) for r in security)
    body = isinstance(resolve(spec, op.get("requestBody")), dict)
    statuses = ["422"]
    if secured:
        statuses.append("401")
    if has_path_params:
        statuses.append("404")
    if body:
        statuses += ["400", "413", "415"]
    return sorted(statuses)


def _free(names: dict[str, Any], wanted: str, value: dict[str, Any]) -> str:
    """`wanted`, or `wanted2`, `wanted3`... when the spec already uses the name for something else."""
    name, count = wanted, 1
    while name in names and names[name] != value:
        count += 1
        name = f"{wanted}{count}"
    return name


def drop_bodiless_content(spec: dict[str, Any]) -> None:
    """204 and 304 answers have no body (RFC 9110): a `content` some documents give them anyway (AWS's
    `204` with a JSON schema) promises one no server can send, so it goes."""
    for _, _, op, _ in operations(spec):
        for code, answer in mapping(op.get("responses")).items():
            if str(code) in ("204", "304") and isinstance(answer, dict) and "content" in answer:
                del answer["content"]


def document_errors(spec: dict[str, Any]) -> None:
    """Add to every operation the error statuses it can get and does not document (see the module docstring)."""
    ops = operations(spec)
    if not ops:
        return
    family_of = families(spec)
    # an operation documenting `default` has said what every other status answers with: the mock uses it
    wanted = {(path, method): [s for s in _statuses(spec, op, item) if s not in mapping(op.get("responses"))]
              if "default" not in mapping(op.get("responses")) else []
              for path, method, op, item in ops}
    used = sorted({family_of[key] for key, statuses in wanted.items() if statuses})
    if not used:
        return
    components = mapping(spec.get("components"))
    spec["components"] = components
    schemas = mapping(components.get("schemas"))
    responses = mapping(components.get("responses"))
    schema_ref: dict[str, str] = {}
    for family in used:
        name, schema = _SCHEMAS[family]
        name = _free(schemas, name, schema)
        schemas[name] = schema
        schema_ref[family] = f"#/components/schemas/{name}"
    response_ref: dict[tuple[str, str], str] = {}
    for path, method, op, _ in ops:
        family = family_of[(path, method)]
        for status in wanted[(path, method)]:
            if (family, status) not in response_ref:
                base, description = _STATUSES[status]
                response = {"description": description, "content": {FAMILY_MEDIA[family]: {
                    "schema": {"$ref": schema_ref[family]}, "example": _example(family, status)}}}
                name = _free(responses, base if len(used) == 1 else base + _SUFFIX[family], response)
                responses[name] = response
                response_ref[(family, status)] = f"#/components/responses/{name}"
            op_responses = mapping(op.get("responses"))
            op_responses[status] = {"$ref": response_ref[(family, status)]}
            op["responses"] = op_responses
    components["schemas"] = schemas
    components["responses"] = responses
