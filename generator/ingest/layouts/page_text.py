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

from generator.ingest import jsonish, statements
from generator.ingest.curl import Curl, split_url
from generator.ingest.page import JsonBlock, Page
from generator.ingest.sections import BODY, RESPONSE, enclosing, heading, labelled_value, opens_response_body
from generator.ingest.text import METHOD_WORDS

METHODS = METHOD_WORDS
_SEGMENT = re.compile(r"^[A-Za-z0-9_\-.{}~]+$")
_DOC_LINK = re.compile(r"(?:官方文档|官方链接|官网文档|参考文档|Official\s+(?:docs?|documentation)|API\s+docs?)\s*[:：]?\s*"
                       r"(https?://[^\s,，。)\"'<>]+)", re.IGNORECASE)
_TEXT_AUTH = [
    (re.compile(r"Authorization\s*[:：]?\s*Bearer\b"), "bearer"),
    (re.compile(r"Authorization\s*[:：]?\s*Key\b"), "key"),
    (re.compile(r"HTTP\s*\(\s*bearer\s*\)|BearerAuth|\bBearer\s+(?:Token|authentication)", re.IGNORECASE), "bearer"),
]
_BODY_WORDS = re.compile(r"请求体|請求體|Body\s*参数|Request\s+body|\bBody\b", re.IGNORECASE)
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
    line: int = 0  # where the page states it (1-based)
    start: int = 0  # where its section opens
    group: int = 0  # endpoints of one group share the fields of their section
    deprecated: bool = False
    salvaged: bool = False  # an example of it was cut off or repaired
    described_auth: str | None = None  # the Authorization value a described-call example sends

    def matches(self, method: str, path: str) -> dict[str, str] | None:
        """Path-parameter values when (method, path) is this endpoint filled in; None when it is not."""
        if method != self.method:
            return None
        pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+?)", re.escape(self.path.rstrip("/")))
        match = re.fullmatch(pattern, path.rstrip("/"))
        if match and not any("{" in value for value in match.groupdict().values()):
            return match.groupdict()  # (a value holding a `{name}` of its own is another template, not a call)
        suffix = re.search(pattern + "$", path.rstrip("/"))
        return suffix.groupdict() if suffix and self.documented else None


def _lead(page: Page, block: JsonBlock) -> str:
    """What its line holds before a JSON example (`POST /x` in `POST /x{`, a label, or nothing)."""
    return page.text[page.text.rfind("\n", 0, block.start) + 1:block.start]


def _content_line(page: Page, block: JsonBlock) -> int:
    """The line a JSON example counts at when grouping statements: its own, or, for an example printed on a
    statement's line (`POST /x{`), its last, so it lies after that statement."""
    if _lead(page, block).strip():
        return page.line_of(max(block.end - 1, block.start))
    return block.line


def _scan(page: Page) -> statements.Scan:
    skip: set[int] = set()
    for curl in page.curls:
        skip.update(range(curl.line, page.line_of(max(curl.end - 1, 0)) + 1))
    for block in page.blocks:
        first = block.line + 1 if _lead(page, block).strip() else block.line  # `POST /x{`: the line before the brace is read
        skip.update(range(first, page.line_of(max(block.end - 1, 0)) + 1))
    return statements.scan(page.text.split("\n"), skip)


_FIELD_EXAMPLE = re.compile(r"^\s*(?:示例值\s*[:：]?|(?:例如|Example|例|Пример)\s*[:：])\s*$", re.IGNORECASE)


def is_field_example(page: Page, block: JsonBlock) -> bool:
    """A JSON value right under a field's `示例值:`/`Example:` label is that field's example, not a body."""
    lead = _lead(page, block)
    if lead.strip():
        return bool(_FIELD_EXAMPLE.match(lead))
    previous_end = block.start - len(lead) - 1
    previous_start = page.text.rfind("\n", 0, max(previous_end, 0)) + 1
    return bool(_FIELD_EXAMPLE.match(page.text[previous_start:max(previous_end, previous_start)]))


