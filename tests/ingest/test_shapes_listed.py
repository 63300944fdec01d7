"""Shapes of field listings and tables seen on relay pages (each page below written for these tests, never
copied from a site): a body heading glued to the value above it, `integer | null` types, a value label's
prose under it, a labelled value list against a sentence that mentions some values, a bare number under
`Allowed values:`, an empty Authorization header in a sample, numbers with a unit, facts inside a bullet's
parentheses, a `Base URL` bullet, a doubled slash after a placeholder host, extra table columns, open
lists and value forms, code spans after a label, and a dump whose schema the page cut off."""

from __future__ import annotations

from typing import Any

from tests.ingest.conftest import body_schema, only_operation

GLUED_BODY_HEADING = """\
生成音效
方法: POST路径: /sfx/v2/render
请求参数
Header 参数
text
Authorization
string
可选
默认值:
Bearer {{TOKEN}}Body 参数 application/json
text
mood
enum<string>
情绪
必需
目前只支持calm和loud
枚举值:
calm
loud
eerie
length
integer
必需
"""


def test_a_body_heading_glued_to_the_header_value_above_it(ingest) -> None:
    path, method, op = only_operation(ingest(GLUED_BODY_HEADING))
    assert (method, path) == ("post", "/sfx/v2/render")
    assert not op.get("parameters")  # mood and length are not headers
    schema = body_schema(op)
    assert schema["required"] == ["mood", "length"]
    # the page's own `枚举值:` list wins over the values the description's sentence mentions
    assert schema["properties"]["mood"]["enum"] == ["calm", "loud", "eerie"]


NULLABLE_LISTING = """\
Render Poster
POST
/poster/v3/render请求参数
Body 参数application/json
caption
string
必需
copies
integer | null
可选
只支持 copies=1 或 copies=3。
palette
string
可选
示例值:
An ordered list of 4 hex colours defining the theme
encoding
string | null
可选
结果的格式。必须是 link 或 b64_png 之一。
默认值:
link
示例值:
linkb64_png
示例
{
"caption": "spring sale"
}
"""


def test_nullable_types_value_prose_and_glued_examples(ingest) -> None:
    _, _, op = only_operation(ingest(NULLABLE_LISTING))
    props = body_schema(op)["properties"]
    assert set(props) == {"caption", "copies", "palette", "encoding"}  # no field `An` from the example prose
    assert props["copies"]["type"] == ["integer", "null"]
    assert props["encoding"]["type"] == ["string", "null"]
    assert props["encoding"]["enum"] == ["link", "b64_png"]
    assert props["encoding"]["default"] == "link"
    assert "example" not in props["encoding"]  # `linkb64_png` is both values glued, not one example
    assert props["palette"]["example"].startswith("An ordered list")


ALLOWED_NUMBER = """\
Request
Authorization
Provide your bearer token in the
Authorization
header when making requests to protected resources.Example:
Authorization: Bearer ********************
POST
/clips/pro/extend
Body Params application/json
clip_id
string
required
frames
enum<integer>
帧数
Allowed values:
200
Default:
200
loop
boolean
Default:
false
Example
{
"clip_id": "c-9",
"frames": 200,
"loop": false
}
Request samples
curl --location -g --request POST '/clips/pro/extend' \\
--header 'Authorization: ' \\
--header 'Content-Type: application/json' \\
--data-raw '{"clip_id": "c-9"}'
"""


def test_a_number_under_a_value_label_is_no_status_and_an_empty_key_header_defers_to_the_text(ingest) -> None:
    spec = ingest(ALLOWED_NUMBER)
    _, _, op = only_operation(spec)
    props = body_schema(op)["properties"]
    assert set(props) == {"clip_id", "frames", "loop"}
    assert props["loop"]["default"] is False
    assert "200" not in (op.get("responses") or {}) or "clip_id" not in str(op["responses"]["200"])
    assert body_schema(op)["required"] == ["clip_id"]
    schemes = spec["components"]["securitySchemes"]
    assert [s.get("scheme") for s in schemes.values()] == ["bearer"]


