"""`fetch-state.json`: what the last fetch saw of each page, so the next one asks only for changes.

    {"version": 2,
     "pages": {"<page URL>": {"file": "create-image.md", "sha256": "...", "etag": "...", "last_modified": "...",
                              "fetched": "<URL actually downloaded, e.g. the .md form>",
                              "origin": "pages" | "<site URL>",
                              "export": {"url": ..., "etag": ...},     # when an OpenAPI export is stored
                              "skipped": "no endpoint ...",            # fetched, but documents no endpoint
                              "gone": 1}},                             # missing on the last fetch(es)
     "sites": {"<site URL>": {"method": "llms.txt" | "sitemap" | "links", "markdown": true}}}

Version 1 (a flat map of URL -> {file, sha256, etag, last_modified, export}) is read too. The file is
written through a temporary file and a rename, so it is always the old or the new state, never half.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from generator.regen.fetch_sources import SOURCES_FILE, STATE_FILE

VERSION = 2
_PLAIN_NAME = re.compile(r"^[0-9A-Za-z_-][0-9A-Za-z._-]*$")


def _safe(entry: dict[str, Any]) -> bool:
    """A stored file name must be a plain name in the service folder: the state is read back from disk and
    names files to overwrite and delete, so `../x` or `sources.yaml` is never taken from it."""
    file = entry.get("file")
    return file is None or (isinstance(file, str) and bool(_PLAIN_NAME.match(file))
                            and file not in (SOURCES_FILE, STATE_FILE))


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename, so an interrupted fetch never leaves half a file."""
    temp = path.with_name(f".{path.name}.part")
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    finally:
        if temp.exists():
            temp.unlink()


class FetchState:
    def __init__(self, pages: dict[str, dict[str, Any]] | None = None,
                 sites: dict[str, dict[str, Any]] | None = None) -> None:
        self.pages = pages or {}
        self.sites = sites or {}

    @classmethod
    def read(cls, folder: Path) -> FetchState:
        """The saved state; an unreadable or damaged file is an empty state (everything is fetched again)."""
        try:
            data = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        if data.get("version") == VERSION:
            pages = data["pages"] if isinstance(data.get("pages"), dict) else {}
            sites = data["sites"] if isinstance(data.get("sites"), dict) else {}
            return cls({k: v for k, v in pages.items() if isinstance(v, dict) and _safe(v)},
                       {k: v for k, v in sites.items() if isinstance(v, dict)})
        return cls._from_v1(data)

    @classmethod
    def _from_v1(cls, data: dict[str, Any]) -> FetchState:
        entries = {k: dict(v) for k, v in data.items() if isinstance(v, dict)}
        exports = {v["export"] for v in entries.values() if isinstance(v.get("export"), str)}
        pages: dict[str, dict[str, Any]] = {}
        for url, entry in entries.items():
            if url in exports:
                continue
            entry.setdefault("origin", "pages")
            if isinstance(entry.get("export"), str):
                export = entries.get(entry["export"], {})
                entry["export"] = {"url": entry["export"], **{k: export[k] for k in ("etag", "last_modified")
                                                              if k in export}}
                entry["file"] = export.get("file") or entry.get("file")
            if _safe(entry):
                pages[url] = entry
        return cls(pages)

    def to_json(self) -> str:
        data = {"version": VERSION, "pages": dict(sorted(self.pages.items())),
                "sites": dict(sorted(self.sites.items()))}
        return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"

    def save(self, folder: Path) -> None:
        write_atomic(folder / STATE_FILE, self.to_json().encode("utf-8"))
