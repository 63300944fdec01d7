"""Pipe tables as scraped pages print them, read into rows of cells.

A table is a header line holding at least one pipe, then a separator line (`|---|---|`, `---|---`, or a
one-cell `|---|`), then rows. Scrapers break the layout in ways a reader does not notice: rows without the
leading or trailing pipe, a cell's text broken over several lines (`| image |` / `string/array |` /
`否 |`), rows that end mid-cell. Rows are therefore read as a stream of cells: a line adds its cells to the
row being read, and a row is complete once it holds as many cells as the header. A line with no pipe
after a complete row ends the table.

`columns` then names each column by its header word (Chinese, English, Japanese, Russian) and, where the
header says nothing known, by what the cells hold: a column of type words is the type column, a column of
是/否/required words the required column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


@dataclass
class Table:
    header: list[str]
    line: int  # 1-based line of the header
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (1-based line, cells)
    end: int = 0  # 1-based last line the table covers, when its last row runs past that row's first line


def split_cells(line: str) -> list[str]:
    """The cells of one table line, edge pipes optional; escaped pipes (`\\|`) stay inside a cell."""
    text = line.strip()
    text = text.removeprefix("|")
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", text)]


def find_tables(lines: list[str]) -> list[Table]:
    """Every table of the page in reading order: pipe tables, tab-separated ones (an HTML table copied as
    text) whose header names a field column and another known column, HTML `<table>` elements left in the
    markdown and ReadMe's `[block:parameters]` JSON tables (lines 0-based in, table lines reported 1-based)."""
    tables = _pipe_tables(lines)
    text: str | None = None
    if any("<table" in line.lower() for line in lines):
        text = "\n".join(lines)
        tables += _html_tables(text)
    if any("[block:parameters]" in line for line in lines):
        text = text if text is not None else "\n".join(lines)
        tables += _block_tables(text)
    return sorted(tables, key=lambda t: t.line)


