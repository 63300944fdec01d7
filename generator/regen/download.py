"""Bounded, polite HTTP GETs for `apigen fetch`: one place for every limit a doc site must not break.

Why not `client.get(url)`: a doc URL is untrusted. Its body is streamed and counted *after* decoding
(gzip/deflate are decoded here, chunk by chunk with a bounded output, so a 1 MB gzip bomb never becomes
1 GiB in memory); a body over the page limit is dropped with one line naming the URL. Redirects are
followed by hand, and only within the page's own origin (scheme, host and port), so a page cannot send
the fetcher to another host or port. Requests to one host are spaced by a delay (and robots.txt's
Crawl-delay), the whole run has a byte budget and a deadline, and robots.txt is honoured for crawled pages.
"""

from __future__ import annotations

import math
import threading
import time
import urllib.robotparser
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from generator import __version__

KIB = 1024
MIB = 1024 * KIB
MAX_REDIRECTS = 5
ROBOTS_MAX_BYTES = 512 * KIB
MAX_CRAWL_DELAY = 10.0
SLOW_FACTOR = 3  # a whole download may take this many request timeouts, however steadily bytes trickle in


class FetchError(Exception):
    """A URL that could not be fetched; the message is the reason, worded for one report line."""


class OutOfBudget(FetchError):
    """The run's time or byte budget is spent: the remaining pages are left for the next fetch."""


def size_text(size: int) -> str:
    if size >= MIB and size % MIB == 0 or size >= 10 * MIB:
        return f"{size // MIB} MiB"
    if size >= KIB:
        return f"{size // KIB} KiB"
    return f"{size} bytes"


def origin(url: str) -> tuple[str, str, int | None] | None:
    """(scheme, host, port) with the default port filled in; None for what is not an http(s) URL."""
    try:
        parts = urlsplit(str(url))
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.scheme, parts.hostname, port or {"http": 80, "https": 443}[parts.scheme]


@dataclass
class Limits:
    """Bounds of one fetch run (sources.yaml keys and CLI flags of the same names)."""

    concurrency: int = 4
    delay: float = 0.1  # seconds between two requests to one host
    max_pages: int = 1000  # discovered pages fetched per site
    max_page_bytes: int = 8 * MIB  # one decoded body
    max_bytes: int = 512 * MIB  # all decoded bodies of the run
    time_budget: float = 900.0  # seconds for the whole run
    crawl_depth: int = 3  # link hops from the start page when a site has no index
    timeout: float = 20.0  # seconds per request


