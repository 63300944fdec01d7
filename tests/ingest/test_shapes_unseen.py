"""Shapes of the corpus families arranged in ways the corpus does not show: saved HTML pages (an Apifox-like
export, Redoc, a docs site with header tables and code blocks), full-width letters, `Optional` columns,
nesting by `&nbsp;` indentation, defaults and enums written in other ways, curl here-documents, fal queue pages
that show what a finished job returns. Every page here is written for these tests; each test asserts what a
careful reader takes off the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import ApigenError
from generator.ingest import ingest_pages
from generator.ingest.hints import lift
from generator.ingest.read import read_page
from tests.ingest.conftest import body_schema, only_operation, response_schema


def params(op: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(p["in"], p["name"]): p for p in op.get("parameters", [])}


# --- saved HTML pages -----------------------------------------------------------------------------------

HTML_EXPORT = """\
<!DOCTYPE html>
<html><head><title>Docs</title><style>.m{color:red}</style><script>var x = "POST /v9/never";</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/a">Guides</a></li></ul></nav>
<div class="title"><h1>Compose a tune</h1></div>
<div class="endpoint"><span class="method">POST</span><span class="path">/tunes/v3/compose</span></div>
<h2>Request</h2>
<h3>Body 参数 application/json</h3>
<div class="row"><span class="name">lyrics</span><span class="type">string</span><span class="req">必需</span>
<div class="desc">歌词全文</div></div>
<div class="row"><span class="name">engine</span><span class="type">string</span><span class="req">可选</span>
<div class="desc">引擎版本，可选值: tune-a / tune-b</div></div>
<div class="row"><span class="name">vocals</span><span class="type">boolean</span><span class="req">可选</span>
<div class="desc">是否带人声，默认值 true</div></div>
<h2>Response</h2>
<pre><code>{"tune_id": "t-9", "state": "queued"}</code></pre>
</body></html>
"""


def test_a_saved_html_page_reads_like_its_text(ingest) -> None:
    spec = ingest(HTML_EXPORT, name="page.html")
    path, method, op = only_operation(spec)  # the script's text is no statement
    assert (method, path) == ("post", "/tunes/v3/compose")
    assert op["summary"] == "Compose a tune"
    schema = body_schema(op)
    assert list(schema["properties"]) == ["lyrics", "engine", "vocals"]
    assert schema["required"] == ["lyrics"]
    assert schema["properties"]["lyrics"]["description"] == "歌词全文"
    assert schema["properties"]["engine"]["enum"] == ["tune-a", "tune-b"]
    assert schema["properties"]["vocals"]["default"] is True
    assert set(response_schema(op, "200")["properties"]) == {"tune_id", "state"}


REDOC_HTML = """\
<html><body>
<h2>Paint a picture</h2>
<div><span class="http-verb">post</span><span>/v1/pictures</span></div>
<h5>Request Body schema: application/json</h5>
<table>
<tr><td><span>motif</span><div>required</div></td><td><span>string</span><p>What to paint</p></td></tr>
<tr><td><span>copies</span></td><td><span>integer</span><span>[ 1 .. 6 ]</span><div>Default: 2</div>
<p>How many pictures</p></td></tr>
<tr><td><span>finish</span></td><td><span>string</span><div>Enum: "matte" "gloss"</div></td></tr>
</table>
<h3>Responses</h3>
<div>201 Created</div>
<h5>Response Schema: application/json</h5>
<table><tr><td>picture_id</td><td>string</td></tr></table>
</body></html>
"""


def test_redoc_html_with_layout_tables(ingest) -> None:
    _, method, op = only_operation(ingest(REDOC_HTML, name="page.html"))
    assert method == "post"
    schema = body_schema(op)
    assert schema["required"] == ["motif"]
    copies = schema["properties"]["copies"]
    assert (copies["type"], copies["minimum"], copies["maximum"], copies["default"]) == ("integer", 1, 6, 2)
    assert schema["properties"]["finish"]["enum"] == ["matte", "gloss"]
    assert set(response_schema(op, "201")["properties"]) == {"picture_id"}


DOCS_SITE_HTML = """\
<!doctype html>
<html><body><main>
<h1>Translate text</h1>
<p>Endpoint: <code>POST https://api.lingo.test/v2/translate</code></p>
<h3>Headers</h3>
<table><thead><tr><th>Name</th><th>Type</th><th>Required</th><th>Description</th></tr></thead>
<tbody><tr><td><code>X-Project</code></td><td>string</td><td>No</td><td>Project to bill</td></tr></tbody></table>
<h3>Request body</h3>
<table><thead><tr><th>Name</th><th>Type</th><th>Required</th><th>Description</th></tr></thead>
<tbody>
<tr><td><code>text</code></td><td>string</td><td>Yes</td><td>Source text</td></tr>
<tr><td><code>target</code></td><td>string</td><td>Yes</td><td>Language, <code>en</code> | <code>fr</code> | <code>ja</code></td></tr>
</tbody></table>
<h3>Example</h3>
<pre><code class="language-bash">curl https://api.lingo.test/v2/translate \\
  -H "Authorization: Bearer $LINGO_KEY" \\
  -d '{"text": "hola", "target": "en"}'