_HTML_TABLE = re.compile(r"<table\b.*?(?:</table\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_HTML_ROW = re.compile(r"<tr\b", re.IGNORECASE)
_BLOCK = re.compile(r"\[block:parameters\]\s*(\{(?:(?!\[/?block).){0,200000}?\})\s*\[/block\]", re.DOTALL)


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _html_tables(text: str) -> list[Table]:
    """`<table>` elements (a page converted to markdown keeps complex tables as HTML), read with a real HTML
    parser: the first row (or the `<th>` row) is the header; `<br>` inside a cell becomes a space."""
    from selectolax.lexbor import LexborHTMLParser

    found: list[Table] = []
    for match in _HTML_TABLE.finditer(text):
        html = re.sub(r"<br\s*/?>", " ", match.group(0), flags=re.IGNORECASE)
        rows = []
        for tr in LexborHTMLParser(html).css("tr"):
            cells = [re.sub(r"\s+", " ", cell.text(separator="", strip=False)).strip() for cell in tr.css("th, td")]
            rows.append(cells)
        row_lines = [_line_at(text, match.start() + m.start()) for m in _HTML_ROW.finditer(match.group(0))]
        if len(rows) < 2 or len(row_lines) != len(rows):
            continue
        table = Table(header=rows[0], line=_line_at(text, match.start()))
        table.rows = [(line, cells) for line, cells in zip(row_lines[1:], rows[1:]) if any(cells)]
        found.append(table)
    return found


def _block_tables(text: str) -> list[Table]:
    """ReadMe's `[block:parameters]` tables: JSON with `h-<col>` header cells and `<row>-<col>` body cells."""
    import json

    found: list[Table] = []
    for count, match in enumerate(_BLOCK.finditer(text)):
        if count >= 200:  # a page of thousands of blocks: the first 200 are read, the work stays bounded
            break
        try:
            block = json.loads(match.group(1))
        except (json.JSONDecodeError, RecursionError):
            continue
        data = block.get("data") if isinstance(block, dict) else None
        if not isinstance(data, dict):
            continue
        header: dict[int, str] = {}
        cells: dict[int, dict[int, str]] = {}
        for key, value in data.items():
            head = re.fullmatch(r"h-(\d+)", str(key))
            body = re.fullmatch(r"(\d+)-(\d+)", str(key))
            if head:
                header[int(head.group(1))] = str(value)
            elif body:
                cells.setdefault(int(body.group(1)), {})[int(body.group(2))] = str(value)
        if not header or not cells:
            continue
        width = max(header) + 1
        line = _line_at(text, match.start())
        end = _line_at(text, match.end())
        table = Table(header=[header.get(i, "") for i in range(width)], line=line)
        for number, row in sorted(cells.items())[: 10_000]:
            table.rows.append((min(line + 1 + number, end), [row.get(i, "").strip() for i in range(width)]))
        found.append(table)
    return found


def block_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of ReadMe `[block:...]` ... `[/block]` regions: their JSON is page structure, not an example."""
    return [(m.start(), m.end()) for m in re.finditer(r"\[block:[\w-]+\].*?(?:\[/block\]|\Z)", text, re.DOTALL)]


def _pipe_tables(lines: list[str]) -> list[Table]:
    tables: list[Table] = []
    i = 0
    n = len(lines)
    while i < n - 1:
        line = lines[i].strip()
        if "|" in line and _SEPARATOR.match(lines[i + 1].strip()) and not _SEPARATOR.match(line):
            table = Table(header=split_cells(line), line=i + 1)
            i = _stream_rows(lines, i + 2, table) if _soft_wrapped(lines, i + 2) else _read_rows(lines, i + 2, table)
            tables.append(table)
            continue
        headless = _headless_table(lines, i) if line.startswith("|") else None
        if headless is not None:
            tables.append(headless)
            i += len(headless.rows)
            continue
        if "\t" in line and _is_tab_header(line) and _flat_table(lines, i, inline_only=True) is None:
            table = Table(header=[c.strip() for c in line.split("\t")], line=i + 1)
            i += 1
            while i < n and "\t" in lines[i] and len(lines[i].strip().split("\t")) >= len(table.header) - 1:
                table.rows.append((i + 1, [c.strip() for c in lines[i].strip().split("\t")]))
                i += 1
            if table.rows:
                tables.append(table)
            continue
        loose = _stacked_table(lines, i) or _flat_table(lines, i)
        if loose is not None:
            tables.append(loose)
            i = loose.end
            continue
        i += 1
    return tables


# ---------------------------------------------------------------------------------------------------------
# Tables that lost their layout: the header's column words one per line (`参数` / `类型` / `必填` / `说明`, edge
# pipes optional) and every cell on a line of its own after them, or the whole table flattened onto one line
# (`参数名 类型 必填 说明 prompt string 是 提示词 size string 否 尺寸`). The header is known by its column
# vocabulary; rows are cut where a name cell is followed, at the header's offsets, by a type word and/or a
# required word; cells between a row's last column and the next row continue its description.

_NAME_CELL = re.compile(r"^`?[A-Za-z_$@][\w.\-\[\]$@]*`?$")


def _role(cell: str) -> str | None:
    if len(cell) > 30:
        return None
    return _ROLE_OF.get(re.sub(r"[*`:：]", "", cell).strip().lower())


def _header_of(cells: list[str]) -> list[str] | None:
    """The roles of leading cells that are all column words (three or more, each role once, a name column and
    a type or required column to cut rows by), or None."""
    roles: list[str] = []
    for cell in cells[:8]:
        role = _role(cell)
        if role is None or role in roles:
            break
        roles.append(role)
    if len(roles) < 3 or "name" not in roles or not {"type", "required"} & set(roles):
        return None
    return roles


def _anchored_rows(cells: list[tuple[int, str]], roles: list[str], last_takes_rest: bool
                   ) -> tuple[list[tuple[int, list[str]]], int]:
    """Rows of `len(roles)` cells cut out of a run of cells, and how many cells they used (0: no row).

    A row starts where a name cell has a type word / required word at the header's offsets (only columns
    before the description are anchors: a description may hold several cells). The description column takes
    the cells up to the next row's start (the last row: the rest, or only its own cell)."""
    width = len(roles)
    name_at = roles.index("name")
    described = roles.index("description") if "description" in roles else width - 1
    checks = [(at - name_at, _TYPE_CELL if role == "type" else REQUIRED_WORD) for at, role in enumerate(roles)
              if role in ("type", "required") and at < described and at > name_at]
    if not checks:
        return [], 0

    def starts(k: int) -> bool:
        at = k + name_at
        return at + max(o for o, _ in checks) < len(cells) and bool(_NAME_CELL.match(cells[at][1])) and all(
            pattern.match(cells[at + offset][1].strip("` ")) for offset, pattern in checks)

    rows: list[tuple[int, list[str]]] = []
    k = 0
    if not starts(0):
        return [], 0
    while k < len(cells) and starts(k):
        # (a row may leave out the cells after its anchors: `prompt` / `string` / `Text prompt` / next row)
        nxt = next((j for j in range(k + max(o for o, _ in checks) + 2, min(len(cells), k + width + 12))
                    if starts(j)), None)
        stop = nxt if nxt is not None else (len(cells) if last_takes_rest else min(len(cells), k + width))
        chunk = [text for _, text in cells[k:stop]]
        if len(chunk) < width:
            chunk += [""] * (width - len(chunk))
        tail = width - 1 - described  # columns after the description keep their place from the row's end
        middle = chunk[described:len(chunk) - tail]
        row = chunk[:described] + [" ".join(c for c in middle if c)] + chunk[len(chunk) - tail:]
        rows.append((cells[k + name_at][0], row))
        k = stop
        if nxt is None:
            break
    return rows, k


