"""More page shapes of the same families, written for these tests (never copied from a site): HTML tables left in
markdown, ReadMe's `[block:parameters]`, list-item and definition-list fields, nested fields (`»`, `└─`,
dotted names, indented bullets, MDX `<Expandable>`), Redoc and Swagger UI text, collapsible `<details>`,
enum values in bullets, response examples under status tabs, code samples in Python and JavaScript as the only
request example, and table headers in more languages. Each test asserts what a careful reader takes off the page.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.ingest.conftest import body_example, body_schema, only_operation, response_schema


def op_of(spec: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    return spec["paths"][path][method]


def params(op: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(p["in"], p["name"]): p for p in op.get("parameters", [])}


# --- tables in other dresses -----------------------------------------------------------------------------

HTML_TABLE = """\
Create a voice clip

POST /v2/voice/clips

Request body

<table>
<thead><tr><th>Parameter</th><th>Type</th><th>Required</th><th>Description</th></tr></thead>
<tbody>
<tr><td><code>text</code></td><td>string</td><td>Yes</td><td>Words to speak,<br>up to 500 characters.</td></tr>
<tr><td><code>speed</code></td><td>number</td><td>No</td><td>Playback rate. Default: 1.0</td></tr>
<tr>
  <td><code>format</code></td>
  <td>string</td>
  <td>No</td>
  <td>Output container. Allowed values: mp3, wav, ogg</td>
</tr>
</tbody>
</table>

Response

<table><tr><th>Field</th><th>Type</th><th>Description</th></tr>
<tr><td>clip_id</td><td>string</td><td>Identifier of the clip</td></tr></table>
"""


def test_html_table_left_in_markdown(ingest) -> None:
    path, method, op = only_operation(ingest(HTML_TABLE))
    assert (method, path) == ("post", "/v2/voice/clips")
    assert op["summary"] == "Create a voice clip"
    schema = body_schema(op)
    assert schema["required"] == ["text"]
    assert schema["properties"]["text"] == {"type": "string", "description": "Words to speak, up to 500 characters."}
    assert schema["properties"]["speed"]["default"] == 1.0
    assert schema["properties"]["format"]["enum"] == ["mp3", "wav", "ogg"]
    assert set(response_schema(op, "200")["properties"]) == {"clip_id"}


README_BLOCK = """\
Create an embedding

post https://api.vectors.test/v1/embed

[block:parameters]
{
  "data": {
    "h-0": "Parameter", "h-1": "Type", "h-2": "Required", "h-3": "Description",
    "0-0": "input", "0-1": "string", "0-2": "yes", "0-3": "Text to embed.",
    "1-0": "dimensions", "1-1": "integer", "1-2": "no", "1-3": "Length of the vector. Defaults to 512."
  },
  "cols": 4,
  "rows": 2
}
[/block]
"""


def test_readme_parameters_block(ingest) -> None:
    spec = ingest(README_BLOCK)
    path, method, op = only_operation(spec)
    assert (method, path) == ("post", "/v1/embed")
    assert spec["servers"] == [{"url": "https://api.vectors.test"}]
    schema = body_schema(op)
    assert set(schema["properties"]) == {"input", "dimensions"}  # the block's own JSON is no example
    assert schema["required"] == ["input"]
    assert schema["properties"]["dimensions"]["type"] == "integer"
    assert schema["properties"]["dimensions"]["default"] == 512
    assert "example" not in op["requestBody"]["content"]["application/json"]


DETAILS = """\
### Start a crawl

```
POST https://api.crawl.test/v1/crawls
```

<details>
<summary>Request body</summary>

| Name | Type | Required | Description |
|------|------|----------|-------------|
| url | string | yes | Start address |
| depth | integer | no | How deep to follow links. Default: 2 |

</details>

<details>
<summary><b>Response</b></summary>

| Name | Type | Description |
|------|------|-------------|
| crawl_id | string | Crawl identifier |

</details>
"""


def test_tables_inside_collapsible_details(ingest) -> None:
    _, _, op = only_operation(ingest(DETAILS))
    schema = body_schema(op)
    assert set(schema["properties"]) == {"url", "depth"}
    assert schema["required"] == ["url"]
    assert schema["properties"]["depth"]["default"] == 2
    assert set(response_schema(op, "200")["properties"]) == {"crawl_id"}


# --- nested fields -----------------------------------------------------------------------------------------

APIFOX_MARKDOWN = """\
# 生成视频

POST /v1/video/create

> Body 请求参数

```json
{
  "model": "clip-2",
  "prompt": "一只猫",
  "options": {"fps": 24}
}
```

### 请求参数

|名称|位置|类型|必选|说明|
|---|---|---|---|---|
|body|body|object| 否 |none|
|» model|body|string| 是 |模型名称|
|» prompt|body|string| 是 |提示词|
|» options|body|object| 否 |附加选项|
|»» fps|body|integer| 否 |帧率,默认值 24|

