"""Download a service's doc pages: `specs/sources/<service>/sources.yaml` -> stored pages.

`sources.yaml` (see `generator.regen.fetch_sources`) lists pages one by one and/or names a doc site whose
pages are discovered (`generator.regen.discover`). Each page is fetched in its plainest form: an OpenAPI
export it links to, else its `.md` form (Mintlify, Apifox), else its HTML turned into text
(`generator.regen.html_text`). A discovered page is kept only when the ingest stage finds an endpoint on
it (`generator.ingest.read.read_page` is the judge), so guides and changelogs never reach the build.

Per page, `fetch-state.json` (`generator.regen.fetch_state`) keeps ETag/Last-Modified (requests are
conditional) and a content hash; each fetch says of every page `new`, `changed`, `unchanged` or `gone`.
A page gone (404/410, or no longer listed by its site) keeps its stored copy the first time and is
removed only when it is gone on the next fetch too: one flaky fetch never deletes half an SDK, and a site
index that fails to load judges nothing gone. A failing page (HTTP 5xx, timeout, too big) keeps its
stored copy and makes the exit status 1. Every download goes through `generator.regen.download`
(size caps, same-origin redirects, per-host delay, robots.txt, time budget). `dry_run` downloads and
reports but writes nothing.
"""

from __future__ import annotations

import hashlib
import re
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, TextIO

import httpx

from generator.errors import ApigenError
from generator.regen import html_text
from generator.regen.discover import Discovery, Found, SiteDiscovery, markdown_url, matches
from generator.regen.download import (
    Budget,
    Downloader,
    FetchError,
    Limits,
    OutOfBudget,
    Response,
    new_client,
    origin,
)
from generator.regen.fetch_sources import (
    SOURCES_FILE,
    STATE_FILE,
    SiteSource,
    Sources,
    read_sources,
)
from generator.regen.fetch_state import FetchState, write_atomic

__all__ = ["SOURCES_FILE", "STATE_FILE", "FetchRun", "PageResult", "fetch_service", "read_sources",
           "services_with_sources", "summary"]

OUTCOMES = ("new", "changed", "unchanged", "gone", "removed", "skipped", "failed", "deferred")
CHANGES = ("new", "changed", "gone", "removed")
GONE_STRIKES = 2


@dataclass
class PageResult:
    """What happened to one page: one of OUTCOMES, with a detail for the report line."""

    service: str
    url: str
    file: str | None
    outcome: str
    detail: str = ""
    quiet: bool = False  # an unchanged or skipped discovered page: shown with --verbose only

    def line(self) -> str:
        name = self.file or "(not stored)"
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.service}: {name}: {self.outcome}{detail} <- {self.url}"


@dataclass
class Task:
    """One page to fetch."""

    key: str  # the page URL, the state's key
    candidates: list[str]  # URLs to try in order (the `.md` form first when the site serves one)
    origin: str  # "pages" or the site URL
    stem: str  # stored file name without suffix
    file: str | None = None  # name given in sources.yaml
    follow_openapi: bool = True
    judge: bool = False  # discovered: kept only when it documents an endpoint
    response: Response | None = None  # downloaded already (crawl)
    error: FetchError | None = None  # failed already (crawl)
    fetched: str = ""  # the URL `response` came from, when not `key` (the `.md` probe)
    robots: bool = False  # check robots.txt first
    export_only: bool = False  # a site-wide OpenAPI export


def _kind(content_type: str, url: str) -> str:
    """`html`, `json`, `yaml`, `md` or `txt`, from the content type, else the URL's suffix."""
    if "html" in content_type:
        return "html"
    if "json" in content_type:
        return "json"
    if "yaml" in content_type or "yml" in content_type:
        return "yaml"
    if "markdown" in content_type:
        return "md"
    suffix = Path(httpx.URL(url).path).suffix.lower()
    return {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".md": "md", ".mdx": "md", ".html": "html",
            ".htm": "html"}.get(suffix, "txt")