def classify(page: Page, block: JsonBlock) -> tuple[str, str]:
    """('request'|'response', status) of a JSON example, from the heading above it and curl commands."""
    from generator.ingest.layouts.mdx import example_kind

    wrapped = example_kind(page, block.start)
    if wrapped is not None:
        return wrapped, "" if wrapped == "request" else _status_near(page.lines(), block.line - 3)
    if isinstance(block.value, dict) and len(_QUEUE_KEYS & set(block.value)) >= 2:
        return "response", "200"  # a queue ticket (`status_url`, `response_url`) is what a submit answers
    if re.match(r"\s*(?:GET|DELETE|HEAD)\s+\S+\s*$", _lead(page, block)):
        return "response", "200"  # `GET /x/{id}{`: an example printed on a GET's own line is what it returns
    error = error_status(block.value)
    if error is not None and not _labelled_request(page, block):
        return "response", error  # `{"code": 400, "message": ...}` after a table: what a failed call answers
    first = max(1, block.line - 60)  # a bounded window keeps classifying linear in the page size
    before = page.text[page.offset_of(first):block.start].split("\n")
    last_curl_line = _last_curl_line(page, block.start)
    for back, line in enumerate(reversed(before[-40:])):
        line_number = len(before) - back
        if line_number + first - 1 <= last_curl_line:
            return "response", "200"
        found = heading(line)
        if found and found.status and labelled_value(before, line_number - 1):
            found = None
        if found and found.kind == BODY and opens_response_body(line):
            outer = enclosing(before, line_number - 1)
            if outer and outer[1].kind == RESPONSE:
                return "response", outer[1].status or _status_near(before, outer[0] + 1)
            return "request", ""
        if found and found.kind == RESPONSE:
            return "response", found.status or _status_near(before, len(before) - back)
        if found and found.kind == BODY:
            return "request", ""
        if re.fullmatch(r"\s*(?:请求|請求|Request|リクエスト|요청|Solicitud|Requête|Запрос|Anfrage)\s*", line, re.IGNORECASE):
            return "request", ""
    if last_curl_line:
        return "response", "200"
    return ("response", "200") if _documents_response(page, block) else ("request", "")


_ERROR_KEYS = {"code", "message", "error", "msg", "detail", "details", "errcode", "errmsg", "error_code",
               "error_message", "status", "type", "request_id", "success"}


def error_status(value: Any) -> str | None:
    """The status of an example that is an error answer (only error words as keys: `code`, `message`,
    `error`, `msg`, `detail`...): its `code` when that is a 4xx/5xx status, else `default`; None for any
    other example (a success envelope `{"code": 0, "msg": "ok"}` is not an error)."""
    if isinstance(value, dict) and set(value) == {"error"} and isinstance(value["error"], dict) and set(
            value["error"]) & {"message", "code", "type"}:
        return "default"  # `{"error": {"message": ..., "type": ...}}`, as OpenAI-style APIs answer
    if not isinstance(value, dict) or len(value) < 2 or not set(value) <= _ERROR_KEYS:
        return None
    code = value.get("code", value.get("error_code", value.get("status")))
    if isinstance(code, (int, str)) and re.fullmatch(r"[45]\d\d", str(code)):
        return str(code)
    if value.get("error") or value.get("errcode") not in (None, 0, "0") or value.get("success") is False:
        return "default"
    return None


def _labelled_request(page: Page, block: JsonBlock) -> bool:
    """Whether a line right above the example names it a request example (`请求示例`, `Request example`)."""
    before = page.text[page.offset_of(max(1, block.line - 3)):block.start].split("\n")
    return any(re.search(r"(?:请求|請求|Request|リクエスト|요청)\s*(?:示例|例|样例|example|sample|body|体|サンプル|예시)",
                         line, re.IGNORECASE) for line in before)


_FIELD_NAME_LINE = re.compile(r"^`?([A-Za-z_][\w.\-\[\]]*)`?\??\*?$")


def _documents_response(page: Page, block: JsonBlock) -> bool:
    """Whether an example with no heading above it (Mintlify prints the response example beside the path)
    holds the fields the page documents under its response heading rather than under its request body's."""
    keys = set(block.value) if isinstance(block.value, dict) else set()
    if not keys:
        return False
    named: dict[str, set[str]] = {BODY: set(), RESPONSE: set()}
    side: str | None = None
    for line in page.lines()[block.line:block.line + 400]:
        text = line.strip()
        found = heading(text)
        if found is not None:
            side = found.kind if found.kind in named else None
            continue
        name = _FIELD_NAME_LINE.match(text)
        if side is not None and name:
            named[side].add(name.group(1))
    return len(keys & named[RESPONSE]) > len(keys & named[BODY])


