"""Pages that are, or embed, a whole OpenAPI 3.x or Swagger 2.0 document (JSON or YAML).

Doc sites built on Apifox or VitePress often show the operation's complete OpenAPI document in a code
block, after navigation text; scrapers keep the text but may drop the code block's fences or all of its
indentation. This layout finds the document's first line (`openapi: 3.0.1`, `"swagger": "2.0"` ...),
takes the block that follows, parses it (rebuilding the nesting from OpenAPI's structure when indentation
was lost, see `generator.openapi.flat_yaml`) and returns it as OpenAPI 3.1. The ingest reader calls `parse`
before any other layout.

A document that is broken (one bad line, cut off by the end of an excerpt) is salvaged: a cut-off JSON
document keeps its complete members, a YAML document keeps what parses above its first bad line, `$ref`s to
what the excerpt lost are dropped; each salvage is one warning and `x-apigen-salvaged: true` on the
operations it touched. Only a document of which nothing parses falls back to reading the page's text.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from generator.core.walk import HTTP_METHODS, mapping
from generator.errors import ApigenError
from generator.openapi.flat_yaml import looks_flat, rebuild
from generator.openapi.io import LimitError, _Loader
from generator.openapi.upgrade import to_openapi31

_YAML_START = re.compile(r"""^(?P<indent>[ \t]*)(?P<key>openapi|swagger)[ \t]*:[ \t]*['"]?(?P<version>\d[\d.]*)['"]?"""
                         r"""[ \t]*(?:#.*)?$""", re.MULTILINE)
_JSON_START = re.compile(r'"(?:openapi|swagger)"\s*:\s*"\d[\d.]*"')
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
# Keys that may open a line at a YAML document's top level (OpenAPI 3 and Swagger 2).
_TOP_KEYS = re.compile(
    r"^(openapi|swagger|info|jsonSchemaDialect|servers|security|tags|paths|webhooks|components|externalDocs|"
    r"host|basePath|schemes|consumes|produces|definitions|parameters|responses|securityDefinitions|x-[\w.-]+)"
    r"\s*:")


def parse(text: str, source: str, warnings: list[str] | None = None) -> dict[str, Any] | None:
    """The page's OpenAPI document as 3.1, None when the page holds none (or nothing of it parses)."""
    warnings = warnings if warnings is not None else []
    try:
        found = _from_json(text, source, warnings)
        if found is None:
            found = _from_yaml(text, source, warnings)
        if found is None:
            from generator.ingest.layouts import mintlify_yaml

            found = mintlify_yaml.find(text, source, warnings)  # Mintlify's markdown export of one operation
    except ApigenError as error:
        if "aliases" in error.message or "nested too deeply" in error.message:
            raise  # a hostile document: refused outright, not read around
        warnings.append(f"{error}; reading the page's text instead")
        return None
    if found is None:
        return None
    doc, line, salvaged = found
    if "paths" in doc and not isinstance(doc["paths"], dict):
        warnings.append(f"{source}:{line}: `paths` of the embedded OpenAPI document is not a mapping; ignored")
        del doc["paths"]
    if not isinstance(doc.get("paths"), dict) and "components" not in doc and "webhooks" not in doc:
        warnings.append(f"{source}:{line}: embedded OpenAPI document has no `paths` mapping; reading the page's "
                        f"text instead")
        return None
    _drop_unreadable_operations(doc, source, line, warnings)
    if salvaged:
        _drop_dangling_refs(doc, doc, source, warnings, 0)
        for item in doc["paths"].values() if isinstance(doc.get("paths"), dict) else []:
            for op in item.values() if isinstance(item, dict) else []:
                if isinstance(op, dict):
                    op["x-apigen-salvaged"] = True
    spec = to_openapi31(doc, source)
    _lift_authorization(spec)
    _enrich(spec)
    return spec