> 返回示例

```json
{"task_id": "t-1", "status": "queued"}
```

### 返回结果

|状态码|状态码含义|说明|数据模型|
|---|---|---|---|
|200|OK|none|Inline|

### 返回数据结构

|名称|类型|必选|约束|中文名|说明|
|---|---|---|---|---|---|
|» task_id|string|true|none||任务编号|
|» status|string|true|none||状态|
"""


def test_apifox_markdown_export_nests_by_guillemets(ingest) -> None:
    _, _, op = only_operation(ingest(APIFOX_MARKDOWN))
    schema = body_schema(op)
    assert set(schema["properties"]) == {"model", "prompt", "options"}  # the `body` row is the body itself
    assert schema["required"] == ["model", "prompt"]
    assert schema["properties"]["model"]["description"] == "模型名称"
    options = schema["properties"]["options"]
    assert options["type"] == "object" and options["description"] == "附加选项"
    assert options["properties"]["fps"]["type"] == "integer"
    assert options["properties"]["fps"]["default"] == 24
    assert body_example(op)["options"] == {"fps": 24}
    response = response_schema(op, "200")
    assert set(response["properties"]) == {"task_id", "status"}  # the status table lists no fields
    assert response["required"] == ["task_id", "status"]
    assert response["properties"]["task_id"]["description"] == "任务编号"


TREE_TABLE = """\
查询任务

GET /api/tasks/{task_id}

路径参数

| 参数 | 类型 | 必填 | 描述 |
| --- | --- | --- | --- |
| task_id | string | 是 | 任务 ID |

响应参数

| 参数 | 类型 | 描述 |
| --- | --- | --- |
| code | integer | 状态码 |
| data | object | 数据 |
| └─ status | string | 任务状态:pending、running、done |
| └─ items | array | 结果列表 |
| &nbsp;&nbsp;└─ url | string | 图片地址 |
| message | string | 提示信息 |
"""


def test_tree_marked_response_fields_nest(ingest) -> None:
    _, _, op = only_operation(ingest(TREE_TABLE))
    assert params(op)[("path", "task_id")]["required"] is True
    response = response_schema(op, "200")
    assert set(response["properties"]) == {"code", "data", "message"}
    data = response["properties"]["data"]
    assert set(data["properties"]) == {"status", "items"}
    assert data["properties"]["status"]["enum"] == ["pending", "running", "done"]
    items = data["properties"]["items"]
    assert items["type"] == "array"
    assert items["items"]["properties"]["url"] == {"type": "string", "description": "图片地址"}


DOTTED = """\
Submit a render

POST /render

| Field | Type | Required | Description |
|---|---|---|---|
| scene | object | yes | What to draw |
| scene.width | integer | yes | Width in px |
| scene.layers | array | no | Layers, bottom first |
| scene.layers[].url | string | no | Layer image |
| quality | string | no | `low`, `medium` or `high`. Default `medium` |
"""


def test_dotted_names_nest_under_their_documented_parent(ingest) -> None:
    _, _, op = only_operation(ingest(DOTTED))
    schema = body_schema(op)
    assert set(schema["properties"]) == {"scene", "quality"}
    scene = schema["properties"]["scene"]
    assert scene["required"] == ["width"]
    assert scene["properties"]["width"]["type"] == "integer"
    assert scene["properties"]["layers"]["items"]["properties"]["url"]["description"] == "Layer image"
    assert schema["properties"]["quality"]["enum"] == ["low", "medium", "high"]  # `or` is no value
    assert schema["properties"]["quality"]["default"] == "medium"


# --- list-item fields ------------------------------------------------------------------------------------

BULLETS = """\
## Render a banner

`POST https://api.banners.test/v1/banners`

### Body parameters

- **headline** (string, required): The main line of text.
- **theme** (string, optional): Colour scheme. One of `light`, `dark`. Defaults to `light`.
- **width** (integer, optional): Width in pixels, between 100 and 4000. Default: 1200
- **layers** (array of objects, optional): Extra layers drawn over the banner.
  - **kind** (string, required): `text` or `image`.
  - **url** (string): Image address when kind is image.
    Only https addresses are fetched.
- **Note** (optional): prose in a list is not a field.

### Response

