"""`apigen fetch` following whole doc sites on 127.0.0.1: a Mintlify-like site (llms.txt + .md pages), an
Apifox-like one (sitemap + .md pages with an OpenAPI block) and one with HTML links only. Discovery, pages
added, changed, removed (two strikes), flaky (500 once), redirects and links to other hosts, oversize
pages, robots.txt, --dry-run, and the build that follows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from tests.regen.conftest import snapshot
from tests.regen.site_server import Reply, SiteServer, markdown, page, redirect


def endpoint_md(title: str, method: str, path: str, field: str = "prompt") -> str:
    return (f"# {title}\n\n{method} {path}\n\n```bash\ncurl https://api.example.com{path} \\\n"
            f"  -H \"Authorization: Bearer $KEY\" \\\n  -H \"Content-Type: application/json\" \\\n"
            f"  -d '{{\"{field}\": \"a cat\"}}'\n```\n")


def apifox_md(title: str, path: str, field: str = "prompt") -> str:
    return (f"# {title}\n\n## OpenAPI Specification\n\n```yaml\nopenapi: 3.0.1\ninfo:\n  title: ''\n"
            f"  version: 1.0.0\npaths:\n  {path}:\n    post:\n      summary: {title}\n      requestBody:\n"
            f"        content:\n          application/json:\n            schema:\n              type: object\n"
            f"              properties:\n                {field}:\n                  type: string\n"
            f"      responses:\n        '200':\n          description: 成功\n"
            f"servers:\n  - url: https://api.example.com\n```\n")


def project(tmp_path: Path, sources: str, service: str = "demo") -> Path:
    folder = tmp_path / "specs/sources" / service
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources.yaml").write_text(sources, encoding="utf-8")
    return folder


def fetch(root: Path, *args: str) -> int:
    return main(["fetch", "--root", str(root), "--timeout", "5", "--delay", "0", *args])


def stored(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in ("sources.yaml", "fetch-state.json"))


def mintlify(site: SiteServer, extra: str = "") -> None:
    b = site.base
    site.routes["/llms.txt"] = Reply(body=(
        "# Example docs\n\n## Docs\n\n"
        f"- [Introduction]({b}/introduction.md): start here\n"
        f"- [Create image]({b}/api-reference/images/create.md): POST\n"
        f"- [Get task]({b}/api-reference/tasks/get.md)\n"
        "- [Status page](https://status.example.invalid/index.md)\n" + extra).encode(),
        headers={"Content-Type": "text/plain; charset=utf-8"})
    site.routes["/introduction.md"] = markdown("# Introduction\n\nWelcome to the docs.\n")
    site.routes["/api-reference/images/create.md"] = markdown(endpoint_md("Create image", "POST", "/v1/images"))
    site.routes["/api-reference/tasks/get.md"] = markdown(endpoint_md("Get task", "GET", "/v1/tasks/{id}"))


def test_mintlify_site_discovered_added_changed_removed(tmp_path: Path, site: SiteServer,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    mintlify(site)
    folder = project(tmp_path, f"site: {site.base}\n")
    assert fetch(tmp_path) == 0
    out = capsys.readouterr().out
    assert stored(folder) == ["api-reference-images-create.md", "api-reference-tasks-get.md"]
    assert "apigen fetch: 2 new, 1 skipped" in out  # the introduction documents no endpoint
    text = (folder / "api-reference-images-create.md").read_text()
    assert text.startswith(f"source: {site.base}/api-reference/images/create\n\n# Create image")
    assert "/api-reference/images/create" not in site.hits  # the .md form, never the HTML
    state = json.loads((folder / "fetch-state.json").read_text())
    assert state["sites"][site.base]["method"] == "llms.txt"
    assert "no endpoint found" in state["pages"][f"{site.base}/introduction"]["skipped"]

    # nothing changed: every page answers 304, nothing is judged again, nothing printed per page
    assert fetch(tmp_path) == 0
    out = capsys.readouterr().out
    assert out.strip() == "apigen fetch: 2 unchanged, 1 skipped"

    # one page changes, one is added
    site.routes["/api-reference/tasks/get.md"] = markdown(endpoint_md("Get task", "GET", "/v1/tasks/{task_id}"))
    mintlify(site, f"- [Cancel]({site.base}/api-reference/tasks/cancel.md)\n")
    site.routes["/api-reference/tasks/get.md"] = markdown(endpoint_md("Get task", "GET", "/v1/tasks/{task_id}"))
    site.routes["/api-reference/tasks/cancel.md"] = markdown(endpoint_md("Cancel", "POST", "/v1/tasks/{id}/cancel"))
    assert fetch(tmp_path) == 0
    out = capsys.readouterr().out
    assert "demo: api-reference-tasks-get.md: changed" in out
    assert "demo: api-reference-tasks-cancel.md: new" in out
    assert "1 new, 1 changed, 1 unchanged, 1 skipped" in out

    # a page leaves the index: reported, kept once, removed the second time
    site.routes["/llms.txt"] = Reply(body=site.routes["/llms.txt"].body.replace(  # type: ignore[union-attr]
        f"- [Get task]({site.base}/api-reference/tasks/get.md)\n".encode(), b""),
        headers={"Content-Type": "text/plain"})
    before = snapshot(tmp_path)
    assert fetch(tmp_path, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "demo: api-reference-tasks-get.md: gone (no longer listed by the site; stored copy kept" in out
    assert "nothing written" in out and "unchanged" not in out.splitlines()[0]
    assert snapshot(tmp_path) == before  # a dry run writes nothing, not even the state
    assert fetch(tmp_path) == 0
    assert "api-reference-tasks-get.md: gone" in capsys.readouterr().out
    assert (folder / "api-reference-tasks-get.md").is_file()
    assert fetch(tmp_path) == 0
    out = capsys.readouterr().out
    assert "api-reference-tasks-get.md: removed (no longer listed by the site; gone on 2 fetches in a row)" in out
    assert not (folder / "api-reference-tasks-get.md").exists()
    assert f"{site.base}/api-reference/tasks/get" not in json.loads((folder / "fetch-state.json").read_text())[
        "pages"]


def test_page_back_after_one_miss_is_kept(tmp_path: Path, site: SiteServer,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    mintlify(site)
    folder = project(tmp_path, f"site: {site.base}\n")
    assert fetch(tmp_path) == 0
    route = site.routes.pop("/api-reference/tasks/get.md")
    assert fetch(tmp_path) == 0
    assert "api-reference-tasks-get.md: gone (HTTP 404; stored copy kept" in capsys.readouterr().out
    site.routes["/api-reference/tasks/get.md"] = route
    assert fetch(tmp_path) == 0
    site.routes.pop("/api-reference/tasks/get.md")
    assert fetch(tmp_path) == 0  # gone again, but not twice in a row
    assert (folder / "api-reference-tasks-get.md").is_file()
    assert json.loads((folder / "fetch-state.json").read_text())["pages"][
        f"{site.base}/api-reference/tasks/get"]["gone"] == 1


def apifox(site: SiteServer) -> None:
    urls = "".join(f"<url><loc>{site.base}/{name}</loc></url>" for name in ("api-1001", "api-1002", "doc-5"))
    site.routes["/sitemap.xml"] = Reply(body=f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/'
                                        f'schemas/sitemap/0.9">{urls}</urlset>'.encode(),
                                        headers={"Content-Type": "application/xml"})
    for name in ("api-1001", "api-1002", "doc-5"):  # the HTML is a script-only single-page app
        site.routes[f"/{name}"] = page("<html><body><div id=app></div><script>boot()</script></body></html>")
    site.routes["/api-1001.md"] = markdown(apifox_md("提交任务", "/fal-ai/flux/dev"))
    site.routes["/api-1002.md"] = markdown(apifox_md("查询结果", "/fal-ai/flux/dev/requests"))
    site.routes["/doc-5.md"] = markdown("# 快速开始\n\n欢迎。\n")


def test_apifox_site_from_its_sitemap_prefers_md(tmp_path: Path, site: SiteServer,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    apifox(site)
    folder = project(tmp_path, f"site: {site.base}\n")
    assert fetch(tmp_path) == 0
    assert stored(folder) == ["api-1001.md", "api-1002.md"]
    assert "openapi: 3.0.1" in (folder / "api-1001.md").read_text()
    assert site.hits.get("/api-1001", 0) == 0 and site.hits.get("/api-1002", 0) == 0
    state = json.loads((folder / "fetch-state.json").read_text())
    assert state["sites"][site.base] == {"method": "sitemap", "markdown": True}
    assert state["pages"][f"{site.base}/api-1001"]["fetched"] == f"{site.base}/api-1001.md"
    capsys.readouterr()

    # flaky: one page answers 500 once -> failed, stored copy kept, not gone; fine the next time
    good = site.routes["/api-1002.md"]
    site.routes["/api-1002.md"] = Reply(status=500, body=b"oops", etag=False)
    assert fetch(tmp_path) == 1
    err = capsys.readouterr().err
    assert "demo: api-1002.md: failed (HTTP 500 Internal Server Error; stored copy kept)" in err
    assert (folder / "api-1002.md").is_file()
    site.routes["/api-1002.md"] = good
    assert fetch(tmp_path) == 0
    assert "unchanged" in capsys.readouterr().out

    # flaky index: the sitemap fails -> no page is judged gone, the known ones are fetched again
    sitemap = site.routes["/sitemap.xml"]
    site.routes["/sitemap.xml"] = Reply(status=500, etag=False)
    for _ in range(2):
        assert fetch(tmp_path) == 1
        captured = capsys.readouterr()
        assert "site index: sitemap: HTTP 500; known pages kept" in captured.err
        assert "gone" not in captured.out
    assert stored(folder) == ["api-1001.md", "api-1002.md"]
    site.routes["/sitemap.xml"] = sitemap
    assert fetch(tmp_path) == 0


def html_site(site: SiteServer, other: SiteServer) -> None:
    nav = ('<nav><a href="/guide">Guide</a> <a href="/api/create#top">Create</a> <a href="/api/list">List</a>'
           f' <a href="{other.base}/api/elsewhere">Partner</a> <a href="/private/secret">Secret</a>'
           ' <a href="/api/moved">Moved</a> <a href="/api/huge">Huge</a> <a href="/logo.png">logo</a></nav>')
    site.routes["/"] = page(f"<html><body><h1>Docs</h1>{nav}</body></html>")
    site.routes["/guide"] = page(f"<html><body>{nav}<p>How to start.</p></body></html>")
    site.routes["/api/create"] = page(f"<html><body>{nav}<h1>Create</h1><p>POST /v1/create</p></body></html>")
    site.routes["/api/list"] = page(f"<html><body>{nav}<h1>List</h1><p>GET /v1/items</p></body></html>")
    site.routes["/private/secret"] = page("<p>POST /v1/secret</p>")
    site.routes["/api/moved"] = redirect(f"{other.base}/api/elsewhere")
    site.routes["/api/huge"] = page("<p>POST /v1/huge</p>" + "x" * 300_000)
    site.routes["/robots.txt"] = page("User-agent: *\nDisallow: /private/\n", "text/plain")
    other.routes["/api/elsewhere"] = page("<p>POST /v1/elsewhere</p>")


def test_html_only_site_is_crawled_on_its_own_host(tmp_path: Path, site: SiteServer, other: SiteServer,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    html_site(site, other)
    folder = project(tmp_path, f"site: {site.base}/\nexclude: ['*/list']\nmax_page_bytes: 100 KiB\n")
    assert fetch(tmp_path) == 1
    captured = capsys.readouterr()
    assert stored(folder) == ["api-create.txt"]
    assert "POST /v1/create" in (folder / "api-create.txt").read_text()
    assert other.hits == {}  # neither the link nor the redirect to another host is followed
    assert "/private/secret" not in site.hits  # robots.txt
    assert "/logo.png" not in site.hits
    assert f"redirect to {other.base}/api/elsewhere not followed (another host)" in captured.err
    assert "over the 100 KiB page limit" in captured.err
    state = json.loads((folder / "fetch-state.json").read_text())
    assert state["sites"][f"{site.base}/"]["method"] == "links"
    assert f"{site.base}/api/list" not in state["pages"]  # excluded


def test_site_export_is_preferred_to_pages(tmp_path: Path, site: SiteServer,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    mintlify(site, f"\n## OpenAPI Specs\n\n- [openapi]({site.base}/api-reference/openapi.json)\n")
    export = {"openapi": "3.1.0", "info": {"title": "x", "version": "1"},
              "paths": {"/v1/images": {"post": {"responses": {"200": {"description": "ok"}}}}}}
    site.routes["/api-reference/openapi.json"] = Reply(body=json.dumps(export).encode(),
                                                       headers={"Content-Type": "application/json"})
    folder = project(tmp_path, f"site: {site.base}\n")
    assert fetch(tmp_path) == 0
    assert "site OpenAPI export" in capsys.readouterr().out
    assert stored(folder) == ["api-reference.openapi.json"]
    assert "/api-reference/images/create.md" not in site.hits


def test_limits_bound_the_pages_and_the_time(tmp_path: Path, site: SiteServer,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    mintlify(site)
    folder = project(tmp_path, f"site: {site.base}\nmax_pages: 2\n")
    assert fetch(tmp_path) == 1
    captured = capsys.readouterr()
    assert "1 page(s) over max_pages (2) not fetched" in captured.err
    assert "/api-reference/tasks/get.md" not in site.hits
    assert fetch(tmp_path, "--max-pages", "5", "--time-budget", "0") == 1
    assert "time budget of 0 s spent" in capsys.readouterr().err
    assert stored(folder) == ["api-reference-images-create.md"]  # nothing lost when out of time


def test_bad_site_sources_are_one_line_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for text, message in (("site: ftp://x\n", "at site.url: not an http(s) URL"),
                          ("site: http://x\nmax_pages: lots\n", "max_pages: expected a positive whole number"),
                          ("site: http://x\nmax_page_bytes: huge\n", "max_page_bytes: expected a size"),
                          ("sites: [{url: 'http://x', inclde: '/a'}]\n", "at sites[0]: unknown key 'inclde'"),
                          ("include: ['/a']\npages: []\n", "`include:`/`exclude:` apply to `site:`"),
                          ("sitee: http://x\npages: []\n", "unknown key 'sitee'")):
        project(tmp_path, text)
        assert fetch(tmp_path) == 1
        err = capsys.readouterr().err
        assert message in err and len(err.splitlines()) == 1, (text, err)


def test_fetch_then_build_rebuilds_only_the_changed_service_and_names_pages(
        tmp_path: Path, site: SiteServer, tiny_renderers: None, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "apigen.yaml").write_text("services:\n  demo: {package: demo, version: 0.1.0, targets: [python]}\n"
                                          "  still: {package: still, version: 1.0.0, targets: [python]}\n")
    mintlify(site)
    project(tmp_path, f"site: {site.base}\n")
    still = project(tmp_path, "pages: []\n", "still")
    (still / "page.md").write_text(endpoint_md("Still", "POST", "/v1/still"))
    assert fetch(tmp_path, "demo") == 0
    assert main(["build", "--root", str(tmp_path)]) == 0
    capsys.readouterr()

    site.routes["/api-reference/tasks/get.md"] = markdown(endpoint_md("Get task", "GET", "/v1/tasks/{id}",
                                                                      ).replace("Get task", "Get a task"))
    site.routes["/api-reference/images/create.md"] = markdown(
        endpoint_md("Create image", "POST", "/v1/images").replace("-d '{\"prompt\": \"a cat\"}'",
                                                                  "-d '{\"prompt\": \"a cat\", \"n\": 2}'"))
    mintlify(site, f"- [Cancel]({site.base}/api-reference/tasks/cancel.md)\n")
    site.routes["/api-reference/images/create.md"] = markdown(
        endpoint_md("Create image", "POST", "/v1/images").replace("-d '{\"prompt\": \"a cat\"}'",
                                                                  "-d '{\"prompt\": \"a cat\", \"n\": 2}'"))
    site.routes["/api-reference/tasks/cancel.md"] = markdown(endpoint_md("Cancel", "POST", "/v1/tasks/{id}/cancel"))
    assert fetch(tmp_path, "demo") == 0
    assert main(["build", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "still: up to date" in out and "built demo 0.2.0" in out
    changelog = (tmp_path / "generated/demo/CHANGELOG.md").read_text()
    assert "**POST /v1/tasks/{id}/cancel**" in changelog
    assert "(page `demo/api-reference-tasks-cancel.md`)" in changelog
    assert "(page `demo/api-reference-images-create.md`)" in changelog


def test_include_patterns_and_relative_links(tmp_path: Path, site: SiteServer) -> None:
    mintlify(site)
    site.routes["/docs/llms.txt"] = Reply(body=(
        b"# Docs\n\n- [Create](api/create.md#top)\n- [Create again](/docs/api/create.md)\n"
        b"- [Edit](<api/edit.md> \"Edit an image\")\n- [Guide](guide.md)\n"),
        headers={"Content-Type": "text/plain"})
    site.routes["/docs/api/create.md"] = markdown(endpoint_md("Create", "POST", "/v1/create"))
    site.routes["/docs/api/edit.md"] = markdown(endpoint_md("Edit", "POST", "/v1/edit"))
    site.routes["/docs/guide.md"] = markdown(endpoint_md("Guide", "POST", "/v1/guide"))
    folder = project(tmp_path, f"site: {site.base}/docs/\ninclude: ['/docs/api/*']\n")
    assert fetch(tmp_path) == 0
    assert stored(folder) == ["docs-api-create.md", "docs-api-edit.md"]  # the site's own llms.txt, not the root's
    assert site.hits["/docs/api/create.md"] == 1 and "/llms.txt" not in site.hits
    assert "/docs/guide.md" not in site.hits


def test_removed_operation_names_the_page_it_came_from(tmp_path: Path, site: SiteServer, tiny_renderers: None,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "apigen.yaml").write_text("services:\n  demo: {package: demo, version: 1.0.0, targets: [python]}\n")
    mintlify(site)
    project(tmp_path, f"site: {site.base}\n")
    assert fetch(tmp_path) == 0
    assert main(["build", "--root", str(tmp_path)]) == 0
    del site.routes["/api-reference/tasks/get.md"]
    assert fetch(tmp_path) == 0
    assert main(["build", "--root", str(tmp_path)]) == 0
    assert "demo: up to date" in capsys.readouterr().out  # gone once: the operation stays
    assert fetch(tmp_path) == 0
    assert main(["build", "--root", str(tmp_path)]) == 0
    assert "built demo 2.0.0 (major bump" in capsys.readouterr().out
    changelog = (tmp_path / "generated/demo/CHANGELOG.md").read_text()
    removed = [line for line in changelog.splitlines() if "GET /v1/tasks/{id}" in line]
    assert removed and all("(page `demo/api-reference-tasks-get.md`)" in line for line in removed), changelog


def test_pages_without_an_endpoint_are_judged_again_when_ingest_changes(
        tmp_path: Path, site: SiteServer, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.regen import fetch as fetch_module

    mintlify(site)
    project(tmp_path, f"site: {site.base}\n")
    assert fetch(tmp_path) == 0
    assert fetch(tmp_path) == 0
    assert site.hits["/introduction.md"] == 2  # the second time a 304, not judged again
    monkeypatch.setattr(fetch_module, "judge_version", lambda: "a newer ingest")
    seen: list[str | None] = []
    route = site.routes["/introduction.md"]

    def record(handler: object) -> Reply:
        seen.append(handler.headers.get("If-None-Match"))  # type: ignore[attr-defined]
        return route  # type: ignore[return-value]

    site.routes["/introduction.md"] = record
    assert fetch(tmp_path) == 0
    assert seen == [None]


def test_sitemap_index_is_followed_on_its_own_host_only(tmp_path: Path, site: SiteServer, other: SiteServer) -> None:
    apifox(site)
    pages = site.routes.pop("/sitemap.xml")
    site.routes["/sitemap.xml"] = Reply(body=(
        f"<sitemapindex><sitemap><loc>{site.base}/sitemap.xml</loc></sitemap>"  # a loop
        f"<sitemap><loc>{other.base}/sitemap-pages.xml</loc></sitemap>"
        f"<sitemap><loc>{site.base}/sitemap-pages.xml?x=1&amp;y=2</loc></sitemap></sitemapindex>").encode(),
        headers={"Content-Type": "application/xml"})
    site.routes["/sitemap-pages.xml"] = pages
    other.routes["/sitemap-pages.xml"] = pages
    folder = project(tmp_path, f"site: {site.base}\n")
    assert fetch(tmp_path) == 0
    assert stored(folder) == ["api-1001.md", "api-1002.md"]
    assert other.hits == {} and site.hits["/sitemap.xml"] == 1
