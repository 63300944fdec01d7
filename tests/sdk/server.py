"""A small local HTTP server the generated SDKs are called against (127.0.0.1, a free port, in a thread).

It plays the APIs of the test specs (`specs/images.yaml`, `specs/falqueue.yaml`, `specs/hostile.yaml`)
and records every request, so tests can check what went over the wire. `script` overrides the next
answers (error statuses, Retry-After headers, slow answers) whatever the route.
"""

from __future__ import annotations

import asyncio
import email.parser
import email.policy
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

API_KEY = "sk-test-0123456789abcdef"


@dataclass
class Scripted:
    """One canned answer: status, JSON body and headers, sent after `delay` seconds."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    form: dict[str, Any] | None = None
    raw_path: bytes = b""


class State:
    def __init__(self) -> None:
        self.script: list[Scripted] = []
        self.requests: list[Recorded] = []
        self.polls: dict[str, int] = {}
        self.lock = threading.Lock()

    def reset(self) -> None:
        with self.lock:
            self.script.clear()
            self.requests.clear()
            self.polls.clear()


def parse_multipart(content_type: str, body: bytes) -> dict[str, list[Any]]:
    """Fields of a multipart body: text values as str, files as (filename, bytes); stdlib parser only."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    fields: dict[str, list[Any]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        filename = part.get_filename()
        payload = part.get_payload(decode=True) or b""
        fields.setdefault(str(name), []).append((filename, payload) if filename else payload.decode())
    return fields


def _authorized(request: Request) -> bool:
    header = request.headers.get("authorization", "")
    return header in (f"Bearer {API_KEY}", f"Key {API_KEY}") or request.query_params.get("api-key") == API_KEY