</code></pre>
<ul><li>Limits<ul><li>5000 characters per call</li></ul></li></ul>
</main></body></html>
"""


def test_docs_site_html_with_header_tables_and_a_code_block(ingest) -> None:
    spec = ingest(DOCS_SITE_HTML, name="page.html")
    path, method, op = only_operation(spec)
    assert (method, path) == ("post", "/v2/translate")
    assert spec["servers"] == [{"url": "https://api.lingo.test"}]
    assert params(op)[("header", "X-Project")]["required"] is False
    schema = body_schema(op)
    assert schema["required"] == ["text", "target"]
    assert schema["properties"]["target"]["enum"] == ["en", "fr", "ja"]
    assert op.get("security", spec.get("security")) == [{"bearerAuth": []}]


def test_an_mdx_page_is_not_taken_for_html(ingest) -> None:
    page = '<div>\n<ParamField body="seed" type="integer">Seed</ParamField>\n</div>\n\nPOST /v1/seeds\n'
    _, _, op = only_operation(ingest(page, name="page.mdx"))
    assert body_schema(op)["properties"]["seed"]["type"] == "integer"


# --- tables in other arrangements -----------------------------------------------------------------------

FULL_WIDTH = """\
# 创建剪辑任务

请求方式：ＰＯＳＴ
请求地址：https://api.cut.test/v1/cuts

| 参数名 | 类型 | 必填 | 说明 |
| --- | --- | --- | --- |
| clip | string | 是 | 素材（可选值：ａ１、ｂ２） |
| seconds | integer | 否 | 时长（秒），默认值：８ |
"""


def test_full_width_letters_and_digits_read_as_ascii(ingest) -> None:
    spec = ingest(FULL_WIDTH)
    path, method, op = only_operation(spec)
    assert (method, path) == ("post", "/v1/cuts")
    schema = body_schema(op)
    assert schema["properties"]["clip"]["enum"] == ["a1", "b2"]
    assert schema["properties"]["seconds"]["default"] == 8
    assert schema["properties"]["seconds"]["description"] == "时长（秒），默认值：8"  # full-width punctuation kept


OPTIONAL_COLUMN = """\
# Find documents

POST /v1/find

| Field | Type | Optional | Notes |
|---|---|---|---|
| query | string | no | Words to find |
| top_k | integer | yes | Hits to return, default 10 |
| scope | string | required | Where to look |
| filters | object | ✓ | Field filters |
"""


def test_an_optional_column_says_the_opposite_of_a_required_one(ingest) -> None:
    _, _, op = only_operation(ingest(OPTIONAL_COLUMN))
    schema = body_schema(op)
    assert schema["required"] == ["query", "scope"]  # `required` in the column is taken as it reads
    assert schema["properties"]["top_k"]["default"] == 10


INDENTED_TABLE = """\
# 创建订单

POST /v1/orders

| 参数 | 类型 | 必填 | 描述 |
| --- | --- | --- | --- |
| buyer | object | 是 | 买家 |
| &nbsp;&nbsp;&nbsp;&nbsp;nick | string | 是 | 昵称 |
| &nbsp;&nbsp;&nbsp;&nbsp;address | object | 否 | 地址 |
| &nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;city | string | 是 | 城市 |
| lines | array | 是 | 明细 |
| &nbsp;&nbsp;&nbsp;&nbsp;sku | string | 是 | 编码 |
| note | string | 否 | 备注 |
"""


def test_nesting_shown_by_nbsp_indentation_alone(ingest) -> None:
    _, _, op = only_operation(ingest(INDENTED_TABLE))
    schema = body_schema(op)
    assert list(schema["properties"]) == ["buyer", "lines", "note"]
    buyer = schema["properties"]["buyer"]
    assert list(buyer["properties"]) == ["nick", "address"] and buyer["required"] == ["nick"]
    assert list(buyer["properties"]["address"]["properties"]) == ["city"]
    assert list(schema["properties"]["lines"]["items"]["properties"]) == ["sku"]


REORDERED_COLUMNS = """\
# Upscale

`POST /v2/upscale`

### Query parameters

| Description | Name | Required | Type |
|---|---|---|---|
| Page of results, default 1 | page | Optional | integer |

### Body

| Description | Name | Required | Type |
|---|---|---|---|
| Source address | image_url | Required | string |
| Output format, `png` \\| `jpeg` \\| `webp` | format | Optional | string |
"""


def test_reordered_columns_a_bare_default_and_a_code_span_union(ingest) -> None:
    _, _, op = only_operation(ingest(REORDERED_COLUMNS))
    assert params(op)[("query", "page")]["schema"] == {"type": "integer", "default": 1}
    schema = body_schema(op)
    assert schema["required"] == ["image_url"]
    assert schema["properties"]["format"]["enum"] == ["png", "jpeg", "webp"]


def test_defaults_and_enums_in_other_words() -> None:
    assert lift("Page number, default 1", "integer") == {"default": 1}
    assert lift("uses the default 1024x1024 size", "string") == {}  # a number inside a word is no default
    assert lift('Enum: "low" "high"', "string") == {"enum": ["low", "high"]}
    assert lift("One of `a` | `b` | `c`.", "string") == {"enum": ["a", "b", "c"]}
    assert lift("Allowed values: 21:916:93:2 Default: 16:9", "string") == {
        "default": "16:9", "enum": ["21:9", "16:9", "3:2"]}
    assert lift("Allowed values: 1:116:9", "string") == {}  # `1:11|6:9` or `1:1|16:9`: not guessed


# --- sections and statements ----------------------------------------------------------------------------

NESTED_BULLETS_AND_COMMENTED_RESPONSE = """\
# 创建绘画任务

