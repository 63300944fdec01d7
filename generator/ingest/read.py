"""One page -> a partial OpenAPI 3.1 spec: layout detection, then documented fields merged over examples."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.core.naming import snake
from generator.core.walk import HTTP_METHODS
from generator.errors import ApigenError
from generator.ingest import glued, jsonish
from generator.ingest.assemble import declare_path_params, merge_content, merge_schema, with_examples
from generator.ingest.fields import Field, build_operation
from generator.ingest.infer import infer
from generator.ingest.layouts import (
    apifox_dump,
    bullets,
    commented_json,
    field_listing,
    markdown_table,
    mdx,
    page_text,
)
from generator.ingest.layouts.page_text import Endpoint
from generator.ingest.page import load_page, read_text
from generator.ingest.sections import heading
from generator.ingest.text import normalize

_SCHEMES: dict[str, tuple[str, dict[str, Any]]] = {
    "bearer": ("bearerAuth", {"type": "http", "scheme": "bearer"}),
    "basic": ("basicAuth", {"type": "http", "scheme": "basic"}),
    "key": ("falKey", {"type": "apiKey", "in": "header", "name": "Authorization", "x-prefix": "Key",
                       "description": "Authorization: Key <token>"}),
}


def _embedded_document(text: str, source: str, warnings: list[str]) -> dict[str, Any] | None:
    """The page's whole OpenAPI/Swagger document as 3.1 (salvaged where it is broken), or None."""
    from generator.ingest.layouts import openapi_document
    from generator.openapi.upgrade import to_openapi31

    try:
        doc = openapi_document.parse(text, source, warnings)
        return None if doc is None else to_openapi31(doc, source=source)
    except (AttributeError, TypeError, KeyError, ValueError, IndexError) as error:
        # a document whose shape the spec stage cannot follow (a scrape that lost its nesting): the page's
        # text is read instead, as for a page with no document
        warnings.append(f"{source}: the embedded OpenAPI document has an unreadable shape ({type(error).__name__}: "
                        f"{str(error)[:80]}); reading the page's text instead")
        return None


def read_page(path: Path, name: str, shown: str) -> tuple[dict[str, Any], list[str]]:
    """Partial spec of one page (`name` goes into x-source, `shown` into messages) and its warnings."""
    text = normalize(read_text(path, shown))
    warnings: list[str] = []
    doc = _embedded_document(text, shown, warnings)
    if doc is not None and not any(isinstance(item, dict) and any(m in item for m in HTTP_METHODS)
                                   for item in (doc.get("paths") or {}).values()):
        warnings.append(f"{shown}: the embedded OpenAPI document holds no operation; reading the page's text")
        doc = None
    if doc is not None:
        for item in (doc.get("paths") or {}).values():
            for op in item.values() if isinstance(item, dict) else []:
                if isinstance(op, dict):
                    op.setdefault("x-source", name)
        return doc, warnings
    page = load_page(path, shown, text)
    dump = apifox_dump.detect(page)
    listed, media = field_listing.parse_fields(page)
    tabled = markdown_table.parse_fields(page)
    components = mdx.parse_fields(page)
    bulleted = bullets.parse_fields(page)
    commented = commented_json.parse_fields(page, lambda block: None if page_text.is_field_example(page, block)
                                            else page_text.classify(page, block))
    bullets.options_after(page, listed + tabled + components)
    bullets.values_line(page, listed + tabled + components + bulleted)
    field_lines = [f.line for f in listed + tabled + components + bulleted + commented]
    found, page_warnings = page_text.endpoints(page, examples=not dump, field_lines=field_lines)
    warnings.extend(page_warnings)
    if not found:
        raise ApigenError("no endpoint found (no `METHOD /path` line, curl command or OpenAPI document)",
                          file=shown)
    auth: str | None = None
    if dump:
        op, auth, layout_warnings = apifox_dump.parse(page)
        warnings.extend(layout_warnings)
        documented_by_group = {found[0].group: op}
    else:
        documented_by_group, auth = _documented(found, (listed, media), (tabled, markdown_table.media_of(tabled)),
                                                (components, {}), (bulleted, {}), (commented, {}))
    partial: dict[str, Any] = {"paths": {}}
    servers: list[str] = []
    curl_auth = next((a for a in (page_text.auth_of_curl(c) for c in page.curls) if a), None)
    kind: str | None
    header: str | None
    described = next((e.described_auth for e in found if e.described_auth), None)
    if curl_auth:
        kind, header = curl_auth
    elif described:
        kind, header = page_text.auth_of_value(described), "Authorization"
    else:
        kind, header = auth or page_text.auth_of_text(page.text), "Authorization"
        if kind is None and any(c.header("Authorization") is not None for c in page.curls):
            kind = "apikey"  # an empty Authorization header in a sample: some key goes there
    security = _security(partial, kind, header)
    doc_url = page_text.doc_link(page)
    labels = _status_labels(page.text)
    in_paths: dict[int, set[str]] = {}  # the path parameters each section's stated paths hold
    for endpoint in found:
        in_paths.setdefault(endpoint.group, set()).update(re.findall(r"\{([^}]+)\}", endpoint.path))
    for endpoint in found:
        _template_path(endpoint, documented_by_group.get(endpoint.group, {}), in_paths.get(endpoint.group, set()))
        documented = _for_endpoint(documented_by_group.get(endpoint.group, {}), endpoint)
        op = _operation(endpoint, documented, labels)
        _announced_values(page.text, endpoint, op)
        glued.fill_enums(op, page.text)
        op["operationId"] = snake(f"{endpoint.method} {endpoint.path}", fallback="operation")
        summary = page_text.title(page, endpoint) if endpoint.documented else None
        if summary:
            op["summary"] = summary
        if endpoint.deprecated:
            op["deprecated"] = True
        if endpoint.salvaged:
            op["x-apigen-salvaged"] = True
        if security is not None:
            op["security"] = security
        if doc_url or page.url:
            op["externalDocs"] = {"url": doc_url or page.url}
        op["x-source"] = name
        declare_path_params(endpoint.path, op)
        partial["paths"].setdefault(endpoint.path, {})[endpoint.method.lower()] = op
        servers += [s for s in endpoint.servers if s not in servers]
    _results_of_page(partial["paths"])
    if servers:
        partial["servers"] = [{"url": s} for s in servers]
    if not any(documented_by_group.values()) and not any(e.request_examples or e.responses for e in found):
        warnings.append(f"{shown}: layout not recognized; only the endpoint line/curl command was read")
    return partial, warnings


