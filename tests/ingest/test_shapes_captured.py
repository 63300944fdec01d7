"""Shapes that captured pages take (text copied out of a rendered page, written for these tests, never copied
from a site): a curl command glued to the sentence before it, a page that documents a request but states no
endpoint, tables printed with no blank line between them, a name ending in a type word beside a type
column, check-mark required columns, and a label in the page's language before Latin enum values."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from generator.ingest import ingest_pages
from tests.ingest.conftest import body_schema, only_operation, response_schema

GLUED_CURL = """\
提交一个视频任务。请求返回排队凭证,之后用 request_id 查询。curl --location 'https://relay.example/queue/acme/clip-1/text-to-video?hook=none' \\
--header 'Authorization: Bearer <token>' \\
--header 'Content-Type: application/json' \\
--data '{"prompt": "a lighthouse at dusk", "seconds": 4}'{
"status": "IN_QUEUE",
"request_id": "r-1",
"response_url": "https://relay.example/r-1",
"status_url": "https://relay.example/r-1/status",
"queue_position": 0
}
"""


def test_curl_glued_to_the_sentence_before_it(ingest) -> None:
    path, method, op = only_operation(ingest(GLUED_CURL))
    assert (method, path) == ("post", "/queue/acme/clip-1/text-to-video")
    assert [(p["in"], p["name"]) for p in op["parameters"]] == [("query", "hook")]
    assert set(body_schema(op)["properties"]) == {"prompt", "seconds"}
    assert op.get("x-queue") == "fal"


NO_ENDPOINT = """\
source: https://docs.example.dev/zh/api/music/compose.html

用模型创作一首歌曲
| 名称 | 类型 | 必选 | 说明 |
|---|---|---|---|
lyrics | string | 是 | 歌词或描述 |
engine | string | 否 | 引擎,如 melo-2(默认)、melo-3 等 |
instrumental | boolean | 否 | 是否只要伴奏,默认为 false |
"""


def test_a_page_without_an_endpoint_keeps_its_fields_under_a_placeholder(tmp_path: Path) -> None:
    page = tmp_path / "compose.txt"
    page.write_text(NO_ENDPOINT, encoding="utf-8")
    result = ingest_pages([page], base=tmp_path)
    path, method, op = only_operation(result.spec)
    assert (method, path) == ("post", "/compose")  # named after the page's address
    schema = body_schema(op)
    assert schema["required"] == ["lyrics"]
    assert schema["properties"]["engine"]["default"] == "melo-2"
    assert schema["properties"]["instrumental"]["default"] is False
    assert op.get("x-apigen-salvaged") is True
    assert [w for w in result.warnings if "no endpoint stated" in w and "POST /compose" in w]


def test_strict_refuses_a_page_without_an_endpoint(tmp_path: Path) -> None:
    page = tmp_path / "compose.txt"
    page.write_text(NO_ENDPOINT, encoding="utf-8")
    command = [sys.executable, "-m", "generator", "ingest", str(page), "-o", str(tmp_path / "out.yaml")]
    lenient = subprocess.run(command, capture_output=True, text=True, check=False)
    assert lenient.returncode == 0 and "warning:" in lenient.stderr and (tmp_path / "out.yaml").is_file()
    strict = subprocess.run([*command[:-2], "--strict", "-o", str(tmp_path / "strict.yaml")],
                            capture_output=True, text=True, check=False)
    assert strict.returncode != 0 and not (tmp_path / "strict.yaml").exists()


def test_a_page_with_nothing_to_read_is_still_refused(ingest) -> None:
    import pytest

    from generator.errors import ApigenError

    with pytest.raises(ApigenError, match="no endpoint found"):
        ingest("Just some prose about our product, with no request in it.\n")


TABLES_BACK_TO_BACK = """\
新建剪辑
Endpoint
POST /v2/clips
Header 参数
| Name | Type | Required | Description | Example |
|---|---|---|---|---|
Authorization | string | No | Bearer {token} |
请求体参数
| Field | Type | Required | Title | Description |
|---|---|---|---|---|
source_url | string | Yes | 素材 | 视频地址 |
frames | integer | No | 帧数 | 默认 24 |
options | object | Yes |
"""


def test_tables_printed_without_blank_lines_keep_their_sections(ingest) -> None:
    path, method, op = only_operation(ingest(TABLES_BACK_TO_BACK))
    assert (method, path) == ("post", "/v2/clips")
    assert "parameters" not in op  # the body table's header row and rows are not header parameters
    schema = body_schema(op)
    assert list(schema["properties"]) == ["source_url", "frames", "options"]
    assert schema["required"] == ["source_url", "options"]
    assert schema["properties"]["frames"]["type"] == "integer"


TYPE_WORD_NAMES = """\
Submit a sketch task

POST /v1/sketch/submit