- `banner_id` *string* — The banner's id.
"""


def test_bullet_list_fields_with_nesting(ingest) -> None:
    spec = ingest(BULLETS)
    path, method, op = only_operation(spec)
    assert (method, path) == ("post", "/v1/banners")
    schema = body_schema(op)
    assert set(schema["properties"]) == {"headline", "theme", "width", "layers"}
    assert schema["required"] == ["headline"]
    assert schema["properties"]["headline"]["description"] == "The main line of text."
    theme = schema["properties"]["theme"]
    assert theme["enum"] == ["light", "dark"] and theme["default"] == "light"
    width = schema["properties"]["width"]
    assert (width["type"], width["minimum"], width["maximum"], width["default"]) == ("integer", 100, 4000, 1200)
    layer = schema["properties"]["layers"]["items"]
    assert schema["properties"]["layers"]["type"] == "array"
    assert layer["required"] == ["kind"]
    assert layer["properties"]["kind"]["enum"] == ["text", "image"]
    assert layer["properties"]["url"]["description"] == ("Image address when kind is image.\n"
                                                       "Only https addresses are fetched.")
    assert response_schema(op, "200")["properties"]["banner_id"]["type"] == "string"


DEFINITION_LIST = """\
Translate text
==============

POST /translate

Parameters
----------

source_lang
: string, optional. The language of the text. Default is `auto`.

target_lang
: string, required. The language to translate into.

text
: array of strings, required. The texts to translate.
"""


def test_definition_list_fields(ingest) -> None:
    _, _, op = only_operation(ingest(DEFINITION_LIST))
    assert op["summary"] == "Translate text"
    schema = body_schema(op)
    assert schema["required"] == ["target_lang", "text"]
    assert schema["properties"]["source_lang"] == {"type": "string", "default": "auto",
                                                   "description": "The language of the text. Default is `auto`."}
    assert schema["properties"]["text"]["items"] == {"type": "string"}


MULTI_OPERATION_BULLETS = """\
# Files API

## Upload a file

POST /files

Form fields:
- `file` (file, required): The file to upload.
- `purpose` (string, required): One of `assistants`, `batch`.

## List files

GET /files

Query parameters:
- `limit` (integer, optional): Page size, 1-100. Defaults to 20.
- `after` (string, optional): Cursor from the previous page.
"""


def test_bullet_fields_belong_to_their_section_and_a_file_field_makes_a_form(ingest) -> None:
    spec = ingest(MULTI_OPERATION_BULLETS)
    upload = op_of(spec, "post", "/files")
    schema = body_schema(upload, "multipart/form-data")
    assert set(schema["properties"]) == {"file", "purpose"}
    assert schema["properties"]["file"]["format"] == "binary"
    listing = op_of(spec, "get", "/files")
    assert "requestBody" not in listing
    limit = params(listing)[("query", "limit")]
    assert limit["schema"] == {"type": "integer", "default": 20, "minimum": 1, "maximum": 100}
    assert limit["required"] is False
    assert ("query", "after") in params(listing)


ENUM_BULLETS = """\
POST /v1/images/variations

Body

| Parameter | Type | Required | Description |
|---|---|---|---|
| image | file | Yes | The source image |
| size | string | No | Output size |
| style | string | No | Look of the output |

size

- `256x256`
- `512x512`
- `1024x1024` (default)

style accepts one of:
* natural
* vivid
"""


def test_enum_values_listed_in_bullets_under_the_field(ingest) -> None:
    _, _, op = only_operation(ingest(ENUM_BULLETS))
    props = body_schema(op, "multipart/form-data")["properties"]
    assert props["size"]["enum"] == ["256x256", "512x512", "1024x1024"]
    assert props["size"]["default"] == "1024x1024"
    assert props["style"]["enum"] == ["natural", "vivid"]


# --- MDX components --------------------------------------------------------------------------------------

MINTLIFY = """\
---
title: "Create collection"
openapi: "POST /v1/collections"
---

<ParamField header="X-Project" type="string" required>
  Project the job is billed to.
</ParamField>

<ParamField body="name" type="string" required>
The collection's name.
</ParamField>

<ParamField body="visibility" type="string" default="private">
Who can see it. Available options: `private`, `public`
</ParamField>

<ParamField query="dry_run" type="boolean">
Validate only.
</ParamField>

<ParamField body="owner" type="object">
  Who owns it.
  <Expandable title="owner properties">
    <ParamField body="id" type="string" required>
      Owner id.
    </ParamField>
    <ParamField body="role" type="enum<string>">
      Role. Available options: `admin`, `viewer`
    </ParamField>
  </Expandable>
</ParamField>

<ResponseField name="id" type="string" required>
  Collection id.
</ResponseField>
"""


def test_mintlify_fields_with_expandable_children(tmp_path, ingest) -> None:
    from generator.ingest import ingest_pages

    page = tmp_path / "mdx.txt"
    page.write_text(MINTLIFY, encoding="utf-8")
    result = ingest_pages([page], base=tmp_path)
    assert not [w for w in result.warnings if "sentence" in w]  # the front matter states the endpoint
    path, method, op = only_operation(result.spec)
    assert (method, path) == ("post", "/v1/collections")
    assert op["summary"] == "Create collection"
    assert params(op)[("header", "X-Project")]["required"] is True
    assert params(op)[("query", "dry_run")]["schema"]["type"] == "boolean"
    schema = body_schema(op)
    assert set(schema["properties"]) == {"name", "visibility", "owner"}
    assert schema["properties"]["visibility"]["enum"] == ["private", "public"]
    assert schema["properties"]["visibility"]["default"] == "private"
    owner = schema["properties"]["owner"]
    assert owner["description"] == "Who owns it."  # its children's text is theirs
    assert owner["required"] == ["id"]
    assert owner["properties"]["role"]["type"] == "string"
    assert owner["properties"]["role"]["enum"] == ["admin", "viewer"]
    assert response_schema(op, "200")["required"] == ["id"]


# --- generated reference pages ---------------------------------------------------------------------------

REDOC = """\
Create order