def _bare(line: str) -> str:
    text = line.strip()
    text = text.removeprefix("|").removesuffix("|") if "|" in text else text
    return text.strip()


def _stacked_table(lines: list[str], start: int) -> Table | None:
    """A table printed one cell per line: header words, then each row's cells, with no separator row."""
    if _role(_bare(lines[start])) is None:
        return None
    header = [_bare(line) for line in lines[start:start + 8]]
    roles = _header_of(header)
    if roles is None or any(not header[i] for i in range(len(roles))):
        return None
    return _stacked_rows(lines, start, start + len(roles), header[:len(roles)], roles)


def _stacked_rows(lines: list[str], start: int, first: int, header: list[str], roles: list[str]) -> Table | None:
    """Rows printed one cell per line from line `first` on, under a header of `roles` that opens at `start`."""
    from generator.ingest.sections import heading
    cells: list[tuple[int, str]] = []
    for at in range(first, min(len(lines), first + 4000)):
        text = _bare(lines[at])
        if not text or re.match(r"^(?:#|```|\{|\[|curl\b)", text) or heading(text) is not None:
            break  # (a section heading such as `返回参数` ends the table: what follows is another section's)
        cells.append((at + 1, text))
    rows, used = _anchored_rows(cells, roles, last_takes_rest=False)
    if not rows:
        return None
    table = Table(header=header, line=start + 1, rows=rows)
    table.end = cells[used - 1][0]
    return table


def _split_flat(line: str) -> list[str]:
    """The cells of a flattened table line: runs of spaces or tabs part them when the line has such runs,
    else single spaces do (a description of several words is joined back by the row cutter)."""
    text = line.strip()
    parts = re.split(r"\t+|\s{2,}", text) if re.search(r"\t|\s{2,}", text) else text.split()
    return [p.strip() for p in parts if p.strip()]