# ---------------------------------------------------------------------------------------------------------
# Finding and reading the document


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _from_json(text: str, source: str, warnings: list[str]) -> tuple[dict[str, Any], int, bool] | None:
    match = _JSON_START.search(text)
    if match is None:
        return None
    # The document starts at the nearest `{` before the version key that opens a decodable object.
    from generator.ingest import jsonish

    decoder = json.JSONDecoder()
    start = text.rfind("{", 0, match.start())
    first_error: json.JSONDecodeError | None = None
    while start != -1:
        try:
            doc, _ = decoder.raw_decode(text, start)
        except json.JSONDecodeError as error:
            first_error = first_error or error
        except RecursionError:
            raise ApigenError("embedded OpenAPI JSON document is nested too deeply", file=source,
                              line=_line_of(text, start)) from None
        else:
            if isinstance(doc, dict) and ("openapi" in doc or "swagger" in doc):
                return doc, _line_of(text, start), False
        start = text.rfind("{", 0, start)
    if _YAML_START.search(text):
        return None  # a YAML document that merely quotes the key, e.g. in an example
    opening = text.rfind("{", 0, match.start())
    reading = jsonish.read(text, opening) if opening >= 0 else None
    if reading is not None and isinstance(reading.value, dict):
        line = first_error.lineno if first_error is not None else _line_of(text, match.start())
        what = "cut off" if not reading.complete else f"broken ({first_error.msg if first_error else 'repaired'})"
        warnings.append(f"{source}:{line}: embedded OpenAPI JSON document is {what}; the members that parse "
                        f"are kept")
        return jsonish.strip_cut(reading.value), _line_of(text, opening), True
    line = first_error.lineno if first_error is not None else _line_of(text, match.start())
    message = first_error.msg if first_error is not None else "no enclosing object"
    raise ApigenError(f"embedded OpenAPI JSON document is broken: {message}", file=source, line=line)


def _drop_unreadable_operations(doc: dict[str, Any], source: str, line: int, warnings: list[str]) -> None:
    """Path items and operations that are not mappings (a scrape that lost the nesting) are dropped."""
    paths = doc.get("paths")
    if not isinstance(paths, dict):
        return
    for path, item in list(paths.items()):
        if not isinstance(item, dict):
            warnings.append(f"{source}:{line}: path {path!r} of the embedded OpenAPI document is not a mapping; "
                            f"skipped")
            del paths[path]
            continue
        for method in [m for m in HTTP_METHODS if m in item and not isinstance(item[m], dict)]:
            warnings.append(f"{source}:{line}: {method.upper()} {path} of the embedded OpenAPI document is not a "
                            f"mapping; skipped")
            del item[method]


def _drop_dangling_refs(node: Any, doc: dict[str, Any], source: str, warnings: list[str], depth: int) -> None:
    """Remove `$ref`s pointing at what a salvaged document lost (list items dropped, mappings emptied)."""
    if depth > 60:
        return
    if isinstance(node, dict):
        for key, value in list(node.items()):
            if isinstance(value, dict) and _dangling(value, doc):
                warnings.append(f"{source}: `$ref: {value['$ref']}` points past the end of the excerpt; dropped")
                node[key] = {}
            else:
                _drop_dangling_refs(value, doc, source, warnings, depth + 1)
    elif isinstance(node, list):
        kept = []
        for value in node:
            if isinstance(value, dict) and _dangling(value, doc):
                warnings.append(f"{source}: `$ref: {value['$ref']}` points past the end of the excerpt; dropped")
                continue
            _drop_dangling_refs(value, doc, source, warnings, depth + 1)
            kept.append(value)
        node[:] = kept


def _dangling(value: dict[str, Any], doc: dict[str, Any]) -> bool:
    ref = value.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return False
    target: Any = doc
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(target, dict) or part not in target:
            return True
        target = target[part]
    return False


