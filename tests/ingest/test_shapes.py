"""One small page of our own per page shape seen on real relay and doc sites, and the facts each must keep.

Every page here is written for this test (never copied from a site); each stands for a family of layouts:
the reader must parse the structure, whatever the words.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.ingest.conftest import body_example, body_schema, only_operation, response_schema


def op_of(spec: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    return spec["paths"][path][method]


def params(op: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(p["in"], p["name"]): p for p in op.get("parameters", [])}


def run_ingest(tmp_path: Path, text: str, *flags: str) -> subprocess.CompletedProcess[str]:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "generator", "ingest", str(page), *flags],
                          capture_output=True, text=True, check=False, cwd=tmp_path)


# --- salvage ---------------------------------------------------------------------------------------------

CUT_EXAMPLE = """\
Draw a card
POST /cards
Body 参数application/json
示例
{
  "title": "hi",
  "size": 3,
  "tags": ["a", "b"],
  "sty"""


def test_cut_off_example_keeps_its_complete_members(ingest) -> None:
    _, _, op = only_operation(ingest(CUT_EXAMPLE))
    schema = body_schema(op)
    assert set(schema["properties"]) == {"title", "size", "tags"}
    assert body_example(op) == {"title": "hi", "size": 3, "tags": ["a", "b"]}
    assert op["x-apigen-salvaged"] is True


def test_salvage_warns_in_one_line_and_strict_refuses(tmp_path: Path) -> None:
    relaxed = run_ingest(tmp_path, CUT_EXAMPLE)
    assert relaxed.returncode == 0
    [warning] = relaxed.stderr.strip().splitlines()
    assert warning.startswith("warning: ") and "page.txt:5:" in warning and "cut off" in warning
    strict = run_ingest(tmp_path, CUT_EXAMPLE, "--strict")
    assert strict.returncode == 1 and "error: " in strict.stderr and "Traceback" not in strict.stderr


def test_cut_off_value_keeps_the_key(ingest) -> None:
    page = "Extend a clip\nPOST /clips/{clip_id}/extend\ncurl -X POST https://api.clips.test/clips/c-1/extend -d '{\n  \"note\": "
    spec = ingest(page)
    op = op_of(spec, "post", "/clips/{clip_id}/extend")
    assert "note" in body_schema(op)["properties"]
    assert params(op)[("path", "clip_id")]["example"] == "c-1"


def test_hand_written_json_comments_trailing_commas_and_ruby_hash(ingest) -> None:
    page = """\
Make a song
POST {{songHost}}/v2/songs
Request Body
{"lyrics"=>"la la", "instrumental"=>false, "length"=>30}
Response
{
  // the id to poll
  "song_id": "s-1",
  "state": 'queued',
}
"""
    _, _, op = only_operation(ingest(page))
    body = body_schema(op)["properties"]
    assert body == {"lyrics": {"type": "string"}, "instrumental": {"type": "boolean"}, "length": {"type": "number"}}
    assert set(response_schema(op, "200")["properties"]) == {"song_id", "state"}


def test_broken_embedded_yaml_keeps_the_paths_that_parse(ingest) -> None:
    page = """\
Docs home > Images
openapi: 3.0.1
info:
  title: pics
  version: 1.0.0
paths:
  /pics:
    post:
      summary: Make a picture
      responses:
        '200':
          description: ok
  /pics/{id}:
    get:
      summary: [broken
"""
    spec = ingest(page)
    assert spec["paths"]["/pics"]["post"]["x-apigen-salvaged"] is True
    assert "/pics/{id}" not in spec["paths"]


# --- endpoint statements -----------------------------------------------------------------------------------

def test_method_glued_to_badge_and_path_glued_to_heading(ingest) -> None:
    page = "Make music\n已废弃POST\n/tunes/v1/make请求参数\nBody 参数application/json\nstyle\nstring\n必需\n曲风\n"
    path, method, op = only_operation(ingest(page))
    assert (method, path) == ("post", "/tunes/v1/make")
    assert op["deprecated"] is True and op["summary"] == "Make music"
    assert body_schema(op)["required"] == ["style"]


def test_method_glued_to_path_and_to_the_words_before(ingest) -> None:
    spec = ingest("Create MessagesPOST /v1/notes\nDelete a note\nDELETE/v1/notes/{note_id}\n")
    assert set(spec["paths"]) == {"/v1/notes", "/v1/notes/{note_id}"}
    assert "post" in spec["paths"]["/v1/notes"] and "delete" in spec["paths"]["/v1/notes/{note_id}"]


def test_gitbook_lowercase_method_opens_the_block_its_path_closes(ingest) -> None:
    page = """\
Start a render
post
Body
scenestringRequired
What to render.
framesinteger · max: 240Optional
How many frames.
Responses
200Success
post
/v3/renders200Success
Fetch a render
get
Query parameters
render_idstringRequired
The render to fetch.
get
/v3/renders200Success
"""
    spec = ingest(page)
    create, fetch = op_of(spec, "post", "/v3/renders"), op_of(spec, "get", "/v3/renders")
    assert body_schema(create)["required"] == ["scene"]
    assert body_schema(create)["properties"]["frames"]["maximum"] == 240
    assert "render_id" not in body_schema(create)["properties"]
    assert params(fetch)[("query", "render_id")]["required"] is True and "requestBody" not in fetch


def test_labelled_method_and_several_addresses_share_one_field_list(ingest) -> None:
    page = """\
二.提交任务
快速请求地址：https://api.paint.test/v1/paint/fast
慢速请求地址：https://api.paint.test/v1/paint/slow
请求方式：POST
请求体:
| 参数 | 类型 | 必填 | 说明 |
|---|---|---|---|
| prompt | string | 是 | 画面描述 |
"""
    spec = ingest(page)
    assert spec["servers"] == [{"url": "https://api.paint.test"}]
    for path in ("/v1/paint/fast", "/v1/paint/slow"):
        assert body_schema(op_of(spec, "post", path))["required"] == ["prompt"]


def test_english_request_method_prose_and_method_table(ingest) -> None:
    prose = ingest("Request method: POST\nRequest address: https://api.tts.test/v1/say\n", "prose.txt")
    assert op_of(prose, "post", "/v1/say") and prose["servers"] == [{"url": "https://api.tts.test"}]
    table = ingest("| Item | Value |\n|---|---|\n| Method | PUT |\n| URL | https://api.tts.test/v1/voices/{voice} |\n",
                   "table.txt")
    assert params(op_of(table, "put", "/v1/voices/{voice}"))[("path", "voice")]["required"] is True


def test_label_and_value_on_separate_lines(ingest) -> None:
    page = "请求URL\nhttps://api.mesh.test/v2/{region}/meshes\n请求方法\nPOST\n请求参数\n| 参数名 | 类型 | 是否必需 | 描述 |\n|---|---|---|---|\n| depth | integer | 否 | 深度 |\n"
    op = op_of(ingest(page), "post", "/v2/{region}/meshes")
    assert body_schema(op)["properties"]["depth"]["type"] == "integer"


def test_endpoint_table_with_glued_host_path_and_method(ingest) -> None:
    page = """\
Route table
EndpointMethodDescription
jobs.render.test/{app}POSTQueue a job
jobs.render.test/{app}/jobs/{job_id}GETRead a job
curl -X POST https://jobs.render.test/acme/flow -H "Authorization: Key $K" -d '{"seed": 1}'
"""
    spec = ingest(page)
    submit = op_of(spec, "post", "/{app}")
    assert params(submit)[("path", "app")]["example"] == "acme/flow"
    assert op_of(spec, "get", "/{app}/jobs/{job_id}")
    assert spec["servers"] == [{"url": "https://jobs.render.test"}]


def test_path_glued_to_the_next_words(ingest) -> None:
    spec = ingest("Sketchbook 画图\nPOST\n/sk/drawSketchbook draw接口\n", "a.txt")
    assert set(spec["paths"]) == {"/sk/draw"}
    spec = ingest("POST\n/queue/submitHeader\n", "b.txt")
    assert set(spec["paths"]) == {"/queue/submit"}
    spec = ingest("POST\n/api/v2/render3 creditsAsync\ncurl -X POST https://api.r.test/api/v2/render -d '{}'\n", "c.txt")
    assert set(spec["paths"]) == {"/api/v2/render"}
    spec = ingest("Get it\nGET\n/v1/getTask\n", "d.txt")
    assert set(spec["paths"]) == {"/v1/getTask"}  # camelCase that nothing on the page splits stays whole


def test_mention_in_a_sentence_is_not_an_operation(tmp_path: Path) -> None:
    page = """\
Submit a drawing
POST
/mj/draw
Body 参数application/json
code
integer
可选
状态码, 200 表示成功
Poll GET /mj/task/{id}/fetch until the status is SUCCESS.
"""
    run = run_ingest(tmp_path, page, "-o", "out.yaml")
    assert run.returncode == 0
    import yaml

    spec = yaml.safe_load((tmp_path / "out.yaml").read_text(encoding="utf-8"))
    assert list(spec["paths"]) == ["/mj/draw"]
    assert "状态码" in body_schema(spec["paths"]["/mj/draw"]["post"])["properties"]["code"]["description"]
    assert "mentioned in a sentence" in run.stderr and "page.txt:9:" in run.stderr


def test_described_call_example_file(ingest) -> None:
    page = ('{"title": "Create", "request": {"method": "POST", "url": "https://api.pred.test/v1/runs", '
            '"headers": {"Authorization": "Bearer $T", "Content-Type": "application/json"}, '
            '"body": {"model": "m1", "inputs": {"x": 1}}}, "response": {"status": 201, "body": {"id": "r1"}}}')
    spec = ingest(page)
    op = op_of(spec, "post", "/v1/runs")
    assert set(body_schema(op)["properties"]) == {"model", "inputs"}
    assert set(response_schema(op, "201")["properties"]) == {"id"}
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


# --- tables --------------------------------------------------------------------------------------------------

TABLE_BROKEN = """\
POST /v1/frames
请求参数
参数名 | 类型 | 是否必需 | 描述
---|---|---|---
| caption | string |
是 | 画面描述 |
| ratio |
string/array |
否 |
宽高比,默认值1:1
|
| steps | Int | 否 | 步数,取值范围为 [1, 50]。 |
"""


def test_table_cells_broken_over_lines_and_no_edge_pipes(ingest) -> None:
    _, _, op = only_operation(ingest(TABLE_BROKEN))
    schema = body_schema(op)
    assert schema["required"] == ["caption"]
    assert schema["properties"]["ratio"]["type"] == ["string", "array"]
    assert schema["properties"]["ratio"]["default"] == "1:1"
    steps = schema["properties"]["steps"]
    assert (steps["type"], steps["minimum"], steps["maximum"]) == ("integer", 1, 50)


def test_one_cell_separator_japanese_headers_and_header_table(ingest) -> None:
    page = """\
POST /v1/pictures
ヘッダー
| ヘッダー | 値 |
|---|
Authorization | Bearer {key} |
Content-Type | application/json |
パラメーター
| パラメーター | 型 | 必須 | 説明 |
|---|
size | string | いいえ | サイズ。デフォルトは 512。 |
style | string | はい | "flat" または "deep"。 |
レスポンス
{
"picture_id": "p1"
}
"""
    _, _, op = only_operation(ingest(page))
    schema = body_schema(op)
    assert schema["required"] == ["style"] and schema["properties"]["style"]["enum"] == ["flat", "deep"]
    assert schema["properties"]["size"]["default"] == "512"
    assert params(op)[("header", "Content-Type")]["example"] == "application/json"
    assert set(response_schema(op, "200")["properties"]) == {"picture_id"}


def test_russian_table_and_location_column(ingest) -> None:
    page = """\
POST /v1/clips/{clip}/cut
| Параметр | Тип | Обязательный | Расположение | Описание |
|---|---|---|---|---|
| clip | string | да | path | Клип |
| start | number | да | body | Начало |
| trace | string | нет | header | Трассировка |
"""
    _, _, op = only_operation(ingest(page))
    assert body_schema(op)["required"] == ["start"]
    assert params(op)[("header", "trace")]["required"] is False
    assert params(op)[("path", "clip")]["description"] == "Клип"


def test_columns_recognised_by_content(ingest) -> None:
    page = """\
POST /v1/mix
| 字段 | 格式 | 要求 | 备注 |
|---|---|---|---|
| level | number | 是 | 音量 |
| label | string | 否 | 标签 |
"""
    _, _, op = only_operation(ingest(page))
    schema = body_schema(op)
    assert schema["required"] == ["level"] and schema["properties"]["level"]["type"] == "number"


def test_table_without_a_type_column_takes_types_from_the_curl(ingest) -> None:
    page = """\
- 创建端点:POST https://api.vid.test/v1/videos -- 查询端点:GET https://api.vid.test/v1/videos/{task_id}
| 参数 | 必填 | 说明 |
|---|---|---|
model | 是 | 模型名称 |
seconds | 否 | 时长 |
curl -X POST "https://api.vid.test/v1/videos" -H "Authorization: Bearer $K" -H "Content-Type: application/json" -d '{"model": "v2", "seconds": 5}'
"""
    spec = ingest(page)
    create = op_of(spec, "post", "/v1/videos")
    schema = body_schema(create)
    assert schema["required"] == ["model"] and schema["properties"]["seconds"]["type"] == "number"
    poll = op_of(spec, "get", "/v1/videos/{task_id}")
    assert "requestBody" not in poll and params(poll)[("path", "task_id")]["required"] is True


def test_value_table_with_name_type_and_required_in_one_cell(ingest) -> None:
    page = """\
请求地址:https://api.mj.test/v1/imagine
请求方式:POST
URL:
参数 | 值 |
---|---|
key string 必填参数 | 在控制台获取 |
请求头:
参数 | 值 |
---|---|
Content-Type string 必填参数 | application/json |
请求体:
参数 | 值 |
---|---|
action string 必须
操作类型,默认为 create |
|
promptstring 非必需
图像描述 |
"""
    _, _, op = only_operation(ingest(page))
    assert params(op)[("query", "key")]["required"] is True
    assert params(op)[("header", "Content-Type")]["example"] == "application/json"
    schema = body_schema(op)
    assert schema["required"] == ["action"] and schema["properties"]["action"]["default"] == "create"
    assert schema["properties"]["prompt"]["description"] == "图像描述"


def test_run_together_table_and_glued_enum(ingest) -> None:
    page = "POST /dream/runs\n参数类型必填说明\nflow_namestring流程:alpha-v1alpha-v2\nqualitystring画质:480p720p1080p\n"
    _, _, op = only_operation(ingest(page))
    props = body_schema(op)["properties"]
    assert props["flow_name"]["enum"] == ["alpha-v1", "alpha-v2"]
    assert props["quality"]["enum"] == ["480p", "720p", "1080p"]


def test_default_column_and_tables_per_mode(ingest) -> None:
    page = """\
POST
/api/v1/chantTwo Modes:
Common
| Parameter | Type | Required | Default | Description |
|---|---|---|---|---|
voice | string | Optional | alto | Options: alto, bass, tenor. |
Free mode
| Parameter | Type | Required | Description |
|---|---|---|---|
idea | string | Required | What to sing. |
curl -X POST "https://api.chant.test/api/v1/chant" -H "Authorization: Bearer k" -d '{"idea": "rain"}'
"""
    path, _, op = only_operation(ingest(page))
    assert path == "/api/v1/chant"
    schema = body_schema(op)
    assert schema["properties"]["voice"]["default"] == "alto"
    assert schema["properties"]["voice"]["enum"] == ["alto", "bass", "tenor"]
    assert schema["required"] == ["idea"]


# --- values in prose ---------------------------------------------------------------------------------------

def test_values_in_prose(ingest) -> None:
    page = """\
POST /v1/things
| 参数 | 类型 | 必填 | 说明 |
|---|---|---|---|
| a | string | 否 | 可选:red、blue |
| b | string | 否 | 画质 std(标准)、pro(专业),默认 std |
| c | number | 否 | 权重 [0, 1] |
| d | number | 否 | Weight >= 0<= 1 |
| e | string | 否 | Valid values: low, high |
| f | string | 否 | 允许的值 fast、slow,默认值为 fast |
| g | string | 否 | 支持 url、b64_json |
| h | string | 否 | MID_JOURNEY 或 NIJI_JOURNEY |
| i | string | 否 | 开关 on/off |
"""
    _, _, op = only_operation(ingest(page))
    props = body_schema(op)["properties"]
    assert props["a"]["enum"] == ["red", "blue"]
    assert props["b"]["enum"] == ["std", "pro"] and props["b"]["default"] == "std"
    assert (props["c"]["minimum"], props["c"]["maximum"]) == (0, 1)
    assert (props["d"]["minimum"], props["d"]["maximum"]) == (0, 1)
    assert props["e"]["enum"] == ["low", "high"]
    assert props["f"]["enum"] == ["fast", "slow"] and props["f"]["default"] == "fast"
    assert props["g"]["enum"] == ["url", "b64_json"]
    assert props["h"]["enum"] == ["MID_JOURNEY", "NIJI_JOURNEY"]
    assert props["i"]["enum"] == ["on", "off"]


# --- request/response boundaries ---------------------------------------------------------------------------

def test_response_glued_to_the_curl_and_shell_variables(ingest) -> None:
    page = """\
Create a run
BASE_URL=https://api.runs.test
curl -X POST "$BASE_URL/v1/runs" -H "Prefer: wait" -H "Content-Type: application/json" -d '{ "model": "m" }'{
"id": "r-1",
"state": "pending"
}
"""
    spec = ingest(page)
    op = op_of(spec, "post", "/v1/runs")
    assert spec["servers"] == [{"url": "https://api.runs.test"}]
    assert set(body_schema(op)["properties"]) == {"model"}
    assert set(response_schema(op, "200")["properties"]) == {"id", "state"}
    assert params(op)[("header", "Prefer")]["example"] == "wait"


def test_urlencoded_listing(ingest) -> None:
    page = "POST\n/v1/draw\n请求参数\nBody 参数application/x-www-form-urlencoded\nmodel\nstring\n必需\n模型\nimages\narray[string]\n可选\n图片\n示例值:\n[\"a\",\"b\"]\n"
    _, _, op = only_operation(ingest(page))
    schema = body_schema(op, "application/x-www-form-urlencoded")
    assert schema["required"] == ["model"] and schema["properties"]["images"]["type"] == "array"
    assert "application/json" not in op["requestBody"]["content"]


def test_zero_width_characters_change_nothing(ingest) -> None:
    page = "Make a card\nPOST /cards\nBody 参数application/json\ntitle\nstring\n必需\n标题\n"
    spotted = "\u200b" + page.replace("\n", "\n\u200b").replace("POST", "PO\u200dST")
    a, b = ingest(page, "a.txt"), ingest(spotted, "b.txt")
    assert {k: v for k, v in op_of(a, "post", "/cards").items() if k != "x-source"} == \
        {k: v for k, v in op_of(b, "post", "/cards").items() if k != "x-source"}


def test_sections_of_a_multi_operation_page(ingest) -> None:
    page = """\
Create
POST /v1/jobs
| 参数 | 类型 | 必填 | 说明 |
|---|---|---|---|
| prompt | string | 是 | 提示 |
Read
GET /v1/jobs/{job_id}
| 参数 | 类型 | 必填 | 说明 |
|---|---|---|---|
| verbose | boolean | 否 | 详细 |
响应示例
{"job_id": "j1", "state": "done"}
"""
    spec = ingest(page)
    create, read = op_of(spec, "post", "/v1/jobs"), op_of(spec, "get", "/v1/jobs/{job_id}")
    assert set(body_schema(create)["properties"]) == {"prompt"} and create["summary"] == "Create"
    assert params(read)[("query", "verbose")]["schema"]["type"] == "boolean" and "requestBody" not in read
    assert set(response_schema(read, "200")["properties"]) == {"job_id", "state"}
    assert "200" not in create["responses"] or "content" not in create["responses"]["200"]


def test_mdx_components(ingest) -> None:
    page = """\
POST /v1/voices/{voice_id}/speak
<ParamField path="voice_id" type="string" required>The voice to use</ParamField>
<ParamField header="X-Trace" type="string">Trace id echoed back</ParamField>
<ParamField body="text" type="string" required default="hello">
  What to say
</ParamField>
<ParamField body="speed" type="number" default="1.0">Speed, 0.5 to 2</ParamField>
<ResponseField name="audio_url" type="string" required>Where the audio is</ResponseField>
<RequestExample>
```json
{"text": "hi there"}
```
</RequestExample>
<ResponseExample>
```json 200
{"audio_url": "https://cdn.voice.test/a.mp3", "seconds": 1.5}
```
</ResponseExample>
"""
    _, _, op = only_operation(ingest(page))
    schema = body_schema(op)
    assert schema["required"] == ["text"] and schema["properties"]["text"]["default"] == "hello"
    assert schema["properties"]["text"]["description"] == "What to say"
    assert body_example(op) == {"text": "hi there"}
    assert params(op)[("header", "X-Trace")]["description"] == "Trace id echoed back"
    assert params(op)[("path", "voice_id")]["description"] == "The voice to use"
    ok = response_schema(op, "200")
    assert set(ok["properties"]) == {"audio_url", "seconds"} and ok["required"] == ["audio_url"]


def test_table_printed_one_cell_per_line(ingest) -> None:
    page = "POST /v1/cards\n请求参数\n参数名\n类型\n必填\n说明\ntitle\nstring\n是\n卡片标题\ncount\ninteger\n否\n数量,默认值:2\n"
    _, _, op = only_operation(ingest(page))
    schema = body_schema(op)
    assert schema["required"] == ["title"] and schema["properties"]["title"]["description"] == "卡片标题"
    assert schema["properties"]["count"]["default"] == 2


def test_field_notes_under_the_table_and_glued_sentences(ingest) -> None:
    page = """\
POST /v1/prints
| 参数 | 类型 | 位置 | 必填 | 说明 |
|---|---|---|---|---|
copies | integer | body | 否 | 份数 |
finish | string | body | 否 | Finish. Allowed: matte · gloss · satin.Default: matte |
paper | string | body | 否 | "a4"(默认)或 "a3"。 |
copies
- 默认值:
2 - 最小值:
1 - 最大值:
9
示例:
"""
    _, _, op = only_operation(ingest(page))
    props = body_schema(op)["properties"]
    assert (props["copies"]["default"], props["copies"]["minimum"], props["copies"]["maximum"]) == (2, 1, 9)
    assert props["finish"]["enum"] == ["matte", "gloss", "satin"] and props["finish"]["default"] == "matte"
    assert props["paper"]["enum"] == ["a4", "a3"] and props["paper"]["default"] == "a4"


def test_gitbook_constraints_before_the_required_word_and_a_row_cut_by_the_page_end(ingest) -> None:
    gitbook = ingest("post\nBody\nmodestring · enumRequiredPossible values:\nHow to run.\npost\n/v2/runs200Success\n",
                     "gitbook.txt")
    assert body_schema(op_of(gitbook, "post", "/v2/runs"))["required"] == ["mode"]
    cut = ingest("POST /v1/a\n请求体:\n参数 | 值 |\n---|---|\nseed integer 非必需 | 随机种子 |\nhook string 必须\n回调 URL",
                 "cut.txt")
    schema = body_schema(op_of(cut, "post", "/v1/a"))
    assert schema["required"] == ["hook"] and schema["properties"]["seed"]["type"] == "integer"


def test_excerpt_cut_before_a_footer(ingest) -> None:
    page = ("Extend\nPOST /v1/clips/{clip_id}/extend\n"
            "curl -X POST https://api.clips.test/v1/clips/c-9/extend -H 'Content-Type: application/json' -d '{\n"
            "  \"seconds\": 4,\n  \"note\": \n\n上一页\n下一页\n© 2026 Clips\n")
    op = op_of(ingest(page), "post", "/v1/clips/{clip_id}/extend")
    assert set(body_schema(op)["properties"]) == {"seconds", "note"}
    assert body_example(op) == {"seconds": 4} and op["x-apigen-salvaged"] is True


def test_swagger_ui_text_and_tab_separated_tables(ingest) -> None:
    swagger = ingest("GET\n/pet/{petId}\nParameters\nName\tDescription\npetId *\ninteger($int64)\n(path)\nID of the pet\n"
                     "verbose\nboolean\n(query)\nMore detail\n", "swagger.txt")
    op = op_of(swagger, "get", "/pet/{petId}")
    pet = params(op)[("path", "petId")]
    assert pet["schema"] == {"type": "integer", "format": "int64"} and pet["description"] == "ID of the pet"
    assert params(op)[("query", "verbose")]["required"] is False
    tsv = ingest("POST /v1/cards\n参数名\t类型\t必填\t说明\ntitle\tstring\t是\t标题\ncount\tinteger\t否\t数量,默认值:2\n", "tsv.txt")
    schema = body_schema(op_of(tsv, "post", "/v1/cards"))
    assert schema["required"] == ["title"] and schema["properties"]["count"]["default"] == 2


def test_readme_style_page(ingest) -> None:
    page = ("Create image\npost https://api.pics.test/v1/images\nBody Params\nprompt\nstring\nrequired\nWhat to draw.\n"
            "width\nint32\nDefaults to 1024\nImage width, between 256 and 2048.\nRESPONSE\n200\n{\"id\": \"img_1\"}\n")
    spec = ingest(page)
    op = op_of(spec, "post", "/v1/images")
    width = body_schema(op)["properties"]["width"]
    assert (width["type"], width["default"], width["minimum"], width["maximum"]) == ("integer", 1024, 256, 2048)
    assert body_schema(op)["required"] == ["prompt"] and spec["servers"] == [{"url": "https://api.pics.test"}]
    assert set(response_schema(op, "200")["properties"]) == {"id"}


def test_embedded_documents_of_unreadable_shape_fall_back_to_the_page_text(tmp_path: Path) -> None:
    listed_paths = "openapi: 3.0.1\ninfo:\n  title: x\n  version: '1'\npaths:\n  - /a\n  - /b\nPOST /v1/fallback\n"
    run = run_ingest(tmp_path, listed_paths, "-o", "out.yaml")
    assert run.returncode == 0 and "Traceback" not in run.stderr
    assert "`paths` of the embedded OpenAPI document is not a mapping" in run.stderr
    assert "/v1/fallback" in (tmp_path / "out.yaml").read_text(encoding="utf-8")
    scalar_item = ('{"openapi": "3.0.0", "info": {"title": "x", "version": "1"}, "paths": {"/a": "lost", '
                   '"/b": {"get": "lost", "post": {"responses": {"200": {"description": "ok"}}}}}}')
    run = run_ingest(tmp_path, scalar_item, "-o", "out.yaml")
    assert run.returncode == 0 and "path '/a'" in run.stderr and "GET /b" in run.stderr
    assert "post:" in (tmp_path / "out.yaml").read_text(encoding="utf-8")


def test_an_endpoint_named_only_in_prose_is_still_read(tmp_path: Path) -> None:
    run = run_ingest(tmp_path, "To make a card, send POST /v2/cards with a JSON body.\n", "-o", "out.yaml")
    assert run.returncode == 0 and "only named in a sentence" in run.stderr
    assert "/v2/cards:" in (tmp_path / "out.yaml").read_text(encoding="utf-8")


def test_one_method_over_several_placeholder_urls_and_an_english_deprecated_badge(ingest) -> None:
    page = """\
Deprecated
Make a tune
POST
{{BASE_URL}}/tunes/quick
{{BASE_URL}}/tunes/custom
Body 参数application/json
lyrics
string
必需
歌词
"""
    spec = ingest(page)
    assert set(spec["paths"]) == {"/tunes/quick", "/tunes/custom"} and "servers" not in spec
    for path in spec["paths"]:
        op = op_of(spec, "post", path)
        assert body_schema(op)["required"] == ["lyrics"] and op["deprecated"] is True