def _flat_table(lines: list[str], start: int, inline_only: bool = False) -> Table | None:
    """A table flattened onto one line (header words, then the rows), or (not `inline_only`) a header line of
    column words with rows one per line under it, cells parted by spaces."""
    line = lines[start]
    if "|" in line or not line.strip() or _role(line.split()[0]) is None:
        return None
    parts = _split_flat(line)
    roles = _header_of(parts)
    if roles is None:
        return None
    rest = [(start + 1, cell) for cell in parts[len(roles):]]
    table = Table(header=parts[:len(roles)], line=start + 1)
    if rest:
        table.rows, used = _anchored_rows(rest, roles, last_takes_rest=True)
        table.end = start + 1
        return table if table.rows and used == len(rest) else None
    if inline_only:
        return None
    at = start + 1
    while at < len(lines) and lines[at].strip() and "|" not in lines[at]:
        rows, used = _anchored_rows([(at + 1, c) for c in _split_flat(lines[at])], roles, last_takes_rest=True)
        if not rows:
            break
        table.rows += rows
        at += 1
    table.end = at
    if not table.rows:  # `Field Type Default value Description` on one line, then every cell on a line of its own
        return _stacked_rows(lines, start, start + 1, parts[:len(roles)], roles)
    return table


def _headless_table(lines: list[str], start: int) -> Table | None:
    """Pipe rows with no header and no separator (`| angle | integer | yes | Degrees |`), as a page lists
    parameters when it drops the header row: two or more rows of one width, a column of names and a
    column of type words. The columns are named by content: required words, and the longest text the
    description. None when the rows are not such a table."""
    if start > 0 and lines[start - 1].strip().startswith("|"):
        return None
    rows: list[list[str]] = []
    for line in lines[start:start + 2000]:
        text = line.strip()
        if not text.startswith("|") or _SEPARATOR.match(text):
            break
        cells = split_cells(text)
        if rows and len(cells) != len(rows[0]):
            break
        rows.append(cells)
    if len(rows) < 2 or len(rows[0]) < 3 or (start + len(rows) < len(lines) and _SEPARATOR.match(
            lines[start + len(rows)].strip())):
        return None
    width = len(rows[0])

    def share(index: int, pattern: re.Pattern[str]) -> bool:
        cells = [r[index].strip() for r in rows if r[index].strip()]
        return bool(cells) and sum(bool(pattern.match(c)) for c in cells) * 3 >= len(cells) * 2

    name_pattern = re.compile(r"^`?[A-Za-z_$@][\w.\-\[\]$@]*`?\*?$")
    header = [""] * width
    roles = (("Name", name_pattern), ("Type", TYPE_WORD), ("Required", REQUIRED_WORD))
    for role, pattern in roles:
        index = next((i for i in range(width) if not header[i] and share(i, pattern)), None)
        if index is not None:
            header[index] = role
    if "Name" not in header or "Type" not in header:
        return None
    free = [i for i in range(width) if not header[i]]
    if free:
        header[max(free, key=lambda i: sum(len(r[i]) for r in rows))] = "Description"
    table = Table(header=header, line=start + 1)
    table.rows = [(start + 1 + at, cells) for at, cells in enumerate(rows)]
    return table


def _is_tab_header(line: str) -> bool:
    cells = [re.sub(r"[*`:：]", "", c).strip().lower() for c in line.split("\t")]
    roles = {role for cell in cells for role, names in VOCABULARY.items() if cell in names}
    return len(cells) >= 3 and "name" in roles and len(roles) >= 3


def _block_end(lines: list[str], start: int) -> int:
    """Where the rows after a separator end: a blank line, a code fence, the next table's header, or 2,000
    lines on."""
    at = start
    while at < min(len(lines), start + 2000):
        text = lines[at].strip()
        if not text or text.startswith("```") or (
                "|" in text and at + 1 < len(lines) and _SEPARATOR.match(lines[at + 1].strip())):
            break
        at += 1
    return at


