"""Pages that are or embed a whole OpenAPI/Swagger document: JSON, YAML, fenced or not, indentation lost."""

from __future__ import annotations

import json
from typing import Any

from generator.ingest.layouts.openapi_document import parse
from generator.openapi.normalize import normalize
from generator.openapi.validate import validate_spec

DOC_YAML = """\
openapi: 3.0.1
info:
  title: Lumen
  version: 2.0.0
paths:
  /v1/videos/render:
    post:
      summary: 渲染视频
      description: |-
        提交一个渲染任务。

        官方文档:https://docs.lumen.example/render
      tags:
        - 视频/Render
      parameters:
        - name: Authorization
          in: header
          required: false
          example: Bearer {{YOUR_API_KEY}}
          schema:
            type: string
        - name: X-Region
          in: header
          required: true
          example: eu
          schema:
            type: string
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                prompt:
                  type: string
                  description: 画面描述
                seconds:
                  type: integer
                  description: 时长,范围值 1 到 20
                style:
                  type: string
                  nullable: true
              required:
                - prompt
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties: {}
              example:
                job_id: j-81
                state: queued
servers:
  - url: https://api.lumen.example
"""

NAVIGATION = "Skip to content\n\nLumen Docs\nGuide  API  Pricing\n\n渲染视频\n\nOpenAPI Specification\n\n"
FOOTER = "\nPrevious page\n提交任务\nNext page\n查询任务\n"


def check_render_doc(spec: dict[str, Any]) -> None:
    assert spec["openapi"] == "3.1.0"
    op = spec["paths"]["/v1/videos/render"]["post"]
    props = op["requestBody"]["content"]["application/json"]["schema"]["properties"]
    assert props["prompt"] == {"type": "string", "description": "画面描述"}
    assert props["style"]["type"] == ["string", "null"]
    assert op["requestBody"]["content"]["application/json"]["schema"]["required"] == ["prompt"]
    assert [p["name"] for p in op["parameters"]] == ["X-Region"]
    assert op["security"] == [{"bearer": []}]
    assert spec["components"]["securitySchemes"]["bearer"] == {"type": "http", "scheme": "bearer"}
    assert spec["servers"] == [{"url": "https://api.lumen.example"}]
    response = op["responses"]["200"]["content"]["application/json"]
    assert set(response["schema"]["properties"]) == {"job_id", "state"}
    validate_spec(normalize(spec), "page", engine="reference")


def test_plain_yaml_document() -> None:
    check_render_doc(parse(DOC_YAML, "lumen.yaml"))


def test_yaml_after_navigation_without_fences() -> None:
    spec = parse(NAVIGATION + "yaml\n" + DOC_YAML + FOOTER, "render.txt")
    check_render_doc(spec)
    op = spec["paths"]["/v1/videos/render"]["post"]
    seconds = op["requestBody"]["content"]["application/json"]["schema"]["properties"]["seconds"]
    assert (seconds.get("minimum"), seconds.get("maximum")) == (1, 20)  # hint lifted from the description
    assert op["externalDocs"] == {"url": "https://docs.lumen.example/render"}


def test_yaml_in_markdown_fence() -> None:
    page = "# Render\n\nSome prose about the API.\n\n```yaml\n" + DOC_YAML + "```\n\nMore prose: after it.\n"
    check_render_doc(parse(page, "render.md"))


def test_indented_yaml_block() -> None:
    indented = "\n".join(("    " + line) if line else "" for line in DOC_YAML.splitlines())
    check_render_doc(parse(NAVIGATION + indented + "\n" + FOOTER, "render.txt"))


def test_json_document_embedded_in_a_page() -> None:
    import yaml

    doc = yaml.safe_load(DOC_YAML)
    page = NAVIGATION + "json\n" + json.dumps(doc, ensure_ascii=False, indent=2) + FOOTER
    check_render_doc(parse(page, "render.txt"))
    flat_json = NAVIGATION + json.dumps(doc, ensure_ascii=False)  # one line, no indentation at all
    check_render_doc(parse(flat_json, "render.txt"))


def test_yaml_whose_indentation_was_lost() -> None:
    flat = "\n".join(line.strip() for line in DOC_YAML.splitlines())
    spec = parse(NAVIGATION + flat + FOOTER, "render.txt")
    check_render_doc(spec)
    description = spec["paths"]["/v1/videos/render"]["post"]["description"]
    assert description.startswith("提交一个渲染任务。") and "官方文档" in description