POST https://api.paint.test/v1/paint/tasks

## 请求参数

- `prompt` (string, 必填): 画面描述
- `extra` (object, 可选): 附加参数
  - `steps` (integer, 可选): 步数，范围 1-50

## 返回

```json
{
  "task_id": "abc", // 任务编号
  "state": "queued" // 状态
}
```
"""


def test_a_bare_return_heading_opens_the_response(ingest) -> None:
    _, _, op = only_operation(ingest(NESTED_BULLETS_AND_COMMENTED_RESPONSE))
    schema = body_schema(op)
    assert set(schema["properties"]) == {"prompt", "extra"}
    assert schema["properties"]["extra"]["properties"]["steps"]["maximum"] == 50
    response = response_schema(op, "200")
    assert set(response["properties"]) == {"task_id", "state"}
    assert response["properties"]["task_id"]["description"] == "任务编号"


def test_a_markdown_heading_states_its_endpoint_without_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "speech.md"
    page.write_text("# Speak\n\n## POST /v1/speak\n\n| Name | Type | Description |\n|---|---|---|\n"
                    "| text<mark>\\*</mark> | string | Words |\n", encoding="utf-8")
    result = ingest_pages([page])
    assert list(result.spec["paths"]) == ["/v1/speak"]
    assert not [w for w in result.warnings if "sentence" in w]


SWAGGER_UI_FORM = """\
POST
/v1/images/variations
Vary an image

Request body
multipart/form-data
image *
string($binary)
The source image
n
integer
Default value : 1
"""


def test_swagger_ui_star_marks_a_required_form_field(ingest) -> None:
    _, _, op = only_operation(ingest(SWAGGER_UI_FORM))
    schema = body_schema(op, "multipart/form-data")
    assert schema["required"] == ["image"]
    assert schema["properties"]["image"]["format"] == "binary"


HEREDOC = """\
# Chat

```bash
curl https://api.chat.test/v1/chat/completions \\
  -H "Authorization: Bearer $KEY" \\
  -H "Content-Type: application/json" \\
  -d @- <<'JSON'
{
  "model": "m-1",
  "messages": [{"role": "user", "content": "hi"}]
}
JSON
```
"""


def test_a_curl_here_document_is_the_request_body(ingest) -> None:
    _, method, op = only_operation(ingest(HEREDOC))
    assert method == "post"
    assert set(body_schema(op)["properties"]) == {"model", "messages"}
    assert "content" not in op["responses"]["200"]  # the body is no response example


ANNOUNCED_VALUES = """\
# 生成图片

POST /v1/pictures

- 支持 urlb64_json 两种返回格式。

```bash
curl https://api.pic.test/v1/pictures -H "Authorization: Bearer $K" -d '{"prompt": "sea", "response_format": "url"}'
```
"""


def test_two_announced_values_printed_glued_together(ingest) -> None:
    _, _, op = only_operation(ingest(ANNOUNCED_VALUES))
    prop = body_schema(op)["properties"]["response_format"]
    assert prop["enum"] == ["url", "b64_json"]
    assert "enum" not in body_schema(op)["properties"]["prompt"]


# --- fal queue pages: what the finished job returns ------------------------------------------------------

TICKET = ('{"status": "IN_QUEUE", "request_id": "r-1", "response_url": "https://queue.fal.run/fal-ai/pix/requests/r-1", '
          '"status_url": "https://queue.fal.run/fal-ai/pix/requests/r-1/status"}')

RELAY_SUBMIT_AND_RESULT = f"""\
# 图像生成（队列）

## 提交任务

POST https://relay.test/fal-ai/pix/v2

| 参数 | 类型 | 必填 | 说明 |
| --- | --- | --- | --- |
| prompt | string | 是 | 提示词 |

返回示例

```json
{TICKET}
```

## 获取结果

GET https://relay.test/fal-ai/pix/requests/{{request_id}}

返回示例

```json
{{"images": [{{"url": "https://cdn.test/a.png", "width": 512}}], "seed": 7}}
```
"""


def test_a_result_fetch_on_the_page_types_the_submit(ingest) -> None:
    spec = ingest(RELAY_SUBMIT_AND_RESULT)
    submit = spec["paths"]["/fal-ai/pix/v2"]["post"]
    assert submit["x-queue"] == "fal"
    result = submit["x-queue-result"]
    assert set(result["properties"]) == {"images", "seed"}
    assert result["properties"]["images"]["items"]["properties"]["url"] == {"type": "string"}
    assert result["example"]["seed"] == 7
    assert "x-queue-result" not in spec["paths"]["/fal-ai/pix/requests/{request_id}"]["get"]


FAL_INPUT_OUTPUT = """\
# Pix v2 text to image

