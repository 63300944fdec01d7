"""What any page shows outside field listings: `POST /path` lines, curl commands, JSON examples, auth, doc links.

This covers the Apifox page text and bullet layouts and prose pages on its own, and gives every other
layout its method, path, servers and examples. A page in no known layout still yields what its curl
commands and JSON examples show.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from typing import Any

from generator.errors import ApigenError
from generator.ingest.curl import Curl, split_url
from generator.ingest.page import JsonBlock, Page
from generator.ingest.sections import BODY, RESPONSE, enclosing, heading, opens_response_body

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
_M = "|".join(METHODS)
_PATH_CHARS = r"[A-Za-z0-9_\-./{}~%:@+$]"
_TARGET = rf"(?:https?://{_PATH_CHARS}+|\{{\{{\s*\w+\s*\}}\}}{_PATH_CHARS}*|/{_PATH_CHARS}*)"
_INLINE = re.compile(rf"(?<![A-Za-z])({_M})[ \t]+`?({_TARGET})")
_LABELLED_PATH = re.compile(rf"(?:路径|接口地址|请求地址|Path|Endpoint|URL)\W{{0,8}}?(?:({_M})\s+)?({_TARGET})")
_LABELLED_METHOD = re.compile(rf"(?:方法|请求方式|请求方法|Method)\W{{0,8}}({_M})\b")
_SEGMENT = re.compile(r"^[A-Za-z0-9_\-.{}~]+$")
_DOC_LINK = re.compile(r"(?:官方文档|官方链接|官网文档|参考文档|Official\s+(?:docs?|documentation)|API\s+docs?)\s*[::]?\s*"
                       r"(https?://[^\s,,。)\"'<>]+)", re.I)
_TEXT_AUTH = [
    (re.compile(r"Authorization\s*[::]?\s*Bearer\b"), "bearer"),
    (re.compile(r"Authorization\s*[::]?\s*Key\b"), "key"),
    (re.compile(r"HTTP\s*\(\s*bearer\s*\)|BearerAuth|\bBearer\s+(?:Token|authentication)", re.I), "bearer"),
]
_FAL_ARGS = re.compile(r"fal_client\.\w+\(\s*[\"']([\w\-./]+)[\"']\s*,\s*arguments\s*=\s*")
_QUEUE_KEYS = {"status_url", "response_url", "cancel_url"}
_AUTH_HEADERS = {"x-api-key", "api-key", "apikey", "x-key", "x-token"}
_PLAIN_HEADERS = {"content-type", "accept", "user-agent", "content-length", "host", "connection", "cookie",
                  "accept-encoding", "authorization"}


@dataclass
class Endpoint:
    """One operation as the page text shows it (before documented fields are merged in)."""

    method: str
    path: str
    servers: list[str] = field(default_factory=list)
    params: list[dict[str, Any]] = field(default_factory=list)
    media: str | None = None
    request_examples: list[Any] = field(default_factory=list)
    form: list[tuple[str, str]] = field(default_factory=list)
    responses: dict[str, list[Any]] = field(default_factory=dict)
    documented: bool = False

    def matches(self, method: str, path: str) -> dict[str, str] | None:
        """Path-parameter values when (method, path) is this endpoint filled in; None when it is not."""
        if method != self.method:
            return None
        pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+?)", re.escape(self.path.rstrip("/")))
        match = re.fullmatch(pattern, path.rstrip("/"))
        if match:
            return match.groupdict()
        suffix = re.search(pattern + "$", path.rstrip("/"))
        return suffix.groupdict() if suffix and self.documented else None


def _clean_target(target: str) -> str:
    target = target.rstrip(".,:;")
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", r"{\1}", target) if not target.startswith("{{") else target


def _statements(page: Page) -> list[tuple[int, str, str]]:
    """(offset, METHOD, url-or-path) for every place the page states an endpoint."""
    found: list[tuple[int, str, str]] = []
    curl_lines = {c.line for c in page.curls}
    for match in _INLINE.finditer(page.text):
        if page.line_of(match.start()) in curl_lines:
            continue
        target = _clean_target(match.group(2))
        if target not in ("/", ""):
            found.append((match.start(), match.group(1), target))
    lines = page.text.split("\n")
    offset = 0
    for index, line in enumerate(lines):
        if line.strip() in METHODS:
            target = _joined_target(lines, index + 1)
            if target:
                found.append((offset, line.strip(), target))
        offset += len(line) + 1
    path = _LABELLED_PATH.search(page.text)
    method = _LABELLED_METHOD.search(page.text)
    if path and (path.group(1) or method):
        found.append((path.start(), path.group(1) or method.group(1), _clean_target(path.group(2))))  # type: ignore[union-attr]
    return sorted(found)


def _joined_target(lines: list[str], start: int) -> str | None:
    """A path a page split over lines (`/`, `v1`, `/`, `images`), up to 3 lines after a method line."""
    for first in range(start, min(start + 3, len(lines))):
        text = lines[first].strip()
        if not re.match(r"^(?:https?://|/|\{\{)", text):
            continue
        parts = [text]
        for line in lines[first + 1:]:
            piece = line.strip()
            if piece == "/" and not parts[-1].endswith("/"):
                parts.append("/")
            elif parts[-1].endswith("/") and _SEGMENT.match(piece):
                parts.append(piece)
            else:
                break
        match = re.match(_TARGET, "".join(parts))
        joined = _clean_target(match.group(0)) if match else ""
        return joined if joined not in ("", "/") or len(parts) > 1 else None
    return None


def classify(page: Page, block: JsonBlock) -> tuple[str, str]:
    """('request'|'response', status) of a JSON example, from the heading above it and curl commands."""
    before = page.text[:block.start].split("\n")
    last_curl_line = max((c.line for c in page.curls if c.end <= block.start), default=0)
    for back, line in enumerate(reversed(before[-40:])):
        line_number = len(before) - back
        if line_number <= last_curl_line:
            return "response", "200"
        found = heading(line)
        if found and found.kind == BODY and opens_response_body(line):
            outer = enclosing(before, line_number - 1)
            if outer and outer[1].kind == RESPONSE:
                return "response", outer[1].status or _status_near(before, outer[0] + 1)
            return "request", ""
        if found and found.kind == RESPONSE:
            return "response", found.status or _status_near(before, len(before) - back)
        if found and found.kind == BODY:
            return "request", ""
        if re.fullmatch(r"\s*(?:请求|Request)\s*", line):
            return "request", ""
    return ("response", "200") if last_curl_line else ("request", "")


def _status_near(lines: list[str], start: int) -> str:
    for line in lines[start:start + 4]:
        found = re.search(r"(?<!\d)([1-5]\d\d)(?!\d)", line)
        if found:
            return found.group(1)
    return "200"


def _python_args(page: Page) -> list[tuple[str, Any]]:
    found = []
    for match in _FAL_ARGS.finditer(page.text):
        text = page.text[match.end():]
        try:
            value, _ = json.JSONDecoder().raw_decode(text)
        except json.JSONDecodeError:
            depth_end = _balanced(text)
            try:
                value = ast.literal_eval(text[:depth_end]) if depth_end else None
            except (ValueError, SyntaxError):
                value = None
        if isinstance(value, dict):
            found.append(("/" + match.group(1).strip("/"), value))
    return found


def _balanced(text: str) -> int | None:
    depth = 0
    for index, ch in enumerate(text):
        depth += ch == "{"
        depth -= ch == "}"
        if depth == 0 and index:
            return index + 1
    return None


def auth_of_curl(curl: Curl) -> tuple[str, str | None] | None:
    """(kind, header name) of the credentials a curl command sends."""
    value = curl.header("Authorization")
    if value is not None:
        word = value.split(" ")[0].lower() if value.strip() else ""
        if word in ("bearer", "key", "basic"):
            return word, "Authorization"
        return "apikey", "Authorization"
    for name, _ in curl.headers:
        if name.lower() in _AUTH_HEADERS:
            return "apikey", name
    return None


def auth_of_text(text: str) -> str | None:
    for pattern, kind in _TEXT_AUTH:
        if pattern.search(text):
            return kind
    return None


_BADGE = re.compile(r"^(?:开发中|测试中|已发布|已完成|已废弃|将废弃|维护中|Developing|Testing|Released|Deprecated|Beta)$",
                    re.I)
_NOT_TITLE = re.compile(r"^(?:[-*•·]\s|skip to|跳转到|https?://|/|\{\{|curl\b|[{\[`|#])", re.I)


def title(page: Page) -> str | None:
    """The operation's title where the page prints it beside a method line standing alone: between the
    method and its path, else the line above the method (a status badge such as 开发中 skipped), else the
    line after a path split over lines (Mintlify)."""
    lines = page.text.split("\n")
    for index, line in enumerate(lines):
        if line.strip() not in METHODS or not _joined_target(lines, index + 1):
            continue
        start = next(i for i in range(index + 1, len(lines)) if re.match(r"^(?:https?://|/|\{\{)", lines[i].strip()))
        between = [text.strip() for text in lines[index + 1:start] if text.strip()]
        if between and _is_title(between[-1]):
            return between[-1]
        above = [text.strip() for text in lines[max(0, index - 3):index] if text.strip()]
        while above and _BADGE.match(above[-1]):
            above.pop()
        if above and _is_title(above[-1]):
            return above[-1]
        after = start + 1
        while after < len(lines) and (not lines[after].strip() or lines[after].strip() == "/"
                                      or _SEGMENT.match(lines[after].strip()) and lines[after - 1].strip() == "/"):
            after += 1
        split = any(text.strip() == "/" for text in lines[start:after])
        if split and after < len(lines) and _is_title(lines[after].strip()):
            return lines[after].strip()
        return None
    return None


def _is_title(text: str) -> bool:
    return (0 < len(text) <= 60 and not _NOT_TITLE.match(text) and heading(text) is None
            and not _BADGE.match(text) and text not in METHODS)


def doc_link(page: Page) -> str | None:
    match = _DOC_LINK.search(page.text)
    return match.group(1).rstrip(".") if match else None


def endpoints(page: Page, examples: bool = True) -> tuple[list[Endpoint], list[str]]:
    """Endpoints the page text shows, the documented one first; warnings for what could not be read."""
    warnings: list[str] = []
    found: list[Endpoint] = []
    for _, method, target in _statements(page):
        server, path, _query = split_url(target)
        existing = next((e for e in found if e.method == method and e.path == path), None)
        if existing is None:
            existing = Endpoint(method=method, path=path, documented=True)
            found.append(existing)
        if server and server not in existing.servers:
            existing.servers.append(server)
    for curl in page.curls:
        _add_curl(found, curl)
    for path, value in _python_args(page):
        target = next((e for e in found if e.matches("POST", path) is not None), None)
        if target is None:
            target = Endpoint(method="POST", path=path)
            found.append(target)
        _fill_path_examples(target, target.matches("POST", path) or {})
        if not target.request_examples:
            target.request_examples.append(value)
            target.media = target.media or "application/json"
    if not found:
        return found, warnings
    if examples:
        _add_examples(page, found[0], warnings)
    return found, warnings


def _add_curl(found: list[Endpoint], curl: Curl) -> None:
    server, path, query = split_url(curl.url)
    target = None
    values: dict[str, str] = {}
    for endpoint in found:
        match = endpoint.matches(curl.method, path)
        if match is not None:
            target, values = endpoint, match
            break
    if target is None:
        target = Endpoint(method=curl.method, path=path)
        found.append(target)
    if server:
        base = server
        if target.documented and path.rstrip("/") != _fill(target.path, values).rstrip("/"):
            prefix = path[: len(path) - len(_fill(target.path, values).rstrip("/"))]
            base = server + prefix.rstrip("/")
        if base not in target.servers:
            target.servers.append(base)
    _fill_path_examples(target, values)
    for name, value in query:
        if not any(p["name"] == name and p["in"] == "query" for p in target.params):
            target.params.append({"name": name, "in": "query", "example": value, "schema": {"type": "string"}})
    for name, value in curl.headers:
        if name.lower() not in _PLAIN_HEADERS and name.lower() not in _AUTH_HEADERS:
            if not any(p["name"].lower() == name.lower() and p["in"] == "header" for p in target.params):
                target.params.append({"name": name, "in": "header", "example": value, "schema": {"type": "string"}})
    content_type = (curl.header("Content-Type") or "").split(";")[0].strip() or None
    if curl.form:
        target.media = "multipart/form-data"
        if not target.form:
            target.form = curl.form
    elif curl.data is not None:
        try:
            value, _ = json.JSONDecoder().raw_decode(curl.data.strip())
        except json.JSONDecodeError:
            value = None
        if value is not None:
            target.request_examples.append(value)
            target.media = target.media or content_type or "application/json"
        else:
            target.media = target.media or content_type or "application/x-www-form-urlencoded"
    elif content_type and curl.method not in ("GET", "HEAD", "DELETE"):
        target.media = target.media or content_type


def _fill(template: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        template = template.replace("{" + name + "}", value)
    return template


def _fill_path_examples(target: Endpoint, values: dict[str, str]) -> None:
    for name, value in values.items():
        if value.startswith("{") or any(p["name"] == name and p["in"] == "path" for p in target.params):
            continue
        param: dict[str, Any] = {"name": name, "in": "path", "required": True, "example": value,
                                 "schema": {"type": "string"}}
        if "/" in value:
            param["x-greedy"] = True
        target.params.append(param)


def _add_examples(page: Page, endpoint: Endpoint, warnings: list[str]) -> None:
    for block in page.blocks:
        kind, status = classify(page, block)
        if block.truncated:
            known = endpoint.responses if kind == "response" else endpoint.request_examples
            if known:
                warnings.append(f"{page.source}:{block.line}: JSON example cut off by the end of the page, skipped")
                continue
            raise ApigenError("truncated JSON example: the page ends before it closes", file=page.source,
                              line=block.line)
        if kind == "request":
            endpoint.request_examples.append(block.value)
        else:
            if status == "200" and endpoint.responses.get("200") and isinstance(block.value, dict) and set(block.value) <= {
                    "error", "detail", "message", "code"} and "error" in block.value:
                status = "default"
            endpoint.responses.setdefault(status or "200", []).append(block.value)


def is_queue_ticket(value: Any) -> bool:
    """True for fal's queue ticket (`request_id` with status/response URLs)."""
    if not isinstance(value, dict):
        return False
    keys = set(value)
    return "request_id" in keys and bool(keys & _QUEUE_KEYS or value.get("status") == "IN_QUEUE")