def _block(lines: list[str], first: int, indent: str) -> list[str]:
    """The lines of the YAML document starting at line index `first` (fence, prose or end of page ends it)."""
    fenced = any(_FENCE.match(line) for line in lines[max(0, first - 3):first])
    flat = looks_flat(lines[first:first + 40])
    block: list[str] = []
    for line in lines[first:]:
        if _FENCE.match(line):
            break
        if not fenced and not flat and block and line.strip() and not line.startswith(indent + " ") \
                and not line.startswith(indent + "-") and not _TOP_KEYS.match(line[len(indent):]):
            break  # text after the document: navigation, "Previous page" ...
        block.append(line[len(indent):] if line.startswith(indent) else line.lstrip())
    return block


def _from_yaml(text: str, source: str, warnings: list[str]) -> tuple[dict[str, Any], int, bool] | None:
    match = _YAML_START.search(text)
    if match is None:
        return None
    lines = text.splitlines()
    first = _line_of(text, match.start()) - 1
    block = _block(lines, first, match.group("indent"))
    try:
        doc = yaml.load("\n".join(block), Loader=_Loader)  # _Loader is a SafeLoader
    except yaml.YAMLError as error:
        if looks_flat(block):
            return rebuild(block), first + 1, False
        mark = getattr(error, "problem_mark", None)
        bad = mark.line if mark is not None else len(block)
        problem = getattr(error, "problem", None) or "cannot be parsed"
        if isinstance(error, LimitError):  # an alias bomb or a hostile depth: refused, never salvaged
            raise ApigenError(f"embedded OpenAPI YAML document refused: {problem}", file=source,
                              line=first + 1 + bad) from None
        doc = _yaml_prefix(block, bad)
        if doc is None:
            raise ApigenError(f"embedded OpenAPI YAML document is broken: {problem}", file=source,
                              line=first + 1 + bad) from None
        warnings.append(f"{source}:{first + 1 + bad}: embedded OpenAPI YAML document is broken ({problem}); "
                        f"what parses above that line is kept")
        return doc, first + 1, True
    except RecursionError:
        raise ApigenError("embedded OpenAPI YAML document is nested too deeply", file=source, line=first + 1) from None
    if not isinstance(doc, dict):
        raise ApigenError("embedded OpenAPI document is not a mapping", file=source, line=first + 1)
    if looks_flat(block) and not isinstance(doc.get("paths"), dict):
        doc = rebuild(block)
    return doc, first + 1, False


def _yaml_prefix(block: list[str], bad: int) -> dict[str, Any] | None:
    """The document made of the lines above a broken one, cut back line by line until it parses."""
    for end in range(min(bad, len(block)), 0, -1):
        try:
            doc = yaml.load("\n".join(block[:end]), Loader=_Loader)
        except yaml.YAMLError:
            continue
        if isinstance(doc, dict) and isinstance(doc.get("paths"), dict):
            paths = doc["paths"]
            for key, item in list(paths.items()):
                if isinstance(item, dict):
                    for method in [m for m, op in item.items() if m in HTTP_METHODS and not isinstance(op, dict)]:
                        del item[method]  # the operation whose text broke
                if not isinstance(item, dict) or not any(m in item for m in HTTP_METHODS):
                    del paths[key]
            return doc
        return None
    return None


# ---------------------------------------------------------------------------------------------------------
# Page conventions


def _lift_authorization(spec: dict[str, Any]) -> None:
    """An `Authorization` header parameter (Apifox shows auth that way) becomes the security scheme.

    Without this the SDK would ask for the header as an argument; the example's prefix names the scheme:
    `Bearer ...` -> http bearer, `Key ...` -> apiKey with `x-prefix: Key` (fal), anything else -> apiKey.
    """
    components = spec.setdefault("components", {})
    schemes = mapping(components.get("securitySchemes"))
    for item in (spec.get("paths") or {}).values():
        if not isinstance(item, dict):
            continue
        for op in item.values():
            if not isinstance(op, dict) or not isinstance(op.get("parameters"), list):
                continue
            auth = [p for p in op["parameters"] if isinstance(p, dict) and p.get("in") == "header"
                    and str(p.get("name", "")).lower() == "authorization"]
            if not auth:
                continue
            op["parameters"] = [p for p in op["parameters"] if p not in auth]
            if not op["parameters"]:
                del op["parameters"]
            if op.get("security") or spec.get("security"):
                continue
            example = str(auth[0].get("example") or (auth[0].get("schema") or {}).get("example") or "")
            word = example.split(" ", 1)[0].lower() if " " in example else ""
            if word == "bearer":
                name, scheme = "bearer", {"type": "http", "scheme": "bearer"}
            elif word == "key":
                name, scheme = "falKey", {"type": "apiKey", "in": "header", "name": "Authorization",
                                          "x-prefix": "Key"}
            else:
                name, scheme = "apiKey", {"type": "apiKey", "in": "header", "name": "Authorization"}
            schemes.setdefault(name, scheme)
            op["security"] = [{name: []}]
    if schemes:
        components["securitySchemes"] = schemes
    if not components:
        spec.pop("components", None)


