"""One page per layout, written in our own words, and the facts each must keep."""

from __future__ import annotations

from tests.ingest.conftest import body_example, body_schema, only_operation, response_schema

APIFOX_LISTING = """\
创建绘图任务
POST
/draw/{engine}
请求参数
Path 参数
engine
string
引擎名称
示例值:
sketch/v2/fast
Header 参数
Authorization
string
必需
示例值:
Key {{token}}
Body 参数application/json
caption
string
必需
画面描述
steps
integer
可选
迭代次数。默认值:20 范围值:5-60
style
string
可选
风格,支持ink、oil、pixel
示例
{
"caption": "a red kite over hills",
"steps": 20
}
返回响应
🟢200成功
application/json
Body
status
string
必需
request_id
string
必需
status_url
string
必需
示例
{
"status": "IN_QUEUE",
"request_id": "r-1",
"status_url": "https://queue.example.org/r-1/status"
}
"""


def test_apifox_listing(ingest):
    spec = ingest(APIFOX_LISTING)
    path, method, op = only_operation(spec)
    assert (path, method) == ("/draw/{engine}", "post")
    engine = next(p for p in op["parameters"] if p["name"] == "engine")
    assert engine["in"] == "path" and engine["example"] == "sketch/v2/fast" and engine["x-greedy"] is True
    assert not any(p["name"] == "Authorization" for p in op["parameters"])
    body = body_schema(op)
    assert body["required"] == ["caption"]
    assert {"type": "integer", "default": 20, "minimum": 5, "maximum": 60}.items() <= body["properties"]["steps"].items()
    assert body["properties"]["style"]["enum"] == ["ink", "oil", "pixel"]
    assert body["properties"]["caption"]["description"] == "画面描述"
    assert op["x-queue"] == "fal"
    assert set(body["properties"]) == {"caption", "steps", "style"}  # response fields stay out of the request
    assert body_example(op) == {"caption": "a red kite over hills", "steps": 20}
    response = op["responses"]["200"]["content"]["application/json"]
    assert list(response["schema"]["properties"]) == ["status", "request_id", "status_url"]
    assert response["schema"]["required"] == ["status", "request_id", "status_url"]
    assert response["example"]["request_id"] == "r-1"
    assert op["responses"]["200"]["description"] == "成功"
    assert op["summary"] == "创建绘图任务"
    scheme = spec["components"]["securitySchemes"]["falKey"]
    assert scheme["x-prefix"] == "Key" and scheme["name"] == "Authorization"


PAGE_TEXT = """\
/tools/upscale

POST https://relay.example.net/tools/upscale 官方文档: https://vendor.example.com/docs/upscale

请求参数

Authorization 在 Header 添加参数 Authorization,其值为 Bearer 加 Token Body 参数application/json 示例

{
  "image_url": "https://files.example.com/a.png",
  "factor": 2,
  "sharpen": true
}

curl --location --request POST 'https://relay.example.net/tools/upscale' \\
--header 'Authorization: Bearer <token>' \\
--header 'Content-Type: application/json' \\
--data-raw '{"image_url": "https://files.example.com/a.png", "factor": 2, "sharpen": true, "note": "it'\\''s fine"}'

返回响应

🟢200成功 application/json

{
  "job": "j-9",
  "done": false
}
"""


def test_apifox_page_text_with_curl(ingest):
    spec = ingest(PAGE_TEXT)
    path, method, op = only_operation(spec)
    assert (path, method) == ("/tools/upscale", "post")
    assert spec["servers"] == [{"url": "https://relay.example.net"}]
    assert spec["components"]["securitySchemes"]["bearerAuth"] == {"type": "http", "scheme": "bearer"}
    assert op["externalDocs"]["url"] == "https://vendor.example.com/docs/upscale"
    props = body_schema(op)["properties"]
    assert props["factor"]["type"] == "number" and props["sharpen"]["type"] == "boolean"
    assert props["note"]["type"] == "string"  # only in the curl body, quoted with '\''
    response = op["responses"]["200"]["content"]["application/json"]
    assert set(response["schema"]["properties"]) == {"job", "done"}
    assert "x-queue" not in op


MINTLIFY = """\
POST
/
v2
/
audio
/
speech
Speak text
curl --request POST \\
  --url https://voice.example.io/v2/audio/speech \\
  --header 'Authorization: Bearer <token>' \\
  --header 'Content-Type: multipart/form-data' \\
  --form 'text=<string>' \\
  --form sample='@example-file'
{
  "audio_url": "https://voice.example.io/a.mp3"
}

Body

multipart/form-data
text
string
required

Words to speak.

speed
number
default:1

Playback speed. Required range: 0.5 <= x <= 2

sample
file

Response

audio_url
string
"""


def test_mintlify_multipart(ingest):
    spec = ingest(MINTLIFY)
    path, _method, op = only_operation(spec)
    assert path == "/v2/audio/speech" and op["summary"] == "Speak text"
    body = body_schema(op, "multipart/form-data")
    assert body["required"] == ["text"]
    assert {"default": 1, "minimum": 0.5, "maximum": 2}.items() <= body["properties"]["speed"].items()
    assert body["properties"]["sample"] == {"type": "string", "format": "binary"}
    assert "audio_url" in op["responses"]["200"]["content"]["application/json"]["schema"]["properties"]


MARKDOWN_TABLE = """\
# Translate
POST /v1/translate
请求体
| 参数 | 类型 | 必填 | 说明 |
|---|---|---|---|
| text | string | 是 | 原文 |
| target | string | 否 | 目标语言,默认 en |
| beam | integer | 否 | 束宽,1-8 |
"""

RAN_TOGETHER = """\
POST /v1/translate
参数名类型必填说明
textstring是原文
targetstring否目标语言,默认 en
beaminteger否束宽,1-8
"""


