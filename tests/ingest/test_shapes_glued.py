"""Shapes from a seventh held-out set of relay pages (each page below written for these tests, never copied
from a site): Fumadocs listings whose name, mark, type and description ran together, a bullet list whose
values slid onto the next label's line, tables copied without separators that carry `Title` / `Default` /
`Example` columns and descriptions over several lines, a `示例(默认值)` column, a `<Title> Parameters`
heading after a response, and value lists in quotes, in ratio form, with one value, or glued with glosses."""

from __future__ import annotations

from typing import Any

from generator.ingest.hints import lift
from generator.ingest.text import normalize
from tests.ingest.conftest import body_schema, only_operation


def _fields(spec: dict[str, Any]) -> tuple[str, dict[str, Any], set[str]]:
    path, _, op = only_operation(spec)
    [media] = op["requestBody"]["content"]  # (a file field makes the body a form)
    schema = body_schema(op, media)
    return path, schema["properties"], set(schema.get("required", []))


# --- Fumadocs listing copied as text: `name?typeDescription`, fields with no description glued together ----

GLUED_MARKS = """\
Create a mesh job
https://api.meshes.test
POST/v3/mesh/jobs
Request Body
application/json
kind*stringWhich pipeline runs: sketch / photo / scan.
caption?stringWhat to build. Needed for sketch.
source?objectOne input picture.
format?stringlink?stringviews?arrayPictures from the four sides.
poly_cap?integerUpper bound on faces.
smooth?booleanWhether to smooth the surface.
"""


def test_a_listing_that_glues_name_mark_type_and_description_is_read_field_by_field(ingest) -> None:
    path, fields, required = _fields(ingest(GLUED_MARKS))
    assert path == "/v3/mesh/jobs"
    assert {"kind", "caption", "source", "views", "poly_cap", "smooth"} <= set(fields)
    assert fields["kind"]["type"] == "string" and required == {"kind"}
    assert fields["caption"]["description"].startswith("What to build")
    assert fields["views"]["type"] == "array" and fields["poly_cap"]["type"] == "integer"
    assert fields["smooth"]["type"] == "boolean"


def test_the_glued_mark_split_leaves_other_lines_alone() -> None:
    assert normalize("a*b is math\nsafetySettings?\nmode?stringlower case text") == (
        "a*b is math\nsafetySettings?\nmode?stringlower case text")
    assert normalize("x?stringy*integerTail.") == "x?string\ny*integer Tail."


# --- a bullet list whose values slid onto the next label's line -------------------------------------------

SLID_BULLETS = """\
贴纸生成
2.请求说明
- 请求方法:
POST - 请求地址
https://gw.stickers.test/v2/stickers
3.请求参数
| 参数名称 | 类型 | 必填 | 说明 |
|---|---|---|---|
| theme | string | 是 | 贴纸主题 |
"""


def test_a_method_bullet_whose_value_shares_a_line_with_the_next_label_states_the_endpoint(ingest) -> None:
    spec = ingest(SLID_BULLETS)
    path, method, _ = only_operation(spec)
    assert (method, path) == ("post", "/v2/stickers")
    assert spec["servers"][0]["url"] == "https://gw.stickers.test"


# --- tables whose cells ran together, with more columns than name/type/required/description ---------------

RAN_COLUMNS = """\
POST /v2/mesh/render
请求体参数
FieldTypeRequiredTitleDescription
modelstringYes模型名称mesh-s, mesh-m
stepsintegerNo步数取值 1-8
Mesh Parameters
ParameterTypeRequiredDefaultDescription
qualitystringNo"draft"Quality: "draft" or "final".
seedintegerNorandomSeed of the run.
capintegerNoUpper bound on faces (100–200,000).
shadebooleanNotrueWhether to shade.
packstringNoPacking. Only option: "zip".
"""


