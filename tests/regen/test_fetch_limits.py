"""Hardening of `apigen fetch` (issue 13): bounded bodies (plain and gzip-bombed), pages that break the
HTML converter, state that survives any page failure, redirects and export links kept to the page's host."""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.cli import main
from tests.regen.site_server import Reply, SiteServer, page, redirect

MIB = 1024 * 1024
ENDPOINT = "<h1>Create image</h1><p>POST /v1/images</p>"


def project(tmp_path: Path, *urls: str) -> Path:
    folder = tmp_path / "specs/sources/demo"
    folder.mkdir(parents=True, exist_ok=True)
    lines = "".join(f"  - {url}\n" for url in urls)
    (folder / "sources.yaml").write_text(f"pages:\n{lines}", encoding="utf-8")
    return folder


def fetch(root: Path, *args: str) -> int:
    return main(["fetch", "--root", str(root), "--timeout", "5", *args])


def endless(total: int, chunk: int = 64 * 1024) -> Iterator[bytes]:
    block = b"x" * chunk
    for _ in range(total // chunk):
        yield block


def test_oversize_body_is_cut_off_and_named(tmp_path: Path, site: SiteServer,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    site.routes["/ok"] = page(ENDPOINT)
    site.routes["/huge"] = Reply(body=endless(64 * MIB), headers={"Content-Type": "text/plain"}, etag=False)
    folder = project(tmp_path, f"{site.base}/huge", f"{site.base}/ok")
    assert fetch(tmp_path) == 1
    captured = capsys.readouterr()
    assert not (folder / "huge.txt").exists()
    assert (folder / "ok.txt").is_file()
    assert site.sent < 32 * MIB  # stopped reading long before the end
    lines = [line for line in captured.err.splitlines() if "/huge" in line]
    assert len(lines) == 1 and "over the 8 MiB page limit" in lines[0], captured.err


def test_declared_oversize_is_refused_before_reading(tmp_path: Path, site: SiteServer,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    site.routes["/big"] = Reply(body=b"y" * (9 * MIB), headers={"Content-Type": "text/plain"}, etag=False)
    folder = project(tmp_path, f"{site.base}/big")
    assert fetch(tmp_path, "--max-page-bytes", "1000000") == 1
    assert "over the 976 KiB page limit" in capsys.readouterr().err
    assert not (folder / "big.txt").exists()


def test_gzip_bomb_is_bounded_by_the_decoded_size(tmp_path: Path, site: SiteServer,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    bomb = gzip.compress(b"\0" * (64 * MIB), compresslevel=9)
    assert len(bomb) < MIB
    site.routes["/bomb"] = Reply(body=bomb, headers={"Content-Type": "text/plain", "Content-Encoding": "gzip"},
                                 etag=False)
    site.routes["/small"] = Reply(body=gzip.compress(ENDPOINT.encode()),
                                  headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    folder = project(tmp_path, f"{site.base}/bomb", f"{site.base}/small")
    assert fetch(tmp_path) == 1
    err = capsys.readouterr().err
    assert not (folder / "bomb.txt").exists()
    assert "POST /v1/images" in (folder / "small.txt").read_text()  # a normal gzip page still decodes
    assert any("/bomb" in line and "decoded" in line and "8 MiB" in line for line in err.splitlines()), err


def test_deep_html_neither_crashes_nor_loses_state(tmp_path: Path, site: SiteServer,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    deep = "<div>" * 5000 + "POST /v1/deep" + "</div>" * 5000
    site.routes["/deep"] = page(f"<html><body>{deep}</body></html>")
    site.routes["/ok"] = page(ENDPOINT)
    folder = project(tmp_path, f"{site.base}/ok", f"{site.base}/deep")
    assert fetch(tmp_path) == 0
    assert "POST /v1/deep" in (folder / "deep.txt").read_text()
    state = json.loads((folder / "fetch-state.json").read_text())
    assert f"{site.base}/ok" in state["pages"] and f"{site.base}/deep" in state["pages"]


def test_any_page_failure_keeps_the_other_pages_and_the_state(tmp_path: Path, site: SiteServer,
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    from generator.regen import html_text

    real = html_text.html_to_text

    def broken(html: str) -> str:
        if "boom" in html:
            raise RecursionError("maximum recursion depth exceeded")
        return real(html)

    monkeypatch.setattr(html_text, "html_to_text", broken)
    site.routes["/a"] = page(ENDPOINT)
    site.routes["/boom"] = page("<p>boom POST /v1/x</p>")
    site.routes["/b"] = page(ENDPOINT.replace("images", "videos"))
    folder = project(tmp_path, f"{site.base}/a", f"{site.base}/boom", f"{site.base}/b")
    (folder / "fetch-state.json").write_text('{"version": 2, "pages": {"http://old/x": {"file": "x.txt"}}}')
    assert fetch(tmp_path) == 1
    err = capsys.readouterr().err
    assert f"demo: (not stored): failed (RecursionError: maximum recursion depth exceeded; nothing stored) <- {site.base}/boom" in err
    state = json.loads((folder / "fetch-state.json").read_text())
    assert {f"{site.base}/a", f"{site.base}/b"} <= set(state["pages"])
    assert (folder / "a.txt").is_file() and (folder / "b.txt").is_file()
    assert not list(folder.glob(".*.part"))


def test_redirect_to_another_host_is_not_followed(tmp_path: Path, site: SiteServer, other: SiteServer,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    other.routes["/elsewhere"] = page(ENDPOINT)
    site.routes["/moved"] = redirect(f"{other.base}/elsewhere")
    site.routes["/old"] = redirect("/new", 301)
    site.routes["/new"] = page(ENDPOINT)
    folder = project(tmp_path, f"{site.base}/moved", f"{site.base}/old")
    assert fetch(tmp_path) == 1
    err = capsys.readouterr().err
    assert other.hits == {}
    assert not (folder / "moved.txt").exists()
    assert f"redirect to {other.base}/elsewhere not followed (another host)" in err
    assert "POST /v1/images" in (folder / "old.txt").read_text()  # same-host redirects still work


def test_export_link_to_another_port_is_not_followed(tmp_path: Path, site: SiteServer, other: SiteServer,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    other.routes["/export/openapi.json"] = Reply(body=b'{"openapi": "3.0.1", "info": {}, "paths": {}}',
                                                 headers={"Content-Type": "application/json"})
    site.routes["/fox"] = page(f'{ENDPOINT}<a href="{other.base}/export/openapi.json">导出 OpenAPI</a>')
    folder = project(tmp_path, f"{site.base}/fox")
    assert fetch(tmp_path) == 0
    assert other.hits == {}
    assert not (folder / "fox.openapi.json").exists()
    assert "POST /v1/images" in (folder / "fox.txt").read_text()


def test_a_server_dripping_bytes_is_cut_off(tmp_path: Path, site: SiteServer,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    def drip() -> Iterator[bytes]:
        for _ in range(100):  # 10 s in all, each byte well within the read timeout
            time.sleep(0.1)
            yield b"x"

    site.routes["/drip"] = Reply(body=drip(), headers={"Content-Type": "text/plain"}, etag=False)
    folder = project(tmp_path, f"{site.base}/drip")
    started = time.monotonic()
    assert main(["fetch", "--root", str(tmp_path), "--timeout", "0.3"]) == 1
    assert time.monotonic() - started < 9.5  # stopped before the 10 s drip ended
    assert "timed out (body still coming after 0.9 s); nothing stored" in capsys.readouterr().err
    assert not (folder / "drip.txt").exists()


def test_a_body_whose_gzip_is_corrupt_is_one_failure(tmp_path: Path, site: SiteServer,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    site.routes["/bad"] = Reply(body=b"\x1f\x8b\x08\x00garbage" * 10,
                                headers={"Content-Type": "text/plain", "Content-Encoding": "gzip"}, etag=False)
    site.routes["/br"] = Reply(body=b"whatever", headers={"Content-Type": "text/plain", "Content-Encoding": "br"},
                               etag=False)
    project(tmp_path, f"{site.base}/bad", f"{site.base}/br")
    assert fetch(tmp_path) == 1
    err = capsys.readouterr().err
    assert "corrupt compressed body" in err and "unsupported Content-Encoding 'br'" in err