def _last_curl_line(page: Page, offset: int) -> int:
    """Line of the last curl command ending before `offset` (0 when none); curl commands are in page order."""
    from bisect import bisect_right

    at = bisect_right(page.curl_ends(), offset)
    return max((c.line for c in page.curls[:at][-1:]), default=0)


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
    if value is not None and (not value.strip() or re.fullmatch(r"\s*<[^<>]*>\s*", value)):
        # `--header 'Authorization: '` / `'Authorization: <authorization>'`: the sample left the credentials
        # out (or only names the slot), the page text may say
        return None
    if value is not None:
        word = value.split(" ")[0].lower() if value.strip() else ""
        if word in ("bearer", "key", "basic"):
            return word, "Authorization"
        return "apikey", "Authorization"
    for name, _ in curl.headers:
        if name.lower() in _AUTH_HEADERS:
            return "apikey", name
    return None


def auth_of_value(value: str) -> str:
    """The scheme an Authorization header value names (`Bearer x` -> bearer), else a plain API key."""
    word = value.split(" ")[0].lower() if value.strip() else ""
    return word if word in ("bearer", "key", "basic") else "apikey"


def auth_of_text(text: str) -> str | None:
    for pattern, kind in _TEXT_AUTH:
        if pattern.search(text):
            return kind
    return None


_BADGE = re.compile(r"^(?:开发中|测试中|已发布|已完成|已废弃|将废弃|维护中|Developing|Testing|Released|Deprecated|Beta)$",
                    re.IGNORECASE)
_NOT_TITLE = re.compile(r"^(?:[-*•·]\s|skip to|跳转到|https?://|/|\{\{|curl\b|[{\[`|#]|\d{3}\b)", re.IGNORECASE)


def title(page: Page, endpoint: Endpoint) -> str | None:
    """The operation's title as the page prints it around the line stating it: between a lone method word
    and its path, else the nearest title-like line above (status badges skipped), else the line after a
    path split over lines (Mintlify)."""
    lines = page.lines()
    opener = endpoint.start - 1
    stated = endpoint.line - 1
    if not 0 <= opener < len(lines):
        return None
    between = [text.strip() for text in lines[opener + 1:stated] if text.strip()]
    if between and _is_title(between[-1]) and opener != stated:
        return between[-1][:120]
    above = [_front_title(text.strip()) for text in lines[max(0, opener - 4):opener]
             if text.strip() and not re.fullmatch(r"[=\-~^]{3,}", text.strip())]  # setext underlines
    while above and (_BADGE.match(above[-1]) or re.search(r"[:：|]\s*(?:GET|POST|PUT|PATCH|DELETE)$", above[-1])):
        above.pop()  # status badges and a `请求方式:POST` label line sit between the title and the address
    if above and _is_title(above[-1]):
        return above[-1][:120]
    after = stated + 1
    while after < len(lines) and (not lines[after].strip() or lines[after].strip() == "/"
                                  or _SEGMENT.match(lines[after].strip()) and lines[after - 1].strip() == "/"):
        after += 1
    split = any(text.strip() == "/" for text in lines[stated:after])
    if split and after < len(lines) and _is_title(lines[after].strip()):
        return lines[after].strip()[:120]
    return None


_TYPE_OR_WORD = re.compile(r"^(?:string|integer|number|boolean|object|array|null|file|required|optional|必填|必需|可选|"
                           r"true|false|default|enum)\b", re.IGNORECASE)  # a field's cells, never a title


def _front_title(text: str) -> str:
    """A front-matter title line (`title: "Create collection"`) as its title."""
    front = re.fullmatch(r"(?:title|sidebarTitle)\s*:\s*[\"']?(.*?)[\"']?", text)
    if front:
        return front.group(1)
    heading_text = re.fullmatch(r"#{1,6}\s+(.*?)\s*#*", text)  # a markdown heading is a title too
    text = heading_text.group(1) if heading_text else text
    # Apifox's export heads each operation `## POST 创建任务`: the method word is no part of the title
    return re.sub(rf"^(?:{'|'.join(METHODS)})\s+(?=[^\s/{{$])(?!https?:)", "", text)


def _is_title(text: str) -> bool:
    return (0 < len(text) <= 60 and not _NOT_TITLE.match(text) and heading(text) is None
            and not _BADGE.match(text) and text.upper() not in METHODS and not text.endswith((":", "："))
            and not _TYPE_OR_WORD.match(text) and not re.search(r"[:：]\s*(?:GET|POST|PUT|PATCH|DELETE)$", text)
            and not re.search(r"[。.!?]$", text))


