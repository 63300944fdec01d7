"""A local HTTP server on 127.0.0.1 whose routes tests set and change: for imitating doc sites.

A route is a path (query ignored) mapped to a `Reply` or to a function of the request giving one. Plain
replies get an ETag and answer `If-None-Match` with 304, like the doc platforms do. The server counts hits
per path and the body bytes it sent, so tests can prove a fetch stopped reading early.
"""

from __future__ import annotations

import hashlib
import http.server
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    etag: bool = True  # send an ETag (and answer a matching If-None-Match with 304)


Route = Reply | Callable[[http.server.BaseHTTPRequestHandler], Reply]


def page(text: str, kind: str = "text/html; charset=utf-8") -> Reply:
    return Reply(body=text.encode("utf-8"), headers={"Content-Type": kind})


def markdown(text: str) -> Reply:
    return page(text, "text/markdown; charset=utf-8")


def redirect(location: str, status: int = 302) -> Reply:
    return Reply(status=status, headers={"Location": location}, etag=False)


class _Quiet(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hangs up mid-body (a fetch stopping at its size cap) is expected here


class SiteServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.times: list[tuple[str, float]] = []  # (path, time.monotonic()) of every request
        self.sent = 0
        self.lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out as separate writes

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.serve(self)

        self.httpd = _Quiet(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)  # a short poll: shutdown() waits one interval
        self.thread.start()

    def serve(self, handler: http.server.BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?")[0]
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            self.times.append((path, time.monotonic()))
        route = self.routes.get(path)
        reply = route(handler) if callable(route) else route
        if reply is None:
            reply = Reply(status=404, body=b"not found", headers={"Content-Type": "text/plain"}, etag=False)
        headers = dict(reply.headers)
        if isinstance(reply.body, bytes | bytearray):
            body: Iterator[bytes] | None = None
            data = bytes(reply.body)
            if reply.etag and reply.status == 200:
                tag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
                headers["ETag"] = tag
                if handler.headers.get("If-None-Match") == tag:
                    handler.send_response(304)
                    handler.send_header("ETag", tag)
                    handler.send_header("Content-Length", "0")
                    handler.end_headers()
                    return
            headers.setdefault("Content-Length", str(len(data)))
        else:
            body, data = iter(reply.body), b""
            headers.pop("Content-Length", None)
            headers["Connection"] = "close"
        handler.send_response(reply.status)
        for key, value in headers.items():
            handler.send_header(key, value)
        handler.end_headers()
        try:
            if body is None:
                handler.wfile.write(data)
                self.count(len(data))
            else:
                for chunk in body:
                    handler.wfile.write(chunk)
                    self.count(len(chunk))
                handler.close_connection = True
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True

    def count(self, size: int) -> None:
        with self.lock:
            self.sent += size

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