Authorizations:
ApiKeyAuth
Request Body schema: application/json

item_id
required
string
Identifier of the item to order.

quantity
integer [ 1 .. 99 ]
Default: 1
How many pieces.

gift_wrap
boolean
Default: false

Responses
201 Created
Response Schema: application/json
order_id
string
total
number

POST /shop/orders
Request samples
Payload
Content type
application/json

{
"item_id": "sku-1",
"quantity": 2
}
"""


def test_redoc_text_dump(ingest) -> None:
    _, _, op = only_operation(ingest(REDOC))
    assert op.get("summary") != "number"
    schema = body_schema(op)
    assert schema["required"] == ["item_id"]
    quantity = schema["properties"]["quantity"]
    assert (quantity["minimum"], quantity["maximum"], quantity["default"]) == (1, 99, 1)
    assert quantity["description"] == "How many pieces."
    assert schema["properties"]["gift_wrap"]["default"] is False
    assert body_example(op) == {"item_id": "sku-1", "quantity": 2}  # a request sample, not a response
    response = response_schema(op, "201")
    assert set(response["properties"]) == {"order_id", "total"}
    assert "description" not in response["properties"]["total"]  # the next endpoint line is no description


SWAGGER_UI = """\
GET /pets/{petId} Find pet by ID

Parameters
Name\tDescription
petId *
integer($int64)
(path)
ID of pet to return

include
string
(query)
Extra data to embed. Available values : owner, vet
"""


def test_swagger_ui_text_dump(ingest) -> None:
    _, _, op = only_operation(ingest(SWAGGER_UI))
    found = params(op)
    assert found[("path", "petId")]["schema"] == {"type": "integer", "format": "int64"}
    assert found[("query", "include")]["schema"]["enum"] == ["owner", "vet"]
    assert found[("query", "include")]["required"] is False


# --- examples ----------------------------------------------------------------------------------------------

STATUS_TABS = """\
Get a quote

GET /v1/quotes/{symbol}

Query parameters

| Name | Type | Required | Description |
|---|---|---|---|
| currency | string | no | Currency code, default `USD` |

Responses

=== "200"

```json
{"symbol": "ACME", "price": 12.5}
```

=== "404"

```json
{"error": "unknown symbol"}
```
"""


def test_response_examples_under_status_tabs(ingest) -> None:
    _, _, op = only_operation(ingest(STATUS_TABS))
    assert params(op)[("query", "currency")]["schema"]["default"] == "USD"
    assert set(response_schema(op, "200")["properties"]) == {"symbol", "price"}
    assert op["responses"]["404"]["content"]["application/json"]["example"] == {"error": "unknown symbol"}
    assert op["responses"]["404"]["description"] == "Not Found"


PYTHON_REQUESTS = """\
Speech synthesis

```python
import requests

API = "https://api.voices.test/v1"
payload = {
    "text": "Hello there",
    "voice": "alto",
    "rate": 1.25,
    "stream": False,
}
resp = requests.post(
    f"{API}/speak",
    headers={"Authorization": "Bearer YOUR_KEY"},
    json=payload,
)
```

```python
status = requests.get(f"https://api.voices.test/v1/speak/{job_id}", headers={"X-Trace": "t1"})
```
"""


def test_python_requests_is_the_only_request_example(ingest) -> None:
    spec = ingest(PYTHON_REQUESTS)
    speak = op_of(spec, "post", "/v1/speak")
    assert body_example(speak) == {"text": "Hello there", "voice": "alto", "rate": 1.25, "stream": False}
    assert body_schema(speak)["properties"]["stream"]["type"] == "boolean"
    assert spec["servers"] == [{"url": "https://api.voices.test"}]
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    status = op_of(spec, "get", "/v1/speak/{job_id}")
    assert params(status)[("path", "job_id")]["required"] is True
    assert params(status)[("header", "X-Trace")]["example"] == "t1"


JS_FETCH = """\
# Moderate a comment

```javascript
const res = await fetch("https://api.guard.test/v2/moderate", {
  method: "POST",
  headers: {
    "Content-Type": "application/json",
    "X-Api-Key": process.env.GUARD_KEY,
  },
  body: JSON.stringify({
    comment: 'you are great',
    strict: true,
    categories: ["spam", "abuse"],
  }),
});
```