POST https://queue.fal.run/fal-ai/pix/v2

## Input

- `prompt` (string, required): What to draw.
- `output` (string): A field that happens to be called so.

## Output

- `images` (array, required): Generated images.
  - `url` (string): Where the image is.
- `seed` (integer): Seed used.

## Queue ticket

```json
{"request_id": "r-2", "status_url": "https://queue.fal.run/fal-ai/pix/requests/r-2/status"}
```
"""


def test_an_output_section_is_the_queue_result(ingest) -> None:
    _, _, op = only_operation(ingest(FAL_INPUT_OUTPUT))
    assert op["x-queue"] == "fal"
    assert set(body_schema(op)["properties"]) == {"prompt", "output"}
    assert set(response_schema(op, "200")["properties"]) == {"request_id", "status_url"}  # the ticket
    result = op["x-queue-result"]
    assert result["required"] == ["images"]
    assert set(result["properties"]["images"]["items"]["properties"]) == {"url"}
    assert result["properties"]["seed"] == {"type": "integer", "description": "Seed used."}


RESULT_EXAMPLE = f"""\
# 视频生成

POST /fal-ai/clipper/v1

```json
{{"prompt": "a dog"}}
```

响应示例

```json
{TICKET}
```

结果示例

```json
{{"video": {{"url": "https://cdn.test/v.mp4"}}, "seed": 1}}
```
"""


def test_a_result_example_after_the_ticket(ingest) -> None:
    _, _, op = only_operation(ingest(RESULT_EXAMPLE))
    assert set(response_schema(op, "200")["properties"]) == {"status", "request_id", "response_url", "status_url"}
    assert op["x-queue-result"]["example"] == {"video": {"url": "https://cdn.test/v.mp4"}, "seed": 1}


def test_an_output_section_of_an_answer_given_at_once_is_its_response(ingest) -> None:
    page = ("# Read text\n\nPOST /v1/ocr\n\n## Input\n\n| Name | Type | Required |\n|---|---|---|\n"
            "| image_url | string | yes |\n\n## Output\n\n| Name | Type | Description |\n|---|---|---|\n"
            "| text | string | What the image says |\n")
    _, _, op = only_operation(ingest(page))
    assert "x-queue" not in op and "x-queue-result" not in op
    assert set(body_schema(op)["properties"]) == {"image_url"}
    assert response_schema(op, "200")["properties"]["text"]["description"] == "What the image says"


# --- more column and list arrangements --------------------------------------------------------------------

VALUE_COLUMNS = """\
# 语音合成

POST /v1/voice

| 参数 | 类型 | 必填 | 可选值 | 默认值 | 说明 |
|---|---|---|---|---|---|
| voice | string | 是 | male / female | female | 音色 |
| rate | number | 否 | | 1.0 | 语速，最大 4 |
| fmt | enum | 否 | mp3、wav | mp3 | 格式 |
"""


def test_a_column_of_allowed_values_and_a_bare_enum_type(ingest) -> None:
    _, _, op = only_operation(ingest(VALUE_COLUMNS))
    props = body_schema(op)["properties"]
    assert props["voice"]["enum"] == ["male", "female"] and props["voice"]["default"] == "female"
    assert "enum" not in props["rate"] and props["rate"]["maximum"] == 4
    assert props["fmt"]["type"] == "string" and props["fmt"]["enum"] == ["mp3", "wav"]


COLON_BULLETS = """\
# 提交任务

接口地址：POST /v1/jobs

请求参数

- model：模型名称（必填）
- seed：随机种子（选填），默认为 -1
- quality：画质，可选 standard、hd（选填）
- 注意：这是一条提示（必填项目请看上面）
"""


def test_bullets_of_a_name_a_colon_and_a_required_word(ingest) -> None:
    _, _, op = only_operation(ingest(COLON_BULLETS))
    schema = body_schema(op)
    assert list(schema["properties"]) == ["model", "seed", "quality"]  # a note in prose is no field
    assert schema["required"] == ["model"]
    assert schema["properties"]["model"]["description"] == "模型名称"
    assert schema["properties"]["seed"]["default"] == -1
    assert schema["properties"]["quality"]["enum"] == ["standard", "hd"]


HEADLESS_TABLE = """\
# Rotate

POST /v1/rotate

Parameters:

| angle | integer | yes | Degrees to turn |
| image_url | string | yes | Source image |
| keep_size | boolean | no | Keep the canvas size |

| Plan | Price |
|---|---|
| free | 0 |
"""


def test_pipe_rows_without_a_header_row(ingest) -> None:
    _, _, op = only_operation(ingest(HEADLESS_TABLE))
    schema = body_schema(op)
    assert list(schema["properties"]) == ["angle", "image_url", "keep_size"]
    assert schema["required"] == ["angle", "image_url"]
    assert schema["properties"]["angle"] == {"type": "integer", "description": "Degrees to turn"}


def test_query_values_in_prose_after_a_comma(ingest) -> None:
    page = ("# List files\n\nGET https://api.files.test/v1/files?page=1&order=desc\n\n| 参数 | 类型 | 必填 | 说明 |\n"
            "|---|---|---|---|\n| page | integer | 否 | 页码 |\n| order | string | 否 | 排序，asc 或 desc |\n")
    _, _, op = only_operation(ingest(page))
    assert params(op)[("query", "order")]["schema"]["enum"] == ["asc", "desc"]


APIFOX_MARKDOWN_ARRAYS = """\
# 列表

