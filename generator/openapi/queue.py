"""fal's queue API, added once to every spec that has an operation answering with a queue ticket.

fal documents the queue at https://docs.fal.ai/model-endpoints/queue: a submit answers with a ticket
(`request_id`, `status_url`, `response_url`, `cancel_url`), then status, result and cancel live under
`/{app_owner}/{app_name}/requests/{request_id}`. The relay sites copy these paths under their own host,
so the operations here carry no servers of their own: they use the spec's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from generator.core.walk import clone

QUEUE_TAG = "queue"
_REQUEST_ID = "764cabcf-b745-4b3e-ae38-1200304cf45b"
_BASE = "https://queue.fal.run/fal-ai/flux/requests/" + _REQUEST_ID

QUEUE_LOG: dict[str, Any] = {
    "type": "object",
    "description": "One log line of a running request.",
    "properties": {
        "message": {"type": "string"},
        "level": {"type": "string", "enum": ["STDERR", "STDOUT", "ERROR", "INFO", "WARN", "DEBUG"]},
        "source": {"type": "string"},
        "timestamp": {"type": "string", "description": "ISO 8601 time of the line."},
    },
    "required": ["message"],
    "example": {"message": "Loading model weights", "level": "INFO", "source": "USER",
                "timestamp": "2025-01-31T10:15:02.153Z"},
}

QUEUE_STATUS: dict[str, Any] = {
    "type": "object",
    "description": "A queued request: its state and the URLs to poll, fetch or cancel it.",
    "properties": {
        "status": {"type": "string", "enum": ["IN_QUEUE", "IN_PROGRESS", "COMPLETED"]},
        "request_id": {"type": "string"},
        "response_url": {"type": "string"},
        "status_url": {"type": "string"},
        "cancel_url": {"type": "string"},
        "logs": {"anyOf": [{"type": "array", "items": {"$ref": "#/components/schemas/QueueLog"}},
                           {"type": "null"}]},
        "metrics": {"type": "object", "description": "Timings once completed, e.g. `inference_time`."},
        "queue_position": {"type": "integer", "description": "Requests ahead of this one while IN_QUEUE."},
    },
    "required": ["status", "request_id"],
    "example": {
        "status": "IN_QUEUE",
        "request_id": _REQUEST_ID,
        "response_url": _BASE,
        "status_url": _BASE + "/status",
        "cancel_url": _BASE + "/cancel",
        "logs": None,
        "metrics": {},
        "queue_position": 2,
    },
}

_COMPLETED_EXAMPLE = {
    "status": "COMPLETED",
    "request_id": _REQUEST_ID,
    "response_url": _BASE,
    "status_url": _BASE + "/status",
    "cancel_url": _BASE + "/cancel",
    "logs": [{"message": "Generated 1 image", "level": "INFO", "source": "USER",
              "timestamp": "2025-01-31T10:15:09.842Z"}],
    "metrics": {"inference_time": 6.91},
}

# One server-sent event of the status stream: its `data` line is a QueueStatus as JSON (the envelope is what
# an SSE schema describes: `data`, `event`, `id`, `retry`).
_EVENT: dict[str, Any] = {
    "type": "object",
    "required": ["data"],
    "properties": {
        "event": {"type": "string"},
        "data": {"type": "string", "contentMediaType": "application/json",
                 "contentSchema": {"$ref": "#/components/schemas/QueueStatus"}},
        "id": {"type": "string"},
        "retry": {"type": "integer"},
    },
}
_STATUS_REF = {"$ref": "#/components/schemas/QueueStatus"}


def _path_params() -> list[dict[str, Any]]:
    return [
        {"name": "app_owner", "in": "path", "required": True, "description": "Owner of the model app.",
         "schema": {"type": "string"}, "example": "fal-ai"},
        {"name": "app_name", "in": "path", "required": True,
         "description": "Name of the model app (its first path segment after the owner).",
         "schema": {"type": "string"}, "example": "flux"},
        {"name": "request_id", "in": "path", "required": True, "description": "The ticket's request_id.",
         "schema": {"type": "string"}, "example": _REQUEST_ID},
    ]


def _logs_param() -> dict[str, Any]:
    return {"name": "logs", "in": "query", "required": False,
            "description": "1 to include the request's logs in the status.",
            "schema": {"type": "integer", "enum": [0, 1], "default": 0}}


def _json(schema: dict[str, Any], example: Any) -> dict[str, Any]:
    return {"application/json": {"schema": schema, "example": example}}


def queue_operations() -> dict[str, tuple[str, str, dict[str, Any]]]:
    """role -> (method, path, operation), exactly as the README's queue table states them."""
    root = "/{app_owner}/{app_name}/requests/{request_id}"
    in_progress = {k: v for k, v in QUEUE_STATUS["example"].items() if k != "queue_position"}
    in_progress["status"] = "IN_PROGRESS"
    return {
        "status": ("get", root + "/status", {
            "operationId": "get_request_status", "tags": [QUEUE_TAG],
            "summary": "Status of a queued request",
            "parameters": [*_path_params(), _logs_param()],
            "responses": {
                "200": {"description": "The request has completed.", "content": _json(_STATUS_REF, _COMPLETED_EXAMPLE)},
                "202": {"description": "The request is queued or running.",
                        "content": _json(_STATUS_REF, in_progress)},
            },
            "x-queue-role": "status",
        }),
        "stream": ("get", root + "/status/stream", {
            "operationId": "stream_request_status", "tags": [QUEUE_TAG],
            "summary": "Stream status updates of a queued request until it completes",
            "parameters": [*_path_params(), _logs_param()],
            "responses": {
                "200": {"description": "Server-sent events, one QueueStatus each.",
                        "content": {"text/event-stream": {"schema": _EVENT}}},
            },
            "x-queue-role": "stream",
        }),
        "result": ("get", root, {
            "operationId": "get_request_result", "tags": [QUEUE_TAG],
            "summary": "Result of a completed request",
            "parameters": _path_params(),
            "responses": {
                "200": {"description": "The model's output, as the submitting operation documents it.",
                        "content": _json({"type": "object", "additionalProperties": True},
                                         {"images": [{"url": "https://v3.fal.media/files/example.png",
                                                      "width": 1024, "height": 768,
                                                      "content_type": "image/png"}], "seed": 42})},
                "400": {"description": "The request has not completed yet.",
                        "content": _json({"type": "object", "properties": {"detail": {"type": "string"}}},
                                         {"detail": "Request is still in progress"})},
            },
            "x-queue-role": "result",
        }),
        "cancel": ("put", root + "/cancel", {
            "operationId": "cancel_request", "tags": [QUEUE_TAG],
            "summary": "Cancel a queued request",
            "parameters": _path_params(),
            "responses": {
                "202": {"description": "Cancellation requested.",
                        "content": _json({"type": "object", "properties": {"status": {
                            "type": "string", "enum": ["CANCELLATION_REQUESTED"]}}},
                            {"status": "CANCELLATION_REQUESTED"})},
                "400": {"description": "The request has already completed.",
                        "content": _json({"type": "object", "properties": {"status": {
                            "type": "string", "enum": ["ALREADY_COMPLETED"]}}},
                            {"status": "ALREADY_COMPLETED"})},
            },
            "x-queue-role": "cancel",
        }),
    }