def test_ran_together_tables_with_title_and_default_columns(ingest) -> None:
    _, fields, required = _fields(ingest(RAN_COLUMNS))
    assert required == {"model"}
    assert fields["model"]["enum"] == ["mesh-s", "mesh-m"]
    assert (fields["steps"]["minimum"], fields["steps"]["maximum"]) == (1, 8)
    assert fields["quality"]["default"] == "draft" and fields["quality"]["enum"] == ["draft", "final"]
    assert "default" not in fields["seed"] and "random" in fields["seed"]["description"]
    assert (fields["cap"]["minimum"], fields["cap"]["maximum"]) == (100, 200000)
    assert fields["shade"]["default"] is True
    assert fields["pack"]["enum"] == ["zip"]


RAN_OVER_LINES = """\
文生贴纸
POST https://api.stickers.test/v1/stickers
请求体
参数名称类型必填参数描述
themeString主题
可选值:calmwild
calm:安静的风格
wild:热烈的风格
edgeString可选边框
默认 round,可选值:roundsquare
round:圆角
square:直角
countInt可选张数
"""


def test_a_ran_together_row_goes_on_over_the_lines_under_it(ingest) -> None:
    _, fields, required = _fields(ingest(RAN_OVER_LINES))
    assert set(fields) == {"theme", "edge", "count"}
    assert required == set()  # the first row shows no required word; `可选` rows are optional
    assert fields["theme"]["enum"] == ["calm", "wild"]  # the glued run split by the glosses under it
    assert fields["edge"]["default"] == "round" and fields["edge"]["enum"] == ["round", "square"]
    assert fields["count"]["type"] == "integer"


# --- a sample column that is the default where one applies --------------------------------------------------

SAMPLE_DEFAULT = """\
POST https://api.stickers.test/v1/stickers
| 参数名称 | 类型 | 必填 | 说明 | 示例(默认值) |
|---|---|---|---|---|
| theme | string | 是 | 主题 | calm |
| size | string | 否 | 尺寸,支持的值为 1K、2K | 1K |
"""


def test_a_sample_default_column_is_the_example_of_a_required_field_and_the_default_of_another(ingest) -> None:
    _, fields, _ = _fields(ingest(SAMPLE_DEFAULT))
    assert "default" not in fields["theme"] and fields["theme"].get("example") == "calm"
    assert fields["size"]["default"] == "1K" and fields["size"]["enum"] == ["1K", "2K"]


# --- `<Title> Parameters` after a response example ------------------------------------------------------------

TITLED_PARAMETERS = """\
Render

POST

/v1/render/

Response
{"job": "j-1"}

Render Job Parameters

ParameterTypeRequiredDefaultDescription
promptstringYesWhat to render.
"""


def test_a_titled_parameters_heading_after_a_response_opens_the_request(ingest) -> None:
    _, fields, required = _fields(ingest(TITLED_PARAMETERS))
    assert "prompt" in fields and required == {"prompt"}


# --- value lists ----------------------------------------------------------------------------------------------

def test_value_lists_in_quotes_ratios_and_one_value() -> None:
    assert lift('Finish: "matte" or "gloss". Gloss costs more.', "string")["enum"] == ["matte", "gloss"]
    assert lift("图片比例。支持的宽高比:1:1、4:3、16:9 或 21:9。", "string")["enum"] == ["1:1", "4:3", "16:9", "21:9"]
    assert lift('模型名称。Value in "mesh-s"', "string")["enum"] == ["mesh-s"]
    assert "enum" not in lift("状态,可选值:queuedrunning", "string")  # one bare run may be several values glued
    assert lift("可选 1,2,3", "integer")["enum"] == [1, 2, 3]  # (a thousands group only inside a range)


# --- a stated path with its parameter filled in; untyped starred fields; a bare host above the statement ----

FILLED_PATH = """\
Sketch (native format)
Authorization
Bearer
In: header
Path Parameters
engine*string
引擎名称,填写 sketch-2。
Value in
"sketch-2"Request Body
application/json
strokes*
笔画数组。
style*
extras?
https://api.sketch.test
POST /v2/engines/demo-1:draw
"""