def _documented(found: list[Endpoint], *layouts: tuple[list[Field], dict[str, str]]
                ) -> tuple[dict[int, dict[str, Any]], str | None]:
    """The documented operation fragment of each section (group), from every field layout, and the auth
    scheme the fields show. A field belongs to the section it sits in; fields above the first section
    belong to the first."""
    from bisect import bisect_right

    starts = sorted({(e.start, e.group) for e in found})
    lines = [start for start, _ in starts]

    def group_of(line: int) -> int:
        return starts[max(bisect_right(lines, line) - 1, 0)][1]

    buckets: list[dict[int, list[Field]]] = []
    for fields, _kinds in layouts:
        bucket: dict[int, list[Field]] = {}
        for item in fields:
            bucket.setdefault(group_of(item.line), []).append(item)
        buckets.append(bucket)
    out: dict[int, dict[str, Any]] = {}
    auth: str | None = None
    for group in sorted({g for _, g in starts}):
        op: dict[str, Any] = {}
        for (_fields, kinds), bucket in zip(layouts, buckets):
            fragment, fragment_auth = build_operation(bucket.get(group, []), kinds)
            op = merge_operation(op, fragment)
            auth = auth or fragment_auth
        out[group] = op
    _body_to_its_writer(found, out)
    return out, auth


def _body_to_its_writer(found: list[Endpoint], documented: dict[int, dict[str, Any]]) -> None:
    """A request body documented in a section whose endpoints only read (GET/HEAD/DELETE) belongs to the
    page's one writing endpoint whose own section documents no body (samples of a submit and of a result
    fetch printed together, the submit's fields after both): the body and the responses beside it move
    there, and the reading endpoint keeps its path and query parameters."""
    methods: dict[int, set[str]] = {}
    for endpoint in found:
        methods.setdefault(endpoint.group, set()).add(endpoint.method)
    writers = [g for g, m in methods.items() if m & {"POST", "PUT", "PATCH"}
               and not documented.get(g, {}).get("requestBody") and not documented.get(g, {}).get("responses")]
    readers = [g for g, m in methods.items() if m <= {"GET", "HEAD", "DELETE"}
               and documented.get(g, {}).get("requestBody")]
    if len(writers) != 1 or len(readers) != 1:
        return
    source, target = documented[readers[0]], documented.setdefault(writers[0], {})
    target["requestBody"] = source.pop("requestBody")
    if "responses" in source:
        target["responses"] = source.pop("responses")