```js
const { data } = await axios.post("https://api.guard.test/v2/appeals", { comment_id: "c-1", reason: "mistake" });
```

## 200

```json
{ "flagged": false }
```
"""


def test_javascript_fetch_and_axios_samples(ingest) -> None:
    spec = ingest(JS_FETCH)
    moderate = op_of(spec, "post", "/v2/moderate")
    assert body_example(moderate) == {"comment": "you are great", "strict": True, "categories": ["spam", "abuse"]}
    assert spec["components"]["securitySchemes"]["apiKey"]["name"] == "X-Api-Key"
    appeal = op_of(spec, "post", "/v2/appeals")
    assert body_example(appeal) == {"comment_id": "c-1", "reason": "mistake"}


CURL_VARIANTS = """\
Upload a document

curl --location --request POST 'https://api.docs.test/v1/files' \\
--header 'Authorization: Bearer sk-xxx' \\
--form 'file=@"/path/to/report.pdf"' \\
--form 'purpose="search"' \\
-F "tags=finance"

Create a note

curl https://api.docs.test/v1/notes \\
  -H "Content-Type: application/json" \\
  --data-raw '{"title": "todo", "pinned": true, "body": {"text": "buy milk"}}'
"""


def test_curl_multipart_and_data_raw(ingest) -> None:
    spec = ingest(CURL_VARIANTS)
    upload = body_schema(op_of(spec, "post", "/v1/files"), "multipart/form-data")
    assert upload["properties"]["file"] == {"type": "string", "format": "binary"}
    assert set(upload["properties"]) == {"file", "purpose", "tags"}
    note = op_of(spec, "post", "/v1/notes")
    assert body_schema(note)["properties"]["body"]["properties"]["text"]["type"] == "string"
    assert body_example(note)["pinned"] is True


# --- header words in more languages ------------------------------------------------------------------------

KOREAN = """\
이미지 생성

POST https://api.gallery.test/v1/images

요청 헤더

| 이름 | 타입 | 필수 | 설명 |
|---|---|---|---|
| X-Request-Id | string | 아니오 | 추적용 ID |

요청 본문

| 파라미터 | 타입 | 필수 | 설명 |
|---|---|---|---|
| prompt | string | 예 | 생성할 이미지 설명 |
| count | integer | 아니오 | 생성 개수, 기본값: 1 |
| ratio | string | 아니오 | 가능한 값: 1:1, 16:9 |

응답

| 필드 | 타입 | 설명 |
|---|---|---|
| image_id | string | 이미지 ID |
"""


def test_korean_tables(ingest) -> None:
    _, _, op = only_operation(ingest(KOREAN))
    assert op["summary"] == "이미지 생성"
    assert params(op)[("header", "X-Request-Id")]["required"] is False
    schema = body_schema(op)
    assert schema["required"] == ["prompt"]
    assert schema["properties"]["count"]["default"] == 1
    assert schema["properties"]["ratio"]["enum"] == ["1:1", "16:9"]
    assert set(response_schema(op, "200")["properties"]) == {"image_id"}


TRADITIONAL_CHINESE = """\
建立語音任務

請求方式:POST
請求地址:https://api.voice.test/v1/tts

請求參數

| 參數名稱 | 型別 | 是否必填 | 說明 |
| :--- | :--- | :--- | :--- |
| text | string | 是 | 要合成的文字 |
| voice | string | 否 | 音色,預設值:female |
| speed | number | 否 | 語速,範圍 0.5-2.0 |

回應參數

| 參數名稱 | 型別 | 說明 |
| --- | --- | --- |
| task_id | string | 任務編號 |
"""


def test_traditional_chinese_labels_and_tables(ingest) -> None:
    path, method, op = only_operation(ingest(TRADITIONAL_CHINESE))
    assert (method, path) == ("post", "/v1/tts")
    assert op["summary"] == "建立語音任務"
    schema = body_schema(op)
    assert schema["required"] == ["text"]
    assert schema["properties"]["voice"]["default"] == "female"
    assert (schema["properties"]["speed"]["minimum"], schema["properties"]["speed"]["maximum"]) == (0.5, 2.0)
    assert set(response_schema(op, "200")["properties"]) == {"task_id"}


SPANISH = """\
# Crear una transcripción

`POST /v1/transcripciones`

## Parámetros

| Nombre | Tipo | Obligatorio | Descripción |
|--------|------|-------------|-------------|
| audio_url | string | Sí | Dirección del audio |
| idioma | string | No | Idioma del audio. Valores posibles: es, en, pt |
| modelo | string | No | Modelo. Por defecto: rapido |

## Respuesta