def _soft_wrapped(lines: list[str], start: int) -> bool:
    """Rows whose cells wrap over lines (Replicate's schema tables copied as text: `prompt |` / `string` / `|` /
    `Text prompt` / `|` / `|`): rows do not open with a pipe, some lines hold no pipe and some only a pipe."""
    block = [lines[at].strip() for at in range(start, _block_end(lines, start))]
    empty_cell = any(t == "|" and block[at - 1].endswith("|") for at, t in enumerate(block) if at)  # `|` / `|`
    return bool(block) and empty_cell and any("|" not in t for t in block)


def _stream_rows(lines: list[str], start: int, table: Table) -> int:
    """The rows of a soft-wrapped table: the block read as one run of cells parted by pipes (a cell's lines
    joined), cut into rows of the header's width, each row starting at a name-like cell."""
    end = _block_end(lines, start)
    width = max(len(table.header), 2)
    cells: list[tuple[int, str]] = []
    current: list[str] = []
    first = start + 1
    for at in range(start, end):
        parts = lines[at].split("|")
        for index, part in enumerate(parts):
            if part.strip():
                if not current:
                    first = at + 1
                current.append(part.strip())
            if index < len(parts) - 1:  # a pipe closes the cell
                cells.append((first if current else at + 1, " ".join(current)))
                current = []
    if current:
        cells.append((first, " ".join(current)))
    k = 0
    while k < len(cells):
        if not re.match(r"^`?[A-Za-z_$@][\w.\-\[\]$@]*`?(?:\s|$)", cells[k][1]):
            k += 1  # (a stray cell between rows: resynchronise on the next name)
            continue
        row = [text for _, text in cells[k:k + width]]
        table.rows.append((cells[k][0], row + [""] * (width - len(row))))
        k += width
    table.end = end
    return end


def _read_rows(lines: list[str], start: int, table: Table) -> int:
    width = max(len(table.header), 2)
    row: list[str] = []
    row_line = start + 1
    i = start
    while i < len(lines):
        text = lines[i].strip()
        if not text:
            if row:
                _emit(table, row_line, row, width)
            return i
        if text == "|":  # the closing pipe of a cell broken over lines
            i += 1
            continue
        if "|" in text and i + 1 < len(lines) and _SEPARATOR.match(lines[i + 1].strip()):
            break  # the header of the next table: tables printed with no blank line between them
        if "|" not in text:
            if row and i + 2 < len(lines) and "|" in lines[i + 1] and _SEPARATOR.match(lines[i + 2].strip()):
                break  # not a cell's text but the heading of the next table, printed with no blank line
            if not row and not _row_follows(lines, i):
                return i
            if not row:
                row_line = i + 1
            row.append(text)  # a cell's text on a line of its own
        else:
            cells = split_cells(text)
            if not row:
                row_line = i + 1
                if text.startswith("|") or len(cells) >= width - 1 or text.endswith("|") or \
                        re.match(r"^`?[A-Za-z_$@][\w.\-\[\]$@]*`?$", cells[0]):
                    row = cells
                else:
                    return i

            elif len(row) == 1 and len(cells) >= width and cells[0].strip("` ") == row[0].strip("` ") and \
                    "|" not in lines[i - 1]:
                row, row_line = cells, i + 1  # the name printed as a label above its own row: the row is whole
            elif len(cells) >= width and text.startswith("|") or len(cells) >= width and len(row) >= width:
                _emit(table, row_line, row, width)
                row, row_line = cells, i + 1
            else:
                row.extend(cells)
        if len(row) >= width:
            _emit(table, row_line, row, width)
            row = []
        i += 1
    if row:
        _emit(table, row_line, row, width)
    return i