UNIT_AND_PARENS = """\
Voice clip

  • Method: POST
  • Path: /voice/clone
  • Base URL: https://api.voice.example

Request body (application/json):

  • sample_url (required, string): audio to copy.
  • seconds (integer, optional): 可选择3或6秒
  • denoise (boolean, optional, default true): clean the sample first.
  • tone (string, enum: warm, bright): the colour of the voice.
"""


def test_facts_in_a_bullets_parentheses_and_a_base_url_bullet(ingest) -> None:
    spec = ingest(UNIT_AND_PARENS)
    path, method, op = only_operation(spec)  # the Base URL bullet is the server, not a second endpoint `/`
    assert (method, path) == ("post", "/voice/clone")
    assert spec["servers"][0]["url"] == "https://api.voice.example"
    props = body_schema(op)["properties"]
    assert props["seconds"]["enum"] == [3, 6]
    assert props["denoise"]["default"] is True
    assert props["tone"]["enum"] == ["warm", "bright"]
    assert body_schema(op)["required"] == ["sample_url"]


PLACEHOLDER_HOST = """\
查看任务

curl 'https://{base_host}//dance/jobs/{id}'
-H 'Authorization: Bearer sk-xxx'

返回体

{
"id": "j-1",
"state": "done"
}
"""


def test_a_doubled_slash_after_a_placeholder_host(ingest) -> None:
    spec = ingest(PLACEHOLDER_HOST)
    path, method, _ = only_operation(spec)
    assert (method, path) == ("get", "/dance/jobs/{id}")
    assert not spec.get("servers")  # `https://{base_host}` names no server


EXTRA_COLUMNS = """\
POST /sketch/v1/draw

| 参数名 | 类型 | 必填 | 说明 | 取值范围/格式 | 附注 |
|---|---|---|---|---|---|
picture | string | 否 | 参考图 URL 或 Base64 | 支持 PNG、WEBP 等格式,图片 URL 可访问 | 不能超过 8 MB |
strength | float | 否 | 参考强度 | 取值范围:[0,2] | - |
kind | string | 否 | 参考类型:`pose`（姿态）、`edge`（线稿），仅新版支持 | - | - |
"""


def test_extra_columns_open_lists_and_value_forms(ingest) -> None:
    _, _, op = only_operation(ingest(EXTRA_COLUMNS))
    props = body_schema(op)["properties"]
    assert "enum" not in props["picture"]  # `URL 或 Base64` are forms, `PNG、WEBP 等` an open list
    assert "附注: 不能超过 8 MB" in props["picture"]["description"]  # a column no role names is still kept
    assert (props["strength"]["minimum"], props["strength"]["maximum"]) == (0, 2)
    assert props["kind"]["enum"] == ["pose", "edge"]


CUT_DUMP = """\
绘制海报(文生图)

POST /poster/draw

参数

{
  "query": [],
  "header": [
    {
      "name": "Authorization",
      "required": true,
      "type": "string",
      "sampleValue": "Bearer {{TOKEN}}"
    }
  ]
}

请求体

{
  "type": "application/json",
  "jsonSchema": {
    "type": "object",
    "properties": {
      "poster": {
        "type": "object",
        "properties": {
          "title": {
            "description": "海报标题 (必填)",
            "type": "string"
          },
          "layout": {
            "description": "版式 可选值:grid/free",
            "type": "str
"""


def test_a_dump_whose_schema_the_page_cut_off(ingest) -> None:
    spec = ingest(CUT_DUMP)
    _, _, op = only_operation(spec)
    poster: dict[str, Any] = body_schema(op)["properties"]["poster"]
    assert poster["properties"]["title"]["type"] == "string"
    assert "layout" in poster["properties"]  # named before the cut: still a field
    assert [s.get("scheme") for s in spec["components"]["securitySchemes"].values()] == ["bearer"]


ENGLISH_GLUED_BODY = """\
POST /tts/v2/speak
Method: POSTEndpoint: /tts/v2/speak
Request Parameters
Header Parameters
text
Authorization
string
Optional
Default Value:
Bearer {{TOKEN}}Body Parameters application/json
text
voice
string
Required
rate
enum<string>
Optional
Enum Values:
slow
fast
"""