FLAT_FAL = """\
openapi: 3.0.1
info:
title: ''
version: 1.0.0
paths:
/fal-ai/{model_name}/requests/{request_id}/status:
get:
summary: 查询状态
tags:
- Fal
parameters:
- name: model_name
in: path
required: true
example: flux/dev
schema:
type: string
- name: request_id
in: path
required: true
schema:
type: string
responses:
'200':
description: ''
content:
application/json:
schema:
type: object
properties:
status:
type: string
description: 状态
queue_position:
type: integer
required:
- status
example:
status: IN_QUEUE
queue_position: 0
logs:
- message: warming up
level: INFO
headers: {}
x-apifox-name: 成功
security:
- bearer: []
x-apifox-folder: Fal
components:
securitySchemes:
bearer:
type: http
scheme: bearer
servers:
- url: https://relay.example
"""


def test_flattened_apifox_export_is_rebuilt() -> None:
    spec = parse("查询状态\nOpenAPI Specification\nyaml\n" + FLAT_FAL, "status.txt")
    op = spec["paths"]["/fal-ai/{model_name}/requests/{request_id}/status"]["get"]
    assert [p["name"] for p in op["parameters"]] == ["model_name", "request_id"]
    assert op["parameters"][0]["example"] == "flux/dev"
    response = op["responses"]["200"]
    assert response["x-apifox-name"] == "成功" and response["headers"] == {}
    media = response["content"]["application/json"]
    assert media["schema"]["required"] == ["status"]
    assert set(media["schema"]["properties"]) == {"status", "queue_position"}
    assert media["schema"]["properties"]["status"] == {"type": "string", "description": "状态"}
    assert media["example"]["status"] == "IN_QUEUE"
    assert op["security"] == [{"bearer": []}] and op["x-apifox-folder"] == "Fal"
    assert spec["servers"] == [{"url": "https://relay.example"}]
    normalized = normalize(spec)
    assert normalized["paths"]["/fal-ai/{model_name}/requests/{request_id}/status"]["get"]["parameters"][0][
        "x-greedy"] is True
    validate_spec(normalized, "status.txt", engine="reference")


def test_swagger_document_in_a_page_is_upgraded() -> None:
    page = NAVIGATION + """swagger: "2.0"
info:
  title: Old
  version: "1"
host: old.example
paths:
  /ping:
    get:
      produces: [text/plain]
      responses:
        200:
          description: pong
          schema:
            type: string
"""
    spec = parse(page, "old.txt")
    assert spec["openapi"] == "3.1.0"
    assert spec["servers"] == [{"url": "https://old.example"}]
    assert spec["paths"]["/ping"]["get"]["responses"]["200"]["content"]["text/plain"]["schema"] == {"type": "string"}


def test_page_without_a_document_is_none() -> None:
    page = "POST /v1/chat/completions\n\n| 参数 | 类型 |\n|---|---|\n| model | string |\n\nopenapi is great: yes\n"
    assert parse(page, "chat.md") is None
    assert parse('{"model": "gpt-4o", "messages": []}', "example.json") is None


def test_broken_embedded_yaml_keeps_what_parses_above_the_bad_line() -> None:
    broken = DOC_YAML.replace("      summary: 渲染视频", "      summary: [渲染视频")
    page = NAVIGATION + broken
    warnings: list[str] = []
    spec = parse(page, "render.txt", warnings)
    assert spec is not None and spec["info"]["title"]
    assert len(warnings) == 1 and warnings[0].startswith("render.txt:") and "\n" not in warnings[0]
    line = int(warnings[0].split(":")[1])
    assert line > NAVIGATION.count("\n") and "broken" in warnings[0]


def test_cut_off_embedded_json_keeps_complete_members() -> None:
    page = NAVIGATION + ('{\n  "openapi": "3.0.0",\n  "info": {"title": "x", "version": "1"},\n  "paths": {\n'
                         '    "/a": {"get": {"parameters": [{"$ref": "#/components/parameters/gone"}], '
                         '"responses": {"200": {"description": "ok"}}}},\n    "/b": {"post": {"summ')
    warnings: list[str] = []
    spec = parse(page, "cut.txt", warnings)
    assert spec is not None
    operation = spec["paths"]["/a"]["get"]
    assert operation["x-apigen-salvaged"] is True and "parameters" not in operation or operation["parameters"] == []
    assert any(w.startswith("cut.txt:") and "cut off" in w for w in warnings)
    assert any("#/components/parameters/gone" in w for w in warnings)


def test_document_without_paths_falls_back_to_the_page_text() -> None:
    warnings: list[str] = []
    assert parse("openapi: 3.0.0\ninfo:\n  title: x\n  version: '1'\n", "empty.yaml", warnings) is None
    assert "no `paths`" in warnings[0] and warnings[0].startswith("empty.yaml:1:")
