"""Fields written as list items or definition lists, the shape hand-written markdown docs use:

    - **prompt** (string, required): What to draw.          - `size` *integer* — Width in px. Default: 512
      - **url** (string): a nested field, one level down      * `mode` (`string`, optional) - `fast` or `slow`
    prompt                                                  ### `seed` (integer, optional)
    : string, required. What to draw (a definition list)    Random seed for the run.

A line is a field when a name (bold, backticked or a plain identifier) is followed by what only a field
carries: a type word or a required word, in parentheses, emphasis or code right after it. Deeper bullets
are nested fields (or, when they hold nothing but one value each, the field's allowed values); indented
lines without a bullet continue the description. `options_after` also gives table and listing fields the
values a page lists in bullets under the field's name (`size` / `- 256x256` / `- 512x512 (default)`).
"""

from __future__ import annotations

import re

from generator.ingest import tables
from generator.ingest.fields import Field
from generator.ingest.page import Page
from generator.ingest.sections import BODY, CODE, END, HEADER, PATH, QUERY, RESPONSE, heading

_NAME = r"[A-Za-z_$@][\w.\-\[\]$@]*"
_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+•]|\d{1,2}[.)])[ \t]+(?P<rest>.*)$")
_HEADED = re.compile(r"^(?P<indent>)#{2,6}[ \t]+(?P<rest>.*)$")
_NAMED = re.compile(rf"^(?:\*\*`?(?P<b>{_NAME})`?\*\*|`(?P<c>{_NAME})`|(?P<p>{_NAME}))(?P<opt>\?)?(?P<rest>.*)$")
_TYPE = re.compile(rf"^(?:{tables.TYPE_TOKEN}|(?:array|list)\s+of\s+\w+)$", re.IGNORECASE)
_REQUIRED = {"required": True, "必填": True, "必需": True, "必须": True, "必選": True, "必须的": True, "必須": True,
             "обязательный": True, "обязательно": True, "필수": True, "obligatorio": True, "requis": True,
             "obligatoire": True, "erforderlich": True, "obrigatório": True, "mandatory": True,
             "optional": False, "可选": False, "选填": False, "非必填": False, "可選": False, "任意": False,
             "опционально": False, "необязательный": False, "선택": False, "opcional": False, "facultatif": False,
             "optionnel": False}
_PLAIN_TYPED = re.compile(rf"^{_NAME}\s*[:：]\s*(?:{tables.TYPE_TOKEN})\s*(?:[,，;；]|$)", re.IGNORECASE)
_PLAIN_REQUIRED = re.compile(rf"^{_NAME}\s*[:：]\s*(?:必填|必需|必须|可选|选填|非必填|required|optional)\s*(?:[,，;；。]|$)",
                             re.IGNORECASE)
_REQUIRED_FIRST = re.compile(r"^\s*[:：]\s*(必填|必需|必须|可选|选填|非必填|required|optional)\s*(?:[,，;；。]\s*|$)",
                             re.IGNORECASE)
_COLON_TYPE = re.compile(rf"^\s*[:：]\s*(?=(?:{tables.TYPE_TOKEN})\s*(?:[,，;；]|$))", re.IGNORECASE)
_SAID_REQUIRED = re.compile(r"\s*[(（]\s*(必填|选填|必需|可选|非必填|required|optional)\s*[)）]", re.IGNORECASE)
_SEPARATOR = re.compile(r"^\s*(?:[:：—–]|-(?=\s)|=>)\s*")
_CODE_ITEM = re.compile(r"^[ \t]*[-*+•][ \t]+`[^`\n]{1,40}`[ \t]*[:：—–]")  # `- \`MP4\`: Widely supported ...`
_VALUE_ITEM = re.compile(r"^(?:`(?P<c>[^`]+)`|\"(?P<q>[^\"]+)\"|(?P<p>[\w.:\-+/]+))\s*(?P<tail>.*)$")
_PLACES = {HEADER, PATH, QUERY, BODY, RESPONSE}
_DEFINITION = re.compile(r"^\s*:\s+\S")  # a definition list's `: string, required. ...` line
_LONE_NAME = re.compile(rf"`?{_NAME}`?\??")
_DECORATION = re.compile(r"^[#>\s]+|[*`_]")
_FIRST_NAME = re.compile(rf"^({_NAME})(?=$|\s|[:：])")