def test_an_english_body_heading_glued_to_the_header_value_and_enum_values(ingest) -> None:
    _, _, op = only_operation(ingest(ENGLISH_GLUED_BODY))
    assert not op.get("parameters")
    schema = body_schema(op)
    assert schema["required"] == ["voice"]
    assert schema["properties"]["rate"]["enum"] == ["slow", "fast"]


GLUED_ROWS_WITH_GENERIC_TYPES = """\
POST https://draw.example/v1/sketch

参数名类型必需说明
styleenum<string>必需画风,ink(默认)或oil
promptstring必需
layersarray[string]可选图层列表
"""


def test_glued_table_rows_with_generic_type_words(ingest) -> None:
    _, _, op = only_operation(ingest(GLUED_ROWS_WITH_GENERIC_TYPES))
    schema = body_schema(op)
    assert schema["required"] == ["style", "prompt"]
    assert schema["properties"]["layers"]["type"] == "array"


JAPANESE_VALUES = """\
POST /v1/render
Request Body
application/json
count
integer
作成する枚数。1 から 8 の間である必要があります。
format
string
返却形式。linkまたはb64_pngである必要があります。
size
string
サイズ。512x512、768x768、または1024x1024である必要があります。
"""


def test_japanese_ranges_and_values_a_value_must_be(ingest) -> None:
    _, _, op = only_operation(ingest(JAPANESE_VALUES))
    props = body_schema(op)["properties"]
    assert (props["count"]["minimum"], props["count"]["maximum"]) == (1, 8)
    assert props["format"]["enum"] == ["link", "b64_png"]
    assert props["size"]["enum"] == ["512x512", "768x768", "1024x1024"]


QUEUE_RELAY_GLUED = """\
Send your key as Authorization: Bearer your-key.
POST {{BASE_URL}}/fal-ai/{{model}}{
"status": "IN_QUEUE",
"request_id": "q-7",
"response_url": "https://queue.example/fal-ai/m/requests/q-7",
"status_url": "https://queue.example/fal-ai/m/requests/q-7/status",
"queue_position": 0
}Note:
Keep the result; it expires.
GET {BASE_URL}/fal-ai/{modelname}/requests/{request_id}result.{
"images": [{"url": "https://cdn.example/a.png", "width": 64}],
"seed": 3
}
"""


def test_a_queue_relay_page_with_examples_glued_to_the_paths(ingest) -> None:
    spec = ingest(QUEUE_RELAY_GLUED)
    submit = spec["paths"]["/fal-ai/{model}"]["post"]
    assert submit.get("x-queue") == "fal"  # the glued ticket is what the submit answers
    result = spec["paths"]["/fal-ai/{modelname}/requests/{request_id}"]["get"]
    fields = result["responses"]["200"]["content"]["application/json"]["schema"]["properties"]
    assert {"images", "seed"} <= set(fields)


BROKEN_TEMPLATE = """\
Create item

curl -X POST "https://api.example.com/v1/items/{id" -H "Authorization: Bearer x" -d '{"a": 1}'

List

GET /v1/things
"""


def test_a_path_left_open_drops_its_operation_not_the_page(tmp_path) -> None:
    import pytest

    from generator.errors import ApigenError
    from generator.ingest import ingest_pages, settle
    from generator.openapi.validate import spec_problems

    page = tmp_path / "page.txt"
    page.write_text(BROKEN_TEMPLATE, encoding="utf-8")
    spec, warnings = settle(ingest_pages([page]).spec, str(page))
    assert spec_problems(spec, engine="compiled") == []  # the rest of the page is a valid spec
    assert list(spec["paths"]) == ["/v1/things"]
    assert any("'/v1/items/{id'" in w and "dropped" in w for w in warnings)
    with pytest.raises(ApigenError, match="not a valid path template"):
        settle(ingest_pages([page]).spec, str(page), strict=True)