def doc_link(page: Page) -> str | None:
    match = _DOC_LINK.search(page.text)
    return match.group(1).rstrip(".") if match else None


def endpoints(page: Page, examples: bool = True, field_lines: list[int] | None = None
              ) -> tuple[list[Endpoint], list[str]]:
    """Endpoints the page shows, in page order, each with its section; warnings for what was not read.
    `field_lines` are where documented fields sit: statements with none between them share a section."""
    warnings: list[str] = []
    found: list[Endpoint] = []
    scanned = _scan(page)
    content = [c.line for c in page.curls] + [_content_line(page, b) for b in page.blocks] + list(field_lines or [])
    known: dict[tuple[str, str], Endpoint] = {}
    for number, group in enumerate(statements.groups(scanned.statements, content)):
        for statement in group:
            server, path, _query = split_url(statement.target)
            existing = known.get((statement.method, path))
            if existing is None:
                existing = Endpoint(method=statement.method, path=path, documented=True, line=statement.line,
                                    start=statement.start, group=number, deprecated=statement.deprecated)
                found.append(existing)
                known[(statement.method, path)] = existing
            if server and server not in existing.servers:
                existing.servers.append(server)
    documented = {(e.method, e.path) for e in found}
    for line, what in scanned.mentions:
        method, _, target = what.partition(" ")
        server, path, _query = split_url(target)
        if (method, path) in documented:
            continue
        mention = Endpoint(method=method, path=path, documented=True, line=line, start=line,
                           group=len(found) + 1000, servers=[server] if server else [])
        if any(mention.matches(c.method, split_url(c.url)[1]) is not None for c in page.curls):
            found.append(mention)  # a curl command calls it: the sentence names the endpoint's template
            documented.add((method, path))
        else:
            warnings.append(f"{page.source}:{line}: `{what}` is mentioned in a sentence; not read as an operation")
    for block in page.blocks:
        described = _described_request(block.value)
        if described is not None:
            _add_described(found, described, block, page)
    exact = {(e.method, e.path.rstrip("/")): e for e in reversed(found)}
    for curl in page.curls:
        _add_curl(found, curl, exact)
    _confirm_paths(found)
    for path, value in _python_args(page):
        called = next((e for e in found if e.matches("POST", path) is not None), None)
        if called is None:
            called = Endpoint(method="POST", path=path)
            found.append(called)
        _fill_path_examples(called, called.matches("POST", path) or {})
        if not called.request_examples:
            called.request_examples.append(value)
            called.media = called.media or "application/json"
    if not found and scanned.mentions:
        # nothing but sentences name an endpoint: a person still reads them as the page's endpoints
        warnings = [w for w in warnings if "mentioned in a sentence" not in w]
        for line, what in scanned.mentions:
            method, _, target = what.partition(" ")
            server, path, _query = split_url(target)
            if not any(e.method == method and e.path == path for e in found):
                found.append(Endpoint(method=method, path=path, documented=True, line=line, start=line,
                                      group=len(found), servers=[server] if server else []))
                warnings.append(f"{page.source}:{line}: `{what}` is only named in a sentence; read as the endpoint")
    if not found and scanned.unstated:
        # an address under a label and no method anywhere: the page is still readable; the method is the one
        # its content implies (a query string: GET; a request body or documented fields: POST)
        for line, target in scanned.unstated:
            server, path, query = split_url(target)
            method = "GET" if query or not (field_lines or _BODY_WORDS.search(page.text)) else "POST"
            if not any(e.path == path for e in found):
                found.append(Endpoint(method=method, path=path, documented=True, line=line, start=line,
                                      group=len(found), servers=[server] if server else [], salvaged=True))
                warnings.append(f"{page.source}:{line}: `{target}` is given without a method; read as {method}")
    if not found and (field_lines or page.blocks):
        # fields or examples but no endpoint (a capture that starts below it, a page that only documents a
        # request's parameters): a reader still has them, so they are kept under a placeholder operation
        placeholder = placeholder_endpoint(page, bool(field_lines))
        found.append(placeholder)
        warnings.append(f"{page.source}: no endpoint stated (no `METHOD /path` line or curl command); the fields "
                        f"are kept under {placeholder.method} {placeholder.path}, a placeholder named after the page")
    if not found:
        return found, warnings
    _number_groups(found)
    if examples:
        _add_examples(page, found, warnings)
    return found, warnings


