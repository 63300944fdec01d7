"""Parameter tables: Markdown (`| 参数 | 类型 | 必填 | 说明 |`, English too) and tables whose cells ran together
(`参数类型必填说明` / `modelstring是模型名称`) when a page was copied as plain text.
"""

from __future__ import annotations

import re
from typing import Any

from generator.ingest.fields import Field, build_operation
from generator.ingest.page import Page
from generator.ingest.sections import BODY, HEADER, PATH, QUERY, RESPONSE, enclosing, heading

_COLUMNS = {
    "name": ("参数", "参数名", "参数名称", "字段", "字段名", "名称", "name", "parameter", "param", "field", "key", "属性"),
    "type": ("类型", "参数类型", "数据类型", "type"),
    "required": ("必填", "必需", "必选", "是否必填", "是否必须", "是否必需", "required"),
    "description": ("说明", "描述", "备注", "含义", "description", "desc", "参数说明", "notes"),
    "default": ("默认值", "default"),
    "in": ("位置", "参数位置", "in", "location"),
}
_YES = {"是", "y", "yes", "true", "必填", "必需", "required", "✓", "√", "✔"}
_NO = {"否", "n", "no", "false", "可选", "optional", "选填", "非必填", "-"}
_TYPE_WORDS = "string|integer|number|boolean|object|array|file|int|float|bool"
_RAN_HEADER = re.compile(r"^(?:参数名?|字段名?|名称|Name|Parameter|Field)(?:类型|Type)(?:是否)?(?:必填|必需|必选|Required)"
                         r"(?:说明|描述|备注|Description)", re.I)
_RAN_ROW = re.compile(rf"^(?P<name>[A-Za-z_][\w.\-\[\]]*?)(?P<type>(?:{_TYPE_WORDS})(?:\[\])?)"
                      r"(?![a-z0-9_])\s*(?P<req>是|否|必填|可选|必需|required|optional|true|false|yes|no)?\s*(?P<desc>.*)$",
                      re.I)
_LOCATION = {"path": PATH, "query": QUERY, "header": HEADER, "body": BODY}


def _cells(line: str) -> list[str]:
    return [c.strip().strip("`*") for c in line.strip().strip("|").split("|")]


def _column_map(cells: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        lowered = cell.lower()
        for key, names in _COLUMNS.items():
            if lowered in names and key not in found:
                found[key] = index
    return found


def _required(cell: str) -> bool | None:
    lowered = cell.strip().lower()
    if lowered in _YES:
        return True
    if lowered in _NO:
        return False
    return None


def _section_before(lines: list[str], index: int) -> tuple[str, str]:
    """(section, status) of a table starting at line `index`: the nearest heading above it (however far; a
    response's `Body` stays in the response), or a line naming response fields just above it."""
    for back, line in enumerate(reversed(lines[max(0, index - 6):index])):
        if heading(line):
            break
        if re.search(r"(响应|返回)(参数|字段|结构)|response (fields|parameters)", line, re.I):
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


def parse_fields(page: Page) -> list[Field]:
    lines = page.text.split("\n")
    fields: list[Field] = []
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if line.startswith("|") and i + 1 < len(lines) and re.match(r"^\|?\s*:?-{2,}", lines[i + 1].strip()):
            columns = _column_map(_cells(line))
            section, status = _section_before(lines, i)
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                if "name" in columns and len(columns) >= 2:
                    item = _row(_cells(lines[i]), columns, section, status, i + 1)
                    if item:
                        fields.append(item)
                i += 1
            continue
        if _RAN_HEADER.match(line.replace(" ", "")):
            section, status = _section_before(lines, i)
            i += 1
            while i < len(lines):
                row = _RAN_ROW.match(lines[i].strip())
                if not row:
                    break
                fields.append(Field(name=row.group("name"), section=section, type=row.group("type"),
                                    required=_required(row.group("req") or ""),
                                    description=[row.group("desc").strip()] if row.group("desc").strip() else [],
                                    status=status or "200", line=i + 1))
                i += 1
            continue
        i += 1
    return fields


def _row(cells: list[str], columns: dict[str, int], section: str, status: str, line: int) -> Field | None:
    def cell(key: str) -> str:
        index = columns.get(key)
        return cells[index] if index is not None and index < len(cells) else ""

    name = cell("name")
    if not re.fullmatch(r"[A-Za-z_$@][\w.\-\[\]$@]*", name):
        return None
    where = _LOCATION.get(cell("in").lower(), section)
    description = cell("description")
    item = Field(name=name, section=where, type=cell("type") or None, required=_required(cell("required")),
                 description=[description] if description else [], status=status or "200", line=line)
    if cell("default") and cell("default") != "-":
        item.default = cell("default")
    return item


def detect(page: Page) -> bool:
    return bool(parse_fields(page))


def parse(page: Page) -> tuple[dict[str, Any], str | None, list[str]]:
    op, auth = build_operation(parse_fields(page), {})
    return op, auth, []
