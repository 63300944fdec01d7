"""Download a service's doc pages: `specs/sources/<service>/sources.yaml` -> stored pages.

`sources.yaml` lists the pages (a plain URL, or a mapping with the file name to store it as):

    pages:
      - https://docs.example.com/api/create-image          # stored as create-image.txt
      - url: https://docs.example.com/api/get-task
        file: get-task.txt
        openapi: never                                     # do not follow an OpenAPI export link

Requests are conditional (If-None-Match from the last ETag, If-Modified-Since from the last
Last-Modified), with that state in `fetch-state.json` beside it. HTML is turned into text
(`generator.regen.html_text`); JSON, YAML, Markdown and plain text are stored as they come. When an HTML
page links an OpenAPI export (Apifox pages do), the export is downloaded and stored instead of the page
text, as `<stem>.openapi.json` (or `.yaml`). A page that fails (HTTP error, timeout, refused connection)
is reported and its stored copy kept; the others are still fetched and stored.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from generator import __version__
from generator.errors import ApigenError

SOURCES_FILE = "sources.yaml"
STATE_FILE = "fetch-state.json"
PAGE_SUFFIXES = {".txt", ".md", ".mdx", ".html", ".htm", ".json", ".yaml", ".yml"}


@dataclass(frozen=True)
class PageSource:
    """One entry of sources.yaml."""

    url: str
    file: str | None  # None: named after the URL once the content type is known
    follow_openapi: bool = True


@dataclass
class PageResult:
    """What happened to one page: `new`, `changed`, `unchanged` or `failed`."""

    service: str
    url: str
    file: str | None
    outcome: str
    detail: str = ""

    def line(self) -> str:
        name = self.file or "(not stored)"
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.service}: {name}: {self.outcome}{detail} <- {self.url}"


def read_sources(folder: Path) -> list[PageSource]:
    """Parse sources.yaml; any problem names the file and entry."""
    import yaml

    path = folder / SOURCES_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ApigenError(f"cannot read: {error.strerror}", file=path) from None
    except yaml.YAMLError as error:
        raise ApigenError(f"not valid YAML: {error}", file=path) from None
    entries = data.get("pages") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise ApigenError("expected a list of pages (`pages:` with one URL or {url, file} per item)", file=path)
    pages: list[PageSource] = []
    for index, entry in enumerate(entries):
        where = f"pages[{index}]"
        if isinstance(entry, str):
            entry = {"url": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
            raise ApigenError("expected a URL or a mapping with `url`", file=path, where=where)
        url = entry["url"].strip()
        if not url.startswith(("http://", "https://")):
            raise ApigenError(f"not an http(s) URL: {url!r}", file=path, where=where)
        file = entry.get("file")
        if file is not None:
            file = str(file)
            if "/" in file or "\\" in file or file.startswith(".") or Path(file).suffix.lower() not in PAGE_SUFFIXES:
                raise ApigenError(f"file {file!r} must be a plain name ending in one of "
                                  f"{', '.join(sorted(PAGE_SUFFIXES))}", file=path, where=where)
            if file in (SOURCES_FILE, STATE_FILE):
                raise ApigenError(f"file {file!r} is reserved", file=path, where=where)
        follow = str(entry.get("openapi", "auto")).lower() != "never"
        pages.append(PageSource(url=url, file=file, follow_openapi=follow))
    return pages


def read_state(folder: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename, so an interrupted fetch never leaves half a page."""
    temp = path.with_name(f".{path.name}.part")
    temp.write_bytes(data)
    os.replace(temp, path)


def _slug(url: str) -> str:
    path = httpx.URL(url).path.rstrip("/")
    last = path.rsplit("/", 1)[-1] or httpx.URL(url).host or "page"
    stem = re.sub(r"\.(html?|php|aspx?)$", "", last, flags=re.IGNORECASE)
    return re.sub(r"[^0-9A-Za-z._-]+", "-", stem).strip("-.") or "page"


def _kind(response: httpx.Response, url: str) -> str:
    """`html`, `json`, `yaml`, `md` or `txt`, from the content type, else the URL's suffix."""
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
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


def _text(response: httpx.Response) -> str:
    try:
        return response.content.decode(response.encoding or "utf-8")
    except (LookupError, UnicodeDecodeError):
        return response.content.decode("utf-8", "replace")