def placeholder_endpoint(page: Page, documented: bool) -> Endpoint:
    """The operation a page without an endpoint stands for: POST (what a page documenting a request body
    sends) to a path named after the last segment of the page's address, else `/operation`."""
    from urllib.parse import unquote, urlsplit

    segments = [unquote(part) for part in urlsplit(page.url or "").path.split("/") if part]
    stem = re.sub(r"\.(?:html?|md|mdx|php|aspx?)$", "", segments[-1], flags=re.IGNORECASE) if segments else ""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-.")
    return Endpoint(method="POST", path=f"/{name or 'operation'}", documented=documented, line=1, start=1,
                    salvaged=True)


def _number_groups(found: list[Endpoint]) -> None:
    """Endpoints known only from a curl command or an example open their own section where they appear."""
    groups = max((e.group for e in found if e.documented), default=-1)
    for endpoint in found:
        if not endpoint.documented and not endpoint.start:
            groups += 1
            endpoint.group = groups
    found.sort(key=lambda e: (e.start, e.line))


def _confirm_paths(found: list[Endpoint]) -> None:
    """A stated path with letters glued to its end (`/api/v1/imagine4 credits`) is the curl's path when a
    curl command of the same method calls a path it merely extends."""
    undocumented = [e for e in found if not e.documented]
    for stated in [e for e in found if e.documented] if undocumented else []:
        for other in undocumented:
            if other not in found or other.method != stated.method:
                continue
            if stated.path.startswith(other.path) and re.fullmatch(r"[A-Za-z0-9]+", stated.path[len(other.path):]):
                stated.path = other.path
                stated.servers += [s for s in other.servers if s not in stated.servers]
                stated.params += [p for p in other.params if p not in stated.params]
                stated.request_examples += other.request_examples
                stated.form = stated.form or other.form
                stated.media = stated.media or other.media
                found.remove(other)
                break


def _described_request(value: Any) -> dict[str, Any] | None:
    """A JSON example that describes a whole call (`{"request": {"method", "url", "headers", "body"},
    "response": {"status", "body"}}`, as Postman-style example files print it)."""
    if not isinstance(value, dict):
        return None
    request: dict[str, Any] = value["request"] if isinstance(value.get("request"), dict) else value
    method, url = request.get("method"), request.get("url")
    if isinstance(url, dict):
        url = url.get("raw")
    if not isinstance(method, str) or method.upper() not in METHODS or not isinstance(url, str):
        return None
    if not re.match(r"^(?:https?://|/|\{\{)", url):
        return None
    return {"method": method.upper(), "url": url, "headers": request.get("headers"), "body": request.get("body"),
            "response": value.get("response") if isinstance(value.get("response"), dict) else None}


def _add_described(found: list[Endpoint], described: dict[str, Any], block: JsonBlock, page: Page) -> None:
    server, path, _query = split_url(described["url"])
    target = next((e for e in found if e.matches(described["method"], path) is not None), None)
    if target is None:
        target = Endpoint(method=described["method"], path=path, line=block.line, start=block.line)
        found.append(target)
    if server and server not in target.servers:
        target.servers.append(server)
    headers = described["headers"] if isinstance(described["headers"], dict) else {}
    for name, value in headers.items():
        if str(name).lower() == "content-type" and isinstance(value, str):
            target.media = target.media or value.split(";")[0].strip()
    if isinstance(described["body"], (dict, list)):
        target.request_examples.append(described["body"])
        target.media = target.media or "application/json"
    response = described["response"]
    if response and isinstance(response.get("body"), (dict, list)):
        status = str(response.get("status") or response.get("code") or "200")
        target.responses.setdefault(status if re.fullmatch(r"[1-5]\d\d", status) else "200", []).append(
            response["body"])
    target.described_auth = next((str(v) for k, v in headers.items() if str(k).lower() == "authorization"), None)