def test_settling_a_valid_spec_keeps_the_pages_headers(tmp_path) -> None:
    from generator.ingest import ingest_pages, settle

    page = tmp_path / "page.txt"
    page.write_text(GLUED_BODY_HEADING.replace("Authorization\nstring", "Content-Type\nstring"), encoding="utf-8")
    spec, warnings = settle(ingest_pages([page]).spec, str(page))
    op = spec["paths"]["/sfx/v2/render"]["post"]
    assert [p["name"] for p in op["parameters"]] == ["Content-Type"]  # a repair would drop it: none was needed
    assert warnings == []


GLUED_ROWS_LOWERCASE_VALUES = """\
图片修补

POST /v1/canvas/patch

参数说明

参数类型必填说明
enginestringpatch-1patch-2
picturefile 或 file[]源图片文件
strengthinteger修补强度,范围 0-10。
"""


def test_glued_rows_whose_description_starts_with_a_value(ingest) -> None:
    _, _, op = only_operation(ingest(GLUED_ROWS_LOWERCASE_VALUES))
    schema = op["requestBody"]["content"]["multipart/form-data"]["schema"]  # a file field: a multipart body
    props = schema["properties"]
    assert set(props) == {"engine", "picture", "strength"}
    assert props["picture"]["type"] == ["string", "array"]
    assert (props["strength"]["minimum"], props["strength"]["maximum"]) == (0, 10)


KOREAN_BODY = """\
POST
/
v1
/
sketch
curl --request POST \\
  --url https://api.sketch.example/v1/sketch \\
  --header 'Authorization: Bearer <token>' \\
  --data '{"theme": "ink"}'

본문

application/json
theme
enum<string>
기본값:ink
필수

그림 테마

사용 가능한 옵션:
ink,
oil
palette
string<uri>[]

색상 목록
finish
string
마감 (matte 또는 gloss). 선택 사항.
mode
enum<string>
Enum Values:
fast
  // comment the site prints between values
slow
"""


def test_korean_body_heading_uri_arrays_or_in_parentheses_and_comment_lines(ingest) -> None:
    _, _, op = only_operation(ingest(KOREAN_BODY))
    schema = body_schema(op)
    props = schema["properties"]
    assert schema["required"] == ["theme"]
    assert props["theme"]["enum"] == ["ink", "oil"] and props["theme"]["default"] == "ink"
    assert props["palette"]["type"] == "array"
    assert props["finish"]["enum"] == ["matte", "gloss"]
    assert props["mode"]["enum"] == ["fast", "slow"]


TABLE_GLUED_TO_PATH = """\
朗读文本
POST /v1/voice/read| 参数 | 类型 | 必填 | 默认值 | 说明 |
|---|---|---|---|---|
text | string | ✅ | - | 要朗读的文本。 |
pace | number | ❌ | 1.0 | 语速,范围为 0.5 到 2.0。 |
codec | string | ❌ | mp3 | 音频格式。支持 mp3, wav, ogg。 |
"""


def test_a_table_header_glued_to_the_address_and_a_range_said_with_wei(ingest) -> None:
    path, _, op = only_operation(ingest(TABLE_GLUED_TO_PATH))
    assert path == "/v1/voice/read"
    schema = body_schema(op)
    props = schema["properties"]
    assert schema["required"] == ["text"]
    assert (props["pace"]["minimum"], props["pace"]["maximum"], props["pace"]["default"]) == (0.5, 2.0, 1.0)
    assert props["codec"]["enum"] == ["mp3", "wav", "ogg"]


GLUED_QUOTED_VALUES = """\
POST
/v1/clip/create
Request Body
application/json
engine
string
Required
引擎名称,按场景选择。
Valid values
"clip-a""clip-a-fast""clip-b"caption
string
Required
字幕
ratio
string
仅新版引擎,4:3 或 3:4
"""


def test_quoted_values_glued_together_and_to_the_next_field(ingest) -> None:
    _, _, op = only_operation(ingest(GLUED_QUOTED_VALUES))
    schema = body_schema(op)
    props = schema["properties"]
    assert schema["required"] == ["engine", "caption"]
    assert props["engine"]["enum"] == ["clip-a", "clip-a-fast", "clip-b"]
    assert props["ratio"]["enum"] == ["4:3", "3:4"]  # the clause after the last comma names the values


