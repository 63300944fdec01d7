"""Finding the endpoint pages of a doc site: `llms.txt`, else `sitemap.xml`, else a bounded crawl of links.

Mintlify and Apifox sites publish `llms.txt` (Markdown links to every page, usually to its `.md` form);
most sites have a sitemap (possibly an index of sitemaps); a site with neither is crawled from its start
page, same origin and under the start page's path only, a few link hops deep. Only URLs on the site's own
origin are kept, so an index cannot point the fetcher elsewhere. Which of the found pages document an
endpoint is decided later, by the ingest stage (see `generator.regen.fetch`).

The sitemap is read with a regular expression over `<loc>` elements rather than an XML parser: nothing
is expanded (no entities, no DTD), so a hostile sitemap cannot grow in memory.
"""

from __future__ import annotations

import fnmatch
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit

from generator.regen.download import Downloader, FetchError, OutOfBudget, Response, origin

MAX_SITEMAPS = 20
_MD_LINK = re.compile(r"\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>", re.IGNORECASE)
_EXPORT = re.compile(r"(openapi|swagger)[^/?#]*\.(json|ya?ml)$", re.IGNORECASE)
_SKIP_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".ico", ".css", ".js", ".pdf", ".zip",
                  ".woff", ".woff2", ".ttf", ".mp4", ".xml", ".rss")


@dataclass
class Found:
    """One discovered page: its URL (the page itself, `.md` removed) and the URL it was listed as."""

    url: str
    listed: str
    response: Response | None = None  # already downloaded while crawling
    error: FetchError | None = None  # already failed while crawling (reported as that page's failure)


@dataclass
class Discovery:
    """What a site offered. `complete` is False when the index could not be read this time: then no page
    may be judged gone (a flaky site must not delete half an SDK)."""

    method: str = ""  # llms.txt | sitemap | links
    pages: list[Found] = field(default_factory=list)
    export: str | None = None  # a whole-site OpenAPI export listed by the index
    complete: bool = True
    error: str = ""
    notes: list[str] = field(default_factory=list)


def page_url(url: str) -> str:
    """The page a listed URL stands for: `https://x/api-1.md` -> `https://x/api-1` (fragment dropped).

    URLs are handled with urllib.parse here, not httpx.URL: an index lists thousands, and httpx's parser
    is some 50 times slower."""
    parts = urlsplit(url)
    path = parts.path
    if path.lower().endswith((".md", ".mdx")):
        path = path.rsplit(".", 1)[0]
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