def _row_follows(lines: list[str], i: int) -> bool:
    """A row whose first cell starts on a line of its own (`action string 必须`): it starts like a field
    name, a line ending in a pipe follows soon with no blank line between, and that line opens no table."""
    if not re.match(r"^`?[A-Za-z_$@][\w.\-\[\]$@]*", lines[i].strip()) or re.search(r"[，。:：]", lines[i]):
        return False
    for at in range(i + 1, min(i + 5, len(lines))):
        text = lines[at].strip()
        if not text:
            break
        if text.endswith("|"):
            return not (at + 1 < len(lines) and _SEPARATOR.match(lines[at + 1].strip()))
    # the page (or the excerpt, before a footer) ends inside the row: its first line holds a name and a type word
    return bool(re.match(rf"^`?[A-Za-z_$@][\w.\-\[\]$@]*?\s*(?:{TYPE_TOKEN})(?![\w])", lines[i].strip(), re.IGNORECASE))


def _emit(table: Table, line: int, row: list[str], width: int) -> None:
    cells = [c for c in row]
    if len(cells) > width and not any(cells[width:]):
        cells = cells[:width]
    elif len(cells) > width:
        cells = cells[:width - 1] + [" ".join(c for c in cells[width - 1:] if c)]
    if any(cells):
        table.rows.append((line, cells))


# ---------------------------------------------------------------------------------------------------------
# Column roles

VOCABULARY: dict[str, tuple[str, ...]] = {
    "name": ("参数", "参数名", "参数名称", "字段", "字段名", "字段名称", "名称", "属性", "键", "name", "parameter",
             "parameters", "param", "field", "key", "property", "header", "パラメーター", "パラメータ", "フィールド",
             "ヘッダー", "名前", "項目", "параметр", "поле", "имя", "название", "заголовок", "參數", "參數名", "參數名稱", "名稱", "欄位", "字段名稱", "파라미터", "매개변수", "이름",
             "필드", "parámetro", "nombre", "campo", "paramètre", "nom", "champ", "feld", "parâmetro", "nome",
             "tham số", "tên"),
    "type": ("类型", "参数类型", "数据类型", "字段类型", "type", "data type", "型", "タイプ", "データ型", "тип",
             "тип данных", "類型", "型別", "資料型別", "타입", "유형", "자료형", "데이터 타입", "tipo", "typ",
             "datentyp", "kiểu"),
    "required": ("必填", "必需", "必选", "必须", "是否必填", "是否必须", "是否必需", "是否必选", "required", "mandatory",
                 "必須", "обязательный", "обязательно", "обяз.", "是否必填", "必要", "필수", "필수 여부", "obligatorio",
                 "requerido", "obligatoire", "requis", "pflicht", "erforderlich", "obrigatório", "bắt buộc"),
    "description": ("说明", "描述", "备注", "含义", "参数说明", "参数描述", "字段说明", "description", "desc", "notes",
                    "note", "details", "説明", "備考", "описание", "примечание", "說明", "描述", "內容", "内容", "설명", "비고", "descripción",
                    "descripcion", "beschreibung", "descrição", "mô tả"),
    "default": ("默认值", "默认", "default", "default value", "デフォルト", "デフォルト値", "初期値", "по умолчанию", "預設值", "預設", "기본값", "predeterminado", "valor por defecto",
                "par défaut", "défaut", "standardwert", "padrão", "valor padrão", "mặc định"),
    # a column that says whether a field may be left out: `yes` there means NOT required
    "optional": ("optional", "optional?", "是否可选", "可选", "可選", "選填", "选填", "任意", "opcional", "facultatif",
                 "optionnel"),
    "in": ("位置", "参数位置", "in", "location", "where", "位置/类型", "場所", "расположение"),
    "value": ("值", "示例值", "示例", "value", "example", "値", "例", "значение", "пример"),
    "range": ("范围", "取值范围", "range", "范囲", "диапазон"),
    # a column of allowed values (`male / female`, `mp3、wav`): read like a `可选值:` note on the field
    "enum": ("可选值", "枚举值", "枚举", "取值", "可選值", "enum", "enums", "allowed values", "possible values", "values",
             "options", "選択肢", "指定できる値", "допустимые значения", "가능한 값", "valores posibles", "valeurs possibles"),
}
_ROLE_OF: dict[str, str] = {}
VOCABULARY_ROLE = _ROLE_OF  # column word (lower case) -> role
for _role_name, _names in VOCABULARY.items():
    for _name in _names:
        _ROLE_OF.setdefault(_name, _role_name)  # (a word two roles list keeps the first, as `columns` reads it)