```json
{"id": "tr_1", "estado": "pendiente"}
```
"""


def test_spanish_table(ingest) -> None:
    _, _, op = only_operation(ingest(SPANISH))
    schema = body_schema(op)
    assert schema["required"] == ["audio_url"]
    assert schema["properties"]["idioma"]["enum"] == ["es", "en", "pt"]
    assert schema["properties"]["modelo"]["default"] == "rapido"
    assert set(response_schema(op, "200")["properties"]) == {"id", "estado"}


APIFOX_DUMP_ENGLISH = """\
Create picture
POST /v1/pictures
Parameters
{ "path": [], "query": [{"name": "async", "required": false, "type": "boolean", "description": "Return at once"}], "cookie": [], "header": [] }
Request Body
{ "type": "application/json", "parameters": [], "jsonSchema": { "type": "object", "properties": { "prompt": { "type": "string", "description": "What to draw" }, "steps": { "type": "integer", "description": "Steps. Default: 20. Range: 1-50" } }, "required": ["prompt"] } }
Responses
[ { "id": 7, "code": 200, "name": "OK", "jsonSchema": { "type": "object", "properties": { "url": { "type": "string" } }, "required": ["url"] } } ]
"""


def test_apifox_dump_with_english_labels(ingest) -> None:
    _, _, op = only_operation(ingest(APIFOX_DUMP_ENGLISH))
    assert params(op)[("query", "async")]["schema"]["type"] == "boolean"
    schema = body_schema(op)
    assert schema["required"] == ["prompt"]
    steps = schema["properties"]["steps"]
    assert (steps["type"], steps["default"], steps["minimum"], steps["maximum"]) == ("integer", 20, 1, 50)
    assert response_schema(op, "200")["required"] == ["url"]


VALUE_LINE = """\
生成图片

POST /v1/art

| 参数 | 类型 | 必填 | 默认值 | 说明 |
|---|---|---|---|---|
| prompt | string | 是 | — | 描述 |
| size | string | 否 | 800x600 | 尺寸 |
| n | integer | 否 | 1 | 数量 |

可用尺寸
640x480、800x600、1280x720
"""


def test_a_value_line_is_the_enum_of_the_field_whose_default_it_holds(ingest) -> None:
    _, _, op = only_operation(ingest(VALUE_LINE))
    props = body_schema(op)["properties"]
    assert props["size"]["enum"] == ["640x480", "800x600", "1280x720"]
    assert props["size"]["default"] == "800x600"
    assert "enum" not in props["n"]


JAPANESE_MARKS = """\
音声合成

エンドポイント: POST https://api.koe.test/v1/synth

リクエストパラメータ

| パラメータ名 | 型 | 必須 | 説明 |
|---|---|---|---|
| text | String | ○ | 読み上げるテキスト |
| speaker | Integer | × | 話者ID。デフォルトは 3 |
| tags | Array<string> | × | タグ |
| pitch | number \\| null | × | 声の高さ、範囲 -1.0〜1.0 |
"""


def test_japanese_table_with_circle_and_cross_marks(ingest) -> None:
    path, method, op = only_operation(ingest(JAPANESE_MARKS))
    assert (method, path) == ("post", "/v1/synth")
    schema = body_schema(op)
    assert schema["required"] == ["text"]
    assert schema["properties"]["speaker"] == {"type": "integer", "description": "話者ID。デフォルトは 3", "default": 3}
    assert schema["properties"]["tags"]["items"] == {"type": "string"}
    pitch = schema["properties"]["pitch"]
    assert set(pitch["type"]) == {"number", "null"}
    assert (pitch["minimum"], pitch["maximum"]) == (-1.0, 1.0)


MDX_RESPONSE_TREE = """\
## Get run

GET /v1/runs/{run_id}

<ParamField path="run_id" type="string" required>Run id</ParamField>

<ResponseField name="data" type="object">
  The run.
  <Expandable title="data">
    <ResponseField name="status" type="string">
      One of `queued`, `running`, `done`.
    </ResponseField>
    <ResponseField name="outputs" type="object[]">
      <Expandable title="outputs">
        <ResponseField name="url" type="string">File address.</ResponseField>
      </Expandable>
    </ResponseField>
  </Expandable>
</ResponseField>
"""


def test_mdx_response_fields_nest_through_expandables(ingest) -> None:
    _, _, op = only_operation(ingest(MDX_RESPONSE_TREE))
    assert params(op)[("path", "run_id")]["description"] == "Run id"
    data = response_schema(op, "200")["properties"]["data"]
    assert data["description"] == "The run."
    assert data["properties"]["status"]["enum"] == ["queued", "running", "done"]
    outputs = data["properties"]["outputs"]
    assert outputs["type"] == "array"
    assert outputs["items"]["properties"]["url"]["description"] == "File address."


DOCUSAURUS = """\
Create a clip

POST /v1/clips

Request Body required

- application/json

prompt string required

The text prompt.

style string

Possible values: [`natural`, `vivid`]

Default value: `natural`

duration integer

Possible values: >= 1 and <= 30

Default value: 5