def test_a_documented_path_parameter_takes_back_the_segment_the_stated_path_filled_in(ingest) -> None:
    spec = ingest(FILLED_PATH)
    path, fields, required = _fields(spec)
    assert path == "/v2/engines/{engine}:draw"
    assert spec["servers"][0]["url"] == "https://api.sketch.test"
    _, _, op = only_operation(spec)
    [param] = [p for p in op["parameters"] if p["in"] == "path"]
    assert param["name"] == "engine" and param["schema"].get("enum") == ["sketch-2"]
    assert {"strokes", "style", "extras"} <= set(fields) and required == {"strokes", "style"}


def test_a_section_whose_other_path_holds_the_parameter_keeps_its_stated_paths(ingest) -> None:
    page = ("POST /v2/jobs/submit\nGET /v2/jobs/{job_id}\nPath Parameters\njob_id*string\n任务 ID\n"
            "Request Body\nprompt*string\n")
    paths = set(ingest(page)["paths"])
    assert paths == {"/v2/jobs/submit", "/v2/jobs/{job_id}"}


# --- dotted names in a table, a response heading glued to a curl command, a default that depends -----------

DOTTED = """\
接口
https://api.tasks.test/v1/tasks/submit
输入
| 参数 | 类型 | 是否必选 | 描述 |
|---|---|---|---|
| model | string | 是 | 模型名称 |
| input.prompt | string | 是 | 提示词 |
| parameters.size | string | 否 | 尺寸,默认值依据模型而定 |
| parameters.seed | int | 否 | 随机种子 |
curl 'https://api.tasks.test/v1/tasks/submit' --header 'Authorization: KEY' --data '{"model": "m1", "input": {"prompt": "x"}}'输出
| 参数 | 类型 | 描述 |
|---|---|---|
| output.task_id | string | 任务 ID |
| request_id | string | 请求 ID |
"""


def test_dotted_names_nest_and_a_response_table_after_a_glued_heading_stays_a_response(ingest) -> None:
    _, _, op = only_operation(ingest(DOTTED))
    body = body_schema(op)
    assert set(body["properties"]) == {"model", "input", "parameters"}
    assert set(body["required"]) == {"model", "input"}  # `input` is required because `input.prompt` is
    assert body["properties"]["input"]["properties"]["prompt"]["type"] == "string"
    assert "default" not in body["properties"]["parameters"]["properties"]["size"]
    response = op["responses"]["200"]["content"]["application/json"]["schema"]
    assert set(response["properties"]) == {"output", "request_id"}
    assert "task_id" in response["properties"]["output"]["properties"]


# --- set K: numbered section headings, labels glued after quotes and media types, spaced id lists -----------

NUMBERED = """\
Voice render
1.Request Method:
POST
2.Request Path:
/v3/voices/{voice_id}/render
3.PathVariables
| Parameter | Description | Example |
|---|---|---|
| voice_id | Voice ID | v-1 |
4.QueryParams
| Parameter | Description | Example |
|---|---|---|
| output_format | Output format Available values: wav_16000 mp3_44100_128 (default) pcm_24000 | mp3_44100_128 |
5.Request Body
| Parameter | Required | Description | Example |
|---|---|---|---|
| text | Yes | Text | hello |
| engine | No | Engine Available values: turbo_v2 (default) studio_v1 | 1 |
| settings | No | Voice settings | {"pitch": 0} |
| lexicons | No | object[] Lexicons to apply | [] |
"""


def test_numbered_headings_id_lists_and_types_a_table_shows_without_a_type_column(ingest) -> None:
    _, _, op = only_operation(ingest(NUMBERED))
    query = {p["name"]: p for p in op["parameters"] if p["in"] == "query"}
    assert query["output_format"]["schema"]["enum"] == ["wav_16000", "mp3_44100_128", "pcm_24000"]
    fields = body_schema(op)["properties"]
    assert fields["engine"]["enum"] == ["turbo_v2", "studio_v1"] and fields["engine"]["default"] == "turbo_v2"
    assert fields["settings"]["type"] == "object" and fields["lexicons"]["type"] == "array"