def build_app(state: State, base_url: list[str]) -> Starlette:
    async def record(request: Request) -> Recorded:
        body = await request.body()
        form_data: dict[str, Any] | None = None
        content_type = request.headers.get("content-type", "")
        if content_type.startswith("multipart/form-data"):
            form_data = parse_multipart(content_type, body)
        query: dict[str, list[str]] = {}
        for key, value in request.query_params.multi_items():
            query.setdefault(key, []).append(value)
        recorded = Recorded(request.method, request.url.path, query, dict(request.headers), body, form_data,
                            request.scope.get("raw_path", b""))
        with state.lock:
            state.requests.append(recorded)
        return recorded

    async def scripted_or(request: Request, handler: Any) -> Response:
        recorded = await record(request)
        with state.lock:
            canned = state.script.pop(0) if state.script else None
        if canned is not None:
            if canned.delay:
                await asyncio.sleep(canned.delay)
            if canned.status == 204 or canned.body is None:
                return Response(status_code=canned.status, headers=canned.headers)
            return JSONResponse(canned.body, status_code=canned.status, headers=canned.headers)
        if not _authorized(request) and not request.url.path.startswith("/open"):
            return JSONResponse({"error": {"message": "bad key"}}, status_code=401)
        result: Response = await handler(request, recorded)
        return result

    def route(path: str, methods: list[str], handler: Any) -> Route:
        async def endpoint(request: Request) -> Response:
            return await scripted_or(request, handler)

        return Route(path, endpoint, methods=methods)

    async def generate(request: Request, recorded: Recorded) -> Response:
        sent = json.loads(recorded.body)
        return JSONResponse({"created": 1, "data": [{"url": f"https://img.example/{sent['prompt']}",
                                                     "revised_prompt": json.dumps(sent, sort_keys=True)}]},
                            headers={"x-request-id": "req_generate"})

    async def edit(request: Request, recorded: Recorded) -> Response:
        form_data = recorded.form or {}
        images = [f"{name}:{content.decode()}" for name, content in form_data.get("image", [])]
        return JSONResponse({"created": 2, "data": [{"url": "|".join(images),
                                                     "revised_prompt": json.dumps(
                                                         {k: v for k, v in form_data.items()
                                                          if k not in ("image", "mask")}, sort_keys=True)}]})

    async def retrieve(request: Request, recorded: Recorded) -> Response:
        return JSONResponse({"id": request.path_params["image_id"],
                             "url": recorded.query.get("include-meta", ["absent"])[0],
                             "meta": {"trace": recorded.headers.get("x-trace-id", "")}})

    async def delete(request: Request, recorded: Recorded) -> Response:
        return Response(status_code=204)

    async def models(request: Request, recorded: Recorded) -> Response:
        return JSONResponse([{"id": "m1", "owned_by": "me"}, {"id": "m2"}])

    async def download(request: Request, recorded: Recorded) -> Response:
        return Response(b"\x89PNG" + request.path_params["path"].encode(), media_type="image/png")

    def ticket(model: str, request_id: str, status: str) -> dict[str, Any]:
        owner, _, rest = model.partition("/")
        app = rest.split("/")[0]
        base = f"https://queue.fal.run/{owner}/{app}/requests/{request_id}"
        return {"status": status, "request_id": request_id, "response_url": base, "status_url": base + "/status",
                "cancel_url": base + "/cancel", "logs": None, "metrics": {}, "queue_position": 0}

    async def submit(request: Request, recorded: Recorded) -> Response:
        model = "fal-ai/" + request.path_params["model"]
        request_id = f"req-{len(state.requests)}"
        return JSONResponse(ticket(model, request_id, "IN_QUEUE"))

    async def status(request: Request, recorded: Recorded) -> Response:
        params = request.path_params
        request_id = params["request_id"]
        with state.lock:
            polls = state.polls[request_id] = state.polls.get(request_id, 0) + 1
        current = "IN_PROGRESS" if polls < 2 else "COMPLETED"
        if request_id.startswith("stuck"):
            current = "IN_QUEUE"
        body = ticket(f"{params['owner']}/{params['app']}", request_id, current)
        if recorded.query.get("logs") == ["1"]:
            body["logs"] = [{"message": "step 1", "level": "INFO", "source": "user", "timestamp": "t"}]
        return JSONResponse(body, status_code=200 if current == "COMPLETED" else 202)

    async def result(request: Request, recorded: Recorded) -> Response:
        return JSONResponse({"images": [{"url": f"https://img.example/{request.path_params['request_id']}.png"}]})

    async def cancel(request: Request, recorded: Recorded) -> Response:
        return JSONResponse({"status": "CANCELLATION_REQUESTED"}, status_code=202)

    async def echo(request: Request, recorded: Recorded) -> Response:
        return JSONResponse({"method": request.method, "path": request.url.path,
                             "query": {k: v for k, v in recorded.query.items()},
                             "body": recorded.body.decode("utf-8", "replace"),
                             "form": {k: [x if isinstance(x, str) else x[1].decode() for x in v]
                                      for k, v in (recorded.form or {}).items()}})

    routes = [
        route("/v1/images/generations", ["POST"], generate),
        route("/v1/images/edits", ["POST"], edit),
        route("/v1/images/{image_id}", ["GET"], retrieve),
        route("/v1/images/{image_id}", ["DELETE"], delete),
        route("/v1/models", ["GET"], models),
        route("/v1/files/{path:path}", ["GET"], download),
        route("/{owner}/{app}/requests/{request_id}/status", ["GET"], status),
        route("/{owner}/{app}/requests/{request_id}/cancel", ["PUT"], cancel),
        route("/{owner}/{app}/requests/{request_id}", ["GET"], result),
        route("/fal-ai/{model:path}", ["POST"], submit),
        route("/{rest:path}", ["GET", "POST", "PUT", "DELETE", "PATCH"], echo),
    ]
    return Starlette(routes=routes)


class LocalServer:
    """uvicorn serving `build_app` on 127.0.0.1 in a daemon thread; `url` once started."""

    def __init__(self) -> None:
        self.state = State()
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(build_app(self.state, [self.url]), host="127.0.0.1", port=self.port,
                                log_level="error", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> LocalServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("local test server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=5)
