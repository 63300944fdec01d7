"""Request examples written in code instead of curl: Python `requests` / `httpx`, JavaScript `fetch` / `axios`.

Many pages show only such a sample. Each call is read into the same `Curl` record a curl command gives
(method, URL, headers, JSON or form body), so every later step treats the two alike. What is read:

- Python: `requests.post(URL, headers={...}, json={...})`, `requests.request("POST", URL, ...)`,
  `httpx.post(...)`, `client.post(...)` on a `requests.Session()` / `httpx.Client()`; `data=` is a form,
  `files=` a multipart upload; `URL`, `json=` and `headers=` may name a variable the sample assigns before
  (`url = "https://..."`, `payload = {...}`), f-strings keep their `{name}` placeholders as path parameters.
- JavaScript: `fetch(URL, {method, headers, body: JSON.stringify({...})})`, `axios.post(URL, {...}, {headers})`,
  `axios({method, url, data, headers})`; object literals with bare keys, single quotes, trailing commas and
  expressions (`process.env.KEY`, read as text).
Nothing is executed: literals are read with `ast.literal_eval` (Python) or the tolerant JSON reader.
"""

from __future__ import annotations

import ast
import json
import re
from typing import Any

from generator.ingest import jsonish
from generator.ingest.curl import Curl
from generator.ingest.text import LineIndex

_METHODS = ("get", "post", "put", "patch", "delete", "head", "options")
_PY_CALL = re.compile(r"\b(?:requests|httpx|session|client)\.(?P<m>get|post|put|patch|delete|head|options|request)"
                      r"\s*\(", re.IGNORECASE)
_JS_FETCH = re.compile(r"\bfetch\s*\(")
_AXIOS = re.compile(r"\baxios(?:\.(?P<m>get|post|put|patch|delete|head|options))?\s*\(")
_STRING = re.compile(r"""\A\s*(?P<f>[fF]?)(?P<q>["'`])(?P<s>(?:\\.|(?!(?P=q)).)*)(?P=q)""", re.DOTALL)
_ASSIGN_STRING = re.compile(r"""(?m)^[ \t]*(?:const |let |var )?(?P<n>[A-Za-z_]\w*)\s*=\s*[fF]?(?P<q>["'`])(?P<s>[^"'`\n]*)(?P=q)""")
_ASSIGN_OBJECT = re.compile(r"(?m)^[ \t]*(?:const |let |var )?(?P<n>[A-Za-z_]\w*)\s*=\s*"
                            r"(?P<wrap>json\.dumps\(|JSON\.stringify\()?(?=[{\[])")
_CONNECTION = re.compile(r"""HTTPS?Connection\(\s*["'](?P<host>[\w.\-:]+)["']""")
_CONN_REQUEST = re.compile(r"""\b\w+\.request\(\s*["'](?P<m>GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)["']\s*,\s*"""
                           r"""[fF]?["'](?P<path>/[^"']*)["']\s*(?:,\s*(?P<body>[A-Za-z_]\w*))?(?:\s*,\s*(?P<headers>[A-Za-z_]\w*))?""")
_HEADER_APPEND = re.compile(r"""\b(?P<v>[A-Za-z_]\w*)\.(?:append|set)\(\s*["'](?P<k>[^"'\n]+)["']\s*,\s*["'](?P<val>[^"'\n]*)["']""")
MAX_CALL = 8_000  # characters one call (or one assigned literal) may span
MAX_SAMPLES = 200  # calls and assignments read per page: the work stays linear in the page size


