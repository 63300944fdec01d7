"""Politeness and bookkeeping of `apigen fetch`: per-host delay and robots.txt Crawl-delay, the run's byte
budget, the progress line, state written by older versions, and state entries that name unsafe files."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.regen.fetch import Progress
from tests.regen.site_server import SiteServer, markdown, page
from tests.regen.test_fetch_site import endpoint_md, mintlify, project, stored


def fetch(root: Path, *args: str) -> int:
    return main(["fetch", "--root", str(root), "--timeout", "5", *args])


def span(site: SiteServer) -> float:
    """Seconds from the first request to the last (the sum of the gaps, robust to one late thread)."""
    times = sorted(t for _, t in site.times)
    return times[-1] - times[0]


def test_requests_to_one_host_are_spaced_by_the_delay(tmp_path: Path, site: SiteServer) -> None:
    mintlify(site)
    project(tmp_path, f"site: {site.base}\nconcurrency: 4\ndelay: 0.15\n")
    assert fetch(tmp_path) == 0
    assert len(site.times) == 5  # robots.txt, llms.txt and three pages
    assert span(site) >= 4 * 0.15 * 0.8  # arrival times jitter on a busy machine; with no delay the span is ~0


def test_robots_crawl_delay_and_disallow(tmp_path: Path, site: SiteServer) -> None:
    mintlify(site)
    site.routes["/robots.txt"] = page("User-agent: *\nCrawl-delay: 0.2\nDisallow: /api-reference/tasks/\n",
                                      "text/plain")
    folder = project(tmp_path, f"site: {site.base}\n")
    assert fetch(tmp_path, "--delay", "0") == 0
    assert stored(folder) == ["api-reference-images-create.md"]
    assert "/api-reference/tasks/get.md" not in site.hits
    assert len(site.times) == 4  # robots.txt, llms.txt and two pages
    assert span(site) >= 3 * 0.2 * 0.8


def test_byte_budget_leaves_the_rest_for_the_next_fetch(tmp_path: Path, site: SiteServer,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    mintlify(site)
    folder = project(tmp_path, f"site: {site.base}\nconcurrency: 1\nmax_bytes: 500\n")
    assert fetch(tmp_path, "--delay", "0") == 1
    assert "byte budget of 500 bytes spent; left for the next fetch" in capsys.readouterr().err
    assert stored(folder) == ["api-reference-images-create.md"]
    assert fetch(tmp_path, "--delay", "0", "--max-bytes", "1MiB") == 0  # the flag wins over sources.yaml
    assert len(stored(folder)) == 2


def test_progress_line_counts_pages_done_of_found() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    progress = Progress(screen)
    progress.start("demo", 3)
    for _ in range(3):
        progress.step()
    progress.finish()
    assert screen.getvalue().split("\r")[:3] == ["apigen fetch: demo: 1/3 pages", "apigen fetch: demo: 2/3 pages",
                                                 "apigen fetch: demo: 3/3 pages"]
    log = io.StringIO()  # not a terminal: a line now and then, never a redraw
    quiet = Progress(log, every=0.0)
    quiet.start("demo", 2)
    quiet.step()
    assert log.getvalue() == "apigen fetch: demo: 1/2 pages\n"


def test_state_of_the_previous_version_is_read(tmp_path: Path, site: SiteServer,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    site.routes["/page"] = markdown(endpoint_md("Create", "POST", "/v1/create"))
    folder = project(tmp_path, f"pages:\n  - {site.base}/page\n")
    assert fetch(tmp_path) == 0
    state = json.loads((folder / "fetch-state.json").read_text())
    entry = state["pages"][f"{site.base}/page"]
    old = {f"{site.base}/page": {"file": entry["file"], "sha256": entry["sha256"], "etag": entry["etag"]}}
    (folder / "fetch-state.json").write_text(json.dumps(old))
    capsys.readouterr()
    assert fetch(tmp_path) == 0
    assert "page.md: unchanged (304 Not Modified)" in capsys.readouterr().out
    assert json.loads((folder / "fetch-state.json").read_text())["version"] == 2


def test_state_naming_unsafe_files_is_ignored(tmp_path: Path, site: SiteServer) -> None:
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    mintlify(site)
    folder = project(tmp_path, f"site: {site.base}\n")
    (folder / "fetch-state.json").write_text(json.dumps({"version": 2, "pages": {
        f"{site.base}/gone-a": {"file": "../../../precious.txt", "origin": site.base, "gone": 1},
        f"{site.base}/gone-b": {"file": "sources.yaml", "origin": site.base, "gone": 1}}}))
    assert fetch(tmp_path, "--delay", "0") == 0
    assert outside.read_text() == "keep me"
    assert (folder / "sources.yaml").is_file()