def markdown_url(url: str) -> str:
    """The `.md` form Mintlify and Apifox serve beside each page."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/") or "/index"
    return urlunsplit((parts.scheme, parts.netloc, f"{path}.md", parts.query, ""))


def _path(url: str) -> str:
    return urlsplit(url).path


def matches(url: str, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    """Glob patterns over the whole URL, or over its path when the pattern starts with `/`."""
    path = _path(url)

    def hit(pattern: str) -> bool:
        return fnmatch.fnmatchcase(path if pattern.startswith("/") else url, pattern)

    if include and not any(hit(p) for p in include):
        return False
    return not any(hit(p) for p in exclude)


def llms_links(text: str, base: str) -> list[str]:
    return [urljoin(base, html.unescape(m[1])) for m in _MD_LINK.finditer(text)]


def sitemap_locs(text: str, base: str) -> tuple[list[str], bool]:
    """The `<loc>` URLs and whether the document is a sitemap index (its locs are more sitemaps)."""
    index = "<sitemapindex" in text[:2000].lower()
    return [urljoin(base, html.unescape(m[1])) for m in _LOC.finditer(text)], index


def html_links(text: str, base: str) -> list[str]:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(text)
    links = []
    for anchor in tree.css("a[href]"):
        href = (anchor.attributes.get("href") or "").strip()
        if href and not href.startswith(("#", "mailto:", "javascript:", "tel:")):
            try:
                links.append(urldefrag(urljoin(base, href)).url)
            except ValueError:
                continue
    return links


def _is_index_text(response: Response) -> bool:
    return response.status == 200 and "html" not in response.content_type and bool(response.body.strip())


class SiteDiscovery:
    """Runs the three discovery methods in order for one site."""

    def __init__(self, site: str, downloader: Downloader, max_pages: int, crawl_depth: int,
                 fetch_many: Callable[[list[str]], list[Response | FetchError]]) -> None:
        self.site = site.rstrip("/") if _path(site) not in ("", "/") else site
        self.home = origin(site)
        self.dl = downloader
        self.max_pages = max_pages
        self.crawl_depth = crawl_depth
        self.fetch_many = fetch_many
        parts = urlsplit(site)
        self.root = urlunsplit((parts.scheme, parts.netloc, "/", "", ""))

    def own(self, url: str) -> bool:
        return origin(url) == self.home

    def candidates(self, name: str) -> list[str]:
        first = urljoin(self.site.rstrip("/") + "/", name)
        second = urljoin(self.root, name)
        return [first] if first == second else [first, second]

    def get_index(self, url: str) -> Response | None:
        """The index document, None when absent (404 and the like); FetchError when it failed."""
        if not self.dl.allowed(url)[0]:
            return None
        response = self.dl.get(url)
        if response.status >= 500 or response.status == 429:
            raise FetchError(f"HTTP {response.status}")
        return response if _is_index_text(response) else None

    def run(self, previous_method: str = "") -> Discovery:
        found = Discovery()
        failures: list[str] = []
        for method, step in (("llms.txt", self.from_llms), ("sitemap", self.from_sitemap)):
            try:
                urls, export = step()
            except OutOfBudget:
                raise
            except FetchError as error:
                failures.append(f"{method}: {error}")
                if previous_method == method:  # the index used last time is failing: do not switch
                    return Discovery(method=method, complete=False, error="; ".join(failures))
                continue
            if urls or export:
                found.method = method
                found.export = export
                found.pages = self.select(urls, found)
                found.complete = not failures
                found.error = "; ".join(failures)
                return found
        if failures and previous_method in ("llms.txt", "sitemap"):
            return Discovery(method=previous_method, complete=False, error="; ".join(failures))
        crawl = self.crawl()
        crawl.error = "; ".join(failures + ([crawl.error] if crawl.error else []))
        crawl.complete = crawl.complete and not failures
        return crawl

    def select(self, urls: list[str], found: Discovery) -> list[Found]:
        pages: dict[str, Found] = {}
        foreign = 0
        for url in urls:
            if not self.own(url):
                foreign += 1
                continue
            if _path(url).lower().endswith(_SKIP_SUFFIXES):
                continue
            key = page_url(url)
            pages.setdefault(key, Found(key, url))
        if foreign:
            found.notes.append(f"{foreign} link(s) to other hosts ignored")
        return list(pages.values())

    def from_llms(self) -> tuple[list[str], str | None]:
        for url in self.candidates("llms.txt"):
            response = self.get_index(url)
            if response is None:
                continue
            links = [link for link in llms_links(response.text(), url) if link != url]
            exports = [link for link in links if _EXPORT.search(_path(link)) and self.own(link)]
            pages = [link for link in links if link not in exports]
            if pages or exports:
                return pages, (exports[0] if exports else None)
        return [], None

    def from_sitemap(self) -> tuple[list[str], str | None]:
        starts = self.candidates("sitemap.xml")
        robots = self.dl.robots.get(self.home)
        if robots is not None and robots.parser is not None:
            starts += [url for url in robots.parser.site_maps() or [] if self.own(url) and url not in starts]
        for start in starts:
            pages = self.read_sitemap(start)
            if pages:
                return pages, None
        return [], None

    def read_sitemap(self, start: str) -> list[str]:
        """The page URLs of one sitemap, following a sitemap index (at most MAX_SITEMAPS documents)."""
        queue = [start]
        seen: set[str] = set()
        pages: list[str] = []
        while queue and len(seen) < MAX_SITEMAPS:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            response = self.get_index(url)
            if response is None:
                continue
            locs, index = sitemap_locs(response.text(), url)
            if index:
                queue += [loc for loc in locs if self.own(loc) and loc not in seen]
            else:
                pages += locs
        return pages

    def crawl(self) -> Discovery:
        """Breadth-first over links from the start page: same origin, under its path, `crawl_depth` hops."""
        found = Discovery(method="links")
        prefix = _path(self.site).rstrip("/") + "/"
        start = page_url(self.site)
        seen = {start}
        level = [start]
        pages: list[Found] = []
        for depth in range(self.crawl_depth + 1):
            if not level:
                break
            allowed = []
            for url in level:
                ok, _ = self.dl.allowed(url)
                if ok:
                    allowed.append(url)
            replies = self.fetch_many(allowed)
            following: list[str] = []
            for url, reply in zip(allowed, replies, strict=True):
                if isinstance(reply, OutOfBudget):
                    raise reply
                failed = isinstance(reply, FetchError) or reply.status >= 400 and reply.status not in (404, 410)
                if depth == 0 and failed:  # the start page itself: nothing can be judged gone
                    found.complete = False
                    found.error = f"{url}: {reply if isinstance(reply, FetchError) else f'HTTP {reply.status}'}"
                    continue
                if isinstance(reply, FetchError):
                    pages.append(Found(url, url, error=reply))
                    continue
                if reply.status != 200:
                    if failed:
                        pages.append(Found(url, url, reply))
                    continue
                pages.append(Found(url, url, reply))
                if "html" not in reply.content_type or depth == self.crawl_depth:
                    continue
                for link in html_links(reply.text(), reply.url):
                    key = page_url(link)
                    path = _path(key)
                    if (self.own(key) and key not in seen and (path + "/").startswith(prefix)
                            and not path.lower().endswith(_SKIP_SUFFIXES)):
                        seen.add(key)
                        following.append(key)
            room = self.max_pages - len(pages)
            if len(following) > room:
                found.notes.append(f"crawl stopped at max_pages ({self.max_pages})")
                found.complete = False
                following = following[:max(room, 0)]
            level = following
        found.pages = pages
        return found
