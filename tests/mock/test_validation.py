"""Requests are checked against the spec, and errors come back in the API family's own shape."""

from __future__ import annotations

import httpx

from tests.mock.conftest import BEARER, FAL_KEY, MockServer


def test_unknown_path_is_404_in_openai_shape(images_server: MockServer) -> None:
    response = httpx.post(images_server.url + "/v1/nowhere", headers=BEARER, json={})
    assert response.status_code == 404
    error = response.json()["error"]
    assert set(error) >= {"message", "type", "param", "code"}


def test_unknown_path_is_problem_json_without_an_api_family(things_server: MockServer) -> None:
    response = httpx.get(things_server.url + "/nope/nothing")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 404


def test_wrong_method_is_405_with_allow(things_server: MockServer) -> None:
    response = httpx.patch(things_server.url + "/things/3")
    assert response.status_code == 405
    assert response.headers["allow"] == "DELETE, GET"
    assert response.json()["title"] == "Method Not Allowed"


def test_unsupported_media_type_is_415(images_server: MockServer) -> None:
    response = httpx.post(images_server.url + "/v1/images/generations", headers={**BEARER, "content-type": "text/xml"},
                          content=b"<prompt/>")
    assert response.status_code == 415
    assert "application/json" in response.json()["error"]["message"]


def test_body_over_the_limit_is_413(images_server: MockServer) -> None:
    response = httpx.post(images_server.url + "/v1/images/generations", headers=BEARER,
                          content=b"{" + b" " * (11 * 1024 * 1024) + b"}",
                          timeout=60)
    assert response.status_code == 413


def test_malformed_json_is_400(fal_server: MockServer) -> None:
    response = httpx.post(fal_server.url + "/fal-ai/flux/dev", headers={**FAL_KEY, "content-type": "application/json"},
                          content=b'{"prompt": "cat",')
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert detail[0]["loc"] == ["body"] and detail[0]["type"] == "json_invalid"


def test_missing_and_malformed_credentials_are_401(images_server: MockServer, fal_server: MockServer) -> None:
    body = {"model": "img-1", "prompt": "cat"}
    url = images_server.url + "/v1/images/generations"
    for headers in ({}, {"Authorization": "Basic abc"}, {"Authorization": "Bearer"}, {"Authorization": "sk-test"}):
        response = httpx.post(url, headers=headers, json=body)
        assert response.status_code == 401, headers
        assert response.json()["error"]["code"] == "invalid_api_key"
    assert httpx.post(url, headers=BEARER, json=body).status_code == 200
    fal = fal_server.url + "/fal-ai/flux/dev"
    for headers in ({}, {"Authorization": "Bearer abc"}, {"Authorization": "Key"}, {"Authorization": "key abc"}):
        response = httpx.post(fal, headers=headers, json={"prompt": "cat"})
        assert response.status_code == 401, headers
        assert response.json()["detail"][0]["loc"] == ["header", "authorization"]


def test_every_body_violation_is_listed_in_fal_shape(fal_server: MockServer) -> None:
    body = {"num_images": 9, "output_format": "gif", "seed": "one"}
    response = httpx.post(fal_server.url + "/fal-ai/flux/dev", headers=FAL_KEY, json=body)
    assert response.status_code == 422
    found = {tuple(d["loc"]): d["type"] for d in response.json()["detail"]}
    assert found == {("body", "prompt"): "missing", ("body", "num_images"): "maximum",
                     ("body", "output_format"): "enum", ("body", "seed"): "type"}


def test_every_violation_is_listed_in_openai_shape(images_server: MockServer) -> None:
    body = {"model": "dall-e-9", "prompt": "", "n": 99, "size": "3x3"}
    response = httpx.post(images_server.url + "/v1/images/generations", headers=BEARER, json=body)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["type"] == "invalid_request_error"
    assert {e["param"] for e in error["errors"]} == {"body.model", "body.prompt", "body.n", "body.size"}
    assert "99" in error["message"] and "dall-e-9" in error["message"]


def test_parameter_violations_are_listed_as_problem_json(things_server: MockServer) -> None:
    response = httpx.get(things_server.url + "/things", params=[("limit", "500"), ("tag", "green")])
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    errors = {tuple(e["loc"]): e["type"] for e in response.json()["errors"]}
    assert errors == {("query", "limit"): "maximum", ("query", "tag", 0): "enum", ("header", "X-Trace"): "missing"}
    bad_path = httpx.get(things_server.url + "/things/zero")
    assert bad_path.status_code == 422
    assert bad_path.json()["errors"][0]["loc"] == ["path", "thing_id"]


def test_valid_query_and_header_are_coerced_and_accepted(things_server: MockServer) -> None:
    response = httpx.get(things_server.url + "/things", params=[("limit", "5"), ("tag", "red"), ("tag", "blue")],
                         headers={"X-Trace": "abc"})
    assert response.status_code == 200
    assert isinstance(response.json(), list)
    assert response.headers["x-total"].lstrip("-").isdigit()


def test_documented_example_comes_first_and_prefer_picks_others(things_server: MockServer) -> None:
    url = things_server.url + "/things"
    body = {"name": "pot", "kind": "class"}
    default = httpx.post(url, json=body)
    assert default.status_code == 201
    assert default.json()["name"] == '茶壶 🫖 "quoted" """ {{x}}'
    broken = httpx.post(url, json=body, headers={"Prefer": "example=broken"})
    assert broken.json() == {"id": "not-a-number"}
    conflict = httpx.post(url, json=body, headers={"Prefer": "code=409"})
    assert conflict.status_code == 409 and conflict.json() == {"title": "Already exists"}
    dynamic = httpx.post(url, json=body, headers={"Prefer": "dynamic=true"})
    assert dynamic.status_code == 201
    assert isinstance(dynamic.json()["id"], int) and dynamic.json()["id"] >= 1
    assert dynamic.json() == httpx.post(url, json=body, headers={"Prefer": "dynamic=true"}).json()  # seeded
    unknown = httpx.post(url, json=body, headers={"Prefer": "example=nope"})
    assert unknown.status_code == 422


def test_form_bodies_are_coerced_and_checked(things_server: MockServer) -> None:
    url = things_server.url + "/things"
    assert httpx.post(url, data={"name": "pot", "kind": "def", "weight": "2.5"}).status_code == 201
    response = httpx.post(url, data={"name": "pot", "kind": "lambda", "weight": "-1"})
    assert response.status_code == 422
    assert {tuple(e["loc"]) for e in response.json()["errors"]} == {("body", "kind"), ("body", "weight")}


def test_multipart_upload_is_parsed(images_server: MockServer) -> None:
    url = images_server.url + "/v1/images/edits"
    ok = httpx.post(url, headers=BEARER, files={"image": ("a.png", b"\x89PNG...", "image/png")},
                    data={"prompt": "hat", "n": "2"})
    assert ok.status_code == 200
    assert len(ok.json()["data"]) == 2
    missing = httpx.post(url, headers=BEARER, files={"other": ("a.png", b"x", "image/png")}, data={"n": "7"})
    assert missing.status_code == 422
    assert {e["param"] for e in missing.json()["error"]["errors"]} == {"body.image", "body.prompt", "body.n"}


def test_image_response_is_a_real_png(things_server: MockServer) -> None:
    import io

    from PIL import Image

    response = httpx.get(things_server.url + "/things/4/picture")
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(response.content)).format == "PNG"


def test_no_content_answer(things_server: MockServer) -> None:
    response = httpx.delete(things_server.url + "/things/4")
    assert response.status_code == 204 and response.content == b""