@dataclass
class Response:
    """A finished GET: the final URL (after same-origin redirects), status, headers and decoded body."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes

    @property
    def content_type(self) -> str:
        return str(self.headers.get("content-type", "")).split(";")[0].strip().lower()

    def text(self) -> str:
        charset = str(httpx.Response(200, headers=self.headers).charset_encoding or "utf-8")
        try:
            return self.body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            return self.body.decode("utf-8", "replace")


class _Decoder:
    """Content-Encoding decoding with a bounded output per step (zlib's max_length), so the decoded size is
    counted before it is held in memory."""

    def __init__(self, encoding: str, url: str, limit: int) -> None:
        encoding = encoding.strip().lower()
        if encoding in ("", "identity"):
            self.zlib = None
        elif encoding in ("gzip", "x-gzip"):
            self.zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self.zlib = zlib.decompressobj()
            self.raw_deflate = True
        else:
            raise FetchError(f"unsupported Content-Encoding {encoding!r}")
        self.url = url
        self.limit = limit
        self.size = 0
        self.started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self.zlib is None:
            yield self.count(data)
            return
        if not self.started and getattr(self, "raw_deflate", False):
            self.started = True
            try:  # some servers send raw deflate without the zlib header
                probe = zlib.decompressobj()
                probe.decompress(data[:2])
            except zlib.error:
                self.zlib = zlib.decompressobj(-zlib.MAX_WBITS)
        pending = data
        while pending:
            try:
                out = self.zlib.decompress(pending, 256 * KIB)
            except zlib.error as error:
                raise FetchError(f"corrupt compressed body ({error})") from None
            yield self.count(out)
            pending = self.zlib.unconsumed_tail

    def finish(self) -> Iterator[bytes]:
        """What the decoder still holds once the body has ended."""
        if self.zlib is not None:
            try:
                rest = self.zlib.flush()
            except zlib.error as error:
                raise FetchError(f"corrupt compressed body ({error})") from None
            yield self.count(rest)

    def count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self.limit:
            what = "decoded body" if self.zlib is not None else "body"
            raise FetchError(f"{what} over the {size_text(self.limit)} page limit")
        return data


def crawl_delay(robots: str) -> float:
    """The Crawl-delay robots.txt asks of apigen (its own group or `*`), decimals allowed (urllib's parser
    reads whole seconds only)."""
    agents: list[str] = []
    delay = 0.0
    in_rules = False
    for raw in robots.splitlines():
        line = raw.split("#", 1)[0].strip()
        key, _, value = line.partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "user-agent":
            if in_rules:
                agents, in_rules = [], False
            agents.append(value.lower())
        elif key:
            in_rules = True
            if key == "crawl-delay" and any(a == "*" or "apigen" in a for a in agents):
                try:
                    delay = max(delay, float(value))
                except ValueError:
                    continue
    return delay if math.isfinite(delay) and delay > 0 else 0.0


@dataclass
class _Robots:
    parser: urllib.robotparser.RobotFileParser | None  # None: robots.txt unavailable, nothing allowed
    delay: float
    reason: str = ""


def new_client() -> httpx.Client:
    """The HTTP client of a fetch: redirects are followed by `Downloader.get` (same origin only), bodies are
    decoded by `_Decoder` (bounded), timeouts are given per request."""
    return httpx.Client(follow_redirects=False, headers={"User-Agent": f"apigen/{__version__} (+doc fetch)",
                                                         "Accept-Encoding": "gzip, deflate"})


@dataclass
class Budget:
    """What the whole run has spent (shared by the services of one `apigen fetch`)."""

    start: float = field(default_factory=time.monotonic)
    bytes: int = 0


@dataclass
class Downloader:
    """Shared by every worker thread of one service's fetch (httpx.Client is thread-safe)."""

    limits: Limits = field(default_factory=Limits)
    client: httpx.Client | None = None
    budget: Budget = field(default_factory=Budget)

    def __post_init__(self) -> None:
        self.own_client = self.client is None
        self.http = self.client or new_client()
        self.deadline = self.budget.start + self.limits.time_budget
        self.requests = 0
        self.lock = threading.Lock()
        self.next_slot: dict[str, float] = {}
        self.gates: dict[str, threading.Lock] = {}
        self.host_delay: dict[str, float] = {}
        self.robots: dict[tuple[str, str, int | None] | None, _Robots] = {}
        self.robots_lock = threading.Lock()

    def close(self) -> None:
        if self.own_client:
            self.http.close()

    # -- politeness ----------------------------------------------------------------------------------------
    def _wait_turn(self, host: str) -> None:
        """Space requests to one host by the delay (measured from when the last one was let go); raise
        OutOfBudget past the deadline or the byte budget."""
        with self.lock:
            gate = self.gates.setdefault(host, threading.Lock())
        with gate:  # one waiter per host at a time, so the spacing holds whatever the concurrency
            with self.lock:
                now = time.monotonic()
                if now >= self.deadline:
                    raise OutOfBudget(f"time budget of {self.limits.time_budget:g} s spent; "
                                      "left for the next fetch")
                if self.budget.bytes >= self.limits.max_bytes:
                    raise OutOfBudget(f"byte budget of {size_text(self.limits.max_bytes)} spent; "
                                      "left for the next fetch")
                wait = self.next_slot.get(host, 0.0) - now
            if wait > 0:
                time.sleep(wait)
            with self.lock:
                delay = max(self.limits.delay, self.host_delay.get(host, 0.0))
                self.next_slot[host] = time.monotonic() + delay
                self.requests += 1

    def allowed(self, url: str) -> tuple[bool, str]:
        """robots.txt's verdict for apigen on `url` (fetched once per origin): (allowed, reason if not)."""
        key = origin(url)
        with self.robots_lock:
            robots = self.robots.get(key)
            if robots is None:
                robots = self._read_robots(url)
                self.robots[key] = robots
        if robots.parser is None:
            return False, robots.reason
        if robots.parser.can_fetch("apigen", url):
            return True, ""
        return False, "disallowed by robots.txt"

    def _read_robots(self, url: str) -> _Robots:
        robots_url = str(httpx.URL(url).copy_with(path="/robots.txt", query=None, fragment=None))
        try:
            response = self.get(robots_url, max_bytes=ROBOTS_MAX_BYTES)
        except OutOfBudget:
            raise
        except FetchError as error:
            return _Robots(None, 0.0, f"robots.txt unavailable ({error}); not fetched")
        if 400 <= response.status < 500:
            everything = urllib.robotparser.RobotFileParser()  # no robots.txt: everything allowed
            everything.allow_all = True  # type: ignore[attr-defined]  # the documented switch, not in typeshed
            return _Robots(everything, 0.0)
        if response.status >= 500:
            return _Robots(None, 0.0, f"robots.txt unavailable (HTTP {response.status}); not fetched")
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(response.text().splitlines())
        delay = min(crawl_delay(response.text()), MAX_CRAWL_DELAY)
        with self.lock:
            host = httpx.URL(url).host
            self.host_delay[host] = max(self.host_delay.get(host, 0.0), delay)
            self.next_slot[host] = max(self.next_slot.get(host, 0.0), time.monotonic() + delay)
        return _Robots(parser, delay)

    # -- GET -----------------------------------------------------------------------------------------------
    def get(self, url: str, headers: dict[str, str] | None = None, max_bytes: int | None = None) -> Response:
        """GET with same-origin redirects; raises FetchError (network, redirect, size) or OutOfBudget.

        Any status is returned (the caller decides what 304, 404 or 500 mean)."""
        limit = min(max_bytes or self.limits.max_page_bytes, self.limits.max_page_bytes)
        home = origin(url)
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            response = self._get_once(current, headers or {}, limit)
            if response.status in (301, 302, 303, 307, 308) and response.headers.get("location"):
                target = str(httpx.URL(current).join(response.headers["location"]))
                if home is None or origin(target) != home:
                    raise FetchError(f"redirect to {target} not followed (another host)")
                current = target
                continue
            return response
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    def _get_once(self, url: str, headers: dict[str, str], limit: int) -> Response:
        parsed = httpx.URL(url)
        if parsed.scheme not in ("http", "https"):
            raise FetchError(f"not an http(s) URL: {url}")
        self._wait_turn(parsed.host)
        remaining = max(self.deadline - time.monotonic(), 0.1)
        timeout = httpx.Timeout(min(self.limits.timeout, remaining))
        try:
            with self.http.stream("GET", url, headers=headers, timeout=timeout) as stream:
                declared = stream.headers.get("content-length", "")
                encoding = stream.headers.get("content-encoding", "")
                if declared.isdigit() and not encoding and int(declared) > limit and stream.status_code < 300:
                    raise FetchError(f"body of {size_text(int(declared))} over the {size_text(limit)} "
                                     "page limit")
                decoder = _Decoder(encoding, url, limit)
                parts: list[bytes] = []
                slowest = time.monotonic() + SLOW_FACTOR * self.limits.timeout  # a server dripping bytes
                for raw in stream.iter_raw():  # as the network delivers it (a chunk size would wait to fill)
                    parts.extend(decoder.feed(raw))
                    now = time.monotonic()
                    if now > self.deadline:
                        raise OutOfBudget(f"time budget of {self.limits.time_budget:g} s spent during the "
                                          "download; left for the next fetch")
                    if now > slowest:
                        raise FetchError(f"timed out (body still coming after {SLOW_FACTOR * self.limits.timeout:g} s)")
                parts.extend(decoder.finish())
                body = b"".join(parts)
                with self.lock:
                    self.budget.bytes += len(body)
                return Response(str(stream.url), stream.status_code, stream.headers, body)
        except httpx.TimeoutException:
            raise FetchError("timed out") from None
        except httpx.ConnectError as error:
            raise FetchError(f"cannot connect: {error}") from None
        except httpx.HTTPError as error:
            raise FetchError(str(error) or type(error).__name__) from None