TYPE_TOKEN = (r"(?:enum<\w+>|(?:string|str|integer|int|int32|int64|long|number|float|double|boolean|bool|"
                       r"object|dict|map|array|list|file|binary|null|any)(?:<[\w.]+>(?=\[\]))?(?:\[\])?(?:<[\w.]+>)?"
                       r"(?:\s*(?:/|\||,|或|\bor\b)\s*(?:string|integer|int|number|float|boolean|bool|object|array|"
                       r"file|null)(?:\[\])?)*|(?:array|list)\s*\[\s*\w+\s*\])")
TYPE_WORD = re.compile(rf"^{TYPE_TOKEN}$", re.IGNORECASE)
_TYPE_CELL = re.compile(rf"^(?:{TYPE_TOKEN}|None)$", re.IGNORECASE)  # Replicate prints `None` for a field of no one type
REQUIRED_WORD = re.compile(r"^(?:是|否|y|n|yes|no|true|false|必填|必需|必须|必选|选填|可选|非必填|非必需|条件|required|"
                           r"optional|conditional|はい|いいえ|必須|任意|да|нет|✓|√|✔|-|—|예|아니오|아니요|필수|선택|sí|si|oui|non|ja|nein|"
                           r"sim|não|có|không|○|◯|●|〇|×|✗|✕|✘|✅|✔️|☑️?|❌|✖️?|❎)$", re.IGNORECASE)


def columns(header: list[str], rows: list[list[str]]) -> dict[str, int]:
    """Role -> column index, by header vocabulary first, then by cell content for unnamed roles."""
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        word = re.sub(r"[*`:：]", "", cell).strip().lower()
        both = re.fullmatch(r"(.+?)\s*[(（](.+?)[)）]", word)  # `示例(默认值)`: a sample, the default where one applies
        if both and {_ROLE_OF.get(both.group(1)), _ROLE_OF.get(both.group(2))} == {"value", "default"} and (
                "sample_default" not in found):
            found["sample_default"] = index
            continue
        # `取值范围/格式`, `Range / Format`: a header naming two things is read by the first one it knows
        for part in dict.fromkeys([word, *re.split(r"\s*[/／|、]\s*", word)]):
            role = next((r for r, names in VOCABULARY.items() if part in names and r not in found), None)
            if role is not None and index not in found.values():
                found[role] = index
                break
    free = [i for i in range(len(header)) if i not in found.values()]
    for role, pattern in (("type", TYPE_WORD), ("required", REQUIRED_WORD)):
        if role in found:
            continue
        for index in free:
            cells = [r[index] for r in rows if index < len(r) and r[index].strip()]
            if cells and sum(bool(pattern.match(c.strip())) for c in cells) >= max(1, (len(cells) * 2 + 2) // 3):
                found[role] = index
                free.remove(index)
                break
    endpoints = any(re.match(r"^`?(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(?:/|https?://)", cell)
                    for r in rows for cell in r)  # a table listing `POST /v1/x` endpoints is an overview
    if "name" not in found and not endpoints:
        for index in free:
            cells = [r[index] for r in rows if index < len(r) and r[index].strip()]
            if cells and all(re.match(r"^`?[A-Za-z_$@][\w.\-\[\]$@]*", c) for c in cells):
                found["name"] = index
                break
    return found