Responses

- 200
- 422

Successful Response

Schema

id string required

status string
"""


def test_docusaurus_openapi_text(ingest) -> None:
    _, _, op = only_operation(ingest(DOCUSAURUS))
    schema = body_schema(op)
    assert schema["required"] == ["prompt"]
    assert schema["properties"]["style"]["enum"] == ["natural", "vivid"]
    assert schema["properties"]["style"]["default"] == "natural"
    duration = schema["properties"]["duration"]
    assert (duration["minimum"], duration["maximum"], duration["default"]) == (1, 30, 5)
    response = response_schema(op, "200")  # the first of the status tabs is the one shown
    assert response["required"] == ["id"] and set(response["properties"]) == {"id", "status"}


MINTLIFY_TEXT_CHILDREN = """\
Create a task
POST
/v1/tasks
Body
application/json
input
object
required
The task input.
Show child attributes
input.prompt
string
required
What to do.
input.priority
integer
default:3
Required range: 1 <= x <= 5
Response
200 - application/json
task_id
string
"""


def test_mintlify_text_with_child_attributes(ingest) -> None:
    _, _, op = only_operation(ingest(MINTLIFY_TEXT_CHILDREN))
    schema = body_schema(op)
    child = schema["properties"]["input"]
    assert child["description"] == "The task input."  # the toggle is no description
    assert child["required"] == ["prompt"]
    priority = child["properties"]["priority"]
    assert (priority["type"], priority["default"], priority["minimum"], priority["maximum"]) == ("integer", 3, 1, 5)
    assert set(response_schema(op, "200")["properties"]) == {"task_id"}


GLUED_HEADING_AND_LOCATION = """\
建立任務
POST https://api.jobs.test/v1/jobs/{team}請求參數
| 參數 | 位置 | 類型 | 必填 | 說明 |
|---|---|---|---|---|
| team | 路徑 | string | 是 | 團隊 |
| X-Trace | 請求頭 | string | 否 | 追蹤 |
| name | 請求體 | string | 是 | 名稱 |
"""


def test_a_heading_glued_to_the_address_and_a_location_column(ingest) -> None:
    path, method, op = only_operation(ingest(GLUED_HEADING_AND_LOCATION))
    assert (method, path) == ("post", "/v1/jobs/{team}")
    found = params(op)
    assert found[("path", "team")]["description"] == "團隊"
    assert found[("header", "X-Trace")]["required"] is False
    assert body_schema(op)["required"] == ["name"]


GENERATED_SNIPPETS = """\
对话补全

示例代码

```python
import requests
import json

url = "https://api.relay.test/v1/chat/completions"

payload = json.dumps({
   "model": "chat-small",
   "messages": [{"role": "user", "content": "hi"}],
   "stream": False
})
headers = {
   'Authorization': 'Bearer <token>',
   'Content-Type': 'application/json'
}

response = requests.request("POST", url, headers=headers, data=payload)
```

```javascript
var myHeaders = new Headers();
myHeaders.append("Authorization", "Bearer <token>");

var raw = JSON.stringify({"model": "chat-small", "temperature": 0.5});

var requestOptions = {
   method: 'POST',
   headers: myHeaders,
   body: raw,
};

fetch("https://api.relay.test/v1/chat/completions", requestOptions)
```
"""


def test_generated_snippets_with_variables(ingest) -> None:
    spec = ingest(GENERATED_SNIPPETS)
    path, method, op = only_operation(spec)
    assert (method, path) == ("post", "/v1/chat/completions")
    schema = body_schema(op)
    # the headers dict is part of the sample, not a body; json.dumps(payload) is a JSON body, not a form
    assert set(schema["properties"]) == {"model", "messages", "stream", "temperature"}
    assert schema["properties"]["messages"]["items"]["properties"]["role"]["type"] == "string"
    assert body_example(op)["stream"] is False
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


HTTP_CLIENT = """\
Query balance

```python
import http.client
import json

conn = http.client.HTTPSConnection("api.relay.test")
payload = json.dumps({"user": "u-1"})
headers = {'Authorization': 'Bearer sk-xxx', 'Content-Type': 'application/json'}
conn.request("POST", "/v1/balance", payload, headers)
```
"""


def test_python_http_client_sample(ingest) -> None:
    spec = ingest(HTTP_CLIENT)
    path, method, op = only_operation(spec)
    assert (method, path) == ("post", "/v1/balance")
    assert body_example(op) == {"user": "u-1"}
    assert spec["servers"] == [{"url": "https://api.relay.test"}]


COMMENTED_JSON = """\
创建视频任务

POST /v1/video/tasks

请求示例

```json
{
  "model": "clip-2",        // 必填,模型名称
  "prompt": "一只猫",        // 必填,提示词
  "steps": 20,              // 可选,迭代次数,默认 20,范围 1-50
  "options": {
    "fps": 24,              // 帧率
    "ratio": "16:9"         // 可选值:16:9、9:16
  },
  "refs": [
    {"url": "https://x.test/a.png"}
  ]
}
```