GET /v1/list

### 返回数据结构

|名称|类型|必选|约束|中文名|说明|
|---|---|---|---|---|---|
|» code|integer|true|none||状态码|
|» data|object|true|none||数据|
|»» items|[object]|true|none||条目|
|»»» id|string|true|none||编号|
|»»» tags|[string]|false|none||标签|
"""


def test_apifox_export_response_structure_with_bracketed_array_types(ingest) -> None:
    _, _, op = only_operation(ingest(APIFOX_MARKDOWN_ARRAYS))
    assert "parameters" not in op  # a GET's response fields are no query parameters
    data = response_schema(op, "200")["properties"]["data"]
    items = data["properties"]["items"]
    assert items["type"] == "array" and items["items"]["required"] == ["id"]
    assert items["items"]["properties"]["tags"] == {"type": "array", "items": {"type": "string"},
                                                    "description": "标签"}


# --- Mintlify's markdown export ---------------------------------------------------------------------------

MINTLIFY_EXPORT = """\
# List voices

> Voices you can speak with.

## OpenAPI

````yaml openapi.json get /v1/voices/{group}
paths:
  path: /v1/voices/{group}
  method: get
  servers:
    - url: https://api.voices.test
  request:
    security:
      - title: apiKey
        parameters:
          header:
            X-Voice-Key:
              type: apiKey
    parameters:
      path:
        group:
          schema:
            - type: string
              required: true
              description: Voice family.
      query:
        limit:
          schema:
            - type: integer
              required: false
              description: Page size.
              maximum: 50
      header: {}
      cookie: {}
    body: {}
  response:
    '200':
      application/json:
        schemaArray:
          - type: object
            properties:
              voices:
                allOf:
                  - type: array
                    items:
                      allOf:
                        - type: object
                          properties:
                            voice_id:
                              allOf:
                                - type: string
                          requiredProperties:
                            - voice_id
        examples:
          example:
            value:
              voices:
                - voice_id: v-1
  deprecated: false
````
"""


def test_mintlify_markdown_export_of_one_operation(ingest) -> None:
    spec = ingest(MINTLIFY_EXPORT, name="voices.md")
    path, method, op = only_operation(spec)
    assert (method, path) == ("get", "/v1/voices/{group}")
    assert spec["servers"] == [{"url": "https://api.voices.test"}]
    assert (op["summary"], op["description"]) == ("List voices", "Voices you can speak with.")
    found = params(op)
    assert found[("path", "group")]["description"] == "Voice family."
    assert found[("query", "limit")] == {"name": "limit", "in": "query", "required": False,
                                         "description": "Page size.",
                                         "schema": {"type": "integer", "maximum": 50}}
    assert spec["components"]["securitySchemes"]["apiKey"] == {"type": "apiKey", "in": "header", "name": "X-Voice-Key"}
    voice = response_schema(op, "200")["properties"]["voices"]["items"]
    assert voice["required"] == ["voice_id"] and voice["properties"]["voice_id"] == {"type": "string"}
    assert op["responses"]["200"]["content"]["application/json"]["example"] == {"voices": [{"voice_id": "v-1"}]}


def test_a_mintlify_export_cut_off_inside_its_block_keeps_what_parses(tmp_path: Path) -> None:
    cut = MINTLIFY_EXPORT.split("  response:")[0] + "  response:\n    '200':\n      application/json:\n        schemaArray: [\n"
    page = tmp_path / "voices.md"
    page.write_text(cut, encoding="utf-8")
    result = ingest_pages([page])
    op = result.spec["paths"]["/v1/voices/{group}"]["get"]
    assert [p["name"] for p in op["parameters"]] == ["group", "limit"]
    assert any("cut off" in w for w in result.warnings)


SWAGGER_UI_HTML = """\
<html><body><div class="swagger-ui">
<div class="opblock"><div class="opblock-summary"><span class="method">GET</span>
<span class="path"><a><span>/toys/{toyId}</span></a></span><div class="description">Find a toy</div></div>
<h4>Parameters</h4>
<table class="parameters"><thead><tr><th>Name</th><th>Description</th></tr></thead><tbody>
<tr><td><div class="parameter__name required">toyId<span>&nbsp;*</span></div><div class="parameter__type">integer<span>($int64)</span></div>
<div class="parameter__in">(path)</div></td><td><div class="markdown"><p>Toy to fetch</p></div></td></tr>
<tr><td><div class="parameter__name">view</div><div class="parameter__type">string</div><div class="parameter__in">(query)</div></td>
<td><div class="markdown"><p>Detail level. Available values : brief, full</p></div></td></tr>
</tbody></table>
<h4>Responses</h4>
<table><thead><tr><th>Code</th><th>Description</th></tr></thead><tbody>
<tr><td>200</td><td><p>found</p><pre>{"toy_id": 7, "label": "kite"}</pre></td></tr></tbody></table>
</div></div></body></html>
"""


def test_swagger_ui_html_cells_holding_name_type_and_place(ingest) -> None:
    _, method, op = only_operation(ingest(SWAGGER_UI_HTML, name="page.html"))
    assert method == "get"
    found = params(op)
    assert found[("path", "toyId")]["schema"] == {"type": "integer", "format": "int64"}
    assert found[("query", "view")]["schema"]["enum"] == ["brief", "full"]
    assert set(response_schema(op, "200")["properties"]) == {"toy_id", "label"}


FAL_MDX = """\
# Pix Turbo API