def _template_path(endpoint: Endpoint, documented: dict[str, Any], in_section: set[str]) -> None:
    """A documented path parameter the stated path shows filled in (`Path Parameters: model` beside
    `POST /v1beta/models/gpt-4o:generateContent`) takes its place back: the segment holding the parameter's
    example, default or one of its values, else the segment after the collection named for it (`models/` for
    `model`, `tasks/` for `task_id`). A path that names the parameter already, or shows no such segment,
    stays as stated, and so does every path of a section where another endpoint's path holds the parameter
    (`POST /tasks/submit` beside `GET /tasks/{task_id}`)."""
    names = set(in_section)
    for param in documented.get("parameters", []):
        name = param.get("name")
        if param.get("in") != "path" or not isinstance(name, str) or name in names:
            continue
        schema = param.get("schema") or {}
        values = {str(v) for v in [param.get("example"), schema.get("default"), *(schema.get("enum") or [])]
                  if v is not None and str(v)}
        stem = re.sub(r"(?:_id|Id|_ID|_name|Name)$", "", name)
        collections = {stem + "s", stem + "es", stem}
        segments = endpoint.path.split("/")
        for at, segment in enumerate(segments):
            head, colon, tail = segment.partition(":")
            by_value = head in values
            by_place = at > 0 and segments[at - 1] in collections and head and "{" not in head
            if by_value or by_place and not values & set(segments):
                segments[at] = "{" + name + "}" + colon + tail
                endpoint.path = "/".join(segments)
                names.add(name)
                break


def _for_endpoint(documented: dict[str, Any], endpoint: Endpoint) -> dict[str, Any]:
    """A section's documented fragment as one endpoint of it takes it: path parameters only if its path
    has them; a GET's or HEAD's body-section fields are its query parameters."""
    if not documented:
        return {}
    op = {**documented}
    names = set(re.findall(r"\{([^}]+)\}", endpoint.path))
    params = [p for p in op.get("parameters", []) if p["in"] != "path" or p["name"] in names]
    body = op.get("requestBody")
    if body and endpoint.method in ("GET", "HEAD"):
        media: dict[str, Any] = next(iter(body.get("content", {}).values()), {})
        schema: dict[str, Any] = media.get("schema", {})
        required = set(schema.get("required", []))
        for prop, prop_schema in (schema.get("properties") or {}).items():
            where = "path" if prop in names else "query"
            if any(p["name"] == prop and p["in"] == where for p in params):
                continue
            param: dict[str, Any] = {"name": prop, "in": where, "required": where == "path" or prop in required}
            prop_schema = dict(prop_schema)
            if prop_schema.get("description"):
                param["description"] = prop_schema.pop("description")
            if "example" in prop_schema:
                param["example"] = prop_schema.pop("example")
            param["schema"] = prop_schema or {"type": "string"}
            params.append(param)
        op.pop("requestBody")
    if params:
        op["parameters"] = params
    else:
        op.pop("parameters", None)
    return op


def _security(partial: dict[str, Any], kind: str | None, header: str | None) -> list[dict[str, list[str]]] | None:
    if not kind:
        return None
    if kind in _SCHEMES:
        scheme_name, scheme = _SCHEMES[kind]
    else:
        scheme_name, scheme = "apiKey", {"type": "apiKey", "in": "header", "name": header or "Authorization"}
    partial.setdefault("components", {}).setdefault("securitySchemes", {})[scheme_name] = scheme
    return [{scheme_name: []}]


def merge_operation(primary: dict[str, Any], secondary: dict[str, Any]) -> dict[str, Any]:
    """Two operation fragments of one page; `primary` (documented) wins key by key."""
    merged = {**secondary, **primary}
    params: list[dict[str, Any]] = []
    for param in primary.get("parameters", []) + secondary.get("parameters", []):
        same = next((p for p in params if p["name"] == param["name"] and p["in"] == param["in"]), None)
        if same is None:
            params.append(dict(param))
        else:
            for key, value in param.items():
                same.setdefault(key, value)
            same["schema"] = merge_schema(same.get("schema", {}), param.get("schema", {}))
    if params:
        merged["parameters"] = params
    if "requestBody" in primary and "requestBody" in secondary:
        merged["requestBody"] = {**secondary["requestBody"], **primary["requestBody"], "content": merge_content(
            primary["requestBody"].get("content", {}), secondary["requestBody"].get("content", {}),
            "application/json")}
    responses = dict(secondary.get("responses", {}))
    for status, response in primary.get("responses", {}).items():
        if status in responses:
            response = {**responses[status], **response, "content": merge_content(
                response.get("content", {}), responses[status].get("content", {}), "application/json")}
        responses[status] = response
    if responses:
        merged["responses"] = responses
    return merged