| Parameter | Type | Required | Description |
|---|---|---|---|
| base64Array | array | No | Reference images as base64 |
| styleString | string | ✅ | Style preset |
| tagList | array | — | Labels |
| seed | integer | ❌ | Random seed |
"""


def test_names_ending_in_a_type_word_and_check_mark_columns(ingest) -> None:
    _, _, op = only_operation(ingest(TYPE_WORD_NAMES))
    schema = body_schema(op)
    assert list(schema["properties"]) == ["base64Array", "styleString", "tagList", "seed"]
    assert schema["required"] == ["styleString"]
    assert schema["properties"]["base64Array"]["type"] == "array"


LABELLED_ENUM = """\
提交绘图任务

POST /draw/submit

Body 参数 (application/json)
| 参数名 | 类型 | 必需 | 说明 |
|---|---|---|---|
engine | string | 必需 | 引擎类型,alpha(默认)或beta |
size | string | 可选 | size选项,small、large |

响应示例
{"code": 1, "result": "t-9"}
"""


def test_a_label_before_latin_values_is_not_a_value(ingest) -> None:
    _, _, op = only_operation(ingest(LABELLED_ENUM))
    properties: dict[str, Any] = body_schema(op)["properties"]
    assert properties["engine"]["enum"] == ["alpha", "beta"] and properties["engine"]["default"] == "alpha"
    assert properties["size"]["enum"] == ["small", "large"]
    assert set(response_schema(op, "200")["properties"]) == {"code", "result"}


GLUED_TABLE_JA = """\
画像の作成

POST /v3/pictures

リクエストパラメータ

パラメータ必須説明
stylestring必須スタイル名
countinteger任意枚数
seedinteger任意乱数の種

レスポンス例
{"items": [{"link": "https://cdn.example/p.png"}], "total": 1}
"""

GLUED_TABLE_RU = """\
POST /v3/pictures

Параметры

ПараметрТипОбязательныйОписание
stylestringДаСтиль: flat или deep
countintegerНетКоличество (1-4)
"""


def test_tables_that_lost_their_cell_separators_in_japanese_and_russian(ingest) -> None:
    _, _, op = only_operation(ingest(GLUED_TABLE_JA))
    schema = body_schema(op)
    assert list(schema["properties"]) == ["style", "count", "seed"]
    assert schema["required"] == ["style"] and schema["properties"]["count"]["type"] == "integer"
    # `レスポンス例` (response example) opens the response, so its example is not read as the request's
    assert set(response_schema(op, "200")["properties"]) == {"items", "total"}
    _, _, op = only_operation(ingest(GLUED_TABLE_RU))
    schema = body_schema(op)
    assert schema["required"] == ["style"]
    assert schema["properties"]["style"]["enum"] == ["flat", "deep"]
    assert (schema["properties"]["count"]["minimum"], schema["properties"]["count"]["maximum"]) == (1, 4)


REQUEST_PARAMETERS_RU = """\
Запуск рендера
POST https://render.example/api/v2/{engine}/start
Параметры запроса:
- token (string, обязательный): ключ доступа
- scene (string, обязательный): описание сцены
- frames (integer): число кадров
Пример:
{
"token": "t",
"scene": "лес",
"frames": 24
}
"""


def test_russian_request_parameters_of_a_post_are_its_body(ingest) -> None:
    _, _, op = only_operation(ingest(REQUEST_PARAMETERS_RU))
    assert [(p["in"], p["name"]) for p in op["parameters"]] == [("path", "engine")]
    schema = body_schema(op)
    assert list(schema["properties"]) == ["token", "scene", "frames"]
    assert schema["required"] == ["token", "scene"]


MINTLIFY_CONSTRAINTS = """\
POST
/
v2
/
posters
curl --request POST \\
  --url https://posters.example/v2/posters \\
  --header 'Content-Type: application/json' \\
  --data '{"theme": "sea"}'

ボディ

application/json
theme
string
必須

ポスターのテーマ

Maximum string length: 500
layout
enum<string>

レイアウト

利用可能なオプション:
grid,
free
"""


def test_constraint_lines_under_a_field_are_not_fields(ingest) -> None:
    _, _, op = only_operation(ingest(MINTLIFY_CONSTRAINTS))
    properties = body_schema(op)["properties"]
    assert list(properties) == ["theme", "layout"]  # not `Maximum`
    assert properties["layout"]["enum"] == ["grid", "free"]


LISTING_WITH_BODY_LABEL = """\
Render a clip
POST
/clips/render
Request Body
application/json
scene
string
Required
What to film
quality
string
480p or 960p; default 480p
Responses
Done
application/json
object
job
string
Required
"""


def test_a_body_label_above_its_media_type_is_not_a_field(ingest) -> None:
    _, _, op = only_operation(ingest(LISTING_WITH_BODY_LABEL))
    quality = body_schema(op)["properties"]["quality"]
    assert (quality["enum"], quality["default"]) == (["480p", "960p"], "480p")
    assert set(response_schema(op, "200")["properties"]) == {"job"}  # not `Done`


PLACEHOLDER_SEGMENTS = """\
Poll a job

curl https://jobs.example/api/v1/jobs/JOB_ID -H "Authorization: Bearer $KEY"

curl https://jobs.example/api/v1/jobs/:job_id/cancel -X POST -H "Authorization: Bearer $KEY"

curl "https://jobs.example/api/v1/jobs/<job_id>/logs" -H "Authorization: Bearer $KEY"