**Endpoint:** `POST https://queue.fal.run/fal-ai/pix/turbo`

### Input Schema

<ParamField body="prompt" type="string" required>
  What to draw.
</ParamField>

<ParamField body="image_size" type="ImageSize | Enum" default="square">
  Size. Possible enum values: `square`, `portrait`, `landscape`
</ParamField>

### Output Schema

<ResponseField name="images" type="list<Image>" required>
  The images.
  <Expandable title="Image">
    <ResponseField name="url" type="string" required>Where it is.</ResponseField>
  </Expandable>
</ResponseField>

<ResponseField name="seed" type="integer">
  Seed used.
</ResponseField>

### Output Example

```json
{"images": [{"url": "https://cdn.test/p.png"}], "seed": 42}
```
"""

QUEUE_TICKET_SECTION = """
### Queue

```json
{"request_id": "abc", "status": "IN_QUEUE", "response_url": "https://queue.fal.run/fal-ai/pix/requests/abc"}
```
"""


def test_fal_mdx_output_schema_of_a_queued_model(ingest) -> None:
    _, _, op = only_operation(ingest(FAL_MDX + QUEUE_TICKET_SECTION, name="pix.mdx"))
    assert op["x-queue"] == "fal"
    image_size = body_schema(op)["properties"]["image_size"]
    assert (image_size["type"], image_size["enum"]) == ("string", ["square", "portrait", "landscape"])
    assert set(response_schema(op, "200")["properties"]) == {"request_id", "status", "response_url"}
    result = op["x-queue-result"]
    assert result["required"] == ["images"]
    assert result["properties"]["images"]["items"]["required"] == ["url"]
    assert result["example"]["seed"] == 42


def test_fal_mdx_output_schema_of_a_model_answering_at_once(ingest) -> None:
    _, _, op = only_operation(ingest(FAL_MDX.replace("queue.fal.run", "fal.run"), name="pix.mdx"))
    assert "x-queue" not in op and "x-queue-result" not in op
    response = response_schema(op, "200")
    assert set(response["properties"]) == {"images", "seed"} and response["required"] == ["images"]


APIFOX_TEXT_ONE_VALUE_PER_LINE = """\
编辑图片
POST
https://relay.test/v1/images/edits
请求参数
Body 参数multipart/form-data
image
file
必需
要编辑的图片
size
string
可选
枚举值:
256x256
512x512
1024x1024
示例值:
1024x1024
返回响应
🟢200成功
application/json
Body
created
integer
必需
url
string
可选
"""


def test_apifox_text_values_one_per_line_and_a_field_named_url(ingest) -> None:
    _, _, op = only_operation(ingest(APIFOX_TEXT_ONE_VALUE_PER_LINE))
    assert "parameters" not in op  # `url` alone on a line is a field, not a query-parameter heading
    size = body_schema(op, "multipart/form-data")["properties"]["size"]
    assert size["enum"] == ["256x256", "512x512", "1024x1024"] and size["example"] == "1024x1024"
    assert set(response_schema(op, "200")["properties"]) == {"created", "url"}


VITEPRESS_MARKS = """\
# 提交音乐任务

```
POST /suno/submit/music
```

| 字段 | 类型 | 是否必填 | 说明 |
| :--- | :---: | :---: | --- |
| `prompt` | `string` | ✅ | 歌词 |
| `mv` | `string` | ❌ | 版本 |
"""

JAPANESE_PROSE = """\
# 画像生成

`POST https://api.jp.test/v1/images`