def test_markdown_table_and_ran_together_cells_agree(ingest):
    for text in (MARKDOWN_TABLE, RAN_TOGETHER):
        _, _, op = only_operation(ingest(text))
        body = body_schema(op)
        assert body["required"] == ["text"]
        assert body["properties"]["target"]["default"] == "en"
        assert {"type": "integer", "minimum": 1, "maximum": 8}.items() <= body["properties"]["beam"].items()
        assert "security" not in op


DUMP = """\
POST /render/clip
请求体
{ "type": "application/json", "jsonSchema": { "type": "object", "properties": { "seconds": { "type": "integer", \
"description": "时长。默认值:4 范围值1-10" }, "mode": { "type": "string", "description": "(必填) 模式" } }, \
"required": ["seconds"] } }
"""


def test_apifox_dump_required_word_wins(tmp_path):
    from generator.ingest import ingest_pages

    page = tmp_path / "dump.txt"
    page.write_text(DUMP, encoding="utf-8")
    result = ingest_pages([page])
    _, _, op = only_operation(result.spec)
    body = body_schema(op)
    assert {"default": 4, "minimum": 1, "maximum": 10}.items() <= body["properties"]["seconds"].items()
    assert set(body["required"]) == {"seconds", "mode"}
    assert any("mode" in w for w in result.warnings)


PROSE = """\
How to submit a job

Send your job to POST {{HOST}}/jobs/{{kind}} with your key.

curl -X POST {{HOST}}/jobs/resize/small -H "Authorization: Bearer abc" -d '{"width": 10}'
"""


def test_prose_with_curl_fills_template(ingest):
    path, _, op = only_operation(ingest(PROSE))
    assert path == "/jobs/{kind}"
    kind = next(p for p in op["parameters"] if p["name"] == "kind")
    assert kind["example"] == "resize/small" and kind["x-greedy"] is True
    assert body_schema(op)["properties"]["width"]["type"] == "number"


def test_same_operation_on_two_pages(tmp_path):
    from generator.errors import ApigenError
    from generator.ingest import ingest_pages

    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    a.write_text("POST /v1/x\ncurl -X POST https://h.example/v1/x -d '{\"a\": 1}'\n", encoding="utf-8")
    b.write_text("POST /v1/x\ncurl -X POST https://h.example/v1/x -d '{\"a\": 1}'\n", encoding="utf-8")
    c.write_text("POST /v1/x\ncurl -X POST https://h.example/v1/x -d '{\"b\": true}'\n", encoding="utf-8")
    assert list(ingest_pages([a, b]).spec["paths"]) == ["/v1/x"]
    try:
        ingest_pages([a, c])
    except ApigenError as error:
        assert "c.txt" in str(error) and "a.txt" in str(error)
    else:
        raise AssertionError("conflicting pages were merged")


def test_deterministic(ingest):
    assert ingest(APIFOX_LISTING) == ingest(APIFOX_LISTING)


APIFOX_ENGLISH = """\
Start a render
POST
/render/{preset}
Request
Path Params
preset
string
required
Example:
studio/portrait
Body Params application/json
scene
string
required
frames
integer
optional
Example
{
"scene": "a lighthouse at dusk",
"frames": 8
}
Responses
🟢200Success
application/json
Body
job_id
string
required
eta
integer
optional
Example
{
"job_id": "j-42",
"eta": 30
}
🟠400Bad Request
application/json
Body
error
string
required
Example
{
"error": "bad scene"
}
Modified at 2025-01-01 10:00:00
"""


def test_apifox_english_ui_responses_stay_out_of_the_request(ingest):
    _, _, op = only_operation(ingest(APIFOX_ENGLISH))
    assert set(body_schema(op)["properties"]) == {"scene", "frames"}
    assert body_example(op) == {"scene": "a lighthouse at dusk", "frames": 8}
    ok = response_schema(op, "200")
    assert set(ok["properties"]) == {"job_id", "eta"} and ok["required"] == ["job_id"]
    assert op["responses"]["200"]["content"]["application/json"]["example"] == {"job_id": "j-42", "eta": 30}
    bad = response_schema(op, "400")  # the 400 heading after a JSON example still opens its own response
    assert bad["properties"] == {"error": {"type": "string"}} and bad["required"] == ["error"]
    assert op["responses"]["400"]["content"]["application/json"]["example"] == {"error": "bad scene"}
    # each response described as its status line says, not with invented words
    assert [op["responses"][s]["description"] for s in ("200", "400")] == ["Success", "Bad Request"]
    assert op["summary"] == "Start a render"


MARKDOWN_RESPONSE_TABLES = """\
# Summarize
POST https://sum.example.com/v1/summarize

## Request body

| Name | Type | Required | Description |
|---|---|---|---|
| text | string | yes | Text to summarize |

## Response

The answer holds the summary. Long texts take a few seconds,
so give your client a generous timeout.
Every field is always present.
Tokens are counted per request.
All text is UTF-8.
Nothing else is returned.

| Name | Type | Required | Description |
|---|---|---|---|
| summary | string | yes | The summary |
| tokens | integer | no | Tokens used |

### 422 Error

| Name | Type | Required | Description |
|---|---|---|---|
| detail | string | yes | What went wrong |
"""


def test_markdown_tables_under_response_headings(ingest):
    _, _, op = only_operation(ingest(MARKDOWN_RESPONSE_TABLES))
    assert op["summary"] == "Summarize"  # the markdown heading right above the method line is its title
    assert set(body_schema(op)["properties"]) == {"text"}
    ok = response_schema(op, "200")
    assert set(ok["properties"]) == {"summary", "tokens"} and ok["required"] == ["summary"]
    assert response_schema(op, "422")["required"] == ["detail"]