GLUED_LABELS = """\
POST
/speak

Request Body

application/jsonOptional

voice
Required
string

modelstring

Which model.

Default: "fast_v1"Value in: "fast_v1" | "fine_v2"

tagsarray<string>

Labels for the clip.
"""


def test_labels_glued_after_a_quote_and_a_word_glued_to_the_media_type(ingest) -> None:
    _, _, op = only_operation(ingest(GLUED_LABELS))
    assert list(op["requestBody"]["content"]) == ["application/json"]
    fields = body_schema(op)["properties"]
    assert fields["model"]["default"] == "fast_v1" and fields["model"]["enum"] == ["fast_v1", "fine_v2"]
    assert "enum" not in fields["voice"] and fields["tags"]["type"] == "array"


def test_prose_clauses_that_name_a_field_and_say_it_is_required(ingest) -> None:
    page = ('clip:必填,参考视频 URL。clip_end:可选,结束帧。{"clip": "https://x.test/a.mp4", "mode": "std"}'
            "curl --request POST '/v2/clips' --header 'Content-Type: application/json' "
            "--data-raw '{\"clip\": \"https://x.test/a.mp4\", \"mode\": \"std\"}'\n")
    _, fields, required = _fields(ingest(page))
    assert {"clip", "clip_end", "mode"} <= set(fields) and "clip" in required and "clip_end" not in required


def test_glued_ratios_opening_a_description_and_an_example_that_contradicts_a_stated_default() -> None:
    assert lift("16:99:161:1;宽高比", "string")["enum"] == ["16:9", "9:16", "1:1"]
    found = lift("Engine Available values: turbo_v2 (default) studio_v1", "string", example=1)
    assert found["enum"] == ["turbo_v2", "studio_v1"]
    assert "enum" not in lift("Image URL. Available values: png jpg", "string", example="https://x.test/a.webp")


def test_a_title_and_type_line_under_a_name_and_values_each_with_a_gloss(ingest) -> None:
    page = ("POST /mj/submit/draw\nBody\napplication/json\nprompt\nstring\n必填\n提示词\n\nfilter\n筛选 · object\n\n"
            "engine\nstring\n引擎。取值: FAST:快速; SLOW:慢速。 EXACT:精确。\n\n响应\n")
    fields = body_schema(only_operation(ingest(page))[2])["properties"]
    assert fields["filter"]["type"] == "object" and "筛选" in fields["filter"].get("description", "")
    assert fields["engine"]["enum"] == ["FAST", "SLOW", "EXACT"]


# --- set L: a submit and a fetch sampled together, slid table cells, dashes and code-span bullets -----------

SUBMIT_AND_FETCH = """\
Sketch Turbo
API Endpoints
# Submit the task
curl --location --request POST "https://api.sketch.test/api/v3/sketch/turbo" \\
--header "Content-Type: application/json" \\
--header "Authorization: Bearer ${SKETCH_KEY}" \\
--data-raw '{}'
# Get the result
curl --location --request GET "https://api.sketch.test/api/v3/predictions/${requestId}/result" \\
--header "Authorization: Bearer ${SKETCH_KEY}"
Request Parameters
Parameter | Type | Required | Default | Range | Description |
---|---|---|---|---|---|
prompt | string | Yes | - | The prompt. | |
Response Parameters
Parameter | Type | Description |
---|---|---|
code | integer | Status code |
"""


def test_fields_after_a_submit_and_a_fetch_sample_belong_to_the_submit(ingest) -> None:
    paths = ingest(SUBMIT_AND_FETCH)["paths"]
    assert set(paths) == {"/api/v3/sketch/turbo", "/api/v3/predictions/{requestId}/result"}
    submit = paths["/api/v3/sketch/turbo"]["post"]
    assert body_schema(submit)["required"] == ["prompt"]
    assert "code" in submit["responses"]["200"]["content"]["application/json"]["schema"]["properties"]
    fetch = paths["/api/v3/predictions/{requestId}/result"]["get"]
    assert [p["name"] for p in fetch["parameters"]] == ["requestId"]


