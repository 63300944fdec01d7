"""curl commands as doc pages print them: method, URL, headers, JSON or multipart body.

Pages mangle shell text: line continuations get flattened into `\\ ` mid-line, the closing quote of a
body runs into the next word, excerpts stop inside a quoted body. The tokenizer follows POSIX quoting
(`'\\''` included) but never fails: what it cannot close it returns as read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

# `curl` as a word: after a space, markup or any non-ASCII character (a capture glues "...字符。curl" or
# "请求示例curl" together), never inside a name (`libcurl`, `/usr/bin/curl`)
_START = re.compile(r"(?<![A-Za-z0-9_./\-])curl(?=\s)")
_DATA_FLAGS = {"-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--json", "--data-urlencode"}
_FORM_FLAGS = {"-F", "--form", "--form-string"}
_VALUE_FLAGS = {"-X", "--request", "-H", "--header", "--url", "-u", "--user", "-o", "--output", "-A",
                "--user-agent", "-e", "--referer", "-b", "--cookie", "-m", "--max-time", "--connect-timeout",
                "-w", "--write-out", "-x", "--proxy", "--retry", "-T", "--upload-file", "-c", "--cookie-jar"}
_URLISH = re.compile(r"^(?:https?://|\{\{|\$\{?\w+\}?/|/)")


@dataclass
class Curl:
    """One curl command: what it sends and where (`line` is 1-based in the page)."""

    method: str
    url: str
    line: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    data: str | None = None
    form: list[tuple[str, str]] = field(default_factory=list)
    end: int = 0  # offset in the page just past the command

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None


def tokenize(text: str, start: int) -> tuple[list[str], int]:
    """Shell words from `start` to the end of the command (an unescaped newline outside quotes)."""
    words: list[str] = []
    current: list[str] = []
    in_word = False
    i, n = start, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            break
        if ch in " \t":
            if in_word:
                words.append("".join(current))
                current, in_word = [], False
            i += 1
            continue
        if ch == "\\":
            nxt = text[i + 1] if i + 1 < n else ""
            if nxt == "\n" or nxt == "\r":
                i += 2 if nxt == "\n" else 3
                continue
            if nxt in (" ", "\t", ""):  # a flattened line continuation
                if in_word:
                    words.append("".join(current))
                    current, in_word = [], False
                i += 2
                continue
            current.append(nxt)
            in_word = True
            i += 2
            continue
        if ch == "'":
            close = text.find("'", i + 1)
            close = n if close < 0 else close
            current.append(text[i + 1:close])
            in_word = True
            i = close + 1
            if i < n and text[i] in "{[" and close > 0 and (text[close - 1] in "}]" or text[i + 1:i + 2] in "\n\"["):
                break  # `-d '{...}'{` or `-H '...'{\n"id"`: the response example printed right after the command
            continue
        if ch == '"':
            i += 1
            while i < n and text[i] != '"':
                if text[i] == "\\" and i + 1 < n and text[i + 1] in '"\\$`\n':
                    if text[i + 1] != "\n":
                        current.append(text[i + 1])
                    i += 2
                    continue
                current.append(text[i])
                i += 1
            in_word = True
            i += 1
            continue
        current.append(ch)
        in_word = True
        i += 1
    if in_word:
        words.append("".join(current))
    return words, min(i, n)


def _parse_words(words: list[str], line: int, end: int) -> Curl | None:
    method: str | None = None
    url: str | None = None
    curl = Curl(method="", url="", line=line, end=end)
    i = 0
    while i < len(words):
        word = words[i]
        value = words[i + 1] if i + 1 < len(words) else ""
        if word.startswith("--") and "=" in word:
            word, value = word.split("=", 1)
            i -= 1
        if word in ("-X", "--request"):
            method = value.upper()
        elif word in ("-H", "--header"):
            name, _, header_value = value.partition(":")
            if name.strip():
                curl.headers.append((name.strip(), header_value.strip()))
        elif word == "--url":
            url = url or value
        elif word in _DATA_FLAGS:
            curl.data = value if curl.data is None else curl.data + "&" + value
            if word == "--json":
                curl.headers.append(("Content-Type", "application/json"))
        elif word in _FORM_FLAGS:
            name, _, form_value = value.partition("=")
            curl.form.append((name.strip(), form_value))
        elif word in ("-u", "--user"):
            curl.headers.append(("Authorization", "Basic " + value))
        elif word in _VALUE_FLAGS:
            pass
        elif word.startswith("-") and len(word) > 1:
            i += 1
            continue
        elif url is None and _URLISH.match(word):
            url = word
            i += 1
            continue
        else:
            i += 1
            continue
        i += 2
    if url is None:
        return None
    if method is None:
        method = "POST" if curl.data is not None or curl.form else "GET"
    curl.method, curl.url = method, url
    return curl


_FLAG_LINE = re.compile(r"[ \t]*--?[A-Za-z][\w-]*(?=[ \t=]|$)", re.MULTILINE)  # a line that is the next option
_ASSIGNMENT = re.compile(r"(?m)^[ \t]*(?:export[ \t]+)?([A-Za-z_]\w*)=[\"']?(https?://[^\s\"']+?)/?[\"']?[ \t]*$")


def find_curls(text: str) -> list[Curl]:
    """Every curl command in the page, in order; `$BASE_URL`-style variables the page assigns
    (`BASE_URL=https://...`, `export HOST=...`) are substituted in URLs."""
    from generator.ingest.text import LineIndex

    variables = {m.group(1): m.group(2) for m in _ASSIGNMENT.finditer(text)}
    index = LineIndex(text)
    found = []
    for match in _START.finditer(text):
        words, end = tokenize(text, match.end())
        while end < len(text) and _FLAG_LINE.match(text, end + 1):
            more, end = tokenize(text, end + 1)  # `curl …` / `--header …` with the backslashes lost (HTML)
            words += more
        curl = _parse_words(words, index.line_of(match.start()), end)
        if curl is not None:
            _heredoc(text, words, curl)
        if curl is not None:
            if variables:
                curl.url = re.sub(r"\$\{?(\w+)\}?", lambda m: variables.get(m.group(1), m.group(0)), curl.url)
            found.append(curl)
    return found


_HEREDOC = re.compile(r"^<<-?\s*(\w+)$")


def _heredoc(text: str, words: list[str], curl: Curl) -> None:
    """`-d @- <<'JSON'` ... `JSON`: the body is the here-document under the command (it ends at its marker,
    or where the page ends)."""
    marker = next((m.group(1) for m in map(_HEREDOC.match, words) if m), None)
    if marker is None or curl.data not in ("@-", None):
        return
    start = curl.end + 1 if curl.end < len(text) else curl.end
    close = re.compile(rf"(?m)^[ \t]*{re.escape(marker)}[ \t]*$").search(text, start)
    stop = close.start() if close else len(text)
    curl.data = text[start:stop].strip("\n")
    curl.end = close.end() if close else len(text)
    if curl.method == "GET" and not any(w in ("-X", "--request") for w in words):
        curl.method = "POST"


_PLACEHOLDER_HOST = re.compile(r"^(?:https?://)?(?:\{\{[^}]*\}\}|\$\{?\w+\}?|<[^>]*>|\{\w+\}(?=/|$))")


def split_url(url: str) -> tuple[str | None, str, list[tuple[str, str]]]:
    """(server, path, query pairs) of a URL; a `{{BASE_URL}}`/`$HOST`/`https://{base_url}` placeholder gives no
    server."""
    url = url.strip()
    placeholder = _PLACEHOLDER_HOST.match(url)
    if placeholder:
        url = url[placeholder.end():]
        if not url.startswith("/"):
            url = "/" + url
    if url.startswith(("http://", "https://")):
        parts = urlsplit(url)
        server: str | None = f"{parts.scheme}://{parts.netloc}"
        path, query = parts.path or "/", parts.query
    else:
        server = None
        path, _, query = url.partition("?")
    path = re.sub(r"\{\{\s*(\w+)\s*\}\}", r"{\1}", path)
    path = re.sub(r"/{2,}", "/", path)  # `{base_url}//pika/feed/{id}`: a doubled slash where host and path meet
    path = "/".join(_placeholder(segment) for segment in path.split("/"))
    return server, path or "/", parse_qsl(query, keep_blank_values=True)


def _placeholder(segment: str) -> str:
    """A path segment written as a placeholder, as the `{name}` of a path template: `<task_id>`, `:task_id`
    (Express style), `${requestId}` (a shell variable) and `RUN_ID` / `YOUR_TASK_ID` (capitals naming an id); `OCR` or `v1` stay segments."""
    marked = re.fullmatch(r"<([A-Za-z_]\w*)>|:([A-Za-z_]\w*)|\$\{([A-Za-z_]\w*)\}", segment)
    if marked:
        return "{" + (marked.group(1) or marked.group(2) or marked.group(3)) + "}"
    if re.fullmatch(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*", segment) and ("_" in segment or segment.endswith("ID")) \
            and len(segment) > 2:
        return "{" + re.sub(r"^YOUR_", "", segment).lower() + "}"
    return segment