| パラメータ | 型 | 必須 | 説明 |
|---|---|---|---|
| n | integer | | 枚数（1〜4、デフォルト: 1） |
| quality | string | | 品質。`standard` または `hd` |
"""


def test_emoji_check_marks_and_japanese_ranges_and_choices(ingest) -> None:
    _, _, op = only_operation(ingest(VITEPRESS_MARKS))
    assert body_schema(op)["required"] == ["prompt"]
    _, _, op = only_operation(ingest(JAPANESE_PROSE))
    props = body_schema(op)["properties"]
    assert (props["n"]["minimum"], props["n"]["maximum"], props["n"]["default"]) == (1, 4, 1)
    assert props["quality"]["enum"] == ["standard", "hd"]


def test_a_markdown_page_opening_with_an_html_banner_stays_markdown(ingest) -> None:
    page = ('<div align="center"><img src="logo.png"></div>\n\n# Sum numbers\n\nPOST /v1/sum\n\n'
            "| Name | Type | Required |\n|---|---|---|\n| values | array | yes |\n")
    _, _, op = only_operation(ingest(page, name="page.md"))
    assert body_schema(op)["required"] == ["values"]


def test_an_address_without_any_method_is_read_with_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "task.md"
    page.write_text("# 任务\n\n接口地址：https://api.x.test/v1/tasks\n\n请求参数\n\n| 参数 | 类型 | 必填 | 说明 |\n"
                    "|---|---|---|---|\n| prompt | string | 是 | 提示 |\n", encoding="utf-8")
    result = ingest_pages([page])
    op = result.spec["paths"]["/v1/tasks"]["post"]  # documented fields: a body, so POST
    assert op["x-apigen-salvaged"] is True and body_schema(op)["required"] == ["prompt"]
    assert [w for w in result.warnings if "without a method; read as POST" in w]
    page.write_text("# Files\n\nURL: https://api.x.test/v1/files?page=1\n", encoding="utf-8")
    assert list(ingest_pages([page]).spec["paths"]["/v1/files"]) == ["get"]  # a query string: GET


def test_a_path_then_its_method_in_code_marks(ingest) -> None:
    page = "# Tasks\n\n`/v1/tasks` `POST`\n\n| Name | Type | Required |\n|---|---|---|\n| prompt | string | yes |\n"
    path, method, op = only_operation(ingest(page))
    assert (method, path) == ("post", "/v1/tasks") and body_schema(op)["required"] == ["prompt"]


HTML_TOKENS = ["<div>", "</div>", "<span>", "</span>", "<table>", "<tr>", "<th>", "<td>", "</td>", "</tr>", "</table>",
               "<ul>", "<li>", "</li>", "</ul>", "<pre>", "</pre>", "<code>", "</code>", "<br>", "<h2>", "</h2>",
               "<script>", "</script>", "<p>", "POST", " /v1/x", "name", "string", "required", "Default: 1", "{",
               '"a": 1', "}", "\n", " ", "&nbsp;", "<!--", "-->", "<", ">", "|", "`"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from(HTML_TOKENS), max_size=120))
def test_any_html_page_reads_or_fails_in_one_line(tmp_path: Path, parts: list[str]) -> None:
    page = tmp_path / "fuzz.html"
    page.write_text("<!doctype html><html><body>" + "".join(parts), encoding="utf-8")
    try:
        read_page(page, "fuzz.html", "fuzz.html")
    except ApigenError as error:
        assert "\n" not in str(error)


def test_deeply_nested_html_stays_bounded(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 5000 + "POST /v1/deep" + "</div>" * 5000, encoding="utf-8")
    spec, _ = read_page(page, "deep.html", "deep.html")
    assert list(spec["paths"]) == ["/v1/deep"]


APIFOX_EXPORT_ENUMS = """\
# 视频任务

## POST 创建视频任务

POST /v1/video/tasks

### 请求参数

|名称|位置|类型|必选|说明|
|---|---|---|---|---|
|body|body|object| 否 |none|
|» mode|body|string| 否 |生成模式|
|» prompt|body|string| 是 |提示词|

#### 枚举值

|属性|值|
|---|---|
|» mode|std|
|» mode|pro|
"""


def test_apifox_export_enum_table_and_its_method_headed_title(ingest) -> None:
    _, _, op = only_operation(ingest(APIFOX_EXPORT_ENUMS))
    assert op["summary"] == "创建视频任务"
    props = body_schema(op)["properties"]
    assert set(props) == {"mode", "prompt"}
    assert props["mode"]["enum"] == ["std", "pro"] and "example" not in props["mode"]


def _facts(spec: dict[str, Any]) -> dict[tuple[str, str], tuple[Any, ...]]:
    out = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            bodies = {media: sorted((c.get("schema") or {}).get("properties") or {})
                      for media, c in (op.get("requestBody") or {}).get("content", {}).items()}
            params = sorted((p["in"], p["name"], bool(p.get("required"))) for p in op.get("parameters", []))
            answers = {status: sorted(((r.get("content") or {}).get("application/json", {}).get("schema") or {})
                                      .get("properties") or {}) for status, r in op.get("responses", {}).items()}
            out[(method, path)] = (bodies, params, answers)
    return out


def test_every_markdown_page_of_ours_reads_the_same_from_its_html_rendering(tmp_path: Path) -> None:
    """The same page saved as HTML (as a docs site renders its markdown) gives the same operations, fields,
    parameters and response fields: the HTML reader is as good as the text readers on every shape."""
    from markdown_it import MarkdownIt

    from tests.ingest import test_shapes, test_shapes_families

    render = MarkdownIt("commonmark").enable("table").render
    compared = 0
    for module in (test_shapes, test_shapes_families, __import__(__name__, fromlist=["_"])):
        for name, text in sorted(vars(module).items()):
            if not name.isupper() or not isinstance(text, str) or "\n" not in text or text.lstrip().startswith("<"):
                continue
            markdown, html = tmp_path / f"{name}.md", tmp_path / f"{name}.html"
            markdown.write_text(text, encoding="utf-8")
            html.write_text("<!doctype html><html><body>" + render(text) + "</body></html>", encoding="utf-8")
            try:
                expected = _facts(ingest_pages([markdown]).spec)
            except ApigenError:
                continue
            assert _facts(ingest_pages([html]).spec) == expected, name
            compared += 1
    assert compared >= 40


def test_html_tables_with_a_spanning_group_row_or_a_header_of_plain_cells(ingest) -> None:
    page = ("<html><body><h1>Tag a photo</h1><p>POST /v1/tags</p><table>"
            "<tr><th colspan='3'>Request body</th></tr><tr><th>Name</th><th>Type</th><th>Required</th></tr>"
            "<tr><td>photo_url</td><td>string</td><td>yes</td></tr></table>"
            "<h3>Response</h3><table><tr><td><b>Field</b></td><td><b>Type</b></td></tr>"
            "<tr><td>tags</td><td>array</td></tr></table></body></html>")
    _, _, op = only_operation(ingest(page, name="page.html"))
    assert body_schema(op)["required"] == ["photo_url"]
    assert response_schema(op, "200")["properties"]["tags"]["type"] == "array"


CUT_DOCUMENT = """\
openapi: 3.0.1
info:
  title: ''
  version: 1.0.0