def _slug(url: str) -> str:
    """The last path segment (a page listed in `pages:`): `/docs/create-image.html` -> `create-image`."""
    path = httpx.URL(url).path.rstrip("/")
    last = path.rsplit("/", 1)[-1] or httpx.URL(url).host or "page"
    stem = re.sub(r"\.(html?|php|aspx?|mdx?)$", "", last, flags=re.IGNORECASE)
    return re.sub(r"[^0-9A-Za-z._-]+", "-", stem).strip("-.") or "page"


def _path_stem(url: str) -> str:
    """The whole path (a discovered page): `/api-reference/images/create` -> `api-reference-images-create`."""
    path = re.sub(r"\.(html?|php|aspx?|mdx?)$", "", httpx.URL(url).path.strip("/"), flags=re.IGNORECASE)
    stem = re.sub(r"[^0-9A-Za-z._-]+", "-", path.replace("/", "-")).strip("-.")
    return stem[:120].rstrip("-.") or "index"


@cache
def judge_version() -> str:
    """Digest of the ingest stage's code: a page judged to document no endpoint is judged again (fetched
    without If-None-Match) once ingest has changed, since a better reader may find one now."""
    digest = hashlib.sha256()
    folder = Path(__file__).resolve().parent.parent / "ingest"
    for path in sorted(folder.rglob("*.py")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


class Progress:
    """`apigen fetch: demo: 37/200 pages` on stderr: redrawn in place on a terminal, else every 10 s."""

    def __init__(self, stream: TextIO | None = None, every: float = 10.0) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.every = every
        self.last = time.monotonic()
        self.lock = threading.Lock()
        self.service = ""
        self.done = 0
        self.found = 0
        self.shown = False

    def start(self, service: str, found: int) -> None:
        with self.lock:
            self.service, self.done, self.found = service, 0, found

    def step(self) -> None:
        with self.lock:
            self.done += 1
            now = time.monotonic()
            if self.tty or now - self.last >= self.every:
                self.last = now
                end = "\r" if self.tty else "\n"
                self.stream.write(f"apigen fetch: {self.service}: {self.done}/{self.found} pages{end}")
                self.stream.flush()
                self.shown = True

    def finish(self) -> None:
        if self.tty and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


class FetchRun:
    """One `apigen fetch`: a downloader and worker pool shared by every service."""

    def __init__(self, limits: Limits | None = None, dry_run: bool = False, client: httpx.Client | None = None,
                 progress: Progress | None = None) -> None:
        self.limits = limits or Limits()
        self.dry_run = dry_run
        self.client = client
        self.progress = progress
        self.overrides: set[str] = set()  # limits given on the command line (sources.yaml may not change)
        self.budget = Budget()  # time and bytes are budgets of the whole run, across services
        self.own_client = False

    def close(self) -> None:
        if self.own_client and self.client is not None:
            self.client.close()
            self.client, self.own_client = None, False

    def service(self, sources_dir: Path, service: str) -> list[PageResult]:
        folder = sources_dir / service
        sources = read_sources(folder)
        limits = replace(self.limits, **{k: v for k, v in sources.limits.items() if k not in self.overrides})
        if self.client is None:  # one client (TLS context, connection pool) for every service of the run
            self.client, self.own_client = new_client(), True
        downloader = Downloader(limits, client=self.client, budget=self.budget)
        try:
            with ThreadPoolExecutor(max_workers=limits.concurrency, thread_name_prefix="apigen-fetch") as pool:
                fetch = ServiceFetch(service, folder, sources, downloader, pool, self.dry_run, self.progress)
                return fetch.run()
        finally:
            downloader.close()
            if self.progress is not None:
                self.progress.finish()


class ServiceFetch:
    """Fetches the pages of one service folder; the state is saved whatever happens to any page."""

    def __init__(self, service: str, folder: Path, sources: Sources, downloader: Downloader,
                 pool: ThreadPoolExecutor, dry_run: bool, progress: Progress | None) -> None:
        self.service = service
        self.folder = folder
        self.sources = sources
        self.dl = downloader
        self.pool = pool
        self.dry_run = dry_run
        self.progress = progress
        self.old = FetchState.read(folder)
        self.state = FetchState({k: dict(v) for k, v in self.old.pages.items()},
                                {k: dict(v) for k, v in self.old.sites.items()})
        self.lock = threading.Lock()
        self.unchecked: set[str] = set()  # known pages not looked at this time: their entries stay
        self.scratch: Path | None = None

    # -- planning ------------------------------------------------------------------------------------------
    def run(self) -> list[PageResult]:
        results: list[PageResult] = []
        with tempfile.TemporaryDirectory(prefix="apigen-fetch-") as scratch:
            self.scratch = Path(scratch)
            try:
                tasks, notes = self.plan()
                results += notes
                results += self.run_tasks(tasks)
                results += self.settle_gone(tasks, results)
            finally:
                if not self.dry_run:
                    self.state.save(self.folder)
        return results

    def plan(self) -> tuple[list[Task], list[PageResult]]:
        tasks: list[Task] = []
        notes: list[PageResult] = []
        taken = self.taken_stems()
        for page in self.sources.pages:
            known = self.state.pages.get(page.url) or {}
            stem = Path(page.file).stem if page.file else (Path(known["file"]).stem.removesuffix(".openapi")
                                                           if known.get("file") else _slug(page.url))
            if not page.file and not known.get("file") and stem in taken:
                stem = f"{stem}-{_short_hash(page.url)}"  # two listed pages ending alike
            taken.add(stem)
            tasks.append(Task(page.url, [page.url], "pages", stem, page.file, page.follow_openapi))
        listed = {t.key for t in tasks}
        for site in self.sources.sites:
            site_tasks, site_notes = self.plan_site(site, listed)
            notes += site_notes
            tasks += site_tasks
            listed |= {t.key for t in site_tasks}
        for task in tasks:  # discovered pages are named after their whole path, unique within the folder
            if task.origin != "pages":
                known = self.state.pages.get(task.key) or {}
                if known.get("file"):
                    task.stem = Path(known["file"]).stem.removesuffix(".openapi")
                else:
                    stem = task.stem
                    if stem in taken:
                        stem = f"{stem}-{_short_hash(task.key)}"
                    task.stem = stem
                taken.add(task.stem)
        return tasks, notes

    def taken_stems(self) -> set[str]:
        """Names already used: files not written by fetch, files of other pages, names in sources.yaml."""
        owned = {entry.get("file") for entry in self.state.pages.values()}
        stems = {Path(p.file).stem for p in self.sources.pages if p.file}
        if self.folder.is_dir():
            stems |= {p.name.split(".")[0] for p in self.folder.iterdir() if p.is_file() and p.name not in owned}
        stems |= {Path(f).stem.removesuffix(".openapi") for f in owned if f}
        return stems

    def plan_site(self, site: SiteSource, listed: set[str]) -> tuple[list[Task], list[PageResult]]:
        known_site = self.state.sites.get(site.url) or {}
        finder = SiteDiscovery(site.url, self.dl, self.dl.limits.max_pages, self.dl.limits.crawl_depth,
                               self.fetch_many)
        notes: list[PageResult] = []
        known_pages = [k for k, v in self.state.pages.items() if v.get("origin") == site.url]
        try:
            found = finder.run(str(known_site.get("method", "")))
        except OutOfBudget as error:
            self.unchecked |= set(known_pages)
            return [], [PageResult(self.service, site.url, None, "deferred", str(error))]
        except FetchError as error:
            found = Discovery(complete=False, error=str(error))
        if found.error:
            outcome = "failed" if not found.complete else "note"
            notes.append(PageResult(self.service, site.url, None, outcome,
                                    f"site index: {found.error}" + ("; known pages kept" if not found.complete
                                                                    else ""), quiet=found.complete))
        if not found.method:
            self.unchecked |= set(known_pages)
            return self.known_tasks(site, known_pages), notes
        self.state.sites[site.url] = {**known_site, "method": found.method}
        if site.follow_openapi and found.export:
            stem = re.sub(r"\.(json|ya?ml)$", "", _path_stem(found.export)).removesuffix("-openapi")
            export = Task(found.export, [found.export], site.url, stem or "openapi", export_only=True, robots=True)
            return [export], notes
        pages = [p for p in found.pages if p.url not in listed and matches(p.url, site.include, site.exclude)]
        cap = self.dl.limits.max_pages
        if len(pages) > cap:
            notes.append(PageResult(self.service, site.url, None, "deferred",
                                    f"{len(pages) - cap} page(s) over max_pages ({cap}) not fetched"))
            self.unchecked |= {p.url for p in pages[cap:]}
            pages = pages[:cap]
        if not found.complete:
            self.unchecked |= set(known_pages)
        markdown, probed = self.serves_markdown(site, pages)
        tasks = []
        for page in pages:
            candidates = [page.listed, page.url] if page.listed != page.url else [page.url]
            if page.response is None and page.error is None and page.listed == page.url and markdown:
                candidates = [markdown_url(page.url), page.url]
            task = Task(page.url, candidates, site.url, _path_stem(page.url), None, site.follow_openapi,
                        judge=True, response=page.response, error=page.error, robots=True)
            if probed is not None and page.url == probed[0]:  # the probe's answer is this page's .md form
                task.response, task.fetched = probed[1], candidates[0]
            tasks.append(task)
        notes += [PageResult(self.service, site.url, None, "note", note, quiet=True) for note in found.notes]
        return tasks, notes

    def known_tasks(self, site: SiteSource, keys: list[str]) -> list[Task]:
        """The index failed: fetch again the pages known from last time (none is judged gone)."""
        tasks = []
        for key in sorted(keys):
            entry = self.state.pages[key]
            fetched = str(entry.get("fetched") or key)
            candidates = [fetched] if fetched == key else [fetched, key]
            tasks.append(Task(key, candidates, site.url, _path_stem(key), None, site.follow_openapi, judge=True,
                              robots=True))
        return tasks

    def serves_markdown(self, site: SiteSource, pages: list[Found]) -> tuple[bool, tuple[str, Response] | None]:
        """Whether the site serves `<page>.md`: asked of the first HTML-listed page, once per fetch (its
        answer, when it is the page's Markdown, is that page's download)."""
        probe = next((p for p in pages if p.listed == p.url and p.response is None and p.error is None), None)
        if probe is None:
            return False, None
        known = self.state.pages.get(probe.url) or {}
        url = markdown_url(probe.url)
        try:
            allowed, _ = self.dl.allowed(probe.url)
            headers = self.conditional(known) if known.get("fetched") == url else {}
            response = self.dl.get(url, headers) if allowed else None
        except FetchError:
            response = None
        markdown = response is not None and (response.status == 304 or response.status == 200 and "html"
                                             not in response.content_type and bool(response.body.strip()))
        self.state.sites[site.url] = {**self.state.sites.get(site.url, {}), "markdown": markdown}
        return markdown, ((probe.url, response) if markdown and response is not None else None)

    def fetch_many(self, urls: list[str]) -> list[Response | FetchError]:
        def one(url: str) -> Response | FetchError:
            try:
                return self.dl.get(url)
            except FetchError as error:
                return error

        return list(self.pool.map(one, urls))

    # -- fetching ------------------------------------------------------------------------------------------
    def run_tasks(self, tasks: list[Task]) -> list[PageResult]:
        if self.progress is not None:
            self.progress.start(self.service, len(tasks))
        exports = [t for t in tasks if t.export_only]
        results = [self.guarded(t) for t in exports]
        if exports and all(r.outcome == "failed" for r in results):
            results.append(PageResult(self.service, exports[0].origin, None, "failed",
                                      "site OpenAPI export unusable; known pages kept"))
            self.unchecked |= {k for k, v in self.state.pages.items() if v.get("origin") == exports[0].origin}
        results += list(self.pool.map(self.guarded, [t for t in tasks if not t.export_only]))
        return results

    def guarded(self, task: Task) -> PageResult:
        """`process`, with any failure of one page (even a bug) reported as that page's failure."""
        try:
            return self.process(task)
        except OutOfBudget as error:
            self.unchecked.add(task.key)
            return PageResult(self.service, task.key, self.known_file(task), "deferred", str(error))
        except FetchError as error:
            return self.failed(task, str(error))
        except Exception as error:  # noqa: BLE001 - one page must never stop the others or lose the state
            return self.failed(task, f"{type(error).__name__}: {error}")
        finally:
            if self.progress is not None:
                self.progress.step()

    def known_file(self, task: Task) -> str | None:
        entry = self.state.pages.get(task.key) or {}
        return str(entry["file"]) if entry.get("file") else task.file

    def failed(self, task: Task, reason: str) -> PageResult:
        self.unchecked.add(task.key)
        file = self.known_file(task)
        kept = "stored copy kept" if file and (self.folder / file).is_file() else "nothing stored"
        return PageResult(self.service, task.key, file, "failed", f"{reason}; {kept}")

    def conditional(self, known: dict[str, Any]) -> dict[str, str]:
        """If-None-Match / If-Modified-Since, when the copy they describe is still there."""
        stored = known.get("file") and (self.folder / str(known["file"])).is_file()
        judged = known.get("skipped") and known.get("judge") == judge_version()
        if not (stored or judged):
            return {}
        headers = {}
        if known.get("etag"):
            headers["If-None-Match"] = str(known["etag"])
        if known.get("last_modified"):
            headers["If-Modified-Since"] = str(known["last_modified"])
        return headers

    def download(self, task: Task, known: dict[str, Any]) -> tuple[Response, str]:
        """The first candidate that answers (a `.md` form that is missing or HTML falls through)."""
        last = len(task.candidates) - 1
        for index, url in enumerate(task.candidates):
            headers = self.conditional(known) if url == str(known.get("fetched") or task.key) else {}
            response = self.dl.get(url, headers)
            missing = response.status in (404, 410) or (
                response.status == 200 and url != task.key and "html" in response.content_type)
            if index == last or not missing:
                return response, url
        raise AssertionError("a task has at least one candidate URL")

    def process(self, task: Task) -> PageResult:
        known = self.state.pages.get(task.key) or {}
        if task.robots:
            allowed, reason = self.dl.allowed(task.key)
            if not allowed:
                self.unchecked.add(task.key)
                return PageResult(self.service, task.key, known.get("file"), "skipped", reason,
                                  quiet=not known.get("file"))
        if task.error is not None:
            raise task.error
        if task.response is not None:
            response, fetched = task.response, task.fetched or task.key
        else:
            response, fetched = self.download(task, known)
        if response.status == 304:
            return self.not_modified(task, known)
        if response.status in (404, 410):
            return PageResult(self.service, task.key, known.get("file") or task.file, "gone",
                              f"HTTP {response.status}")
        if response.status >= 300:
            raise FetchError(f"HTTP {response.status} {httpx.codes.get_reason_phrase(response.status)}".strip())
        if task.export_only:
            return self.store_export_only(task, known, response)
        return self.content(task, known, response, fetched)

    def not_modified(self, task: Task, known: dict[str, Any]) -> PageResult:
        quiet = task.origin != "pages"
        if known.get("skipped"):
            return PageResult(self.service, task.key, None, "skipped", str(known["skipped"]), quiet=True)
        export = known.get("export")
        if isinstance(export, dict) and export.get("url"):  # the page is the same; its export may not be
            return self.export_update(task, known, str(export["url"]))
        self.keep(task.key, {**known, "gone": None})
        return PageResult(self.service, task.key, known.get("file"), "unchanged", "304 Not Modified", quiet=quiet)

    def content(self, task: Task, known: dict[str, Any], response: Response, fetched: str) -> PageResult:
        kind = _kind(response.content_type, fetched)
        detail = ""
        export: dict[str, Any] | None = None
        if kind == "html":
            html = response.text()
            data: bytes | None = None
            link = html_text.openapi_export_link(html) if task.follow_openapi else None
            if link:
                export_url = str(httpx.URL(response.url).join(link))
                if origin(export_url) is None or origin(export_url) != origin(response.url):
                    detail = f"OpenAPI export {export_url} not followed (another host)"
                else:
                    try:
                        exported = self.dl.get(export_url)
                        document_bytes = self.openapi_document(exported, export_url)
                        data, file, detail = document_bytes, self.export_name(task, exported), "OpenAPI export"
                        export = self.export_entry(exported, export_url)
                    except FetchError as error:
                        detail = f"OpenAPI export: {error}; page text stored"
            if data is None:
                file = task.file or f"{task.stem}.txt"
                data = f"source: {task.key}\n\n{html_text.html_to_text(html)}".encode()
        elif kind in ("md", "txt"):
            file = task.file or f"{task.stem}.{'md' if kind == 'md' else 'txt'}"
            data = response.body
            if task.origin != "pages":  # the .md form does not say which page it is; ingest reads this line
                data = f"source: {task.key}\n\n".encode() + data
        else:
            file = task.file or f"{task.stem}.{kind}"
            data = response.body
        entry: dict[str, Any] = {"file": file, "origin": task.origin, "sha256": hashlib.sha256(data).hexdigest()}
        entry.update(self.validators(response, fetched))
        if export:
            entry["export"] = export
        if task.judge:
            reason = self.no_endpoint(file, data, task.key)
            if reason:
                entry.pop("file")
                entry["skipped"] = reason
                entry["judge"] = judge_version()
                if known.get("file"):  # it did document one: now it is as good as gone
                    self.keep(task.key, {**entry, "file": known["file"], "gone": known.get("gone")})
                    return PageResult(self.service, task.key, str(known["file"]), "gone",
                                      f"no longer documents an endpoint: {reason}")
                self.keep(task.key, entry)
                return PageResult(self.service, task.key, None, "skipped", reason, quiet=True)
        outcome = self.store(file, data)
        if known.get("file") and known["file"] != file:
            self.remove(str(known["file"]))
        self.keep(task.key, entry)
        quiet = task.origin != "pages" and outcome == "unchanged"
        return PageResult(self.service, task.key, file, outcome, detail, quiet=quiet)

    def export_update(self, task: Task, known: dict[str, Any], url: str) -> PageResult:
        export = dict(known["export"])
        response = self.dl.get(url, self.conditional({**export, "file": known.get("file")}))
        if response.status == 304:
            self.keep(task.key, {**known, "gone": None})
            return PageResult(self.service, url, known.get("file"), "unchanged", "OpenAPI export, 304",
                              quiet=task.origin != "pages")
        data = self.openapi_document(response, url)
        file = str(known.get("file") or self.export_name(task, response))
        outcome = self.store(file, data)
        self.keep(task.key, {**known, "gone": None, "export": self.export_entry(response, url),
                             "sha256": hashlib.sha256(data).hexdigest()})
        return PageResult(self.service, url, file, outcome, "OpenAPI export")

    def store_export_only(self, task: Task, known: dict[str, Any], response: Response) -> PageResult:
        data = self.openapi_document(response, task.key)
        file = self.export_name(task, response)
        outcome = self.store(file, data)
        self.keep(task.key, {"file": file, "origin": task.origin, "sha256": hashlib.sha256(data).hexdigest(),
                             **self.validators(response, task.key)})
        return PageResult(self.service, task.key, file, outcome, "site OpenAPI export")

    def openapi_document(self, response: Response, url: str) -> bytes:
        """The export's bytes when it is an OpenAPI/Swagger document; FetchError otherwise."""
        from generator.openapi.io import parse_text

        if response.status != 200:
            raise FetchError(f"HTTP {response.status}")
        try:
            document = parse_text(response.text(), url)
        except ApigenError as error:
            raise FetchError(f"unreadable: {error.message}") from None
        if not isinstance(document, dict) or not ("openapi" in document or "swagger" in document):
            raise FetchError("not an OpenAPI document")
        return response.body

    def export_name(self, task: Task, response: Response) -> str:
        suffix = ".json" if response.body.lstrip()[:1] == b"{" else ".yaml"
        return f"{task.stem}.openapi{suffix}"

    @staticmethod
    def validators(response: Response, url: str) -> dict[str, Any]:
        entry: dict[str, Any] = {"fetched": url}
        if response.headers.get("etag"):
            entry["etag"] = response.headers["etag"]
        if response.headers.get("last-modified"):
            entry["last_modified"] = response.headers["last-modified"]
        return entry

    @classmethod
    def export_entry(cls, response: Response, url: str) -> dict[str, Any]:
        entry = cls.validators(response, url)
        entry["url"] = entry.pop("fetched")
        return entry

    def no_endpoint(self, file: str, data: bytes, url: str) -> str:
        """Why ingest finds no endpoint on the page ("" when it finds one): ingest is the judge."""
        from generator.ingest.read import read_page

        assert self.scratch is not None
        folder = self.scratch / threading.current_thread().name
        folder.mkdir(exist_ok=True)
        path = folder / file
        path.write_bytes(data)
        try:
            read_page(path, file, shown=url)
        except ApigenError as error:
            return f"no endpoint: {error.message}" if "endpoint" not in error.message else error.message
        finally:
            path.unlink()
        return ""

    # -- writing -------------------------------------------------------------------------------------------
    def keep(self, key: str, entry: dict[str, Any]) -> None:
        with self.lock:
            self.state.pages[key] = {k: v for k, v in entry.items() if v is not None}

    def store(self, file: str, data: bytes) -> str:
        path = self.folder / file
        before = path.read_bytes() if path.is_file() else None
        if before == data:
            return "unchanged"
        if not self.dry_run:
            write_atomic(path, data)
        return "new" if before is None else "changed"

    def remove(self, file: str) -> None:
        if not self.dry_run:
            (self.folder / file).unlink(missing_ok=True)

    # -- gone pages ----------------------------------------------------------------------------------------
    def settle_gone(self, tasks: list[Task], results: list[PageResult]) -> list[PageResult]:
        """Gone pages get a strike; the second in a row removes the stored copy. Rewrites the `gone` results
        in place and returns the results of known pages no longer listed at all."""
        planned = {t.key for t in tasks}
        for index, result in enumerate(results):
            if result.outcome == "gone" and result.url in planned:
                results[index] = self.strike(result.url, result)
        unlisted = []
        sites = {s.url for s in self.sources.sites}
        for key in sorted(set(self.old.pages) - planned - self.unchecked):
            entry = self.old.pages[key]
            where = "no longer listed by the site" if entry.get("origin") in sites else "no longer in sources.yaml"
            unlisted.append(self.strike(key, PageResult(self.service, key, entry.get("file"), "gone", where)))
        return unlisted

    def strike(self, key: str, result: PageResult) -> PageResult:
        entry = self.state.pages.get(key) or self.old.pages.get(key) or {}
        file = entry.get("file") or result.file
        if not file or not (self.folder / str(file)).is_file():
            with self.lock:
                self.state.pages.pop(key, None)
            return replace(result, file=None, quiet=True, detail=f"{result.detail}; nothing stored")
        strikes = int(self.old.pages.get(key, {}).get("gone") or 0) + 1
        if strikes >= GONE_STRIKES:
            self.remove(str(file))
            with self.lock:
                self.state.pages.pop(key, None)
            return replace(result, file=str(file), outcome="removed",
                           detail=f"{result.detail}; gone on {strikes} fetches in a row")
        self.keep(key, {**entry, "file": file, "origin": entry.get("origin", "pages"), "gone": strikes})
        return replace(result, file=str(file),
                       detail=f"{result.detail}; stored copy kept, removed if still gone on the next fetch")


def fetch_service(sources_dir: Path, service: str, timeout: float = 20.0, client: httpx.Client | None = None,
                  dry_run: bool = False, limits: Limits | None = None) -> list[PageResult]:
    """Fetch every page of one service; never raises for a failing URL (see PageResult)."""
    run = FetchRun(replace(limits or Limits(), timeout=timeout), dry_run=dry_run, client=client)
    try:
        return run.service(sources_dir, service)
    finally:
        run.close()


def services_with_sources(sources_dir: Path) -> list[str]:
    if not sources_dir.is_dir():
        return []
    return sorted(p.name for p in sources_dir.iterdir() if (p / SOURCES_FILE).is_file())


def summary(results: list[PageResult]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for result in results:
        counts[result.outcome] = counts.get(result.outcome, 0) + 1
    return counts