def _add_curl(found: list[Endpoint], curl: Curl, exact: dict[tuple[str, str], Endpoint] | None = None) -> None:
    server, path, query = split_url(curl.url)
    values: dict[str, str] = {}
    target = (exact or {}).get((curl.method, path.rstrip("/")))
    if target is None and path.rstrip("/"):
        # `POST https://x.com/api/generatetips` stated, `curl https://x.com/api/generate` shown: a word of the next
        # sentence glued to the stated path; the sample's path is the endpoint's
        glued = [e for e in found if e.documented and e.method == curl.method and
                 re.fullmatch(re.escape(path.rstrip("/")) + r"[a-z]{2,12}", e.path.rstrip("/"))]
        if len(glued) == 1:
            target = glued[0]
            target.path = path
    if target is None:
        for endpoint in found:
            match = endpoint.matches(curl.method, path)
            if match is not None:
                target, values = endpoint, match
                break
    if target is None and server is None and re.match(r"(?:\{\{[^}]*\}\}|\$\{?\w+\}?)/", curl.url.strip()):
        # `$BASE_URL/images/x` with the variable never assigned: it stands for the host and the path's start,
        # so the call is the one stated endpoint whose path ends with what the curl shows
        ends = [e for e in found if e.documented and e.method == curl.method and path.rstrip("/") and
                e.path.rstrip("/").endswith(path.rstrip("/"))]  # (the curl's path starts with `/`: whole segments)
        if len(ends) == 1:
            target = ends[0]
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
        known = name.lower() in _PLAIN_HEADERS or name.lower() in _AUTH_HEADERS
        if not known and not any(p["name"].lower() == name.lower() and p["in"] == "header" for p in target.params):
            target.params.append({"name": name, "in": "header", "example": value, "schema": {"type": "string"}})
    content_type = (curl.header("Content-Type") or "").split(";")[0].strip() or None
    if content_type and re.fullmatch(r"<[^<>]*>", content_type):
        content_type = None  # `Content-Type: <content-type>`: a slot, not a media type
    if curl.form:
        target.media = "multipart/form-data"
        if not target.form:
            target.form = curl.form
    elif curl.data is not None:
        data = curl.data.strip()
        reading = jsonish.read(data, 0) if data[:1] in "{[" else None
        decoded: Any = reading.value if reading is not None else None
        if reading is not None and not reading.complete:
            target.salvaged = True
        if decoded is not None:
            target.request_examples.append(decoded)
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


def _add_examples(page: Page, found: list[Endpoint], warnings: list[str]) -> None:
    """Each JSON example goes to the endpoints of the section it sits in (request examples only to those
    that take a body); a cut-off example keeps its complete members, with a warning."""
    from bisect import bisect_right

    starts = sorted({e.start for e in found})
    group_at: dict[int, int] = {}
    for endpoint in found:
        group_at.setdefault(endpoint.start, endpoint.group)
    members_of: dict[int, list[Endpoint]] = {}
    for endpoint in found:
        members_of.setdefault(endpoint.group, []).append(endpoint)
    for block in page.blocks:
        if block.problem is not None:
            warnings.append(f"{page.source}:{block.line}: JSON example {block.problem}; skipped")
            continue
        if _described_request(block.value) is not None or is_field_example(page, block):
            continue
        kind, status = classify(page, block)
        section = starts[max(bisect_right(starts, block.line) - 1, 0)]
        members = members_of[group_at[section]]
        value = block.value
        if block.truncated:
            warnings.append(f"{page.source}:{block.line}: JSON example cut off by the end of the page; "
                            f"its complete members kept")
            if value in ({}, [], None) and not _has_keys(block.raw):
                continue
        if kind == "request":
            takers = [e for e in members if e.method not in ("GET", "HEAD")] or members
            for endpoint in takers:
                endpoint.request_examples.append(block.raw)
                endpoint.salvaged = endpoint.salvaged or block.truncated
        else:
            for endpoint in members:
                code = status or "200"
                if code == "result" and is_queue_ticket(value):
                    code = "200"  # the ticket a submit answers at once, printed near its result
                if code == "200" and endpoint.responses.get("200") and isinstance(value, dict) and set(value) <= {
                        "error", "detail", "message", "code"} and "error" in value:
                    code = "default"
                endpoint.responses.setdefault(code, []).append(block.raw)
                endpoint.salvaged = endpoint.salvaged or block.truncated


def _has_keys(value: Any) -> bool:
    return isinstance(value, dict) and bool(value)


def is_queue_ticket(value: Any) -> bool:
    """True for fal's queue ticket (`request_id` with status/response URLs)."""
    if not isinstance(value, dict):
        return False
    keys = set(value)
    return "request_id" in keys and bool(keys & _QUEUE_KEYS or value.get("status") == "IN_QUEUE")