def _meta(rest: str) -> tuple[str | None, bool | None, str] | None:
    """(type word, required, description) when the text after a name holds a type or a required word."""
    rest = rest.strip()
    words: list[str] = []
    tail = rest
    paren = re.match(r"^[(（]([^()（）]{1,80})[)）]\s*", rest)
    if paren:
        words = [w for w in re.split(r"\s*[,，;/|·]\s*|\s+", paren.group(1)) if w]
        tail = rest[paren.end():]
        parts = [p for p in re.split(r"\s*[,，;]\s*", paren.group(1)) if p]
        extra = next((at for at, part in enumerate(parts) if not (_TYPE.match(part.strip("`*_"))
                                                                   or part.strip("`*_.").lower() in _REQUIRED)), None)
        if extra is not None and extra > 0:  # `(boolean, optional, default true)`: the rest is said of the value
            words = words[:len(re.split(r"\s*[,，;/|·]\s*|\s+", ", ".join(parts[:extra])))]
            note = ", ".join(parts[extra:])
            tail = f"{tail} ({note})" if tail.strip() else note
    else:
        while True:  # `*string*`, `_required_`, `` `integer` ``, bare type words, `·` separators
            token = re.match(r"^(?:[*_`]+([^*_`\s][^*_`]{0,30}?)[*_`]+|([A-Za-z\u4e00-\u9fff\u0400-\u04ff]+(?:\[\])?(?:\s+of\s+[A-Za-z]+)?))"
                             r"[\s,.;·]*", tail)
            if not token:
                break
            word = (token.group(1) or token.group(2) or "").strip()
            if not (_TYPE.match(word) or word.lower().strip(".") in _REQUIRED):
                break
            words.append(word)
            tail = tail[token.end():]
    kind = next((w.strip("`*_") for w in words if _TYPE.match(w.strip("`*_"))), None)
    required = next((_REQUIRED[w.strip("`*_.").lower()] for w in words if w.strip("`*_.").lower() in _REQUIRED),
                    None)
    if kind is None and required is None:
        return None
    tail = _SEPARATOR.sub("", tail, count=1).strip()
    return kind, required, tail


def _field_line(text: str) -> tuple[str, str | None, bool | None, str, bool] | None:
    """(name, type, required, description, optional mark) of a list item or heading that states a field."""
    named = _NAMED.match(text.strip())
    if not named:
        return None
    name = named.group("b") or named.group("c") or named.group("p")
    rest = named.group("rest")
    if not named.group("c") and re.fullmatch(r"[A-Z][a-z]+", name):
        return None  # `**Note** (optional): ...`: a capitalised word in prose, not a field name
    typed = _COLON_TYPE.match(rest) if named.group("p") else None
    if typed:  # `prompt: string, 必填, 描述`: a name, a colon and a type word right after it
        meta = _meta(rest[typed.end():])
        if meta is not None:
            return name, meta[0], meta[1], meta[2], bool(named.group("opt"))
    said_first = _REQUIRED_FIRST.match(rest) if named.group("p") else None
    if said_first:  # `image:必填,参考图片 URL。`: a colon, a required word, then the description
        return name, None, _REQUIRED[said_first.group(1).lower()], rest[said_first.end():].strip(), False
    if named.group("p") and not re.match(r"^\s*[(（*_`]", rest):
        # `- model：模型名称（必填）`: a name, a colon, then a description that says whether it is required
        said = _SAID_REQUIRED.search(rest) if re.match(r"^\s*[:：]\s*\S", rest) else None
        if said:
            description = (rest[:said.start()] + rest[said.end():]).strip()
            description = re.sub(r"^[:：]\s*|^[,，;；]\s*|\s*[,，;；]$", "", description.replace("，，", "，")).strip()
            return name, None, _REQUIRED[said.group(1).lower()], description, False
        return None  # a plain word then text is prose; a plain name needs its type right after it
    meta = _meta(re.sub(r"^\s*[:：]\s*(?=[(`*_]|\w+\s*[,(])", "", rest, count=1))
    if meta is None:
        return None
    kind, required, description = meta
    return name, kind, required, description, bool(named.group("opt"))