返回示例

```json
{
  "task_id": "t-1", // 任务 ID
  "status": "queued"
}
```
"""


def test_fields_documented_by_comments_in_the_example(ingest) -> None:
    _, _, op = only_operation(ingest(COMMENTED_JSON))
    schema = body_schema(op)
    assert schema["required"] == ["model", "prompt"]
    assert schema["properties"]["model"]["description"] == "模型名称"
    steps = schema["properties"]["steps"]
    assert (steps["default"], steps["minimum"], steps["maximum"]) == (20, 1, 50)
    options = schema["properties"]["options"]
    assert options["properties"]["fps"]["description"] == "帧率"
    assert options["properties"]["ratio"]["enum"] == ["16:9", "9:16"]
    assert "required" not in options
    assert schema["properties"]["refs"]["items"]["properties"]["url"]["type"] == "string"
    assert body_example(op)["options"] == {"fps": 24, "ratio": "16:9"}
    assert response_schema(op, "200")["properties"]["task_id"]["description"] == "任务 ID"


GITBOOK_BLOCK = """\
## Generate speech

<mark style="color:green;">`POST`</mark> `https://api.talk.test/v1/speech`

#### Request Body

| Name                                    | Type    | Description                     |
| --------------------------------------- | ------- | ------------------------------- |
| text<mark style="color:red;">\\*</mark>  | String  | Text to read                    |
| voice                                   | String  | Voice name. Default: `nova`     |
| speed\\*                                 | Number  | Rate between 0.5 and 2          |

{% tabs %}
{% tab title="200: OK Audio created" %}
```json
{"audio_url": "https://cdn.talk.test/a.mp3"}
```
{% endtab %}
{% tab title="400: Bad Request Text missing" %}
```json
{"error": "text is required"}
```
{% endtab %}
{% endtabs %}
"""


def test_gitbook_api_block_with_starred_names_and_tabs(ingest) -> None:
    spec = ingest(GITBOOK_BLOCK)
    path, method, op = only_operation(spec)
    assert (method, path) == ("post", "/v1/speech")
    assert op["summary"] == "Generate speech"
    schema = body_schema(op)
    assert schema["required"] == ["text", "speed"]
    assert schema["properties"]["voice"]["default"] == "nova"
    assert (schema["properties"]["speed"]["minimum"], schema["properties"]["speed"]["maximum"]) == (0.5, 2)
    assert op["responses"]["200"]["description"] == "OK Audio created"
    assert op["responses"]["400"]["content"]["application/json"]["example"] == {"error": "text is required"}


# --- the same pages with changes a reader does not notice ------------------------------------------------

PAGES = {name: value for name, value in dict(globals()).items()
         if name.isupper() and isinstance(value, str) and "\n" in value}


def _zero_width(text: str) -> str:
    lines = text.split("\n")
    return "\n".join("\u200b" + line if i % 3 == 1 and line.strip()[:1] not in tuple("{}[]\"'`|-<") and line.strip()
                     else line for i, line in enumerate(lines))


def _no_edge_pipes(text: str) -> str:
    return "\n".join(re.sub(r"^\s*\|(.*\|.*)\|\s*$", r"\1", line) for line in text.split("\n"))


PERTURB = {
    "crlf": lambda text: text.replace("\n", "\r\n"),
    "zero-width": _zero_width,
    "no-edge-pipes": _no_edge_pipes,
    "glued-method": lambda text: re.sub(r"\b(GET|POST|PUT|PATCH|DELETE)[ \t]+(?=/[A-Za-z{])", r"\1", text),
    "site-chrome": lambda text: "Docs home\nGuides\nAPI reference\nSign in\n\n" + text + "\n\nPrevious\nNext\n© Example\n",
    "full-width-colons": lambda text: re.sub(r"(默认值|预设值|預設值|请求方式|請求方式|請求地址|说明)[:]", r"\1：", text),
}


def _operations(spec: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            out[f"{method} {path}"] = {k: v for k, v in op.items() if k not in ("x-source", "summary")}
    return out


@pytest.mark.parametrize("kind", sorted(PERTURB))
@pytest.mark.parametrize("name", sorted(PAGES))
def test_invisible_layout_changes_keep_the_reading(ingest, name: str, kind: str) -> None:
    text = PAGES[name]
    changed = PERTURB[kind](text)
    if changed == text:
        pytest.skip("the change does not apply to this page")
    read, expected = _operations(ingest(changed, "changed.txt")), _operations(ingest(text))
    if kind == "full-width-colons":  # the descriptions themselves hold the colon: compare them as read
        read, expected = (json.loads(json.dumps(x, ensure_ascii=False).replace("：", ":")) for x in (read, expected))
    assert read == expected