paths:
  /v1/posters:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                theme:
                  description: 海报风格，可以是 retro、neon 或 plain (默认值)之一
"""


def test_a_property_cut_before_its_type_takes_it_from_its_marked_default(ingest) -> None:
    _, _, op = only_operation(ingest(CUT_DOCUMENT, name="page.yaml"))
    theme = body_schema(op)["properties"]["theme"]
    assert (theme["type"], theme["default"]) == ("string", "plain")


def test_a_bare_back_link_is_no_response_heading(ingest) -> None:
    page = "返回\n\n# 建任务\n\nPOST /v1/jobs\n\n- `prompt` (string, 必填): 提示词\n"
    _, _, op = only_operation(ingest(page))
    assert set(body_schema(op)["properties"]) == {"prompt"}
    assert "content" not in op["responses"]["200"]


README_TEXT = """\
Create a song
post
https://api.song.test/v1/songs
Creates a song from lyrics.

Body Params
lyrics
string
required
The words.

style
string
enum
Defaults to pop
Allowed:
pop
rock
jazz

bpm
int32
Defaults to 120
Tempo.
"""


def test_readme_text_with_defaults_to_and_allowed_values_one_per_line(ingest) -> None:
    _, _, op = only_operation(ingest(README_TEXT))
    props = body_schema(op)["properties"]
    assert props["style"] == {"type": "string", "enum": ["pop", "rock", "jazz"], "default": "pop"}
    assert props["bpm"] == {"type": "integer", "default": 120, "description": "Tempo."}  # `Defaults to` is no text


def test_an_html_definition_list_of_fields(ingest) -> None:
    page = ("<html><body><h1>Resize</h1><p><strong>POST</strong> <code>/v1/resize</code></p><h2>Parameters</h2><dl>"
            "<dt><code>width</code> <em>integer</em> <strong>required</strong></dt><dd>Target width.</dd>"
            "<dt><code>height</code> <em>integer</em></dt><dd>Target height. Default: 0</dd></dl></body></html>")
    _, _, op = only_operation(ingest(page, name="page.html"))
    schema = body_schema(op)
    assert schema["required"] == ["width"]
    assert schema["properties"]["height"] == {"type": "integer", "description": "Target height. Default: 0",
                                              "default": 0}


def test_a_type_written_beside_the_name_in_its_cell(ingest) -> None:
    page = ("# Draw\n\nPOST /v1/draw\n\n| 参数 | 必填 | 说明 |\n|---|---|---|\n| prompt (string) | 是 | 描述 |\n"
            "| steps (integer) | 否 | 步数，默认 30 |\n| `seed` *int* | 否 | 种子 |\n")
    _, _, op = only_operation(ingest(page))
    props = body_schema(op)["properties"]
    assert [props[n]["type"] for n in ("prompt", "steps", "seed")] == ["string", "integer", "integer"]
    assert props["steps"]["default"] == 30 and body_schema(op)["required"] == ["prompt"]


def test_plain_lines_of_a_name_a_colon_and_a_type_under_a_label(ingest) -> None:
    page = ("# Draw\n\nPOST /v1/draw\n\n参数:\nprompt: string, 必填, 描述\nsteps: integer, 可选, 步数, 默认 30\n"
            "\n说明: 这一行不是字段\n")
    _, _, op = only_operation(ingest(page))
    schema = body_schema(op)
    assert list(schema["properties"]) == ["prompt", "steps"] and schema["required"] == ["prompt"]
    assert schema["properties"]["steps"]["default"] == 30


def test_a_table_header_printed_one_cell_per_line_opens_no_section(ingest) -> None:
    page = ("POST /v1/draw\n\n请求参数\n\n| 参数 | 类型 | 必填 |\n|---|---|---|\n| prompt | string | 是 |\n\n"
            "返回参数\n\n参数\n类型\n说明\nimage_url\nstring\n图片地址\n")
    _, _, op = only_operation(ingest(page))
    assert set(body_schema(op)["properties"]) == {"prompt"}