def _status_labels(text: str) -> dict[str, str]:
    """What the page's status lines say of each status (`🟢200成功` -> {"200": "成功"}), first one wins."""
    labels: dict[str, str] = {}
    for line in text.split("\n"):
        found = heading(line)
        if found is not None and found.status and found.label:
            labels.setdefault(found.status, found.label)
    return labels


def _operation(endpoint: Endpoint, documented: dict[str, Any], labels: dict[str, str]) -> dict[str, Any]:
    """The OpenAPI operation of an endpoint: documented fields over what examples show; responses described
    as the page's status lines describe them."""
    shown: dict[str, Any] = {}
    if endpoint.params:
        shown["parameters"] = endpoint.params
    if endpoint.request_examples or endpoint.form:
        media = endpoint.media or "application/json"
        content: dict[str, Any] = {"schema": {"type": "object", "properties": {}}}
        if endpoint.form:
            for key, value in endpoint.form:
                content["schema"]["properties"][key] = (
                    {"type": "string", "format": "binary"} if value.startswith("@") else {"type": "string"})
        else:
            schema: dict[str, Any] = {}
            for example in endpoint.request_examples:
                schema = merge_schema(schema, infer(example)) if schema else infer(example)
            content = {"schema": schema, "example": jsonish.strip_cut(endpoint.request_examples[0])}
        shown["requestBody"] = {"content": {media: content}}
    elif endpoint.media and "requestBody" in documented:
        shown["requestBody"] = {"content": {endpoint.media: {"schema": {}}}}
    for status, examples in endpoint.responses.items():
        shown.setdefault("responses", {})[status] = {"description": "", "content": {"application/json": {
            "schema": infer(examples[0]), "example": jsonish.strip_cut(examples[0])}}}
    op = merge_operation(documented, shown)
    if "requestBody" in op and not endpoint.media and _uploads(op["requestBody"]):
        # a body with a file field and no media type stated anywhere is sent as a multipart form
        content = op["requestBody"]["content"]
        op["requestBody"]["content"] = {"multipart/form-data": content.pop("", None) or content.pop(
            "application/json", None) or {}, **content}
    if "requestBody" in op:
        fixed = merge_content(op["requestBody"]["content"], {}, endpoint.media or "application/json")
        op["requestBody"]["content"] = with_examples(fixed)
    result = (op.get("responses") or {}).pop("result", None)
    queued = any(page_text.is_queue_ticket(_example_or_fields(r)) for s, r in (op.get("responses") or {}).items()
                 if s.startswith("2"))
    if result is not None and not queued:  # an `Output` section of an answer given at once: the 200 response
        answered = (op.get("responses") or {}).get("200")
        op.setdefault("responses", {})["200"] = result if answered is None else {
            **result, **answered, "content": merge_content(answered.get("content", {}), result.get("content", {}),
                                                           "application/json")}
    responses = op.get("responses") or {"200": {"description": "Successful response"}}
    for status, response in responses.items():
        response["description"] = response.get("description") or labels.get(status) or _reason(status)
        if "content" in response:
            response["content"] = with_examples(merge_content(response["content"], {}, "application/json"))
    op["responses"] = responses
    if queued:
        op["x-queue"] = "fal"
        if result is not None:
            _set_result(op, result)
    return op


_COUNTED = re.compile(r"(?:支持|可选|可選|支援|supports?|accepts?)\s*(?P<token>[A-Za-z0-9][\w.\-]*[A-Za-z0-9])\s*"
                      r"(?P<count>两|兩|二|2)\s*(?:种|種|个|個|\s+(?:values|formats|options|modes|kinds))", re.IGNORECASE)


@lru_cache(maxsize=2)
def _counted_tokens(text: str) -> tuple[str, ...]:
    """The tokens of the page's `支持 a b 两种` sentences, found once per page (every endpoint asks)."""
    return tuple(match.group("token") for line in text.split("\n") if len(line) < 400
                 for match in _COUNTED.finditer(line))