curl https://jobs.example/api/v1/OCR -H "Authorization: Bearer $KEY"
"""


def test_placeholder_segments_of_a_url_are_path_parameters(ingest) -> None:
    paths = ingest(PLACEHOLDER_SEGMENTS)["paths"]
    assert set(paths) == {"/api/v1/jobs/{job_id}", "/api/v1/jobs/{job_id}/cancel", "/api/v1/jobs/{job_id}/logs",
                          "/api/v1/OCR"}
    assert paths["/api/v1/jobs/{job_id}/cancel"]["post"]["parameters"][0]["name"] == "job_id"


MINTLIFY_RESPONSE_EXAMPLE_FIRST = """\
POST
/
v4
/
sketches
{
  "sketch_id": "<string>",
  "strokes": 123,
  "preview": {"href": "<string>"}
}

Body

application/json
subject
string
required
Example:

palette
string

Response

sketch_id
string
strokes
integer
preview
object
"""


def test_an_example_beside_the_path_holding_the_response_fields_is_the_response(ingest) -> None:
    _, _, op = only_operation(ingest(MINTLIFY_RESPONSE_EXAMPLE_FIRST))
    assert list(body_schema(op)["properties"]) == ["subject", "palette"]
    assert body_schema(op)["required"] == ["subject"]
    response = response_schema(op, "200")["properties"]
    assert set(response) == {"sketch_id", "strokes", "preview"}
    assert response["strokes"]["type"] == "integer"


GLUED_QUOTED_VALUES = """\
Retouch a photo
POST
/v2/retouch
Header Parameters
Authorization*
Your key.
Type
Requiredstring
Example
"key-123"Request Body
multipart/form-data
object
photo
string
Required
The photo to retouch.
Format
"binary"overlay
string
A second layer.
Format
"binary"tone
enum<string>
枚举值:
WARM_TONECOOL_TONE
"""


def test_values_glued_to_the_next_field_or_heading(ingest) -> None:
    _, _, op = only_operation(ingest(GLUED_QUOTED_VALUES))
    assert "parameters" not in op  # the body's fields are not header parameters
    schema = body_schema(op, "multipart/form-data")
    assert list(schema["properties"]) == ["photo", "overlay", "tone"]
    assert schema["required"] == ["photo"]
    assert schema["properties"]["tone"]["enum"] == ["WARM_TONE", "COOL_TONE"]


RESPONSE_GLUED_TO_CURL = """\
curl --request GET \\
--url https://render.example/v1/renders/{render_id} \\
--header 'Authorization: Bearer <token>'{
"render_id": "r1",
"state": "done",
"frames": 24
}查询渲染任务的状态。
"""


def test_a_response_example_glued_to_the_curl_command(ingest) -> None:
    path, method, op = only_operation(ingest(RESPONSE_GLUED_TO_CURL))
    assert (method, path) == ("get", "/v1/renders/{render_id}")
    assert set(response_schema(op, "200")["properties"]) == {"render_id", "state", "frames"}


REDOC_ORDER = """\
POST /v1/voices/speak
Request Body required
object
text
required
The words to speak. At most 300
characters.
string
accent
The accent, one of north
, south
.
string
rate
number
"""


def test_name_required_description_over_lines_then_type(ingest) -> None:
    _, _, op = only_operation(ingest(REDOC_ORDER))
    schema = body_schema(op)
    assert list(schema["properties"]) == ["text", "accent", "rate"]
    assert schema["required"] == ["text"]
    assert (schema["properties"]["text"]["type"], schema["properties"]["rate"]["type"]) == ("string", "number")


GITBOOK_STAR_LINE = """\
Sketch
POST
https://sketch.example/v1/sketch
Body
subject
*
string
what to draw
engine
string
Which engine draws it: 'E_1' or 'E_2' 'E_1' by default.
"""


def test_a_star_on_its_own_line_and_a_quoted_default(ingest) -> None:
    _, _, op = only_operation(ingest(GITBOOK_STAR_LINE))
    schema = body_schema(op)
    assert schema["required"] == ["subject"]
    assert schema["properties"]["engine"]["default"] == "E_1"


HEADER_TABLE_WITHOUT_HEADING = """\
POST /v2/clips
参数 | 类型 | 必填 | 描述 |
---|---|---|---|
Authorization | string | 是 | 令牌 (Bearer: sk-xxxx) |
Content-Type | string | 是 | application/json |
X-Trace-Id | string | 否 | 追踪号 |
参数 | 类型 | 必填 | 描述 |
---|---|---|---|
source | string | 是 | 素材地址 |
frames | integer | 否 | 帧数 |
"""


def test_a_table_of_header_names_is_the_headers_even_without_a_heading(ingest) -> None:
    _, _, op = only_operation(ingest(HEADER_TABLE_WITHOUT_HEADING))
    headers = {p["name"]: p for p in op["parameters"] if p["in"] == "header"}
    assert set(headers) == {"Content-Type", "X-Trace-Id"}  # Authorization is the security scheme
    assert "enum" not in headers["Content-Type"]["schema"]  # `application/json` is one value
    assert list(body_schema(op)["properties"]) == ["source", "frames"]
