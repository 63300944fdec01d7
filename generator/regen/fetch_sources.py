"""`specs/sources/<service>/sources.yaml`: which pages and sites `apigen fetch` follows, and its limits.

    site: https://docs.example.com        # discover every page (llms.txt, else sitemap.xml, else links)
    include: ["/api-reference/*"]         # optional URL patterns (a leading `/` matches the path)
    exclude: ["*changelog*"]
    pages:                                # and/or pages listed one by one
      - https://docs.example.com/api/create-image
      - {url: https://docs.example.com/api/get-task, file: get-task.txt, openapi: never}
    concurrency: 4                        # limits, all optional (the CLI flags of the same names win)
    delay: 0.1
    max_pages: 1000
    max_page_bytes: 8 MiB

`sites:` takes a list of `{url, include, exclude, openapi}` for more than one site. A plain list is read
as `pages:`. Unknown keys are errors, so a typo never silently fetches nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from generator.errors import ApigenError
from generator.regen.download import Limits

SOURCES_FILE = "sources.yaml"
STATE_FILE = "fetch-state.json"
PAGE_SUFFIXES = {".txt", ".md", ".mdx", ".html", ".htm", ".json", ".yaml", ".yml"}
LIMIT_KEYS = {f.name for f in fields(Limits)} - {"timeout"}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|bytes|kb|kib|k|mb|mib|m|gb|gib|g)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "bytes": 1, "k": 1024, "kb": 1000, "kib": 1024, "m": 1024**2, "mb": 1000**2,
          "mib": 1024**2, "g": 1024**3, "gb": 1000**3, "gib": 1024**3}


@dataclass(frozen=True)
class PageSource:
    """One entry of `pages:`."""

    url: str
    file: str | None  # None: named after the URL once the content type is known
    follow_openapi: bool = True


@dataclass(frozen=True)
class SiteSource:
    """One doc site whose endpoint pages are discovered."""

    url: str
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    follow_openapi: bool = True


@dataclass
class Sources:
    pages: list[PageSource] = field(default_factory=list)
    sites: list[SiteSource] = field(default_factory=list)
    limits: dict[str, Any] = field(default_factory=dict)  # only the keys sources.yaml sets


def parse_size(value: Any) -> int | None:
    """`8 MiB`, `500kb`, `1000000` -> bytes; None when not a size."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    match = _SIZE.match(str(value))
    if not match:
        return None
    size = int(float(match[1]) * _UNITS[(match[2] or "").lower()])
    return size if size > 0 else None


def _url(value: Any, path: Path, where: str) -> str:
    if not isinstance(value, str) or not value.strip().startswith(("http://", "https://")):
        raise ApigenError(f"not an http(s) URL: {value!r}", file=path, where=where)
    return value.strip()


def _patterns(value: Any, path: Path, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ApigenError("expected a URL pattern or a list of them", file=path, where=where)
    return tuple(value)


def _follow(value: Any, path: Path, where: str) -> bool:
    text = str(value if value is not None else "auto").lower()
    if text not in ("auto", "never"):
        raise ApigenError(f"openapi: expected `auto` or `never`, not {value!r}", file=path, where=where)
    return text != "never"


def _limit(key: str, value: Any, path: Path) -> Any:
    if key in ("max_page_bytes", "max_bytes"):
        size = parse_size(value)
        if size is None:
            raise ApigenError(f"{key}: expected a size such as 8 MiB, not {value!r}", file=path, where=key)
        return size
    kind = int if key in ("concurrency", "max_pages", "crawl_depth") else float
    try:
        number = kind(value)
    except (TypeError, ValueError):
        number = -1
    if isinstance(value, bool) or number < 0 or (key == "concurrency" and number < 1):
        raise ApigenError(f"{key}: expected a {'positive whole' if kind is int else 'non-negative'} number, "
                          f"not {value!r}", file=path, where=key)
    return number


def _page(entry: Any, path: Path, where: str) -> PageSource:
    if isinstance(entry, str):
        entry = {"url": entry}
    if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
        raise ApigenError("expected a URL or a mapping with `url`", file=path, where=where)
    url = _url(entry["url"], path, where)
    file = entry.get("file")
    if file is not None:
        file = str(file)
        if "/" in file or "\\" in file or file.startswith(".") or Path(file).suffix.lower() not in PAGE_SUFFIXES:
            raise ApigenError(f"file {file!r} must be a plain name ending in one of "
                              f"{', '.join(sorted(PAGE_SUFFIXES))}", file=path, where=where)
        if file in (SOURCES_FILE, STATE_FILE):
            raise ApigenError(f"file {file!r} is reserved", file=path, where=where)
    return PageSource(url=url, file=file, follow_openapi=_follow(entry.get("openapi"), path, where))


def _site(entry: Any, path: Path, where: str, include: Any = None, exclude: Any = None,
          openapi: Any = None) -> SiteSource:
    if isinstance(entry, str):
        entry = {"url": entry}
    if not isinstance(entry, dict):
        raise ApigenError("expected a site URL or a mapping with `url`", file=path, where=where)
    unknown = set(entry) - {"url", "include", "exclude", "openapi"}
    if unknown:
        raise ApigenError(f"unknown key {min(unknown)!r} (expected url, include, exclude, openapi)",
                          file=path, where=where)
    return SiteSource(url=_url(entry.get("url"), path, f"{where}.url"),
                      include=_patterns(entry.get("include", include), path, f"{where}.include"),
                      exclude=_patterns(entry.get("exclude", exclude), path, f"{where}.exclude"),
                      follow_openapi=_follow(entry.get("openapi", openapi), path, where))


def read_sources(folder: Path) -> Sources:
    """Parse sources.yaml; any problem names the file and the entry."""
    import yaml

    path = folder / SOURCES_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ApigenError(f"cannot read: {error.strerror}", file=path) from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ApigenError(f"not valid YAML: {error}", file=path) from None
    if isinstance(data, list):
        data = {"pages": data}
    if not isinstance(data, dict) or not ({"pages", "site", "sites"} & set(data)):
        raise ApigenError("expected `site:` (a doc site to discover) or `pages:` (one URL or {url, file} per "
                          "item)", file=path)
    allowed = {"pages", "site", "sites", "include", "exclude", "openapi"} | LIMIT_KEYS
    unknown = sorted(str(k) for k in set(data) - allowed)
    if unknown:
        raise ApigenError(f"unknown key {unknown[0]!r} (expected {', '.join(sorted(allowed))})", file=path)
    sources = Sources()
    entries = data.get("pages") or []
    if not isinstance(entries, list):
        raise ApigenError("`pages:` must be a list", file=path, where="pages")
    sources.pages = [_page(entry, path, f"pages[{index}]") for index, entry in enumerate(entries)]
    if data.get("site") is not None:
        sources.sites.append(_site(data["site"], path, "site", data.get("include"), data.get("exclude"),
                                   data.get("openapi")))
    elif "include" in data or "exclude" in data:
        raise ApigenError("`include:`/`exclude:` apply to `site:`, which is missing", file=path)
    sites = data.get("sites") or []
    if not isinstance(sites, list):
        raise ApigenError("`sites:` must be a list", file=path, where="sites")
    sources.sites += [_site(entry, path, f"sites[{index}]") for index, entry in enumerate(sites)]
    sources.limits = {key: _limit(key, data[key], path) for key in sorted(LIMIT_KEYS & set(data))}
    return sources
