"""Parameter tables: Markdown (`| 参数 | 类型 | 必填 | 说明 |`, English too) and tables whose cells ran together
(`参数类型必填说明` / `modelstring是模型名称`) when a page was copied as plain text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Any

from generator.ingest import hints, tables
from generator.ingest.fields import Field, build_operation, tree_name
from generator.ingest.page import Page
from generator.ingest.sections import BODY, HEADER, PATH, QUERY, RESPONSE, enclosing, heading

_YES = {"是", "y", "yes", "true", "必填", "必需", "必须", "必选", "required", "mandatory", "✓", "√", "✔", "✔️", "✅", "はい", "必須",
        "да", "必填参数", "必须参数", "예", "필수", "sí", "si", "oui", "ja", "sim", "có", "obligatorio",
        "obligatoire", "erforderlich", "obrigatório", "bắt buộc", "必要", "○", "◯", "●", "〇", "☑", "☑️"}
_NO = {"否", "n", "no", "false", "可选", "optional", "选填", "非必填", "非必需", "-", "—", "いいえ", "任意", "нет",
       "可选参数", "非必须", "아니오", "아니요", "선택", "non", "nein", "não", "không",
       "opcional", "facultatif", "可選", "×", "✗", "✕", "✘", "❌", "✖", "✖️", "❎"}
_TYPE_WORDS = "string|integer|number|boolean|object|array|file|int|float|bool"


def _words(words: Iterable[str]) -> str:
    """A regex alternation of header or cell words as a table flattened to text prints them (no spaces)."""
    found = {w.replace(" ", "") for w in words}
    return "|".join(re.escape(w) for w in sorted(found, key=len, reverse=True) if w)


# A table whose cells lost their separators (a rendered table copied as text): the header's column words
# run together (`参数名类型必填说明`, `パラメータ必須説明`, `ПараметрТипОбязательныйОписание`), and each row is a
# name, a type word, a required word and the description (`modelstring必須モデル名`).
_RAN_REQUIRED = _words(w for w in _YES | _NO if not re.fullmatch(r"[A-Za-z\-—]", w))  # `y`/`n` would eat a word
_RAN_TYPE = rf"(?:enum<\w+>|(?:{_TYPE_WORDS})(?:\[\]|\[\w+\]|<\w+>)?)"
_RAN_TYPES = rf"{_RAN_TYPE}(?:\s*(?:或|/|\||\bor\b)\s*{_RAN_TYPE})*"  # `file 或 file[]`
_RAN_ROW = re.compile(rf"^(?P<name>[A-Za-z_][\w.\-\[\]]*?)(?P<type>{_RAN_TYPES})"
                      rf"(?-i:(?![a-z0-9_]))\s*(?P<req>{_RAN_REQUIRED})?\s*(?P<desc>.*)$", re.IGNORECASE)
# the same row when the description starts with a lower-case value (`modelstringgpt-image-2`): the first type
# word after the shortest name ends the name; only tried when the row reads no other way
_RAN_ROW_LOOSE = re.compile(rf"^(?P<name>[A-Za-z_][\w.\-\[\]]*?)(?P<type>{_RAN_TYPES})"
                            rf"\s*(?P<req>(?i:{_RAN_REQUIRED}))?\s*(?P<desc>\S.*)$")
_LOCATION = {"path": PATH, "query": QUERY, "header": HEADER, "body": BODY, "formdata": BODY, "form": BODY,
             "json": BODY, "url": QUERY, "路径": PATH, "查询": QUERY, "请求头": HEADER, "请求体": BODY,
             "路徑": PATH, "查詢": QUERY, "請求頭": HEADER, "請求體": BODY, "パス": PATH, "クエリ": QUERY,
             "ヘッダー": HEADER, "ボディ": BODY, "경로": PATH, "쿼리": QUERY, "헤더": HEADER, "본문": BODY,
             "multipart": BODY, "form-data": BODY, "params": QUERY, "cabecera": HEADER, "cuerpo": BODY,
             "путь": PATH, "запрос": QUERY, "заголовок": HEADER, "тело": BODY}
_NAME = r"[A-Za-z_$@][\w.\-\[\]$@]*"
_HEAD = re.compile(rf"^`?(?P<name>{_NAME}?)(?=`|\?|\s|$|(?:{tables.TYPE_TOKEN})(?![\w]))`?\??\s*"
                   rf"(?P<type>{tables.TYPE_TOKEN})?(?![\w])\s*"
                   r"(?P<req>必填参数|必须参数|可选参数|必填|必需|必须|非必需|非必填|可选|选填|required|optional)?\s*(?P<desc>.*)$",
                   re.IGNORECASE | re.DOTALL)


def _required(cell: str) -> bool | None:
    lowered = re.sub(r"[*`]", "", cell).strip().lower()
    if lowered in _YES:
        return True
    if lowered in _NO:
        return False
    return None


def _status_table(rows: list[list[str]]) -> bool:
    """A table whose first column holds nothing but status codes lists responses (`200 | OK | ...`), not fields."""
    firsts = [re.sub(r"[*`]", "", r[0]).strip() for r in rows if r and r[0].strip()]
    return bool(firsts) and all(re.fullmatch(r"[1-5]\d\d|[1-5]XX|default", f, re.IGNORECASE) for f in firsts)


_EMPTY = {"none", "null", "-", "—", "无", "暂无", "n/a", "なし", "нет", "없음"}


def _section_before(lines: list[str], index: int) -> tuple[str, str]:
    """(section, status) of a table starting at line `index`: the nearest heading above it (however far; a
    response's `Body` stays in the response), or a line naming response fields just above it."""
    for back, line in enumerate(reversed(lines[max(0, index - 6):index])):
        if heading(line):
            break
        if re.search(r"(响应|返回|回應|響應)(参数|參數|字段|欄位|结构|結構)|response (fields|parameters|body|schema)|"
                     r"レスポンス(?:パラメータ|フィールド)|응답 (?:파라미터|필드|본문)|поля ответа|параметры ответа|"
                     r"campos de (?:la )?respuesta|champs de (?:la )?réponse", line, re.IGNORECASE):
            return RESPONSE, _status(lines, index - back - 1)
    found = enclosing(lines, index)
    if found and found[1].kind in (PATH, QUERY, HEADER, RESPONSE, BODY):
        at, section = found
        if section.kind != RESPONSE:
            return section.kind, ""
        return RESPONSE, section.status or _status(lines, at)
    return BODY, ""


def _status(lines: list[str], at: int) -> str:
    """The status code a response heading at line `at`, or a status line just below it, names."""
    for line in lines[at:at + 3]:
        found = heading(line)
        if found and found.status:
            return found.status
    return "200"


_HTTP_HEADERS = {"authorization", "content-type", "accept", "user-agent", "x-api-key", "api-key", "accept-language",
                 "x-request-id", "idempotency-key", "cookie", "content-length", "accept-encoding"}


def _header_table(rows: list[list[str]], name_column: int) -> bool:
    """Whether every row names an HTTP header (Title-Case words joined by hyphens or a known header), one of
    them a well-known one: a header table printed without its `Header` heading."""
    names = [re.sub(r"[`*]", "", cells[name_column]).strip() for cells in rows if name_column < len(cells)]
    if not names:
        return False
    headerish = all(n.lower() in _HTTP_HEADERS or re.fullmatch(r"(?:X-)?[A-Z][a-z]+(?:-[A-Z][a-z]+)+", n)
                    for n in names)
    return headerish and any(n.lower() in _HTTP_HEADERS for n in names)


def parse_fields(page: Page) -> list[Field]:
    lines = page.text.split("\n")
    fields: list[Field] = []
    for table in page.tables():
        rows = [cells for _, cells in table.rows]
        roles = tables.columns(table.header, rows)
        if "name" not in roles or (len(roles) < 2 and "value" not in roles) or _status_table(rows):
            continue
        section, status = _section_before(lines, table.line - 1)
        if section in (BODY, None) and _header_table(rows, roles["name"]):
            section = HEADER  # `Authorization` / `Content-Type` rows under no heading: the request's headers
        if set(roles) == {"name", "value"} and _value_lists(table, roles, fields):
            continue
        indents = [_entity_indent(cells[roles["name"]])[0] if roles["name"] < len(cells) else 0
                   for _, cells in table.rows]
        step = min((w for w in indents if w), default=0)  # one level of indentation, as this table draws it
        for (line, cells), width in zip(table.rows, indents):
            if width:
                cells = list(cells)
                cells[roles["name"]] = _entity_indent(cells[roles["name"]])[1]
            item = _row(cells, roles, section, status, line)
            if item:
                _other_columns(item, table.header, cells, roles)
                if width and not item.depth:
                    item.depth = round(width / step)
                fields.append(item)
    _notes_after(lines, fields)
    i = 0
    while i < len(lines):
        ran = _ran_header(lines[i].strip())
        if ran is None:
            i += 1
            continue
        section, status = _section_before(lines, i)
        i += 1
        last: Field | None = None
        while i < len(lines):
            text = lines[i].strip()
            row = _RAN_ROW.match(text) or _RAN_ROW_LOOSE.match(text)
            if row:
                last = _ran_row(row, ran, section, status, i + 1)
                fields.append(last)
            elif last is None or not text or _ran_header(text) is not None or heading(text) is not None or (
                    re.match(r"^(?:```|\{|\[|curl\b|\|)", text)):
                break  # (the row's description goes on over lines until a blank line, a heading or a code block)
            else:
                last.description.append(text)
            i += 1
    return fields


# The column words of a header row whose cells ran together (`FieldTypeRequiredTitleDescription`,
# `ParameterTypeRequiredDefaultDescription`, `参数名称类型必填参数描述`), longest first; `title` names a column
# no role reads (its cell joins the description)
_RAN_WORDS = sorted({w.replace(" ", "").lower() for names in tables.VOCABULARY.values() for w in names}
                    | {"title", "标题", "是否"}, key=len, reverse=True)


_RAN_BY_FIRST: dict[str, list[str]] = {}
for _word in _RAN_WORDS:  # (longest first within each list, as `_RAN_WORDS` is sorted)
    _RAN_BY_FIRST.setdefault(_word[0], []).append(_word)


def _ran_header(line: str) -> list[str] | None:
    """The roles of a header line made only of column words (three or more; a name column first, then a type
    or required column, and a description), or None. Words are tried longest first, backtracking where a
    longer word leaves a header no reading fits (`参数类型是否必填说明` is `参数`+`类型`+…, not `参数类型`+…)."""
    if not line or len(line) > 160:
        return None
    text = re.sub(r"[ /／]", "", line).lower()  # (`默认值/可选值`: one column naming two things)
    if len(text) > 80 or not any(text.startswith(word) for word in _RAN_BY_FIRST.get(text[:1], ())):
        return None  # (most lines: not opened by a column word, so no reading is tried)

    def readings(at: int, depth: int) -> Iterator[list[str]]:
        if at == len(text):
            yield []
            return
        if depth > 10:
            return
        for word in _RAN_BY_FIRST.get(text[at], ()):
            if text.startswith(word, at):
                role = [] if word == "是否" else [tables.VOCABULARY_ROLE.get(word, "title")]
                for rest in readings(at + len(word), depth + 1):
                    yield role + rest

    for roles in itertools.islice(readings(0, 0), 64):
        if len(roles) >= 3 and roles[0] == "name" and {"type", "required"} & set(roles[1:3]) and (
                "description" in roles):
            return roles
    return None


# a default printed between the required word and the description (`texturebooleanNotrueGenerate textures.`):
# a quoted value, a number, a literal or a lower-case word, where the description then starts with a capital
# or CJK text
_RAN_DEFAULT = re.compile(r"^(?P<value>\"[^\"\n]{0,60}\"|'[^'\n]{0,60}'|\d+x\d+|-?\d+(?:\.\d+)?(?![A-Za-z0-9_.])|true|false|"
                          r"null|[a-z][a-z0-9_\-]*)(?=$|[A-Z\u4e00-\u9fff\s])")


def _ran_row(row: re.Match[str], roles: list[str], section: str, status: str, line: int) -> Field:
    description = row.group("desc").strip()
    default = None
    required_word = row.group("req") or ""
    after = roles.index("required") + 1 if "required" in roles else roles.index("type") + 1 if "type" in roles else 1
    if after < len(roles) and roles[after] == "default" and required_word.lower() in ("true", "false"):
        default, required_word = required_word.lower(), ""  # `watermarkbooleanfalse是否…`: the default, not a required word
    elif after < len(roles) and roles[after] == "default":
        value = _RAN_DEFAULT.match(description)
        if value:
            default = value.group("value").strip("\"'")
            description = description[value.end():].strip()
    item = Field(name=row.group("name"), section=section, type=_type_word(row.group("type")),
                 required=_required(required_word), description=[description] if description else [],
                 status=status or "200", line=line)
    if default is not None and hints.coerce(default, item.type) is not None:
        item.default = default
    elif default is not None:
        item.description.insert(0, f"Default: {default}")
    return item


def _other_columns(item: Field, header: list[str], cells: list[str], roles: dict[str, int]) -> None:
    """Cells of columns no role names (`取值范围/格式`, `备注2`, `Constraints`) are still what the page says of the
    field: kept in its description as `column: cell`, and read for defaults, ranges and values."""
    for index, title in enumerate(header):
        if index in roles.values() or index >= len(cells):
            continue
        text, title = cells[index].strip(), re.sub(r"[*`]", "", title).strip()
        if not text or text.lower() in _EMPTY or not title:
            continue
        item.description.append(f"{title}: {text}")
        item.notes.append(text)


_NOTE_LINE = re.compile(r"^(?:[-*•]\s*\S.*|[^\s:：]{1,24}(?:\s+[-*•]\s+.*)?)$")


def _notes_after(lines: list[str], fields: list[Field]) -> None:
    """A table field's name alone on a line, then bullets (`n` / `- 默认值:` / `1 - 最小值:` / `1`): notes on that
    field (defaults, ranges) the table had no room for."""
    by_name = {f.name: f for f in fields}
    last_row = max((f.line for f in fields), default=0)
    for index in range(last_row, len(lines)):
        item = by_name.get(lines[index].strip())
        if item is None or index + 1 >= len(lines) or not lines[index + 1].lstrip().startswith(("-", "*", "•")):
            continue
        block: list[str] = []
        for line in lines[index + 1:index + 13]:
            text = line.strip()
            if not text or not _NOTE_LINE.match(text) or (
                    text.endswith((":", "：")) and text[0] not in "-*•" and not re.search(r"\s[-*•]\s", text)):
                break
            block.append(text)
        if block:
            item.notes.append(re.sub(r"\s*[-*•]\s+", " ", " ".join(block)).strip())


def _row(cells: list[str], columns: dict[str, int], section: str, status: str, line: int) -> Field | None:
    def cell(key: str) -> str:
        index = columns.get(key)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    depth, name_cell = tree_name(cell("name"))
    marked = None if cell("type") else _MARKED_TYPE.match(name_cell.strip())  # `prompt (string)`, `` `seed` *int* ``
    if marked:
        name_cell = marked.group("name")
    starred = bool(re.search(r"[A-Za-z0-9_\]`]\s*\\?\*$", name_cell.strip()))  # GitBook's `prompt*`: required
    if starred:
        name_cell = re.sub(r"\s*\\?\*$", "", name_cell.strip())
    name_cell = re.sub(r"</?code>", "", name_cell).strip()
    wrapped = re.fullmatch(r"\*\*(.+)\*\*|__(.+)__", name_cell)  # bold around the name, not `a__b` inside it
    bare = (wrapped.group(1) or wrapped.group(2)).strip() if wrapped else name_cell
    head = _HEAD.match(bare)
    if not head:
        return None
    name = head.group("name")
    if cell("type") and re.fullmatch(rf"`?{_NAME}`?\??", bare):
        # a column of its own gives the type, so a name ending in a type word is one name (`base64Array`,
        # `imageList`), not a name glued to its type as a flattened listing prints it (`promptstring`)
        name = bare.strip("`").rstrip("?")
    if re.fullmatch(r"\d+", name) or not name:
        return None
    type_word = cell("type") or (marked.group("t1") or marked.group("t2") if marked else None) or head.group(
        "type") or None
    if type_word in ("None", "none"):
        type_word = None  # Replicate's type cell for a field of no one type (an enum of numbers, a union)
    if not type_word:
        type_word = _implied_type(cell("description"), cell("value"))
    shifted = "required" in columns and not cell("description") and len(cell("required")) > 12 and not (
        tables.REQUIRED_WORD.match(cell("required")))
    # (`| mask | file | Optional PNG mask image. | |`: the row's description slid into the required column)
    required = _required(cell("required")) if "required" in columns and not shifted else None
    if shifted and re.match(r"(?:optional|可选|选填)\b", cell("required"), re.IGNORECASE):
        required = False
    if required is None and "optional" in columns:
        required = _optional_cell(cell("optional"))
    if required is None and head.group("req"):
        required = _required(head.group("req"))
    if required is None and starred:
        required = True
    where = _LOCATION.get(re.split(r"\s*[/,]\s*", cell("in").lower())[0], section) if cell("in") else section
    description = cell("description") or (cell("required") if shifted else "") or head.group("desc").strip()
    if description.lower() in _EMPTY:
        description = ""  # the placeholder an export prints for a field with no description
    item = Field(name=name, section=where, type=_type_word(type_word), required=required,
                 description=[description] if description else [], status=status or "200", line=line,
                 depth=depth)
    default = cell("default")
    if not default and cell("sample_default") not in ("", "-", "—"):
        if required:  # a required field's sample is an example: the caller always sends the field
            item.example = cell("sample_default").strip("`")
        else:
            default = cell("sample_default")
    listed = re.match(r"^(\S+)\s+((?:Options|Possible values|Allowed values|可选值|可选|枚举值)\s*[:：].*)$", default)
    if listed:  # `1:1 Options: 1:3, 3:1, 1:1`: the default, then the values the column lists with it
        default = listed.group(1)
        item.notes.append(listed.group(2))
    elif not item.description and len(default.split()) >= 3:
        item.description, default = [default], ""  # prose in the default column of a row with no description
    if default and default not in ("-", "—", "无", "none", "None", "N/A"):
        item.default = default.strip("`")
    value = cell("value")
    if value and value not in ("-", "—"):
        if not description and (len(value) > 40 or re.search(r"[，。,;；\u4e00-\u9fff]|\s\S+\s", value)):
            item.description = [value]  # a `参数 | 值` table whose value column describes the field
        else:
            item.example = value.strip("`")
    if cell("enum") and cell("enum") not in ("-", "—", "无", "none", "None", "N/A"):
        item.notes.append("可选值:" + cell("enum"))
    if cell("range"):
        item.notes.append("范围:" + cell("range"))
    return item


def _implied_type(description: str, example: str) -> str | None:
    """The type a table with no type column still shows: a description that opens with a type word
    (`object[] List of locators`), or an example that is a JSON object or array (`{"stability": 0}`)."""
    opening = re.match(rf"^({tables.TYPE_TOKEN})(?=\s)", description, re.IGNORECASE)
    if opening:
        return opening.group(1)
    text = example.strip().strip("`")
    if text.startswith("{") and text.endswith("}"):
        return "object"
    if text.startswith("[") and text.endswith("]"):
        return "array"
    return None


def _value_lists(table: tables.Table, roles: dict[str, int], fields: list[Field]) -> bool:
    """A name/value table naming fields more than once (Apifox's export: `枚举值` / `| » mode | std |` /
    `| » mode | pro |`) lists the allowed values of fields documented above it; True when it was one."""
    values: dict[str, list[str]] = {}
    for _, cells in table.rows:
        if max(roles.values()) >= len(cells):
            continue
        name = tree_name(cells[roles["name"]])[1].strip().strip("`")
        value = cells[roles["value"]].strip().strip("`")
        if name and value:
            values.setdefault(name, []).append(value)
    if not values or all(len(v) < 2 for v in values.values()):
        return False
    for name, listed in values.items():
        target = next((f for f in reversed(fields) if f.name == name), None)
        if target is not None and len(listed) >= 2 and not target.options:
            target.options = list(dict.fromkeys(listed))
    return True


_MARKED_TYPE = re.compile(rf"^`?(?P<name>{_NAME})`?\s*(?:[(（]\s*`?(?P<t1>{tables.TYPE_TOKEN})`?\s*[)）]|[*_]+(?P<t2>"
                          rf"{tables.TYPE_TOKEN})[*_]+)\s*$", re.IGNORECASE)
_REQUIREMENT_WORD = re.compile(r"required|optional|mandatory|必|可选|可選|选填|選填|任意|opcional|obligatori|facultatif",
                               re.IGNORECASE)


def _optional_cell(cell: str) -> bool | None:
    """Whether a field is required, from the cell of an `Optional` column: a word that says it (`required`,
    `可选`) is taken as it reads, a mark (`yes`, `是`, `✓`) says the field is optional."""
    value = _required(cell)
    if value is None or _REQUIREMENT_WORD.search(cell):
        return value
    return not value


_ENTITY_INDENT = re.compile(r"^(?P<lead>(?:&nbsp;|&#160;|&#xa0;|&ensp;|&emsp;|\u3000)+)\s*(?P<rest>\S.*)$",
                            re.IGNORECASE)


def _entity_indent(cell: str) -> tuple[int, str]:
    """(width, name) of a name cell indented with `&nbsp;` entities (a table that shows nesting by indentation
    alone: `| &nbsp;&nbsp;name |`); width 0 when it is not indented. `&emsp;` counts two."""
    match = _ENTITY_INDENT.match(cell.strip())
    if not match:
        return 0, cell
    if tree_name(match.group("rest"))[0]:
        return 0, cell  # `&nbsp;&nbsp;└─ url`: the tree mark and its indentation say the depth together
    lead = match.group("lead").lower()
    width = len(re.findall(r"&nbsp;|&#160;|&#xa0;|&ensp;", lead)) + 2 * len(re.findall(r"&emsp;|\u3000", lead))
    return width, match.group("rest")


def _type_word(word: str | None) -> str | None:
    """A table's type cell as `type_schema` reads it (`string / array` -> `string|array`)."""
    if not word:
        return None
    word = word.strip("` ")
    parts = [p for p in re.split(r"\s*(?:/|\||,|或|\bor\b)\s*", word) if p]
    parts = [re.sub(r"^(\w+)\s+(?:array|list)$", r"\1[]", p, flags=re.IGNORECASE) for p in parts]  # `file array`
    return "|".join(parts) if len(parts) > 1 else parts[0] if parts else word


def media_of(fields: list[Field]) -> dict[str, str]:
    """The body media type a documented `Content-Type` header states (`| Content-Type | application/json |`)."""
    for item in fields:
        if item.section == HEADER and item.name.lower() == "content-type":
            for text in (item.example, item.default, *item.description):
                if isinstance(text, str) and re.match(r"^(?:application|multipart|text)/[\w.+\-]+$", text.strip()):
                    return {BODY: text.strip()}
    return {}


def detect(page: Page) -> bool:
    return bool(parse_fields(page))


def parse(page: Page) -> tuple[dict[str, Any], str | None, list[str]]:
    op, auth = build_operation(parse_fields(page), {})
    return op, auth, []