def _width(indent: str) -> int:
    return len(indent.replace("\t", "    "))


def parse_fields(page: Page) -> list[Field]:
    """Every field the page writes as a list item, heading or definition, in page order."""
    lines = page.lines()
    fields: list[Field] = []
    section: str | None = None
    status = "200"
    fenced = False
    levels: list[tuple[int, Field]] = []  # (indent, field) of the open list items
    current: Field | None = None
    current_indent = -1
    for index, raw in enumerate(lines):
        stripped = raw.strip()
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
            current = None
            continue
        if fenced or len(raw) > 2000:
            continue
        if not stripped:
            continue
        bullet = _BULLET.match(raw) or _HEADED.match(raw)
        found = _field_line(bullet.group("rest")) if bullet else None
        if found is None and not bullet and section in _PLACES and _PLAIN_TYPED.match(stripped):
            found = _field_line(stripped)  # a plain line `steps: integer, 可选, 步数` inside a field section
        if found is None and not bullet and section in (*_PLACES, None) and _PLAIN_REQUIRED.match(stripped):
            found = _field_line(stripped)  # `image:必填,参考图片 URL。`: a required word right after the colon
        if found is None and not bullet and index + 1 < len(lines) and _DEFINITION.match(lines[index + 1]) \
                and _LONE_NAME.fullmatch(stripped):
            meta = _meta(lines[index + 1].strip()[1:])  # a definition list: `name` / `: string, required. ...`
            if meta:
                found = (stripped.strip("`?"), meta[0], meta[1], meta[2], stripped.endswith("?"))
                bullet = None
        if found is None:
            where = heading(stripped)
            if where is not None:
                section = where.kind
                status = where.status or ("200" if where.kind == RESPONSE else status)
                levels, current = [], None
                continue
            if current is not None and bullet and _width(bullet.group("indent")) > current_indent:
                value = _VALUE_ITEM.match(bullet.group("rest").strip())
                if value and len(bullet.group("rest").split()) <= 8:
                    token = value.group("c") or value.group("q") or value.group("p")
                    current.options.append(token)
                    if re.search(r"[(（]\s*(?:default|默认|デフォルト)", value.group("tail"), re.IGNORECASE):
                        current.default = current.default if current.default is not None else token
                    continue
            if current is not None and not bullet and (raw[:1] in " \t" or not current.description) and \
                    not re.match(r"^\s*:\s", raw) and len(stripped) < 400 and \
                    not stripped.startswith(("|", "<", "{", "[")):
                current.description.append(stripped)
                continue
            if current is not None and re.match(r"^\s*:\s", raw):
                continue  # the definition line already read
            if not raw[:1].isspace():
                current = None
            continue
        if section in (CODE, END):
            continue
        name, kind, required, description, optional = found
        indent = _width(bullet.group("indent")) if bullet else 0
        while levels and levels[-1][0] >= indent:
            levels.pop()
        place = section if section in _PLACES else BODY
        item = Field(name=name, section=place, type=kind, required=False if optional else required,
                     description=[description] if description else [], status=status, line=index + 1,
                     depth=len(levels))
        fields.append(item)
        levels.append((indent, item))
        current, current_indent = item, indent
    return fields