_ROLE_PATTERNS = (
    ("stream", "get", re.compile(r"^(/[^/]+)+/requests/\{[^/}]+\}/status/stream/?$")),
    ("status", "get", re.compile(r"^(/[^/]+)+/requests/\{[^/}]+\}/status/?$")),
    ("cancel", "put", re.compile(r"^(/[^/]+)+/requests/\{[^/}]+\}/cancel/?$")),
    ("result", "get", re.compile(r"^(/[^/]+)+/requests/\{[^/}]+\}/?$")),
)


def role_of(path: str, method: str, operation: dict[str, Any]) -> str | None:
    """The queue role of an operation a page already documents (or that was added before), if any."""
    role = operation.get("x-queue-role")
    if isinstance(role, str):
        return role
    for name, verb, pattern in _ROLE_PATTERNS:
        if method == verb and pattern.match(path):
            return name
    return None


_ANY_MODEL_PATH = re.compile(r"/([A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*)/\{([^/{}]+)\}")


def any_model_parameter(path: str, operation: dict[str, Any], greedy: Iterable[str]) -> tuple[str, str] | None:
    """(owner, parameter) when a queued submit addresses any model: its path is `/<owner>/{<parameter>}`,
    that parameter greedy (`/fal-ai/{model}` with model `flux/dev`); else None.

    Such a submit takes any model's input: the fields its page requires are those of the one model the page
    documents, so the SDK and the mock require none of them, while the spec keeps what the page says."""
    match = _ANY_MODEL_PATH.fullmatch(path)
    if operation.get("x-queue") != "fal" or match is None or match.group(2) not in set(greedy):
        return None
    return match.group(1).strip("/"), match.group(2)


def add_queue(spec: dict[str, Any], roles_present: set[str]) -> None:
    """Add the missing queue operations and the QueueStatus/QueueLog schemas (in place; never twice)."""
    if not isinstance(spec.get("paths"), dict):
        spec["paths"] = {}
    paths = spec["paths"]
    for role, (method, path, operation) in queue_operations().items():
        if role in roles_present:
            continue
        item = paths.setdefault(path, {})
        if isinstance(item, dict) and method not in item:
            item[method] = clone(operation)
    if not isinstance(spec.get("components"), dict):
        spec["components"] = {}
    if not isinstance(spec["components"].get("schemas"), dict):
        spec["components"]["schemas"] = {}
    schemas = spec["components"]["schemas"]
    schemas.setdefault("QueueStatus", clone(QUEUE_STATUS))
    schemas.setdefault("QueueLog", clone(QUEUE_LOG))
