"""Where a page states an endpoint, and how the page divides into one section per endpoint.

A page states an endpoint in a handful of shapes, whatever the site:
- a method word and a target on one line, at the line's start or after a label, a bullet or a table pipe
  (`POST /v1/x`, `- Endpoint: GET https://...`, `| 文生图 | POST /v1/images/generations |`);
- a method word alone on its line with one or more targets on the next lines (Apifox, Mintlify; several
  targets listed under one method share it), or a lone method word whose path comes at the end of the
  block (GitBook prints `post` first and `post` + path last);
- labelled values: `请求方式:POST` / `Request method: POST` / `| Method | POST |` with one or more
  `请求地址:https://...` / `Request address:` / `URL | ...` lines (a label on one line, its value on the next);
- a table row whose cells hold a path (with or without its host) and a method word, also glued
  (`queue.fal.run/{appId}/statusGET`).
A method and path merely mentioned inside a sentence (`poll GET /tasks/{id} until done`) is not an operation:
the reader warns and goes on.

Sections: statements in a row with nothing documented between them form one group (one field list shared by
several URLs); each group's section runs from its first statement (or the lone method word that opened it) to
the next group. Fields, examples and responses belong to the section they sit in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.ingest.text import METHOD_WORDS

_M = "|".join(METHOD_WORDS)
PATH_CHARS = r"[A-Za-z0-9_\-./{}~%:@+$]"
TARGET = rf"(?:https?://{PATH_CHARS}+|\{{\{{\s*\w+\s*\}}\}}{PATH_CHARS}*|\{{[A-Z][A-Z0-9_]*\}}/{PATH_CHARS}*|\$\{{?\w+\}}?{PATH_CHARS}*|/{PATH_CHARS}*)"
_INLINE = re.compile(rf"(?<![A-Za-z])({_M})`?[ \t]+`?({TARGET})")  # `` `POST` `/v1/x` ``: each in code marks
_TARGET_LINE = re.compile(rf"^`?({TARGET})")
_LOWER_INLINE = re.compile(rf"^[\s\-*•]*({_M.lower()})[ \t]+`?((?:https?://|/){PATH_CHARS}*)`?\s*$")  # ReadMe badge
_LONE_METHOD = re.compile(rf"^[\s#>*`•·\-]*({_M}|{_M.lower()})[\s`]*$")
_LABELS = (r"(?:[\u4e00-\u9fff]{0,4}(?:请求地址|接口地址|请求URL|请求 URL|请求路径|接口路径|调用地址|請求地址|介面地址|"
           r"接口網址|請求網址|請求路徑|請求 URL|地址|網址|路径|路徑)|"
           r"Request (?:address|URL|path)|Endpoint|Base URL|URL|Path|Route|エンドポイント|リクエストURL|URL-адрес|Адрес|"
           r"요청 URL|요청 주소|엔드포인트|URL de la solicitud|Punto de acceso|URL de la requête)")
_LABELLED_TARGET = re.compile(rf"^[\s\-*•|]*{_LABELS}\**\s*[:：|]?\s*\**\s*(?:({_M})\s+)?`?({TARGET})", re.IGNORECASE)
_LABEL_ALONE = re.compile(rf"^[\s\-*•|#]*{_LABELS}\s*[:：]?\s*$", re.IGNORECASE)
_METHOD_WORDS = (r"请求方式|请求方法|调用方式|請求方式|請求方法|呼叫方式|HTTP\s*方法|方法|Request method|HTTP method|Method|Метод|"
                 r"メソッド|リクエストメソッド|요청 방식|요청 메서드|메서드|Método|Méthode")
_METHOD_LABEL = re.compile(rf"(?:{_METHOD_WORDS})"
                           rf"\**\s*[:：|]?\s*[*`]*\s*({_M})\b", re.IGNORECASE)  # `**方法**: \`POST\``
_METHOD_THEN_BULLET = re.compile(rf"^({_M})[ \t]+(-[ \t]+\S.*)$")
_METHOD_LABEL_ALONE = re.compile(rf"^[\s\-*•|#]*(?:{_METHOD_WORDS})\s*[:：]?\s*$", re.IGNORECASE)
_BARE_HOST = re.compile(r"https?://(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?/?")
_HOST = r"(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?"
_TABLE_TARGET = re.compile(rf"^\|?\s*`?(?P<host>{_HOST})?(?P<path>/{PATH_CHARS}*?)`?\s*(?:\|\s*)?"
                           rf"`?(?P<method>{_M})(?=[A-Z\s|`]|$)")
_ALLOWED_BEFORE = re.compile(r"(?:^|[:：|>`(\[（【]|--|[-*•·]|^#{1,6}|[\u4e00-\u9fff]{1,8}[:：]|\b(?:Endpoint|Request|Route|URL)s?|"
                             r"^(?:api|openapi|endpoint)\s*:\s*[\"'](?:\S+\.(?:json|ya?ml)\s+)?)\s*$",
                             re.IGNORECASE)  # the last: a Mintlify page's front matter (`api: "POST /v1/x"`)
_HEADING_WORDS = ("Header", "Headers", "Body", "Query", "Request", "Response", "Responses", "Parameters", "Path",
                  "Authorization", "Authorizations", "Params")
_DEPRECATED = re.compile(r"已废弃|已弃用|废弃|\bDeprecated\b|非推荐", re.IGNORECASE)


@dataclass
class Statement:
    """One place the page states an endpoint (`line` 1-based; `start` the line its section opens at)."""

    line: int
    method: str
    target: str
    start: int = 0
    deprecated: bool = False


@dataclass
class Scan:
    statements: list[Statement]
    mentions: list[tuple[int, str]]  # (line, "GET /x") stated inside a sentence
    unstated: list[tuple[int, str]] = field(default_factory=list)  # (line, target) labelled, no method anywhere


def clean_target(target: str, rest: str = "", page_words: frozenset[str] = frozenset()) -> str:
    """A target with what scraping glued to it removed: punctuation, a status code and its word
    (`/v2/x200Success`), and a capitalised word (`/mj/imagineMidjourney imagine接口`, `/task/submitHeader`)
    when the page shows that word on its own elsewhere or it is a section word."""
    target = target.rstrip(".,:;`")
    target = _unclosed_cut(target)
    # `/requests/{request_id}images.`: a word glued after a path parameter is the next sentence
    target = re.sub(r"(?<=[^{]\})[A-Za-z][\w.]*$", "", target)
    target = re.sub(r"(?<=[a-z])[1-5]\d\d(?:[A-Z][A-Za-z]*)?$", "", target)
    glued = re.search(r"(?<=[a-z0-9])((?:[A-Z][a-z]+)+)$", target)
    if glued and "/" in target[:glued.start()]:
        word = glued.group(1)
        first = re.match(r"[A-Z][a-z]+", word).group(0)  # type: ignore[union-attr]
        if first in _HEADING_WORDS or word in _HEADING_WORDS or (rest[:1] in (" ", "\t") and first in page_words):
            target = target[:glued.start()]
    if not target.startswith("{{"):
        target = re.sub(r"\{\{\s*(\w+)\s*\}\}", r"{\1}", target)
    return target


def _unclosed_cut(target: str) -> str:
    """The target up to a brace that never closes: `/fal-ai/{{model}}{` is the path and the `{` opening the
    JSON body printed right after it."""
    depth, start = 0, -1
    for at, char in enumerate(target):
        if char == "{":
            if depth == 0:
                start = at
            depth += 1
        elif char == "}" and depth:
            depth -= 1
    return target[:start].rstrip(".,:;`") if depth and start >= 0 else target


def _words(lines: list[str]) -> frozenset[str]:
    """Capitalised words that stand alone somewhere on the page (a title, a heading, prose)."""
    words: set[str] = set()
    for line in lines:
        if len(line) < 400:
            words.update(re.findall(r"(?<![A-Za-z/])([A-Z][a-z]+)(?![A-Za-z])", line))
    return frozenset(words)


def scan(lines: list[str], skip_lines: set[int]) -> Scan:
    """Every endpoint statement of the page (lines given 0-based, statements reported 1-based), and the
    method+path pairs only mentioned in sentences. `skip_lines` (1-based) are curl and JSON lines."""
    words = _words(lines)
    found: list[Statement] = []
    mentions: list[tuple[int, str]] = []
    openers: list[tuple[int, str]] = []
    labelled: list[tuple[int, str | None, str]] = []
    page_method: str | None = None
    method_label_line = -2
    label_line = -2
    for index, raw in enumerate(lines):
        number = index + 1
        if number in skip_lines:
            continue
        line = raw.strip()
        if not line:
            continue
        if page_method is None:
            method = _METHOD_LABEL.search(line)
            if method:
                page_method = method.group(1).upper()
        if _METHOD_LABEL_ALONE.match(line):
            method_label_line = index
            continue
        bulleted = _METHOD_THEN_BULLET.match(line)
        if bulleted and method_label_line == index - 1:
            # `- 请求方法:` / `POST - 请求地址` / `https://...`: a bullet list copied with each item's value glued
            # to the next item's label; the method is the first label's value, the second label waits for its own
            page_method = page_method or bulleted.group(1).upper()
            if _LABEL_ALONE.match(bulleted.group(2)):
                label_line = index
            continue
        lone = _LONE_METHOD.match(line)
        if lone:
            if method_label_line == index - 1:
                page_method = page_method or lone.group(1).upper()
                continue
            targets = _targets_after(lines, index + 1, words)
            if targets:
                for at, target in targets:
                    found.append(Statement(at + 1, lone.group(1).upper(), target, start=number))
            else:
                openers.append((number, lone.group(1).upper()))
            continue
        if label_line == index - 1:
            value = _TARGET_LINE.match(line)
            if value and not line.startswith("/" * 2):
                labelled.append((number, None, clean_target(value.group(1), line[value.end():], words)))
                continue
        if _LABEL_ALONE.match(line):
            label_line = index
            continue
        label = _LABELLED_TARGET.match(line)
        if label and not _INLINE.search(line[:label.start(2)]):
            rest = line[label.end():]
            labelled.append((number, label.group(1).upper() if label.group(1) else None,
                             clean_target(label.group(2), rest, words)))
            continue
        lower = _LOWER_INLINE.match(line)
        if lower:
            found.append(Statement(number, lower.group(1).upper(), clean_target(lower.group(2), "", words),
                                   start=number))
            continue
        table = _TABLE_TARGET.match(line)
        if table:
            host = table.group("host") or ""
            if host and not host.startswith("http"):
                host = "https://" + host
            target = clean_target(host + table.group("path"), "", words)
            found.append(Statement(number, table.group("method"), target, start=number))
            continue
        for match in _INLINE.finditer(line):
            before = line[:match.start()]
            target = clean_target(match.group(2), line[match.end():], words)
            if target in ("", "/"):
                continue
            if _ALLOWED_BEFORE.search(before):
                found.append(Statement(number, match.group(1), target, start=number))
            else:
                mentions.append((number, f"{match.group(1)} {target}"))
    unstated: list[tuple[int, str]] = []
    with_path = [t for _, _, t in labelled if re.sub(r"^https?://[^/]+", "", t) not in ("", "/")]
    hosts: list[str] = []
    for number, stated, target in labelled:
        labelled_method = stated or page_method
        if (found or with_path) and re.sub(r"^https?://[^/]+", "", target) in ("", "/"):
            hosts.append(target.rstrip("/"))  # `Base URL: https://api.x.com` beside `Path: /v1/x`: the server
            continue
        if labelled_method:
            found.append(Statement(number, labelled_method, target, start=number))
        elif target not in ("", "/"):
            unstated.append((number, target))
    if len(set(hosts)) == 1 and hosts[0].startswith("http"):
        for statement in found:
            if statement.target.startswith("/"):
                statement.target = hosts[0] + statement.target
    for statement in found:  # a bare host on the line right above `POST /path` (Scalar, Mintlify): its server
        above = next((lines[at].strip() for at in range(statement.line - 2, max(statement.line - 4, -1), -1)
                      if lines[at].strip()), "")
        if statement.target.startswith("/") and _BARE_HOST.fullmatch(above):
            statement.target = above.rstrip("/") + statement.target
    _close_openers(found, openers)
    for statement in found:
        context = " ".join(lines[max(0, statement.start - 3):statement.line])
        statement.deprecated = bool(_DEPRECATED.search(context))
    found.sort(key=lambda s: (s.start, s.line))
    return Scan(found, mentions, unstated)


def _targets_after(lines: list[str], start: int, words: frozenset[str]) -> list[tuple[int, str]]:
    """Targets listed right after a lone method line: the first within 3 lines, then every target line that
    follows it directly; a path split over lines (`/`, `v1`, `/`, `images`) is joined."""
    out: list[tuple[int, str]] = []
    index = start
    limit = min(start + 3, len(lines))
    while index < limit:
        text = lines[index].strip()
        if re.match(r"^(?:https?://|/|\{\{|\$)", text):
            break
        if _LONE_METHOD.match(text):
            return []
        index += 1
    else:
        return []
    while index < len(lines):
        text = lines[index].strip()
        if not re.match(r"^(?:https?://|/|\{\{|\$)", text):
            break
        joined, used = _joined(lines, index)
        match = _TARGET_LINE.match(joined)
        if not match:
            break
        rest = joined[match.end():] if used == 1 else ""
        target = clean_target(match.group(1), rest, words)
        if target in ("", "/"):
            break
        out.append((index, target))
        index += used
        if rest.strip():
            break
    return out


_SEGMENT = re.compile(r"^[A-Za-z0-9_\-.{}~]+$")


def _joined(lines: list[str], first: int) -> tuple[str, int]:
    parts = [lines[first].strip()]
    for at in range(first + 1, len(lines)):
        piece = lines[at].strip()
        if piece == "/" and not parts[-1].endswith("/"):
            parts.append("/")
        elif parts[-1].endswith("/") and _SEGMENT.match(piece):
            parts.append(piece)
        else:
            break
    return "".join(parts), len(parts)


def _close_openers(found: list[Statement], openers: list[tuple[int, str]]) -> None:
    """A lone method word with no path after it opens the section of the next statement of that method."""
    for line, method in openers:
        later = [s for s in found if s.method == method and s.line > line]
        if later:
            target = min(later, key=lambda s: s.line)
            if not any(o_line for o_line, o_method in openers if o_method == method and line < o_line < target.line):
                target.start = min(target.start, line)


def groups(statements: list[Statement], content_lines: list[int]) -> list[list[Statement]]:
    """Statements in a row with no documented content (fields, examples, curl lines) between them."""
    out: list[list[Statement]] = []
    content = sorted(content_lines)
    from bisect import bisect_left

    for statement in statements:
        if out:
            previous = out[-1][-1]
            low, high = previous.line, statement.line
            between = bisect_left(content, high) - bisect_left(content, low + 1)
            if between <= 0:
                out[-1].append(statement)
                continue
        out.append([statement])
    return out