SLID_CELLS = """\
POST /v1/sketch/edits
| Parameter | Type | Required | Description |
|---|---|---|---|
| image | file or file array | ✅ | The image(s) to edit. |
| mask | file | Optional PNG mask image. Transparent areas mark the edit. | |
| model | string | Model to use: "s-1" or "s-2". Defaults to "s-1". | |
| response_format | string | No | Response format: url or b64_json. Default: url |
"""


def test_a_description_slid_into_the_required_column_and_file_arrays(ingest) -> None:
    _, fields, required = _fields(ingest(SLID_CELLS, name="page.md"))
    assert required == {"image"}
    assert fields["mask"]["description"].startswith("Optional PNG mask")
    assert fields["model"]["enum"] == ["s-1", "s-2"] and fields["model"]["default"] == "s-1"
    assert fields["response_format"]["enum"] == ["url", "b64_json"]
    assert fields["image"]["type"] == ["string", "array"]


DASHED = """\
API Options
-
taskKind
string required value: render -
What the task does.
-
outputFormat
string default: PNG -
The file format of the output.
- `PNG`: Lossless.
- `WEBP`: Smaller files, with transparency.
-
quality
integer min: 20 max: 99 default: 95 -
Compression quality.
"""


def test_a_type_line_ending_in_a_dash_and_code_span_values_under_the_description(ingest) -> None:
    _, fields, required = _fields(ingest(DASHED))
    assert "taskKind" in required
    assert fields["outputFormat"]["default"] == "PNG" and fields["outputFormat"]["enum"] == ["PNG", "WEBP"]
    assert (fields["quality"]["minimum"], fields["quality"]["maximum"], fields["quality"]["default"]) == (20, 99, 95)


PLACEHOLDER_HEADERS = """\
POST
/
v3
/
sketch-edit
curl --request POST \\
  --url https://api.sketch.test/v3/sketch-edit \\
  --header 'Authorization: <authorization>' \\
  --header 'Content-Type: <content-type>' \\
  --data '{"size": "<string>"}'
リクエストヘッダー
Content-Type
string
必須
列挙値: application/json
Authorization
string
必須
Bearer 認証形式: Bearer {{API Key}}。
リクエストボディ
size
string
デフォルト:"1024x1024"
サイズ。選択可能な値:auto, 1024x1024, 2048x2048
ratio
string · enum Optional
Default: 1:1Possible values:
"""


def test_header_slots_in_a_sample_defer_to_the_page_and_labels_glued_to_a_default(ingest) -> None:
    spec = ingest(PLACEHOLDER_HEADERS)
    _, _, op = only_operation(spec)
    assert list(op["requestBody"]["content"]) == ["application/json"]
    assert spec["components"]["securitySchemes"] == {"bearerAuth": {"type": "http", "scheme": "bearer"}} or (
        "bearer" in str(spec["components"]["securitySchemes"]).lower())
    fields = body_schema(op)["properties"]
    assert fields["size"]["enum"] == ["auto", "1024x1024", "2048x2048"]
    assert fields["ratio"]["default"] == "1:1"


# --- set M: soft-wrapped schema tables, ran-together tables with a default column, lists holding the default --

SOFT_WRAPPED = """\
Input schema
Field | Type | Default value | Description |
---|---|---|---|
caption |
string
|
Text to draw from
|
|
ratio |
string
(enum)
|
1:1
Options: 1:1, 4:3, 16:9 |
Frame shape. Ignored when a size is given.
|
finish |
string
(enum)
|
None
Options: None, Matte, Gloss |
The surface look.
"""


def test_a_table_whose_cells_wrap_over_lines_with_empty_cells(ingest) -> None:
    spec = ingest(SOFT_WRAPPED)
    _, fields, _ = _fields(spec)
    assert set(fields) == {"caption", "ratio", "finish"}
    assert fields["caption"]["description"] == "Text to draw from" and "default" not in fields["caption"]
    assert fields["ratio"]["default"] == "1:1" and fields["ratio"]["enum"] == ["1:1", "4:3", "16:9"]
    assert "default" not in fields["finish"] and fields["finish"]["enum"] == ["None", "Matte", "Gloss"]