def options_after(page: Page, fields: list[Field]) -> None:
    """A field's name on a line of its own (or opening a short line: `style accepts one of:`), then two or
    more list items holding one value each: the field's allowed values (`(default)` marks its default)."""
    by_name: dict[str, Field] = {}
    for item in fields:
        by_name.setdefault(item.name, item)
    if not by_name:
        return
    lines = page.lines()
    for index, raw in enumerate(lines):
        if not raw or raw[0] in "-*+•" or len(raw) > 200:
            continue
        text = _DECORATION.sub("", raw).strip()
        first = _FIRST_NAME.match(text)
        if not first or first.group(1) not in by_name or len(text.split()) > 8 or _BULLET.match(raw):
            continue
        item = by_name[first.group(1)]
        if item.options:
            continue
        values: list[str] = []
        default: str | None = None
        at = index + 1
        while at < len(lines) and not lines[at].strip() and at - index < 3:
            at += 1
        coded = False  # code-span values with a gloss each (`- \`MP4\`: Widely supported ...`) may follow the
        for ahead in range(at, min(at + 4, len(lines))):  # field's type and description lines (Runware)
            if _CODE_ITEM.match(lines[ahead]):
                at, coded = ahead, ahead > at
                break
            if not lines[ahead].strip() or _BULLET.match(lines[ahead]) or _FIRST_NAME.fullmatch(lines[ahead].strip()):
                break
        while at < len(lines):
            bullet = _BULLET.match(lines[at])
            value = _VALUE_ITEM.match(bullet.group("rest").strip()) if bullet else None
            if coded and not _CODE_ITEM.match(lines[at]):
                break
            if not value or len(bullet.group("rest").split()) > 8 and not _CODE_ITEM.match(lines[at]):  # type: ignore[union-attr]
                break
            token = value.group("c") or value.group("q") or value.group("p")
            tail = value.group("tail")
            if tail and not re.match(r"^\s*(?:[(（]|[:：—–-]\s)", tail):
                break  # `- Width of the image` is prose, not a value
            values.append(token)
            if re.search(r"[(（]\s*(?:default|默认|デフォルト)", tail, re.IGNORECASE):
                default = token
            at += 1
        if len(values) >= 2:
            item.options = values
            if default is not None and item.default is None:
                item.default = default


_VALUE_LINE = re.compile(r"^[\w.:\-+×*/]+(?:\s*[、,，|;；]\s*[\w.:\-+×*/]+){2,}\s*[。.]?$")


def values_line(page: Page, fields: list[Field]) -> None:
    """A line that is nothing but a list of three or more values (`1024x1024、1536x1024、2048x2048`), printed
    near the fields under a label of its own: the allowed values of the one field whose default it holds."""
    from generator.ingest import hints

    if not fields:
        return
    lines = page.lines()
    first, last = min(f.line for f in fields), max(f.line for f in fields)
    holders: dict[str, list[Field]] | None = None
    for raw in lines[max(0, first - 1):last + 40]:
        text = raw.strip()
        if len(text) > 400 or not _VALUE_LINE.match(text):
            continue
        values = [v for v in re.split(r"\s*[、,，|;；]\s*", text.rstrip("。.")) if v]
        if not any(re.search(r"[A-Za-z]", v) for v in values):
            continue  # bare numbers (`1, 2, 3`) say too little to tie them to a field
        if holders is None:  # each field's default, found once
            holders = {}
            for item in fields:
                default = item.default if item.default is not None else hints.find_default(
                    " ".join(item.description), None)
                if default is not None and not item.options and not hints.find_enum(
                        " ".join(item.description + item.notes), None, default):
                    holders.setdefault(str(default), []).append(item)
        found = {id(item): item for value in values for item in holders.get(value, [])}
        if len(found) == 1:
            item = next(iter(found.values()))
            item.options = values