def _balanced(text: str, start: int, limit: int) -> int:
    """Offset just past the bracket group opening at `start` (quotes respected); `limit` when it never closes."""
    pairs = {"(": ")", "{": "}", "[": "]"}
    stack: list[str] = []
    i = start
    while i < limit:
        ch = text[i]
        if ch in "\"'`":
            close = i + 1
            while close < limit and text[close] != ch:
                close += 2 if text[close] == "\\" else 1
            i = close + 1
            continue
        if ch in pairs:
            stack.append(pairs[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
            if not stack:
                return i + 1
        i += 1
    return limit


def _arguments(text: str, assign: str = "=") -> tuple[list[str], dict[str, str]]:
    """Top-level positional and keyword arguments of a call's argument text (between its parentheses), or with
    `assign=":"` the members of an object literal's text (between its braces)."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "\"'`":
            close = i + 1
            while close < len(text) and text[close] != ch:
                close += 2 if text[close] == "\\" else 1
            current.append(text[i:close + 1])
            i = close + 1
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
        i += 1
    if "".join(current).strip():
        parts.append("".join(current).strip())
    positional: list[str] = []
    keywords: dict[str, str] = {}
    for part in parts:
        pattern = r"^([A-Za-z_]\w*)\s*=(?!=)\s*(.*)$" if assign == "=" else \
            r"^[\"']?([A-Za-z_$][\w$-]*)[\"']?\s*:\s*(.*)$"
        keyword = re.match(pattern, part, re.DOTALL)
        if keyword:
            keywords[keyword.group(1)] = keyword.group(2).strip()
        else:
            positional.append(part)
    return positional, keywords


def _string(expr: str, strings: dict[str, str]) -> str | None:
    """A string literal's text (f-string / template placeholders kept as `{name}`), or a variable's value."""
    literal = _STRING.match(expr)
    if literal and not expr[literal.end():].strip().startswith(("+", "%", ".format")):
        value = literal.group("s")
        value = re.sub(r"\$\{\s*([A-Za-z_]\w*)\s*\}", r"{\1}", value)  # JS template literal
        if literal.group("f") or literal.group("q") == "`":  # a known base address is filled in
            value = re.sub(r"^\{([A-Za-z_]\w*)\}", lambda m: strings.get(m.group(1), m.group(0)).rstrip("/"), value)
        return value
    name = expr.strip()
    if re.fullmatch(r"[A-Za-z_]\w*", name):
        return strings.get(name)
    joined = re.match(r"""^([A-Za-z_]\w*)\s*\+\s*["'`]([^"'`]*)["'`]$""", name)
    if joined and joined.group(1) in strings:
        return strings[joined.group(1)] + joined.group(2)
    return None


def _js_object(text: str) -> Any:
    """A JavaScript object/array literal as JSON: bare keys quoted, expressions kept as text."""
    quoted = re.sub(r"(?<=[{,\n])(\s*)([A-Za-z_$][\w$]*)\s*:", r'\1"\2":', text)
    quoted = re.sub(r':\s*(?!true\b|false\b|null\b)([A-Za-z_$][\w$.\[\]()]*)\s*(?=[,}\n])', r': "\1"', quoted)
    reading = jsonish.read(quoted, 0)
    return reading.value if reading is not None else None


def _literal(expr: str, objects: dict[str, str], python: bool) -> Any:
    expr = expr.strip()
    if re.fullmatch(r"[A-Za-z_]\w*", expr) and expr in objects:
        expr = objects[expr]
    stringify = re.match(r"^JSON\.stringify\s*\((.*)\)$", expr, re.DOTALL)
    if stringify:
        return _literal(stringify.group(1), objects, python)
    dumps = re.match(r"^json\.dumps\s*\((.*)\)$", expr, re.DOTALL)
    if dumps:
        return _literal(dumps.group(1), objects, python)
    if not expr.startswith(("{", "[")):
        return None
    if python:
        try:
            return ast.literal_eval(expr)
        except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError):
            pass
        reading = jsonish.read(expr, 0)
        return reading.value if reading is not None else None
    return _js_object(expr)


def _headers(value: Any) -> list[tuple[str, str]]:
    if not isinstance(value, dict):
        return []
    return [(str(k), str(v)) for k, v in value.items() if isinstance(k, str)]


def find_samples(text: str, index: LineIndex | None = None) -> list[Curl]:
    """Every HTTP call a Python or JavaScript sample on the page makes, as curl records, in page order."""
    if not re.search(r"requests\.|httpx\.|fetch\s*\(|axios|HTTPS?Connection", text):
        return []
    fences = _fences(text)
    index = index or LineIndex(text)
    strings = {m.group("n"): re.sub(r"\$\{\s*([A-Za-z_]\w*)\s*\}", r"{\1}", m.group("s"))
               for m in _ASSIGN_STRING.finditer(text) if re.match(r"^(?:https?://|/)", m.group("s"))}
    objects: dict[str, str] = {}
    for count, match in enumerate(_ASSIGN_OBJECT.finditer(text)):
        if count >= MAX_SAMPLES:
            break
        end = _balanced(text, match.end(), min(len(text), match.end() + MAX_CALL))
        literal = text[match.end():end]
        # `payload = json.dumps({...})` / `raw = JSON.stringify({...})`: the literal, marked as sent as JSON
        objects.setdefault(match.group("n"), f"json.dumps({literal})" if match.group("wrap") else literal)
    appended: dict[str, list[tuple[str, str]]] = {}  # `myHeaders.append("Authorization", "Bearer x")`
    for match in _HEADER_APPEND.finditer(text):
        appended.setdefault(match.group("v"), []).append((match.group("k"), match.group("val")))
    found: list[Curl] = []
    for pattern, kind in ((_PY_CALL, "python"), (_JS_FETCH, "fetch"), (_AXIOS, "axios")):
        for count, match in enumerate(pattern.finditer(text)):
            if count >= MAX_SAMPLES:
                break
            open_at = match.end() - 1
            end = _balanced(text, open_at, min(len(text), open_at + MAX_CALL))
            positional, keywords = _arguments(text[open_at + 1:end - 1 if text[end - 1:end] == ")" else end])
            curl = _call(kind, (match.groupdict().get("m") or "").lower(), positional, keywords, strings, objects,
                         appended)
            if curl is not None:
                curl.line, curl.end = index.line_of(match.start()), end
                found.append(curl)
    found += _connection_calls(text, index, objects)
    for curl in found:  # a call inside a fenced sample stands for the whole sample: its literals are no examples
        start = index.offset_of(curl.line)
        fence = next(((a, b) for a, b in fences if a <= start < b), None)
        if fence is not None:
            curl.line, curl.end = index.line_of(fence[0]), max(curl.end, fence[1])
    return sorted(found, key=lambda c: c.line)


def _fences(text: str) -> list[tuple[int, int]]:
    """Offsets of the fenced code blocks (```/~~~), found in one pass over the lines."""
    spans: list[tuple[int, int]] = []
    opened: tuple[int, str] | None = None
    offset = 0
    for line in text.split("\n"):
        mark = re.match(r"[ \t]*(```|~~~)", line)
        if mark and opened is None:
            opened = (offset, mark.group(1))
        elif mark and opened is not None and line.strip() == opened[1]:
            spans.append((opened[0], offset + len(line)))
            opened = None
        offset += len(line) + 1
    return spans


def _connection_calls(text: str, index: LineIndex, objects: dict[str, str]) -> list[Curl]:
    """`conn = http.client.HTTPSConnection("host")` ... `conn.request("POST", "/path", payload, headers)`."""
    connection = _CONNECTION.search(text)
    if connection is None:
        return []
    found: list[Curl] = []
    for count, match in enumerate(_CONN_REQUEST.finditer(text, connection.end())):
        if count >= MAX_SAMPLES:
            break
        scheme = "https" if "HTTPSConnection" in connection.group(0) else "http"
        curl = Curl(method=match.group("m"), url=f"{scheme}://{connection.group('host')}{match.group('path')}",
                    line=index.line_of(match.start()), end=match.end())
        if match.group("headers"):
            curl.headers = _headers(_literal(match.group("headers"), objects, True))
        body = _literal(match.group("body"), objects, True) if match.group("body") else None
        if body is not None:
            curl.data = json.dumps(body, ensure_ascii=False)
            if not any(k.lower() == "content-type" for k, _ in curl.headers):
                curl.headers.append(("Content-Type", "application/json"))
        found.append(curl)
    return found


def _call(kind: str, method: str, positional: list[str], keywords: dict[str, str], strings: dict[str, str],
          objects: dict[str, str], appended: dict[str, list[tuple[str, str]]]) -> Curl | None:
    python = kind == "python"
    options: dict[str, str] = dict(keywords)
    if kind in ("fetch", "axios") and positional and re.fullmatch(r"[A-Za-z_]\w*", positional[-1]) and \
            objects.get(positional[-1], "").startswith("{") and len(positional) >= 2:
        positional = positional[:-1] + [objects[positional[-1]]]  # `fetch(url, requestOptions)`
    if kind == "python" and method == "request":
        if len(positional) < 2:
            return None
        method_text = _string(positional[0], strings) or ""
        method, positional = method_text.lower(), positional[1:]
    if kind in ("fetch", "axios") and len(positional) >= 2 and positional[-1].startswith("{"):
        parsed = _option_text(positional[-1] if kind == "fetch" else positional[2] if len(positional) > 2 else "")
        options.update(parsed)
    if kind == "axios" and not method and positional and positional[0].startswith("{"):
        options.update(_option_text(positional[0]))
        positional = []
    url_expr = positional[0] if positional else options.get("url", "")
    url = _string(url_expr, strings) if url_expr else None
    if not url or not re.match(r"^(?:https?://|/|\{)", url):
        return None
    if kind == "fetch":
        method = (_string(options.get("method", ""), strings) or "get").lower() if options.get("method") else (
            "post" if "body" in options else "get")
    elif kind == "axios" and not method:
        method = (_string(options.get("method", ""), strings) or "get").lower()
    if method not in _METHODS:
        return None
    curl = Curl(method=method.upper(), url=url, line=0)
    headers_expr = options.get("headers", "").strip()
    curl.headers = list(appended.get(headers_expr, [])) if headers_expr in appended else _headers(
        _literal(headers_expr, objects, python))
    body: Any = None
    if kind == "python":
        body = _literal(options.get("json", ""), objects, True) if "json" in options else None
        if body is None and "data" in options:
            data = _literal(options["data"], objects, True)
            sent_as_json = objects.get(options["data"].strip(), options["data"]).startswith("json.dumps")
            if sent_as_json:
                body = data
            elif isinstance(data, dict) and "files" in options:
                curl.form = [(str(k), str(v)) for k, v in data.items()]
            elif isinstance(data, dict):
                curl.data = "&".join(f"{k}={v}" for k, v in data.items())
                curl.headers.append(("Content-Type", "application/x-www-form-urlencoded"))
            elif isinstance(data, str):
                body = _literal(data, objects, True)
        files = _literal(options.get("files", ""), objects, True) if "files" in options else None
        if isinstance(files, dict):
            curl.form += [(str(k), "@file") for k in files]
        elif "files" in options:
            names = re.findall(r"""["']([A-Za-z_][\w\-]*)["']\s*:\s*\(?\s*(?:open|\(|["'])""", options["files"])
            curl.form += [(n, "@file") for n in names]
    else:
        key = "body" if kind == "fetch" else "data"
        if kind == "axios" and len(positional) >= 2 and not options.get("data"):
            options["data"] = positional[1]
        body = _literal(options.get(key, ""), objects, False) if options.get(key) else None
    if body is not None:
        curl.data = json.dumps(body, ensure_ascii=False)
        if not any(k.lower() == "content-type" for k, _ in curl.headers):
            curl.headers.append(("Content-Type", "application/json"))
    return curl


def _option_text(text: str) -> dict[str, str]:
    text = text.strip()
    if not (text.startswith("{") and text.endswith("}")):
        return {}
    _positional, keywords = _arguments(text[1:-1], assign=":")
    return {k.strip("\"'"): v for k, v in keywords.items()}