GLOSSED_VALUES_AND_FUMADOCS = """\
POST
/v1/film/create
Request Body
application/json
engine*string

引擎名称。

Value in"film-a" | "film-b-fast"
shape
enum<string>
可选
枚举值:
1024x576
横屏
576x1024
竖屏
仅新版支持
示例:
1024x576
"""


def test_values_with_a_gloss_line_each_and_fumadocs_required_marks(ingest) -> None:
    _, _, op = only_operation(ingest(GLOSSED_VALUES_AND_FUMADOCS))
    schema = body_schema(op)
    props = schema["properties"]
    assert schema["required"] == ["engine"]  # `engine*string`: the star marks it required
    assert props["engine"]["enum"] == ["film-a", "film-b-fast"]
    assert props["shape"]["enum"] == ["1024x576", "576x1024"]
    assert "竖屏" in props["shape"]["description"]  # the glosses stay in the description


BR_LIST_CELL = """\
POST https://api.film.example/v1/film

| 参数 | 类型 | 是否必选 | 描述 |
|:--|:--|:--|:--|
| shape | string | 否 | 画面尺寸。 <br/>可选的尺寸： <br/>- `1024x576`<br/>- `576x1024`<br/> |
"""


def test_a_table_cell_listing_values_as_br_bullets(ingest) -> None:
    _, _, op = only_operation(ingest(BR_LIST_CELL))
    assert body_schema(op)["properties"]["shape"]["enum"] == ["1024x576", "576x1024"]


BOLD_LABELS = """\
# Poster

**方法**: `POST`
**路径**: `/v2/poster/draw`

### Body 参数 application/json

```text
title
string
必需
海报标题
```
"""


def test_method_and_path_given_as_bold_labels(ingest) -> None:
    path, method, op = only_operation(ingest(BOLD_LABELS))
    assert (method, path) == ("post", "/v2/poster/draw")
    assert body_schema(op)["required"] == ["title"]


GLUED_METHOD_AND_NAMES = """\
Beats API
POSThttps://api.beats.example/v1/beats
Request Body
modestringRequired parameter
Generation mode, with a default value of loop. Optional values: `loop` (repeat the theme and vary it), `solo` (one instrument only).
tempostringRequired parameter
Beats per minute.
swingnumber
Swing amount, with a value range of [0, 1].
"""


def test_a_method_glued_to_its_url_and_bare_glued_name_type_lines(ingest) -> None:
    spec = ingest(GLUED_METHOD_AND_NAMES)
    path, method, op = only_operation(spec)
    assert (method, path) == ("post", "/v1/beats") and spec["servers"][0]["url"] == "https://api.beats.example"
    props = body_schema(op)["properties"]
    assert set(props) == {"mode", "tempo", "swing"}  # `swingnumber` too, since the page glues names to types
    assert (props["swing"]["minimum"], props["swing"]["maximum"]) == (0, 1)
    assert props["mode"]["enum"] == ["loop", "solo"]  # the code spans, not the words of their long glosses
    assert props["mode"]["default"] == "loop"


WORD_GLUED_TO_THE_STATED_PATH = """\
POST
/compose作曲回调API
POST
https://api.tunes.example/api/composetips
The call answers at once and posts the song to your callback.
| paramName | paramType | required | description |
|---|---|---|---|
callback_url | string | yes | where the result goes |
curl -X POST "https://api.tunes.example/api/compose" \\
-H "Authorization: Bearer KEY" \\
-d '{"callback_url": "https://me.example/cb"}'
"""


def test_a_word_glued_to_the_stated_path_gives_way_to_the_samples_path(ingest) -> None:
    paths = ingest(WORD_GLUED_TO_THE_STATED_PATH)["paths"]
    assert "/api/composetips" not in paths  # `tips` began the next sentence: the sample shows the path
    op = paths["/api/compose"]["post"]
    assert body_schema(op)["required"] == ["callback_url"]