def _enrich(spec: dict[str, Any]) -> None:
    """What the page's own conventions add: hints in descriptions, schemas of bare examples, doc links."""
    for item in (spec.get("paths") or {}).values():
        if not isinstance(item, dict):
            continue
        for op in item.values():
            if not isinstance(op, dict):
                continue
            for param in op.get("parameters") or []:
                if isinstance(param, dict) and isinstance(param.get("schema"), dict):
                    _lift_hints(param["schema"], str(param.get("description") or ""), param.get("example"))
            body = mapping(op.get("requestBody"))
            medias = list((body.get("content") or {}).values())
            for response in (op.get("responses") or {}).values() if isinstance(op.get("responses"), dict) else []:
                if isinstance(response, dict):
                    medias += list((response.get("content") or {}).values())
            for media in medias:
                if isinstance(media, dict):
                    _schema_from_example(media)
                    if isinstance(media.get("schema"), dict):
                        _walk_hints(media["schema"], 0)
            link = _DOC_LINK.search(str(op.get("description") or ""))
            if link and "externalDocs" not in op:
                op["externalDocs"] = {"url": link.group(1)}


_DOC_LINK = re.compile(r"(?:官方文档|官方文件|参考文档|official doc(?:umentation|s)?)\s*[:：]\s*(https?://\S+)",
                       re.IGNORECASE)


def _walk_hints(schema: dict[str, Any], depth: int) -> None:
    properties = schema.get("properties")
    if not isinstance(properties, dict) or depth > 30:
        return
    for prop in properties.values():
        if isinstance(prop, dict):
            _lift_hints(prop, str(prop.get("description") or ""), prop.get("example"))
            _walk_hints(prop, depth + 1)
            if isinstance(prop.get("items"), dict):
                _walk_hints(prop["items"], depth + 1)


def _lift_hints(schema: dict[str, Any], description: str, example: Any) -> None:
    """Defaults, ranges and enums a description states, where the schema does not already say them."""
    if not description or "$ref" in schema:
        return
    from generator.ingest.hints import lift
    from generator.ingest.infer import json_type

    kind = schema.get("type") if isinstance(schema.get("type"), str) else None
    for key, value in lift(description, kind, example).items():
        if key.startswith("exclusive") and key.replace("exclusive", "").lower() in schema:
            continue
        schema.setdefault(key, value)
    if "type" not in schema and not any(k in schema for k in ("anyOf", "oneOf", "allOf")):
        known = schema.get("default", (schema.get("enum") or [None])[0])
        if known is not None:
            schema["type"] = "integer" if isinstance(known, int) and not isinstance(known, bool) \
                else json_type(known)


def _schema_from_example(media: dict[str, Any]) -> None:
    """An object schema with no properties beside an example object: the example's fields describe it."""
    example = media.get("example")
    schema = media.get("schema")
    if not isinstance(example, dict) or not example or not isinstance(schema, dict):
        return
    if schema.get("properties") or "$ref" in schema or schema.get("type") not in (None, "object"):
        return
    from generator.ingest.infer import infer

    schema["type"] = "object"
    schema["properties"] = infer(example)["properties"]
