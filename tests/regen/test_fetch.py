"""`apigen fetch` of listed pages against a local HTTP server on 127.0.0.1: 200, 304 (ETag and
Last-Modified), 404 (gone), a timeout, a refused connection, HTML to text, following an OpenAPI export link."""

from __future__ import annotations

import http.server
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.cli import main
from generator.regen.html_text import html_to_text, openapi_export_link

PAGE_HTML = """<html><head><script>track()</script><style>p{}</style></head><body>
<h1>Create image</h1><p>POST <code>/v1/images</code>
creates   an image.</p>
<pre><code class="language-bash">curl https://api.example.com/v1/images \\
  -H "Authorization: Bearer $KEY" \\
  -d '{"prompt": "a cat"}'</code></pre>
<table><tr><th>参数名</th><th>类型</th><th>必填</th></tr><tr><td>prompt</td><td>string</td><td>是</td></tr>
<tr><td>size</td><td>string</td><td>否</td></tr></table>
<ul><li>one</li><li>two</li></ul></body></html>"""

APIFOX_HTML = """<html><body><h1>Submit</h1><p>See the export.</p>
<a class="export" href="/export/openapi.json?locale=zh">导出 OpenAPI</a></body></html>"""

EXPORT = {"openapi": "3.0.1", "info": {"title": "x", "version": "1"}, "paths": {}}


