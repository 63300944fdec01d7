"""Fields listed line by line: Apifox (Chinese and English UI), Mintlify, fumadocs, Starlight, a4f-style pages.

All of them print, per field, a name and a type word near each other, then required words, description,
`示例值:`/`Example:`/`default:` lines. They differ in order and in how cells run together
(`Content-Type string`, `model?string`, `stringRequired`, `720 model` = previous example + next name).
The parser anchors on type words and finds each field's name next to its type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.ingest.fields import Field, build_operation
from generator.ingest.page import Page
from generator.ingest.sections import (
    AUTH,
    BODY,
    CODE,
    END,
    HEADER,
    PATH,
    QUERY,
    RESPONSE,
    clean,
    heading,
    media_type,
    opens_response_body,
)

NAME = r"[A-Za-z_$@][\w.\-\[\]$@]*"
TYPE = (r"(?:enum<\w+>|(?:string|integer|number|boolean|object|array|null|file|binary|int32|int64|int|float|double|"
        r"bool|any)"
        r"(?:<\w+>(?=\[\]))?(?:\[\])?(?:\s*\[\w+\]|\s+of\s+(?:objects?|strings?|integers?|numbers?|booleans?|arrays?)|<\w+>)?)")
_TYPE_LINE = re.compile(rf"^(?P<type>{TYPE})(?P<rest>(?:\s*\|\s*null)?(?=$|[\sA-Z\u4e00-\u9fff(·]).*)$")
_TITLED_TYPE = re.compile(rf"^(?P<title>[^·\s][^·]{{0,30}}?)\s*·\s*(?P<type>{TYPE})(?P<rest>(?=$|\s).*)$")
_NAME_LINE = re.compile(rf"^[.,;。]?\s*(?P<name>{NAME})(?P<opt>\?)?(?P<star>\s*\*)?$")  # `petId *`: Swagger UI
# `prompt string`, `seed? integer`; Fumadocs glues the mark to the type: `seed?integer`, `model*string` (required)
_NAME_TYPE = re.compile(rf"^(?P<name>{NAME}?)(?:(?P<opt>\?)|(?P<star>\*))?(?:\s+|(?<=[?*]))(?P<type>{TYPE})(?P<rest>\s.*)?$")
_OPTIONAL_NAME = re.compile(rf"^(?P<name>{NAME})\?$")
_DEFAULT_LINE = re.compile(r"^(?:default|默认值|デフォルト)\s*[:：]\s*\S", re.IGNORECASE)
_STARRED_NAME = re.compile(rf"^(?P<name>{NAME})\*$")
_TAIL_NAME = re.compile(rf"^(?P<prefix>.*\S)\s+(?P<name>{NAME})$")
_REQUIRED = {"必需": True, "必填": True, "必选": True, "required": True, "是": True, "必須": True, "필수": True,
             "обязательный": True, "обязательно": True, "obligatorio": True, "requerido": True, "requis": True,
             "obligatoire": True, "erforderlich": True, "obrigatório": True,
             "可选": False, "optional": False, "非必需": False, "非必填": False, "否": False, "可選": False, "任意": False,
             "선택": False, "необязательный": False, "опционально": False, "opcional": False, "facultatif": False,
             "optionnel": False}
_REQUIRED_YES = tuple(word for word, says in _REQUIRED.items() if says and word != "是")
_LOCATIONS = {"header", "query", "path", "body", "cookie", "formdata"}
_PLACE = {"header": HEADER, "query": QUERY, "path": PATH}
_EXAMPLE_LABELS = ("示例值", "示例", "例如", "example", "examples", "範例", "예시", "пример", "ejemplo", "exemple",
                   "beispiel")
_DEFAULT_LABELS = ("默认值", "default", "default value", "預設值", "デフォルト", "デフォルト値", "기본값", "по умолчанию", "predeterminado",
                   "par défaut", "standardwert")
_LABEL = re.compile(r"^(?P<label>示例值|示例|例如|Example|Examples|默认值|Default value|Default|default|Available options|Allowed(?! values)|"
                    r"Allowed values|Possible values|Valid values|Enum values|列挙値|選択肢|可选值|枚举值|範例|預設值|可選值|デフォルト値|デフォルト|예시|기본값|"
                    r"가능한 값|Пример|По умолчанию|Допустимые значения|Ejemplo|Predeterminado|Valores posibles|"
                    r"Exemple|Valeurs possibles|利用可能なオプション|可用选项|可用選項|사용 가능한 옵션|Доступные варианты)"
                    r"(?![A-Za-z_])\s*[:：]?\s*(?P<rest>.*)$", re.IGNORECASE)
_NOTE = re.compile(r"^(?:(?:Required range|Range|范围|Constraints?|(?:Maximum|Minimum|Required)\s+(?:string\s+|array\s+)?"
                   r"length)\s*[:：]|\[\s*-?\d[\d.]*\s*\.\.\s*-?\d[\d.]*\s*\]$|"
                   r"(?:>=|<=|≥|≤)\s*-?\d[\d.]*(?:\s*(?:characters|items))?$)", re.IGNORECASE)  # Redoc's `[ 1 .. 99 ]`
_STATEMENT = re.compile(r"^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(?:/|https?://|\{\{)")  # the next endpoint
_TOGGLE = re.compile(r"^(?:Show|Hide|Expand|Collapse)(?: all)?(?: child)? (?:attributes|properties|parameters|fields|"
                     r"object|details)$|^(?:显示|隐藏|展开|收起)(?:子)?(?:属性|参数|字段)$", re.IGNORECASE)
_ONE_VALUE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:\-+/×*]{0,39}")  # a line that is one value (`1024x1024`, `chirp-v4`)
_CJK_TEXT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_ITEMS_LINE = re.compile(r"^\[(\w+)\]$")
_FORMAT_LINE = re.compile(r"^<(\w+)>$")
_STOP_WORDS = {"shell", "javascript", "java", "swift", "go", "php", "python", "http", "c", "c#", "objective-c",
               "ruby", "ocaml", "dart", "r", "curl", "json", "yaml", "xml", "body"}


@dataclass
class Line:
    text: str          # cleaned text ("" for a JSON block or curl command: a boundary)
    number: int
    section: str | None
    status: str
    boundary: bool = False


def _lines(page: Page) -> tuple[list[Line], dict[str, str]]:
    """Cleaned lines with the section each sits in; JSON blocks, curl commands and pipe tables (read by the
    table layout) become boundaries."""
    spans = [(b.start, b.end) for b in page.blocks]
    spans += [(page.offset_of(c.line), c.end) for c in page.curls]
    line_count = len(page.lines())
    for table in page.tables():
        last = max(table.rows[-1][0] if table.rows else table.line + 1, table.end)
        end = page.offset_of(last + 1) - 1 if last < line_count else len(page.text)
        spans.append((page.offset_of(table.line), max(end, page.offset_of(table.line))))
    spans = _disjoint(sorted(spans))
    out: list[Line] = []
    media: dict[str, str] = {}
    section: str | None = None
    status = "200"
    offset = 0
    number = 1
    text = page.text
    span_index = 0
    previous = ""
    while offset < len(text):
        while span_index < len(spans) and spans[span_index][1] <= offset:
            span_index += 1
        if span_index < len(spans) and spans[span_index][0] <= offset + _line_len(text, offset):
            start, end = spans[span_index]
            before = text[offset:start]
            if before.strip():
                section, status, previous = _add(out, before, number, section, status, media, previous)
            out.append(Line("", number, section, status, boundary=True))
            previous = ""  # a label before the block (示例, Example) had the block as its value
            number = page.line_of(end)
            offset = end
            span_index += 1
            continue
        length = _line_len(text, offset)
        section, status, previous = _add(out, text[offset:offset + length], number, section, status, media,
                                         previous)
        offset += length + 1
        number += 1
    return out, media


def _add(out: list[Line], raw: str, number: int, section: str | None, status: str, media: dict[str, str],
         previous: str) -> tuple[str | None, str, str]:
    text = "*" if raw.strip() == "*" else clean(raw)  # a lone star is GitBook's required mark, not decoration
    if re.fullmatch(rf"\s*{NAME}\s*\*\s*", raw):
        text = raw.strip()  # Swagger UI's `image *`: the star marks a required field, it is no decoration
    if not text or text.startswith("```"):
        return section, status, previous
    after_label = bool(_LABEL.match(previous)) and not _LABEL.match(previous).group("rest")  # type: ignore[union-attr]
    found = heading(text)
    if after_label and (found is None or found.kind not in (RESPONSE, CODE, END) or re.fullmatch(r"\d+", text)):
        found = None  # the label's value (`Allowed values:` / `510`); a response heading still opens its section
    if found and found.status and re.fullmatch(r"\d{3}", text) and re.fullmatch(r"\d{3}", previous):
        found = None  # a row of status tabs (`200` / `422`): the first one is the tab shown
    if found:
        if found.kind == BODY and section == RESPONSE and opens_response_body(text):
            found = None
        else:
            section = found.kind
            if found.status:
                status = found.status
            elif found.kind == RESPONSE and section != RESPONSE:
                status = "200"
            if found.media and section in (BODY, RESPONSE):
                media.setdefault(section, found.media)
    if not found and not after_label and section in (BODY, RESPONSE):
        kind = media_type(text)
        if kind and len(text) < 60 and not _NAME_TYPE.match(text):
            media.setdefault(section, kind)
    out.append(Line(text, number, section, status))
    return section, status, text


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _line_len(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return (len(text) if end < 0 else end) - offset


def _offset_of_line(text: str, line: int) -> int:
    offset = 0
    for _ in range(line - 1):
        offset = text.index("\n", offset) + 1
    return offset


@dataclass
class Anchor:
    name: str
    name_index: int      # line holding the name
    type_index: int      # line holding the type (== name_index when on one line)
    type: str | None
    rest: str = ""
    optional: bool = False
    prefix: str | None = None      # text before the name on its line (the previous field's value)
    before: list[str] | None = None  # description lines between name and type (Starlight)
    required: bool | None = None


def _is_name(text: str, typed_below: bool = False) -> re.Match[str] | None:
    """A field name line; a name that is also a type word (`file` above `file`) only right above its type."""
    match = _NAME_LINE.match(text)
    if not match or match.group("name").lower() in _STOP_WORDS or (_TYPE_LINE.match(text) and not typed_below):
        return None
    if match.group("name").lower() in _REQUIRED or match.group("name").lower() in _LOCATIONS:
        return None
    if match.group("name").endswith("."):
        return None  # the last word of a sentence broken over lines (`characters.`), not a name
    return match


def _anchors(lines: list[Line]) -> list[Anchor]:
    anchors: list[Anchor] = []
    taken: set[int] = set()
    for i, line in enumerate(lines):
        if line.boundary or i in taken or line.section in (CODE, END):
            continue
        text = line.text
        if _NOTE.match(text):
            continue  # `Maximum string length: 2000` is a constraint under the field above, not a field
        combined = _NAME_TYPE.match(text)
        if combined and i > 0 and _value_label(lines[i - 1].text):
            combined = None  # `示例值:` / `An array of 3 integers`: the label's value, not a field `An`
        if combined and combined.group("name").lower() not in _STOP_WORDS:
            anchors.append(Anchor(combined.group("name"), i, i, combined.group("type"),
                                  (combined.group("rest") or "").strip(), bool(combined.group("opt")),
                                  required=True if combined.group("star") else None))
            taken.add(i)
            continue
        optional = _OPTIONAL_NAME.match(text)
        if optional:
            anchors.append(Anchor(optional.group("name"), i, i, None, optional=True))
            taken.add(i)
            continue
        untyped = _is_name(text) if line.section in (BODY, QUERY, PATH, HEADER) else None
        if untyped and i + 1 < len(lines) and _DEFAULT_LINE.match(lines[i + 1].text) and not (
                i > 0 and _TYPE_LINE.match(lines[i - 1].text)):
            # Mintlify prints a field of no one type as its name and its default (`duration` / `default:5`)
            anchors.append(Anchor(untyped.group("name"), i, i, None))
            taken.add(i)
            continue
        starred = _STARRED_NAME.match(text)
        if starred and line.section in (BODY, QUERY, PATH, HEADER) and not (
                i + 1 < len(lines) and _TYPE_LINE.match(lines[i + 1].text)):
            # Fumadocs prints an untyped field (`contents*` / its description): the star says it is required
            anchors.append(Anchor(starred.group("name"), i, i, None, required=True))
            taken.add(i)
            continue
        typed = _TYPE_LINE.match(text)
        titled = None if typed else _TITLED_TYPE.match(text)
        if not (typed or titled) or i == 0:
            continue
        anchor = _name_before(lines, i, taken)
        if anchor is None:
            continue
        if typed:  # (Runware ends the type line with a dash before the description: `string default: URL -`)
            anchor.type, anchor.rest = typed.group("type"), re.sub(r"\s+[-–—]$", "", typed.group("rest").strip())
        else:  # `账号筛选 · object`: Mintlify prints a field's title, a dot and its type under the name
            assert titled is not None
            anchor.type, anchor.rest = titled.group("type"), f"{titled.group('title')} {titled.group('rest')}".strip()
        anchors.append(anchor)
        taken.update(range(anchor.name_index, i + 1))
    return anchors


def _value_label(text: str) -> bool:
    """An example or default label whose value is on the next line (`示例值:`, `Default:`)."""
    label = _LABEL.match(text)
    if not label or label.group("rest").strip():
        return False
    return label.group("label").lower() in _EXAMPLE_LABELS + _DEFAULT_LABELS


def _usable(lines: list[Line], j: int, taken: set[int]) -> bool:
    return j >= 0 and not lines[j].boundary and j not in taken


def _name_before(lines: list[Line], i: int, taken: set[int]) -> Anchor | None:
    """The field name for the type word on line i: the line before, or two before (Starlight order)."""
    j = i - 1
    if not _usable(lines, j, taken):
        return None
    required = _REQUIRED.get(lines[j].text.lower()) if lines[j].text.lower() in _REQUIRED_YES else None
    if lines[j].text == "*":
        required = True  # GitBook prints a required field's star on a line of its own
    if required is not None:
        j -= 1
        if not _usable(lines, j, taken):
            return None
    match = _is_name(lines[j].text, typed_below=j == i - 1 and _usable(lines, j - 1, taken)
                     and not _TYPE_LINE.match(lines[j - 1].text) and lines[j - 1].text.lower() not in _REQUIRED)
    if match:
        return Anchor(match.group("name"), j, i, None, optional=bool(match.group("opt")),
                      required=True if match.group("star") else required)
    # Starlight: name, description, type; the name may share its line with the previous example value.
    if heading(lines[j].text):
        return None  # a section heading is no field's description
    if re.fullmatch(r"(?:application|multipart|text)/[\w.+\-]+", lines[j].text.strip()):
        return None  # `Success` / `application/json` / `object`: the type of the whole body, under its label
    description = [lines[j].text] if required is None else []
    k = j - 1 if required is None else j
    if not _usable(lines, k, taken):
        return None
    if required is None and lines[k].text.lower() in _REQUIRED_YES and _usable(lines, k - 1, taken):
        required = _REQUIRED.get(lines[k].text.lower())  # Redoc: name, `required`, description, type
        k -= 1
    match = _is_name(lines[k].text) if not lines[k].text.startswith(",") else None  # `, south`: a list's tail
    prefix = None
    if not match:
        tail = _TAIL_NAME.match(lines[k].text)
        if not tail or k == 0 or not _LABEL.match(lines[k - 1].text):
            found = _name_above_description(lines, j, taken) if required is None else None
            if found is None:
                return None
            name_at, required, name = found
            return Anchor(name, name_at, i, None,
                          before=[line.text for line in lines[name_at + 1:i] if line.text.lower() not in _REQUIRED_YES],
                          required=required)
        match = _is_name(tail.group("name"))
        prefix = tail.group("prefix")
        if not match:
            return None
    return Anchor(match.group("name"), k, i, None, prefix=prefix, before=description, required=required)


def _name_above_description(lines: list[Line], j: int, taken: set[int]) -> tuple[int, bool | None, str] | None:
    """Redoc and Scalar print a field as its name, maybe `required`, a description over several lines, then
    the type: the name is the nearest line above that reads as one (at most 12 lines up, never across
    another field, a heading or a boundary)."""
    for k in range(j - 1, max(j - 13, -1), -1):
        if not _usable(lines, k, taken) or heading(lines[k].text) or lines[k].section != lines[j].section:
            return None
        text = lines[k].text
        if text.lower() in _REQUIRED_YES:
            above = _is_name(lines[k - 1].text) if _usable(lines, k - 1, taken) else None
            return (k - 1, _REQUIRED.get(text.lower()), above.group("name")) if above else None
        named = _is_name(text)
        if named and text[:1] not in ",.;" and k < j - 1:
            return k, None, named.group("name")
    return None


def _is_sentence(text: str) -> bool:
    """Prose, not a value: three or more words, no list commas, a full stop at the end."""
    return len(text.split()) >= 3 and "," not in text and text.endswith((".", "。"))


def _read_body(item: Field, texts: list[str]) -> None:
    """Required words, labels (示例值/Example/default/options), items/format lines and description."""
    pending: str | None = None
    for position, text in enumerate(texts):
        if pending in ("example", "default"):
            value: Any = text
            if pending == "default" and _is_sentence(text):
                item.description.append(text)  # GitBook prints the description between label and value
                continue
            if pending == "example":
                item.example = value if item.example is None else item.example
            else:
                item.default = value
            pending = None
            continue
        if pending == "options" and _is_sentence(text):
            pending = None  # an empty options list (GitBook lost the values): this is the description
        if pending == "options":
            item.notes[-1] += " " + text
            if not text.rstrip().endswith(","):
                pending = "values" if _ONE_VALUE.fullmatch(text) else None
            continue
        if pending == "values":  # Apifox's `枚举值:` then one value per line
            if text.startswith("//"):
                continue  # a comment line a site prints between the values
            if _CJK_TEXT.search(text) and not _LABEL.match(text):
                item.description.append(text)  # `720x1280` / `720P竖屏`: a value's gloss; the list goes on
                continue
            if _ONE_VALUE.fullmatch(text) and not _LABEL.match(text) and text.lower() not in _REQUIRED:
                item.notes[-1] += ", " + text
                continue
            pending = None
        lowered = text.lower()
        if lowered in _REQUIRED and (lowered not in ("是", "否") or position == 0 and item.required is None):
            # 是/否 right under the type: a table printed one cell per line
            item.required = _REQUIRED[lowered]
            continue
        if lowered.strip("()") in _LOCATIONS:
            place = _PLACE.get(lowered.strip("()"))
            if place and item.section in (BODY, None) and item.section != RESPONSE:
                item.section = place  # Swagger UI prints `(path)` / `(query)` under the type
            continue
        said = re.fullmatch(r"Defaults? to\s+(\S.*)", text)  # ReadMe: `Defaults to 120` under the type
        if said and item.default is None:
            item.default = said.group(1).strip("`")
            continue
        if text.lower() == "enum" and position <= 2:
            continue  # ReadMe prints `enum` under a string type: the values follow under `Allowed:`
        label = _LABEL.match(text)
        if label:
            name, rest = label.group("label").lower(), label.group("rest").strip()
            kind = "example" if name in _EXAMPLE_LABELS else ("default" if name in _DEFAULT_LABELS else "options")
            if kind == "options":
                item.notes.append("Available options: " + rest)
                pending = "options" if not rest or rest.endswith(",") else None
            elif rest:
                if kind == "example":
                    item.example = rest if item.example is None else item.example
                else:
                    item.default = rest
            else:
                pending = kind
            continue
        if _NOTE.match(text):
            item.notes.append(text)
            continue
        items = _ITEMS_LINE.match(text)
        if items and item.type and item.type.lower().startswith("array"):
            item.items = items.group(1)
            continue
        if _TOGGLE.match(text):
            continue  # a UI toggle printed between a field and its children, not its description
        fmt = _FORMAT_LINE.match(text)
        if fmt:
            item.format = fmt.group(1)
            continue
        item.description.append(text)


def _unquote_json(value: Any) -> Any:
    """A label's value without the quotes or code marks around it (the line cleaner may have taken the
    closing backtick of `` `natural` `` already)."""
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    if isinstance(value, str) and value.startswith("`") and value.count("`") <= 2:
        return value.strip("`")
    return value


def parse_fields(page: Page) -> tuple[list[Field], dict[str, str]]:
    """Every field the page lists, in page order, and the media type of the body/response sections."""
    lines, media = _lines(page)
    anchors = _anchors(lines)
    fields: list[Field] = []
    for index, anchor in enumerate(anchors):
        line = lines[anchor.type_index]
        item = Field(name=anchor.name, section=line.section or BODY, type=anchor.type, status=line.status,
                     line=line.number)
        if anchor.optional:
            item.required = False
        if anchor.required is not None:
            item.required = anchor.required
        if anchor.before:
            item.description.extend(anchor.before)
        rest = anchor.rest
        while True:  # GitBook: `· enum`, `· max: 1` constraints between the type and the required word
            constraint = re.match(r"^·\s*(?P<c>(?:min|max|minimum|maximum|default)\s*:\s*\S+|[\w<>\[\]]+)\s*", rest, re.IGNORECASE)
            if not constraint:
                break
            if ":" in constraint.group("c"):
                item.notes.append(constraint.group("c"))
            rest = rest[constraint.end():]
        word = re.match(r"^(Required|Optional|必需|必填|可选|必須|任意|필수|선택)(?![A-Za-z])\s*", rest, re.IGNORECASE)
        if word:
            item.required = word.group(1).lower() in _REQUIRED_YES
            rest = rest[word.end():]
        nullable = re.match(r"^\|\s*null\s*", rest)
        if nullable:  # Apifox: `integer | null`, the value may be null too
            item.type, rest = f"{item.type} | null" if item.type else item.type, rest[nullable.end():]
        fmt = re.match(r"^\(\$?([A-Za-z][\w-]*)\)\s*", rest)  # `integer($int64)`
        if fmt:
            item.format, rest = fmt.group(1), rest[fmt.end():]
        stop = anchors[index + 1].name_index if index + 1 < len(anchors) else len(lines)
        body: list[str] = [rest] if rest else []
        for j in range(anchor.type_index + 1, stop):
            if lines[j].boundary or heading(lines[j].text) or lines[j].section != line.section or \
                    _STATEMENT.match(lines[j].text):
                break
            body.append(lines[j].text)
        else:
            if index + 1 < len(anchors) and anchors[index + 1].prefix:
                body.append(anchors[index + 1].prefix or "")
        _read_body(item, body)
        item.example = _unquote_json(item.example)
        item.default = _unquote_json(item.default)
        fields.append(item)
    return fields, media


def detect(page: Page) -> bool:
    fields, _ = parse_fields(page)
    return len([f for f in fields if f.type]) >= 1


def parse(page: Page) -> tuple[dict[str, Any], str | None, list[str]]:
    """Operation fragment of the listed fields, the auth scheme shown, warnings."""
    fields, media = parse_fields(page)
    op, auth = build_operation(fields, media)
    return op, auth, []


__all__ = ["AUTH", "HEADER", "PATH", "QUERY", "RESPONSE", "detect", "parse", "parse_fields"]