class Fetcher:
    """Fetches the pages of one service folder with one HTTP client."""

    def __init__(self, client: httpx.Client, service: str, folder: Path) -> None:
        self.client = client
        self.service = service
        self.folder = folder
        self.state = read_state(folder)
        self.new_state: dict[str, dict[str, str]] = {}

    def get(self, url: str) -> httpx.Response:
        """A conditional GET when the last copy is still on disk; raises httpx errors and HTTP >= 400."""
        headers: dict[str, str] = {}
        known = self.state.get(url) or {}
        if known.get("file") and (self.folder / known["file"]).is_file():
            if known.get("etag"):
                headers["If-None-Match"] = known["etag"]
            if known.get("last_modified"):
                headers["If-Modified-Since"] = known["last_modified"]
        response = self.client.get(url, headers=headers)
        if response.status_code >= 400:
            raise httpx.HTTPStatusError(f"HTTP {response.status_code} {response.reason_phrase}".strip(),
                                        request=response.request, response=response)
        return response

    def remember(self, url: str, response: httpx.Response, file: str, data: bytes) -> None:
        entry = {"file": file, "sha256": hashlib.sha256(data).hexdigest()}
        if response.headers.get("etag"):
            entry["etag"] = response.headers["etag"]
        if response.headers.get("last-modified"):
            entry["last_modified"] = response.headers["last-modified"]
        self.new_state[url] = entry

    def store(self, file: str, data: bytes) -> str:
        path = self.folder / file
        before = path.read_bytes() if path.is_file() else None
        if before == data:
            return "unchanged"
        write_atomic(path, data)
        return "new" if before is None else "changed"

    def fetch(self, page: PageSource) -> list[PageResult]:
        known = self.state.get(page.url) or {}
        try:
            response = self.get(page.url)
        except httpx.HTTPError as error:
            return [self.failed(page.url, known.get("file") or page.file, error)]
        stem = Path(page.file).stem if page.file else _slug(page.url)
        if response.status_code == 304:
            self.new_state[page.url] = known
            export = known.get("export")
            if export:  # the page is the same, but its OpenAPI export may have moved on
                return self.fetch_export(export, stem)
            return [PageResult(self.service, page.url, known.get("file"), "unchanged", "304 Not Modified")]
        kind = _kind(response, page.url)
        if kind == "html":
            html = _text(response)
            if page.follow_openapi:
                from generator.regen.html_text import openapi_export_link

                link = openapi_export_link(html)
                if link:
                    export_url = str(response.url.join(link))
                    results = self.fetch_export(export_url, stem)
                    if results[0].outcome != "failed":
                        self.remember(page.url, response, results[0].file or "", b"")
                        self.new_state[page.url]["export"] = export_url
                        return results
                    # the export failed: fall back to the page text, still reporting the failure
                    return [*results, self.store_page(page, response, stem, html)]
            return [self.store_page(page, response, stem, html)]
        suffix = {"json": ".json", "yaml": ".yaml", "md": ".md"}.get(kind, ".txt")
        file = page.file or f"{stem}{suffix}"
        data = response.content
        self.remember(page.url, response, file, data)
        return [PageResult(self.service, page.url, file, self.store(file, data))]

    def store_page(self, page: PageSource, response: httpx.Response, stem: str, html: str) -> PageResult:
        from generator.regen.html_text import html_to_text

        file = page.file or f"{stem}.txt"
        data = f"source: {page.url}\n\n{html_to_text(html)}".encode()
        self.remember(page.url, response, file, data)
        return PageResult(self.service, page.url, file, self.store(file, data))

    def fetch_export(self, url: str, stem: str) -> list[PageResult]:
        """Download a linked OpenAPI export; it must parse as an OpenAPI or Swagger document."""
        known = self.state.get(url) or {}
        try:
            response = self.get(url)
        except httpx.HTTPError as error:
            return [self.failed(url, known.get("file"), error, "OpenAPI export")]
        if response.status_code == 304:
            self.new_state[url] = known
            return [PageResult(self.service, url, known.get("file"), "unchanged", "OpenAPI export, 304")]
        from generator.spec.io import parse_text

        text = _text(response)
        try:
            document = parse_text(text, url)
        except ApigenError as error:
            return [PageResult(self.service, url, None, "failed", f"OpenAPI export unreadable: {error.message}")]
        if not isinstance(document, dict) or not ("openapi" in document or "swagger" in document):
            return [PageResult(self.service, url, None, "failed", "OpenAPI export is not an OpenAPI document")]
        suffix = ".json" if text.lstrip().startswith("{") else ".yaml"
        file = f"{stem}.openapi{suffix}"
        data = response.content
        self.remember(url, response, file, data)
        return [PageResult(self.service, url, file, self.store(file, data), "OpenAPI export")]

    def failed(self, url: str, file: str | None, error: httpx.HTTPError, what: str = "") -> PageResult:
        if url in self.state:
            self.new_state[url] = self.state[url]  # keep the last good state with the stored copy
        if isinstance(error, httpx.TimeoutException):
            reason = "timed out"
        elif isinstance(error, httpx.ConnectError):
            reason = f"cannot connect: {error}"
        else:
            reason = str(error) or type(error).__name__
        kept = "stored copy kept" if file and (self.folder / file).is_file() else "nothing stored"
        prefix = f"{what}: " if what else ""
        return PageResult(self.service, url, file, "failed", f"{prefix}{reason}; {kept}")

    def save_state(self) -> None:
        data = json.dumps(dict(sorted(self.new_state.items())), indent=1, sort_keys=True, ensure_ascii=False)
        write_atomic(self.folder / STATE_FILE, (data + "\n").encode("utf-8"))


def fetch_service(sources_dir: Path, service: str, timeout: float = 20.0,
                  client: httpx.Client | None = None) -> list[PageResult]:
    """Fetch every page listed for one service; never raises for a failing URL (see PageResult)."""
    folder = sources_dir / service
    pages = read_sources(folder)
    own = client is None
    http = client or httpx.Client(timeout=timeout, follow_redirects=True,
                                  headers={"User-Agent": f"apigen/{__version__} (+doc fetch)"})
    try:
        fetcher = Fetcher(http, service, folder)
        results: list[PageResult] = []
        for page in pages:
            results += fetcher.fetch(page)
        fetcher.save_state()
        return results
    finally:
        if own:
            http.close()


def services_with_sources(sources_dir: Path) -> list[str]:
    if not sources_dir.is_dir():
        return []
    return sorted(p.name for p in sources_dir.iterdir() if (p / SOURCES_FILE).is_file())


def summary(results: list[PageResult]) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for result in results:
        counts[result.outcome] = counts.get(result.outcome, 0) + 1
    return counts
