"""More shapes real pages print and a reader still reads: a parameter table flattened onto one line, a table
printed one cell per line with no separator, values and numbers glued together where the page lists them
elsewhere, an error example with no heading after a table, ranges glued to their label, defaults in
Japanese and Korean glued to their value. Every page here is written for these tests.
"""

from __future__ import annotations

from typing import Any

from generator.ingest.hints import lift
from tests.ingest.conftest import body_schema, only_operation, response_schema


def props(op: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = body_schema(op)["properties"]
    return schema


# --- 1. a parameter table flattened onto one line ---------------------------------------------------------

FLAT_SPACES = """\
# 绘制贴纸
POST /v2/stickers/draw
请求参数
参数名 类型 必填 说明 theme string 是 贴纸主题描述 edge string 否 边框样式 count integer 否 张数，默认值 2
返回 sticker_id
"""

FLAT_RUNS = """\
POST /v2/stickers/draw
Body
Name\tType\tRequired\tDescription\ttheme\tstring\tyes\tWhat the sticker shows\tedge\tstring\tno\tBorder style, default: round
"""


def test_a_table_flattened_onto_one_line_is_cut_into_rows_by_its_type_words(ingest) -> None:
    _, _, op = only_operation(ingest(FLAT_SPACES))
    fields = props(op)
    assert list(fields) == ["theme", "edge", "count"]
    assert body_schema(op)["required"] == ["theme"]
    assert fields["theme"] == {"type": "string", "description": "贴纸主题描述"}
    assert fields["edge"]["type"] == "string"
    assert fields["count"]["type"] == "integer" and fields["count"]["default"] == 2


def test_a_flattened_table_with_tab_separated_cells_keeps_descriptions_with_spaces(ingest) -> None:
    _, _, op = only_operation(ingest(FLAT_RUNS))
    fields = props(op)
    assert list(fields) == ["theme", "edge"]
    assert body_schema(op)["required"] == ["theme"]
    assert fields["theme"]["description"] == "What the sticker shows"
    assert fields["edge"]["default"] == "round"


def test_a_sentence_naming_column_words_is_no_table(ingest) -> None:
    page = ("POST /v2/stickers/draw\n"
            "The 参数 类型 必填 words head the table below.\n\n"
            "| 参数 | 类型 | 必填 | 说明 |\n|---|---|---|---|\n| theme | string | 是 | 主题 |\n")
    _, _, op = only_operation(ingest(page))
    assert list(props(op)) == ["theme"]


# --- 2. a table printed one cell per line with no separator row ------------------------------------------

STACKED = """\
POST /v2/stickers/draw
请求体
参数
类型
必填
说明
theme
string
是
贴纸主题描述
edge
string
否
边框样式
可选 round 或 square
count
integer
否
张数
返回示例
{"sticker_id": "s-1"}
"""

STACKED_PIPES = """\
- 端点:
POST /v2/stickers/draw
| 参数 |
类型 |
必填 |
说明 |
theme |
string |
是 |
贴纸主题描述 |
count |
integer |
否 |
张数,必须介于 1 和 8 之间 |
"""


def test_a_table_printed_one_cell_per_line_is_read_by_its_header_count(ingest) -> None:
    _, _, op = only_operation(ingest(STACKED))
    fields = props(op)
    assert list(fields) == ["theme", "edge", "count"]
    assert body_schema(op)["required"] == ["theme"]
    assert fields["edge"]["enum"] == ["round", "square"]  # a description over two lines stays one cell
    assert fields["count"]["type"] == "integer"
    assert set(response_schema(op, "200")["properties"]) == {"sticker_id"}


def test_a_one_cell_per_line_table_with_trailing_pipes(ingest) -> None:
    _, _, op = only_operation(ingest(STACKED_PIPES))
    fields = props(op)
    assert list(fields) == ["theme", "count"]
    assert body_schema(op)["required"] == ["theme"]
    assert fields["count"]["minimum"] == 1 and fields["count"]["maximum"] == 8


# --- 3./4. values and numbers glued together, known from elsewhere on the page ---------------------------

GLUED_STATES = """\
GET /v2/jobs/{job_id}
| 参数 | 类型 | 必填 | 说明 |
|---|---|---|---|
| job_id | string | 是 | 任务 ID |
返回参数
| 参数 | 类型 | 说明 |
|---|---|---|
| state | string | 任务状态，可选值：queuedworkingfinished |
| clip_seconds | integer | 片段时长，可选 612 |
状态说明: queued 表示排队, working 表示处理中, finished 表示完成。
返回示例
{"state": "working", "clip_seconds": 6}
时长可以是 6 秒，也可以是 12 秒。
"""


def test_glued_values_are_split_by_the_values_the_page_lists_elsewhere(ingest) -> None:
    _, _, op = only_operation(ingest(GLUED_STATES))
    fields = response_schema(op, "200")["properties"]
    assert fields["state"]["enum"] == ["queued", "working", "finished"]
    assert fields["clip_seconds"]["enum"] == [6, 12]


def test_glued_values_without_evidence_stay_unsplit(ingest) -> None:
    page = GLUED_STATES.split("状态说明")[0]  # no other mention of the states or of the durations
    _, _, op = only_operation(ingest(page))
    fields = response_schema(op, "200")["properties"]
    assert "enum" not in fields["state"]
    assert "enum" not in fields["clip_seconds"]


def test_space_separated_values_after_an_options_word_need_the_page_to_list_them_too(ingest) -> None:
    page = ("POST /v2/stickers/draw\n| 参数 | 类型 | 必填 | 说明 |\n|---|---|---|---|\n"
            "| edge | string | 否 | 可选值：round square none |\n"
            "| note | string | 否 | 可选值 any free text |\n"
            "请求示例\n{\"edge\": \"round\"}\nround 为圆角, square 为直角, none 为无边框。\n")
    _, _, op = only_operation(ingest(page))
    fields = props(op)
    assert fields["edge"]["enum"] == ["round", "square", "none"]
    assert "enum" not in fields["note"]


def test_digits_are_never_split_without_evidence() -> None:
    assert "enum" not in lift("时长可选 612", "integer")
    assert lift("时长可选 6/12", "integer")["enum"] == [6, 12]


# --- 5. an unlabelled error example after a parameter table ----------------------------------------------

ERROR_AFTER_TABLE = """\
POST /v2/stickers/draw
| 参数 | 类型 | 必填 | 说明 |
|---|---|---|---|
| theme | string | 是 | 贴纸主题 |

{"code": 400, "message": "theme is empty"}
"""


def test_an_unlabelled_error_example_after_the_table_is_an_error_response(ingest) -> None:
    _, _, op = only_operation(ingest(ERROR_AFTER_TABLE))
    assert list(props(op)) == ["theme"]
    assert "example" not in op["requestBody"]["content"]["application/json"]
    assert set(response_schema(op, "400")["properties"]) == {"code", "message"}


def test_an_unlabelled_nested_error_object_is_an_error_response(ingest) -> None:
    _, _, op = only_operation(ingest(ERROR_AFTER_TABLE.replace(
        '{"code": 400, "message": "theme is empty"}', '{"error": {"message": "theme is empty", "type": "bad_input"}}')))
    assert "example" not in op["requestBody"]["content"]["application/json"]
    assert set(response_schema(op, "default")["properties"]) == {"error"}


def test_a_success_envelope_is_not_an_error(ingest) -> None:
    page = ERROR_AFTER_TABLE.replace('{"code": 400, "message": "theme is empty"}',
                                     '返回示例\n{"code": 0, "message": "ok"}')
    _, _, op = only_operation(ingest(page))
    assert set(response_schema(op, "200")["properties"]) == {"code", "message"}


def test_an_unlabelled_body_example_after_the_table_is_still_the_request(ingest) -> None:
    _, _, op = only_operation(ingest(ERROR_AFTER_TABLE.replace(
        '{"code": 400, "message": "theme is empty"}', '{"theme": "a fox", "message": "hi"}')))
    assert op["requestBody"]["content"]["application/json"]["example"] == {"theme": "a fox", "message": "hi"}


# --- 6. a range glued to its label ----------------------------------------------------------------------

def test_ranges_glued_to_their_label() -> None:
    assert lift("必填范围: x >= 1", "integer") == {"minimum": 1}
    assert lift("Required range: x <= 9", "integer") == {"maximum": 9}
    assert lift("Required range: x > 0", "number") == {"exclusiveMinimum": 0}
    assert lift("必須 範囲: 1以上", "integer") == {"minimum": 1}
    assert lift("範囲: 1以上100以下", "integer") == {"minimum": 1, "maximum": 100}
    assert lift("필수 범위: 1 이상 50 이하", "integer") == {"minimum": 1, "maximum": 50}
    assert lift("Required range: between 2 and 7", "integer") == {"minimum": 2, "maximum": 7}
    assert lift("必填范围: 1~100", "integer") == {"minimum": 1, "maximum": 100}
    assert lift("Required range: 1-100", "integer") == {"minimum": 1, "maximum": 100}
    assert lift("Speed of playback (0.25 to 4.0). Default: 1.0", "number") == {
        "default": 1.0, "minimum": 0.25, "maximum": 4.0}
    assert lift(r"取值范围：\[1.0 \~ 20.0]。", "number") == {"minimum": 1.0, "maximum": 20.0}


def test_a_range_label_on_an_optional_field_does_not_make_it_required(ingest) -> None:
    page = ("POST /v2/stickers/draw\n| 参数 | 类型 | 必填 | 说明 |\n|---|---|---|---|\n"
            "| theme | string | 是 | 主题 |\n| count | integer | 否 | 张数 Required range: 1 <= x <= 4 |\n")
    _, _, op = only_operation(ingest(page))
    assert body_schema(op)["required"] == ["theme"]
    assert props(op)["count"]["minimum"] == 1


# --- 7. Japanese and Korean defaults glued to their value ------------------------------------------------

def test_japanese_and_korean_defaults_glued_to_the_value() -> None:
    assert lift("生成枚数。デフォルト1", "integer")["default"] == 1
    assert lift("デフォルト値: 1024", "integer")["default"] == 1024
    assert lift("デフォルト値1024、最大 2048", "integer")["default"] == 1024
    assert lift("기본값 1", "integer")["default"] == 1
    assert lift("기본값은 auto 입니다", "string")["default"] == "auto"


# --- shapes of held-out pages ---------------------------------------------------------------------------

NAME_LABEL_ROWS = """\
POST https://api.example.test/gw/v3/stickers/draw
curl -X POST "$STICKER_BASE/stickers/draw" -H "Authorization: Bearer $KEY" -d '{"theme": "fox", "count": 1}'
绘制请求字段
| 字段 | 类型 | 必填 | 说明 |
|---|
theme
theme | string | 是 | 贴纸主题 |
edge
edge | string / array | 否 | 边框 |
"""


def test_a_name_printed_above_its_own_row_and_a_curl_on_a_base_variable(ingest) -> None:
    spec = ingest(NAME_LABEL_ROWS)
    path, _, op = only_operation(spec)  # the curl's `$STICKER_BASE` stands for the host and `/gw/v3`
    assert path == "/gw/v3/stickers/draw"
    fields = props(op)
    assert fields["theme"]["type"] == "string" and fields["theme"]["description"] == "贴纸主题"
    assert fields["edge"]["type"] == ["string", "array"]
    assert body_schema(op)["required"] == ["theme"]
    assert fields["count"]["type"] == "number"


OVERVIEW_TABLE = """\
| 用途 | Endpoint | 同步 | 返回 |
|---|---|---|---|
| 画贴纸 | POST /v2/stickers/draw | 是 | data[].url |
参数
| 参数 | 类型 | 必填 | 说明 |
|---|---|---|---|
theme | string | 是 | 贴纸主题 |
"""


def test_an_overview_table_of_endpoints_lists_no_fields(ingest) -> None:
    path, _, op = only_operation(ingest(OVERVIEW_TABLE))
    assert path == "/v2/stickers/draw"
    assert list(props(op)) == ["theme"]


def test_flattened_tables_in_other_arrangements(ingest) -> None:
    english = ("POST /v2/stickers/draw\n"
               "Parameter Type Required Description theme string yes The motif to draw edge string no "
               "Border style of the sticker\n")
    _, _, op = only_operation(ingest(english))
    assert {k: v.get("description") for k, v in props(op).items()} == {
        "theme": "The motif to draw", "edge": "Border style of the sticker"}
    assert body_schema(op)["required"] == ["theme"]
    late_required = "POST /v2/stickers/draw\n参数 类型 说明 必填 theme string 贴纸 主题 是 edge string 边框 否\n"
    _, _, op = only_operation(ingest(late_required))
    assert props(op)["theme"]["description"] == "贴纸 主题"
    assert body_schema(op)["required"] == ["theme"]
    one_per_line = ("POST /v2/stickers/draw\n\n参数 类型 必填 说明\ntheme string 是 贴纸主题\n"
                    "count integer 否 张数 默认值 2\n\n")
    _, _, op = only_operation(ingest(one_per_line))
    assert list(props(op)) == ["theme", "count"] and props(op)["count"]["default"] == 2


def test_a_japanese_table_one_cell_per_line(ingest) -> None:
    page = ("POST /v2/stickers/draw\nリクエストボディ\nパラメータ\n型\n必須\n説明\n"
            "theme\nstring\nはい\nステッカーの主題\ncount\ninteger\nいいえ\n枚数。デフォルト1\n")
    _, _, op = only_operation(ingest(page))
    assert body_schema(op)["required"] == ["theme"]
    assert props(op)["count"]["type"] == "integer" and props(op)["count"]["default"] == 1


def test_a_heading_ends_a_one_cell_per_line_table(ingest) -> None:
    page = ("POST /v2/stickers/draw\n请求参数\n参数\n类型\n必填\n说明\ntheme\nstring\n是\n贴纸主题\n"
            "返回参数\n参数\n类型\n必填\n说明\nsticker_id\nstring\n是\n贴纸 ID\n")
    _, _, op = only_operation(ingest(page))
    assert list(props(op)) == ["theme"]
    assert list(response_schema(op, "200")["properties"]) == ["sticker_id"]