class Server:
    """Serves pages whose bodies tests can change; records the conditional headers it received."""

    def __init__(self) -> None:
        self.bodies: dict[str, tuple[str, bytes]] = {
            "/docs/create-image.html": ("text/html; charset=utf-8", PAGE_HTML.encode()),
            "/docs/dated": ("text/html", b"<p>dated page</p>"),
            "/apifox/submit": ("text/html", APIFOX_HTML.encode()),
            "/export/openapi.json": ("application/json", json.dumps(EXPORT).encode()),
        }
        self.seen: list[tuple[str, str | None, str | None]] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                server.seen.append((path, self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")))
                if path == "/slow":
                    time.sleep(3)
                if path not in server.bodies:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                kind, body = server.bodies[path]
                etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
                if path == "/docs/dated":  # Last-Modified only
                    if self.headers.get("If-Modified-Since") == "Sat, 01 Nov 2025 00:00:00 GMT":
                        self.send_response(304)
                        self.end_headers()
                        return
                elif self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                if path == "/docs/dated":
                    self.send_header("Last-Modified", "Sat, 01 Nov 2025 00:00:00 GMT")
                else:
                    self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)  # a short poll: shutdown() waits one interval
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    running = Server()
    yield running
    running.close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_project(tmp_path: Path, server: Server, extra: str = "") -> Path:
    folder = tmp_path / "specs/sources/demo"
    folder.mkdir(parents=True)
    (folder / "sources.yaml").write_text(
        "pages:\n"
        f"  - {server.base}/docs/create-image.html\n"
        f"  - url: {server.base}/docs/dated\n"
        "    file: dated.md\n" + extra, encoding="utf-8")
    return tmp_path


def fetch(root: Path, *args: str) -> int:
    return main(["fetch", "--root", str(root), "--timeout", "1.5", *args])


def test_html_to_text_keeps_code_blocks_and_tables() -> None:
    text = html_to_text(PAGE_HTML)
    assert "track()" not in text and "p{}" not in text
    assert "# Create image\n\nPOST /v1/images creates an image.\n" in text
    assert '```bash\ncurl https://api.example.com/v1/images \\\n  -H "Authorization: Bearer $KEY" \\\n' in text
    assert "| 参数名 | 类型 | 必填 |\n|---|---|---|\n| prompt | string | 是 |\n| size | string | 否 |" in text
    assert "- one\n- two" in text
    assert openapi_export_link(APIFOX_HTML) == "/export/openapi.json?locale=zh"
    assert openapi_export_link(PAGE_HTML) is None


def test_fetch_200_then_304(tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, server)
    folder = root / "specs/sources/demo"
    assert fetch(root) == 0
    out = capsys.readouterr().out
    assert "demo: create-image.txt: new" in out and "demo: dated.md: new" in out
    stored = (folder / "create-image.txt").read_text()
    assert stored.startswith(f"source: {server.base}/docs/create-image.html\n\n# Create image")
    state = json.loads((folder / "fetch-state.json").read_text())["pages"]
    assert state[f"{server.base}/docs/create-image.html"]["etag"]
    assert state[f"{server.base}/docs/dated"]["last_modified"] == "Sat, 01 Nov 2025 00:00:00 GMT"

    server.seen.clear()
    assert fetch(root) == 0
    out = capsys.readouterr().out
    assert out.count("unchanged (304 Not Modified)") == 2
    seen = {path: (etag, since) for path, etag, since in server.seen}  # pages are fetched concurrently
    assert seen["/docs/create-image.html"][0] is not None  # If-None-Match sent
    assert seen["/docs/dated"][1] == "Sat, 01 Nov 2025 00:00:00 GMT"  # If-Modified-Since sent

    kind, _ = server.bodies["/docs/create-image.html"]
    server.bodies["/docs/create-image.html"] = (kind, PAGE_HTML.replace("a cat", "a dog").encode())
    assert fetch(root, "demo") == 0
    assert "demo: create-image.txt: changed" in capsys.readouterr().out
    assert "a dog" in (folder / "create-image.txt").read_text()


def test_failures_keep_other_pages_and_stored_copies(tmp_path: Path, server: Server,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    refused = closed_port()
    root = make_project(tmp_path, server,
                        f"  - url: {server.base}/gone\n    file: gone.txt\n"
                        f"  - url: {server.base}/slow\n    file: slow.txt\n"
                        f"  - url: http://127.0.0.1:{refused}/x\n    file: refused.txt\n")
    folder = root / "specs/sources/demo"
    (folder / "gone.txt").write_text("the copy fetched last week\n")
    assert fetch(root) == 1
    captured = capsys.readouterr()
    assert "demo: create-image.txt: new" in captured.out and "demo: dated.md: new" in captured.out
    assert "2 new, 1 gone, 2 failed" in captured.out
    assert ("demo: gone.txt: gone (HTTP 404; stored copy kept, removed if still gone on the next fetch)"
            in captured.out)
    assert "demo: slow.txt: failed (timed out; nothing stored)" in captured.err
    assert "demo: refused.txt: failed (cannot connect" in captured.err
    assert (folder / "gone.txt").read_text() == "the copy fetched last week\n"
    assert not (folder / "slow.txt").exists() and not (folder / "refused.txt").exists()
    assert (folder / "create-image.txt").is_file()


def test_apifox_page_follows_its_openapi_export(tmp_path: Path, server: Server,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "specs/sources/fox"
    folder.mkdir(parents=True)
    (folder / "sources.yaml").write_text(f"- url: {server.base}/apifox/submit\n  file: submit.txt\n")
    assert fetch(tmp_path, "fox") == 0
    assert "fox: submit.openapi.json: new (OpenAPI export)" in capsys.readouterr().out
    assert json.loads((folder / "submit.openapi.json").read_text()) == EXPORT
    assert not (folder / "submit.txt").exists()
    server.seen.clear()
    assert fetch(tmp_path, "fox") == 0
    assert "submit.openapi.json: unchanged" in capsys.readouterr().out
    assert [p for p, *_ in server.seen] == ["/apifox/submit", "/export/openapi.json"]


def test_bad_sources_file_is_one_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "specs/sources/bad"
    folder.mkdir(parents=True)
    (folder / "sources.yaml").write_text("pages:\n  - url: ftp://example.com/x\n")
    assert fetch(tmp_path) == 1
    err = capsys.readouterr().err
    assert "sources.yaml: at pages[0]: not an http(s) URL" in err and len(err.splitlines()) == 1
    assert fetch(tmp_path, "nosuch") == 1
    assert "lists no pages" in capsys.readouterr().err