def _announced_values(text: str, endpoint: Endpoint, op: dict[str, Any]) -> None:
    """`支持 urlb64_json 两种返回格式`: a sentence announcing two values that a scrape printed glued together
    (their code marks lost). When one of them is what the request examples send for exactly one body field,
    and the rest of the token is a value too, the two are that field's allowed values."""
    sent: dict[str, set[str]] = {}
    for example in endpoint.request_examples:
        for key, value in (example.items() if isinstance(example, dict) else []):
            if isinstance(value, str) and re.fullmatch(r"[A-Za-z0-9][\w.\-]*", value):
                sent.setdefault(value, set()).add(str(key))
    if not sent or "requestBody" not in op:
        return
    for token in _counted_tokens(text):
        pairs = [(value, token[len(value):]) for value in sent if token.startswith(value)] + [
            (token[:-len(value)], value) for value in sent if token.endswith(value) and value != token]
        pairs = [(a, b) for a, b in pairs if a and b and re.fullmatch(r"[A-Za-z0-9][\w.\-]*", a) and
                 re.fullmatch(r"[A-Za-z0-9][\w.\-]*", b) and a != b]
        owners = {key for a, b in pairs for value in (a, b) for key in sent.get(value, set())}
        if len(pairs) != 1 or len(owners) != 1:
            continue
        key = next(iter(owners))
        for media in op["requestBody"].get("content", {}).values():
            prop = ((media.get("schema") or {}).get("properties") or {}).get(key)
            if isinstance(prop, dict) and prop.get("type") in ("string", None) and "enum" not in prop:
                prop["enum"] = list(pairs[0])


def _result_schema(response: dict[str, Any]) -> dict[str, Any] | None:
    """The JSON schema of a response (its example kept on it), or None when it documents nothing."""
    for media in (response.get("content") or {}).values():
        schema = dict(media.get("schema") or {})
        if "example" in media and "example" not in schema:
            schema["example"] = media["example"]
        if schema.get("properties") or schema.get("items") or "example" in schema:
            return schema
    return None


def _set_result(op: dict[str, Any], response: dict[str, Any]) -> None:
    """`x-queue-result` of a queue submit: what its finished job returns (the SDK types `result()` by it)."""
    schema = _result_schema(response)
    if schema is not None and not page_text.is_queue_ticket(schema.get("example")):
        op["x-queue-result"] = schema


def _results_of_page(paths: dict[str, Any]) -> None:
    """A page documenting a queue submit and the GET of its result (`/<owner>/<app>/requests/{id}`, the
    owner and app the submit's path starts with, or placeholders) gives the submit that result's schema."""
    fetches = []
    for path, item in paths.items():
        found = re.fullmatch(r"/([^/]+)/([^/]+)/requests/\{[^/{}]+\}/?", path)
        answer = (item.get("get") or {}).get("responses", {}).get("200")
        if found and answer:
            fetches.append((found.group(1), found.group(2), answer))
    for path, item in paths.items():
        for op in item.values():
            if op.get("x-queue") != "fal" or "x-queue-result" in op:
                continue
            parts = path.strip("/").split("/")
            for owner, app, answer in fetches:
                if len(parts) >= 2 and all(mine == theirs or theirs.startswith("{")
                                           for mine, theirs in zip(parts[:2], (owner, app))):
                    _set_result(op, answer)
                    break


def _uploads(body: dict[str, Any]) -> bool:
    """True when the documented body (media type unknown) has a file field at its top level."""
    content = body.get("content") or {}
    if set(content) - {"", "application/json"} or "example" in content.get("application/json", {}):
        return False
    for media in content.values():
        for prop in ((media.get("schema") or {}).get("properties") or {}).values():
            if isinstance(prop, dict) and prop.get("format") == "binary":
                return True
    return False


def _reason(status: str) -> str:
    """What an undescribed response is called: `Successful response` for 2xx, else the status's reason phrase."""
    from http import HTTPStatus

    if status.startswith("2") or not status.isdigit():
        return "Successful response" if status.startswith("2") else "Error response"
    try:
        return HTTPStatus(int(status)).phrase
    except ValueError:
        return "Error response"


def _example_or_fields(response: dict[str, Any]) -> dict[str, Any]:
    for media in (response.get("content") or {}).values():
        if isinstance(media.get("example"), dict):
            example: dict[str, Any] = media["example"]
            return example
        props = (media.get("schema") or {}).get("properties")
        if isinstance(props, dict):
            return {k: None for k in props}
    return {}