RAN_DEFAULTS = """\
请求端点
项目
方法POST
路径/v2/stickers
Base URLhttps://api.stickers.test
标准请求字段
字段类型必填默认值说明
themestring贴纸主题
sizestring1024x1024贴纸尺寸
countinteger1生成数量
glossybooleanfalse是否加光泽
参数名类型必填说明默认值/可选值
edgestring边框样式round(圆角), square(直角), 默认round
"""


def test_ran_together_defaults_and_a_glossed_list_that_holds_the_default(ingest) -> None:
    spec = ingest(RAN_DEFAULTS)
    path, fields, _ = _fields(spec)
    assert path == "/v2/stickers"
    assert fields["size"]["default"] == "1024x1024" and fields["count"]["default"] == 1
    assert fields["glossy"]["default"] is False and "required" not in body_schema(only_operation(spec)[2])
    assert fields["edge"]["default"] == "round" and fields["edge"]["enum"] == ["round", "square"]


# --- set N: a one-line header over one cell per line, rows that leave cells out, untyped Mintlify fields -----

STACKED_UNDER_ONE_LINE = """\
Input schema

Field Type Default value Description
length
None
5
Length of the clip in seconds
looped
boolean
False
Whether the clip loops.
caption
string
Text to draw from
tags
array
Tags to apply.
"""


def test_a_one_line_header_over_one_cell_per_line_with_rows_that_leave_cells_out(ingest) -> None:
    _, fields, _ = _fields(ingest(STACKED_UNDER_ONE_LINE))
    assert set(fields) == {"length", "looped", "caption", "tags"}
    assert fields["length"]["default"] == 5 and fields["length"].get("type") != "null"
    assert fields["looped"]["type"] == "boolean" and fields["looped"]["default"] is False
    assert fields["caption"]["description"] == "Text to draw from" and fields["tags"]["type"] == "array"


def test_leading_pipes_in_a_soft_wrapped_table_and_untyped_fields_with_a_default(ingest) -> None:
    wrapped = SOFT_WRAPPED.replace("\ncaption |", "\n| caption |").replace("\nratio |", "\n| ratio |").replace(
        "\nfinish |", "\n| finish |")
    _, fields, _ = _fields(ingest(wrapped))
    assert fields["ratio"]["default"] == "1:1" and fields["finish"]["enum"] == ["None", "Matte", "Gloss"]
    page = ("POST\n/\nrender\nBody\n\napplication/json\nprompt\nstring\nrequired\n\nWhat to draw\n\n"
            "steps\ndefault:4\n\nHow many steps.\n\nmode\nenum<string>\ndefault:fast\n\nAvailable options:\nfast,\nfine\n"
            "\nSubmit Response\n\n{\"id\": \"r-1\", \"status\": \"queued\"}\n")
    spec = ingest(page)
    _, fields, _ = _fields(spec)
    assert fields["steps"]["default"] == 4 and fields["mode"]["default"] == "fast"
    _, _, op = only_operation(spec)
    assert set(op["responses"]["200"]["content"]["application/json"]["schema"]["properties"]) == {"id", "status"}


def test_a_description_that_is_only_ids_glued_together_is_cut_by_the_ids_the_page_shows(ingest) -> None:
    page = ("Supported Models\n\n模型类型\nvoice-a-2.8-hd文本转语音\nvoice-b-02-hd文本转语音\n\nPOST /v1/voice/tasks\n\n"
            "Request Parameters\n\n参数类型必填说明\nmodelstringvoice-a-2.8-hdvoice-b-02-hd\ntextstring文本。\n"
            "notestringimageurl\n例如 image 或 url\n")
    _, fields, _ = _fields(ingest(page))
    assert fields["model"]["enum"] == ["voice-a-2.8-hd", "voice-b-02-hd"]
    assert "enum" not in fields["note"]  # plain words glued together are not cut into values
