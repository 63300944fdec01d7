"""Mock engine of an API, shipped by apigen beside the API's OpenAPI spec and fixtures (JSON data).

Framework-free on purpose: the Starlette app of the mock server and the in-process `httpx.MockTransport`
of the SDK's testing helper both drive this one engine, so a unit test and a test against a running
server see the same routing, validation, fixtures and fal queue behaviour. It needs only the standard
library; `jsonschema` (full Draft 2020-12 validation) and Pillow (JPEG and WebP images) are used when
installed. Spec data is loaded from JSON beside this file and never turned into code.
"""

from __future__ import annotations

import base64
import csv
import email.parser
import email.policy
import hashlib
import hmac
import importlib
import io
import itertools
import json
import random
import re
import struct
import threading
import uuid
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, quote, unquote

JSON = Any
MAX_IMAGE_SIDE = 4096
MAX_LIST_ITEMS = 10
DEFAULT_MAX_BODY = 10 * 1024 * 1024
# Memory the fal queue simulation may hold: submitted payloads and built results, as JSON bytes; the oldest
# jobs are dropped past it (or past `max_jobs`), so a flood of large submits cannot grow the process.
DEFAULT_MAX_JOB_BYTES = 64 * 1024 * 1024
MAX_DELETED = 10_000
MAX_ROUTES = 1024
JOB_OVERHEAD = 1024  # bytes a job costs beyond its JSON (ids, logs, bookkeeping)
MEDIA_PREFIX = "/_mock/media/"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
FORMATS = {"png": "png", "jpg": "jpeg", "jpeg": "jpeg", "webp": "webp"}
MEDIA_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}
NAMED_SIZES = {
    "square_hd": (1024, 1024), "square": (512, 512), "portrait_4_3": (768, 1024),
    "portrait_16_9": (576, 1024), "landscape_4_3": (1024, 768), "landscape_16_9": (1024, 576),
    "1k": (1024, 1024), "2k": (2048, 2048), "4k": (4096, 4096),
}


@dataclass(slots=True)
class MockRequest:
    """One HTTP request, as plain data (header names lower-cased)."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes
    base_url: str


@dataclass(slots=True)
class MockResponse:
    """One HTTP answer; `events` (server-sent events) replaces `body` when set."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    events: Iterator[bytes] | None = None


@dataclass
class Violation:
    """One reason a request was rejected: where (`loc`), what (`msg`) and a machine-readable `type`."""

    loc: list[str | int]
    msg: str
    type: str


class Rejected(Exception):
    """Raised while checking a request; becomes an error answer in the API's own error shape."""

    def __init__(self, status: int, violations: list[Violation], headers: dict[str, str] | None = None) -> None:
        super().__init__(violations[0].msg if violations else str(status))
        self.status = status
        self.violations = violations
        self.headers = headers or {}


# ---------------------------------------------------------------------------------------------------
# JSON Schema validation


Checker = Callable[[JSON], list[Violation]]


# OpenAPI's integer formats bound the value (clients hold them in fixed-size integers): the engine adds the
# bounds to the schemas it checks requests against (`_bound_integer_formats`)
INTEGER_BOUNDS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


def _bound_integer_formats(document: JSON) -> None:
    """Give every `format: int32`/`int64` schema of `document` its range as `minimum`/`maximum` (when it
    states none) and every `pattern` ECMA-262's ASCII classes, in place and without recursion, so every
    validator judges requests as JSON Schema does."""
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            kind = node.get("format")
            bounds = INTEGER_BOUNDS.get(kind) if isinstance(kind, str) else None
            if bounds is not None and node.get("type") in ("integer", "number", ["integer", "null"]):
                node.setdefault("minimum", bounds[0])
                node.setdefault("maximum", bounds[1])
            if isinstance(node.get("pattern"), str):
                node["pattern"] = _ascii_classes(node["pattern"])
            stack.extend(v for k, v in node.items() if k not in ("example", "examples", "default", "enum", "const"))
        elif isinstance(node, list):
            stack.extend(node)


_ASCII_CLASSES = {"w": "a-zA-Z0-9_", "d": "0-9"}


def _ascii_classes(pattern: str) -> str:
    """`pattern` with `\\w` and `\\d` as the ASCII classes they are in JSON Schema's ECMA-262 regexes
    (Python's and Rust's are Unicode-aware: `\\w` would let `í` through)."""
    out: list[str] = []
    index, in_class = 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            escaped = pattern[index + 1]
            if escaped in _ASCII_CLASSES:
                out.append(_ASCII_CLASSES[escaped] if in_class else f"[{_ASCII_CLASSES[escaped]}]")
            else:
                out.append(pattern[index:index + 2])
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        index += 1
    return "".join(out)


def _format_checker(jsonschema: Any) -> Any:
    return jsonschema.Draft202012Validator.FORMAT_CHECKER


def _fast_validator(document: dict[str, Any], index: int, registries: dict[str, Any]) -> Any:
    """A compiled `jsonschema_rs` validator of schema `index` (its `is_valid` only), or None.

    `jsonschema_rs` (when installed) answers "is this valid?" in microseconds; the violation list of an
    invalid value still comes from `jsonschema`, so it only decides the common case of a valid request.
    The registry of the whole spec is built once per engine (`registries` caches it).
    """
    try:
        rs = importlib.import_module("jsonschema_rs")
    except ImportError:
        return None
    try:
        if "registry" not in registries:
            registries["registry"] = rs.Registry([("urn:apigen:spec", document)])
        return rs.Draft202012Validator({"$ref": f"urn:apigen:spec#/x-mock-schemas/{index}"},
                                       registry=registries["registry"], validate_formats=True)
    except Exception:  # noqa: BLE001 - a schema it cannot compile: `jsonschema` alone decides
        return None


def _fast_valid(fast: Any, instance: JSON) -> bool:
    """True when `jsonschema_rs` finds `instance` valid; False when invalid or when it cannot take the value."""
    try:
        return bool(fast.is_valid(instance))
    except Exception:  # noqa: BLE001 - a value it cannot take (bytes, huge numbers): `jsonschema` decides
        return False


def _cookies(header: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key:
            found.setdefault(key, value)
    return found


def _jsonschema_checker(document: dict[str, Any], index: int, registries: dict[str, Any] | None = None,
                        quick: dict[int, Callable[[JSON], bool]] | None = None) -> Checker | None:
    """A Draft 2020-12 checker from `jsonschema`, resolving `$ref`s against the whole spec; None if absent.
    The `jsonschema_rs` validator's `is_valid` (when there is one) goes into `quick[index]`: a caller that
    tries it first, and calls the checker only when it says no or raises, gets the same answers sooner."""
    try:
        jsonschema = importlib.import_module("jsonschema")
        referencing = importlib.import_module("referencing")
        drafts = importlib.import_module("referencing.jsonschema")
    except ImportError:
        return None
    resource = referencing.Resource(contents=document, specification=drafts.DRAFT202012)
    registry = referencing.Registry().with_resource("urn:apigen:spec", resource)
    schema = {"$ref": f"urn:apigen:spec#/x-mock-schemas/{index}"}
    # formats are checked (an empty `date-time` is refused), as far as the installed `jsonschema` can
    validator = jsonschema.Draft202012Validator(schema, registry=registry, format_checker=_format_checker(jsonschema))
    fallback = SimpleChecker(document, document["x-mock-schemas"][index])
    unusable = (TypeError, ValueError, LookupError, RecursionError, re.error, jsonschema.exceptions.SchemaError,
                jsonschema.exceptions.UnknownType, importlib.import_module("referencing.exceptions").Unresolvable)

    fast = _fast_validator(document, index, registries if registries is not None else {})
    if fast is not None and quick is not None:
        quick[index] = fast.is_valid

    def check(instance: JSON) -> list[Violation]:
        if fast is not None:  # `_fast_valid`, inlined: this runs for every parameter and body
            try:
                if fast.is_valid(instance):
                    return []
            except Exception:  # noqa: BLE001, S110 - a value it cannot take: `jsonschema` decides
                pass
        try:
            if validator.is_valid(instance):
                # `jsonschema` checks no format it lacks a package for (`duration` without isoduration):
                # `jsonschema_rs` checks them all, so its format violations stand
                return [] if fast is None else _fast_violations(fast, instance, formats_only=True)
            errors = list(validator.iter_errors(instance))
        except unusable:  # a schema jsonschema cannot use (unknown type, bad pattern, unresolvable $ref)
            return fallback(instance)
        found: list[Violation] = []
        for error in sorted(errors, key=lambda e: [str(p) for p in e.absolute_path]):
            loc: list[str | int] = list(error.absolute_path)
            if error.validator == "required" and isinstance(error.instance, dict):
                for name in error.validator_value:
                    if name not in error.instance and not any(v.loc == [*loc, name] for v in found):
                        found.append(Violation([*loc, str(name)], "Field required", "missing"))
                continue
            found.append(Violation(loc, str(error.message)[:300], str(error.validator)))
        if not found and fast is not None:  # a format only `jsonschema_rs` can check: its own words
            found = _fast_violations(fast, instance)
        return found

    return check


def _fast_violations(fast: Any, instance: JSON, formats_only: bool = False) -> list[Violation]:
    try:
        return [Violation(list(error.instance_path), str(error.message)[:300], "format")
                for error in fast.iter_errors(instance)
                if not formats_only or type(error.kind).__name__ == "Format"]
    except Exception:  # noqa: BLE001 - a value it cannot take: nothing more to say
        return []


def _type_ok(value: JSON, kind: str) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool) or isinstance(value, float) and value.is_integer()
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    expected = {"string": str, "boolean": bool, "object": dict, "array": list}.get(kind)
    if kind == "null":
        return value is None
    return expected is None or isinstance(value, expected)


class SimpleChecker:
    """The common JSON Schema keywords, for when `jsonschema` is not installed (the SDK testing helper)."""

    def __init__(self, document: dict[str, Any], schema: JSON) -> None:
        self.document = document
        self.schema = schema

    def __call__(self, instance: JSON) -> list[Violation]:
        found: list[Violation] = []
        self._check(self.schema, instance, [], found, 0)
        return found

    def _check(self, schema: JSON, value: JSON, loc: list[str | int], found: list[Violation], depth: int) -> None:
        schema = resolve(self.document, schema)
        if not isinstance(schema, dict) or depth > 40:
            return
        for part in schema.get("allOf") or []:
            self._check(part, value, loc, found, depth + 1)
        for key in ("anyOf", "oneOf"):
            options = schema.get(key)
            if options and not any(not self._sub(o, value, depth) for o in options):
                found.append(Violation(loc, f"value does not match any schema of {key}", key))
        kinds = schema.get("type")
        if kinds is not None:
            names = kinds if isinstance(kinds, list) else [kinds]
            if not any(_type_ok(value, str(k)) for k in names):
                found.append(Violation(loc, f"{json.dumps(value)[:80]} is not of type {' or '.join(names)}", "type"))
                return
        if "enum" in schema and value not in schema["enum"]:
            found.append(Violation(loc, f"{json.dumps(value)[:80]} is not one of {schema['enum']!r}"[:300], "enum"))
        if "const" in schema and value != schema["const"]:
            found.append(Violation(loc, f"{schema['const']!r} was expected", "const"))
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            for key, sign, word in (("minimum", -1, "less than the minimum of"),
                                    ("maximum", 1, "greater than the maximum of"),
                                    ("exclusiveMinimum", -1, "less than or equal to"),
                                    ("exclusiveMaximum", 1, "greater than or equal to")):
                limit = schema.get(key)
                if not isinstance(limit, (int, float)):
                    continue
                beyond = (value - limit) * sign
                if beyond > 0 or beyond == 0 and key.startswith("exclusive"):
                    found.append(Violation(loc, f"{value} is {word} {limit}", key))
        if isinstance(value, str):
            if isinstance(schema.get("minLength"), int) and len(value) < schema["minLength"]:
                found.append(Violation(loc, f"string is shorter than {schema['minLength']}", "minLength"))
            if isinstance(schema.get("maxLength"), int) and len(value) > schema["maxLength"]:
                found.append(Violation(loc, f"string is longer than {schema['maxLength']}", "maxLength"))
            pattern = schema.get("pattern")
            if isinstance(pattern, str):
                try:
                    if re.search(pattern, value) is None:
                        found.append(Violation(loc, f"string does not match {pattern!r}", "pattern"))
                except re.error:
                    pass
        if isinstance(value, list):
            if isinstance(schema.get("minItems"), int) and len(value) < schema["minItems"]:
                found.append(Violation(loc, f"expected at least {schema['minItems']} items", "minItems"))
            if isinstance(schema.get("maxItems"), int) and len(value) > schema["maxItems"]:
                found.append(Violation(loc, f"expected at most {schema['maxItems']} items", "maxItems"))
            if isinstance(schema.get("items"), dict):
                for position, item in enumerate(value):
                    self._check(schema["items"], item, [*loc, position], found, depth + 1)
        if isinstance(value, dict):
            for name in schema.get("required") or []:
                if name not in value:
                    found.append(Violation([*loc, name], "Field required", "missing"))
            properties = schema.get("properties") or {}
            for name, item in value.items():
                if name in properties:
                    self._check(properties[name], item, [*loc, name], found, depth + 1)
                elif schema.get("additionalProperties") is False:
                    found.append(Violation([*loc, name], "Extra inputs are not permitted", "additionalProperties"))
                elif isinstance(schema.get("additionalProperties"), dict):
                    self._check(schema["additionalProperties"], item, [*loc, name], found, depth + 1)

    def _sub(self, schema: JSON, value: JSON, depth: int) -> list[Violation]:
        found: list[Violation] = []
        self._check(schema, value, [], found, depth + 1)
        return found


def resolve(document: dict[str, Any], schema: JSON, depth: int = 0) -> JSON:
    """Follow local `$ref`s (`#/components/...`) until a schema without one, or give up after 32 hops."""
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and depth < 32:
        ref = str(schema["$ref"])
        if not ref.startswith("#/"):
            return {}
        target: JSON = document
        for part in ref[2:].split("/"):
            part = unquote(part).replace("~1", "/").replace("~0", "~")
            if isinstance(target, dict) and part in target:
                target = target[part]
            elif isinstance(target, list) and part.isdigit() and int(part) < len(target):
                target = target[int(part)]
            else:
                return {}
        siblings = {k: v for k, v in schema.items() if k != "$ref"}
        schema = {**target, **siblings} if siblings and isinstance(target, dict) else target
        depth += 1
    return schema


# ---------------------------------------------------------------------------------------------------
# Data generated from schemas


class DataGenerator:
    """Values that conform to a schema, chosen by a seeded `random.Random` (same seed, same data)."""

    def __init__(self, document: dict[str, Any], rng: random.Random, use_examples: bool) -> None:
        self.document = document
        self.rng = rng
        self.use_examples = use_examples

    def value(self, schema: JSON, name: str = "", depth: int = 0) -> JSON:
        schema = resolve(self.document, schema)
        if not isinstance(schema, dict) or depth > 8:
            return None if depth > 8 else {}
        if "const" in schema:
            return schema["const"]
        if self.use_examples:
            # a documented value, when it fits its own schema (docs give a number as an array's example)
            candidates = [schema["example"]] if "example" in schema else []
            if isinstance(schema.get("examples"), list):
                candidates += schema["examples"][:1]
            if "default" in schema:
                candidates.append(schema["default"])
            for candidate in candidates:
                if not SimpleChecker(self.document, schema)(candidate):
                    return candidate
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            options = schema["enum"]
            return options[0] if self.use_examples else self.rng.choice(options)
        if schema.get("allOf"):
            merged: dict[str, Any] = {}
            for part in schema["allOf"]:
                part = resolve(self.document, part)
                if isinstance(part, dict):
                    for key, item in part.items():
                        if key in ("properties",) and isinstance(item, dict):
                            merged.setdefault("properties", {}).update(item)
                        elif key == "required" and isinstance(item, list):
                            merged.setdefault("required", []).extend(item)
                        else:
                            merged.setdefault(key, item)
            rest = {k: v for k, v in schema.items() if k != "allOf"}
            return self.value({**merged, **rest}, name, depth + 1)
        for key in ("oneOf", "anyOf"):
            if schema.get(key):
                options = [o for o in schema[key] if resolve(self.document, o).get("type") != "null"] or schema[key]
                return self.value(options[0], name, depth + 1)
        kinds = schema.get("type")
        if isinstance(kinds, list):
            kinds = next((k for k in kinds if k != "null"), "null")
        if kinds is None:
            kinds = "object" if "properties" in schema else "array" if "items" in schema else "string"
        return self._typed(str(kinds), schema, name, depth)

    def _typed(self, kind: str, schema: dict[str, Any], name: str, depth: int) -> JSON:
        if kind == "object":
            result: dict[str, Any] = {}
            required = set(schema.get("required") or [])
            for prop, sub in (schema.get("properties") or {}).items():
                if prop in required or depth < 4:
                    result[prop] = self.value(sub, prop, depth + 1)
            return result
        if kind == "array":
            low = int(schema.get("minItems") or 1)
            most = schema.get("maxItems")
            high = most if isinstance(most, int) else max(low, 1)
            count = max(low, min(high, 1 if self.use_examples else self.rng.randint(1, 3)))
            return [self.value(schema.get("items") or {}, name, depth + 1) for _ in range(min(count, MAX_LIST_ITEMS))]
        if kind in ("integer", "number"):
            return self._number(kind, schema)
        if kind == "boolean":
            return False if self.use_examples else self.rng.random() < 0.5
        if kind == "null":
            return None
        return self._string(schema, name)

    def _number(self, kind: str, schema: dict[str, Any]) -> int | float:
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
        high = schema.get("maximum", schema.get("exclusiveMaximum", max(low, 0) + 100))
        low, high = float(low), float(high)
        if "exclusiveMinimum" in schema and "minimum" not in schema:
            low += 1 if kind == "integer" else 1e-6
        if "exclusiveMaximum" in schema and "maximum" not in schema:
            high -= 1 if kind == "integer" else 1e-6
        if kind == "integer":
            start, stop = int(-(-low // 1)), int(high // 1)
            step = schema.get("multipleOf")
            if isinstance(step, int) and step > 0:
                start = -(-start // step) * step
                return start if self.use_examples or start + step > stop else start + step * self.rng.randint(
                    0, (stop - start) // step)
            return start if self.use_examples or stop < start else self.rng.randint(start, stop)
        return low if self.use_examples or high < low else round(self.rng.uniform(low, high), 3)

    def _string(self, schema: dict[str, Any], name: str) -> str:
        fmt = str(schema.get("format") or "")
        token = uuid.UUID(int=self.rng.getrandbits(128), version=4)
        text = {
            "date-time": "2024-01-01T00:00:00Z", "date": "2024-01-01", "time": "00:00:00Z",
            "uuid": str(token), "email": "user@example.com", "uri": "https://example.com/resource",
            "url": "https://example.com/resource", "hostname": "example.com", "ipv4": "127.0.0.1",
            "byte": base64.b64encode(b"mock").decode(), "binary": "mock",
        }.get(fmt)
        if text is None and (name == "url" or name.endswith("_url")):
            text = f"https://example.com/{name}/{token.hex[:8]}"
        if text is None:
            text = f"{name or 'string'}-{token.hex[:8]}" if not self.use_examples else (name or "string")
        low = int(schema.get("minLength") or 0)
        high = schema.get("maxLength")
        if len(text) < low:
            text = text + "x" * (low - len(text))
        if isinstance(high, int):
            text = text[:high]
        return text


# ---------------------------------------------------------------------------------------------------
# Images


def _png(width: int, height: int, color: tuple[int, int, int]) -> bytes:
    """A real RGB PNG of one colour with a darker band, written with zlib alone."""
    dark = tuple(c // 2 for c in color)
    band = max(1, height // 8)
    light_row = b"\x00" + bytes(color) * width
    dark_row = b"\x00" + bytes(dark) * width
    raw = b"".join(dark_row if (y // band) % 4 == 1 else light_row for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")


def _color(variant: int) -> tuple[int, int, int]:
    digest = hashlib.sha256(str(variant).encode()).digest()
    return (64 + digest[0] % 160, 64 + digest[1] % 160, 64 + digest[2] % 160)


_IMAGE_LOCK = threading.Lock()


def render_image(width: int, height: int, fmt: str, variant: int) -> bytes:
    """`image_bytes`, one image at a time: however many media requests arrive at once (they need no key, as
    fal's media URLs need none), encoding them takes at most one core and MAX_IMAGE_SIDE bounds each."""
    with _IMAGE_LOCK:
        return image_bytes(width, height, fmt, variant)


@lru_cache(maxsize=32)
def image_bytes(width: int, height: int, fmt: str, variant: int) -> bytes:
    """A real image of the given size and format (`png`, `jpeg`, `webp`); PNG when Pillow is missing."""
    color = _color(variant)
    if fmt == "png":
        return _png(width, height, color)
    try:
        pil_image = importlib.import_module("PIL.Image")
        pil_draw = importlib.import_module("PIL.ImageDraw")
    except ImportError:
        return _png(width, height, color)
    picture = pil_image.new("RGB", (width, height), color)
    band = max(1, height // 8)
    pil_draw.Draw(picture).rectangle((0, band, width, 2 * band - 1), fill=tuple(c // 2 for c in color))
    buffer = io.BytesIO()
    # libwebp's fastest method: a 4096x4096 WebP in a few tenths of a second instead of seconds
    picture.save(buffer, format=fmt.upper(), **({"method": 0} if fmt == "webp" else {}))
    return buffer.getvalue()


def _size_from(value: JSON) -> tuple[int, int] | None:
    if isinstance(value, dict):
        width, height = value.get("width"), value.get("height")
        if isinstance(width, int) and isinstance(height, int):
            return width, height
        return None
    if not isinstance(value, str):
        return None
    match = re.fullmatch(r"\s*(\d{1,5})\s*[xX*×]\s*(\d{1,5})\s*", value)
    if match:
        return int(match.group(1)), int(match.group(2))
    return NAMED_SIZES.get(value.lower())


def _clamp_side(side: int) -> int:
    return max(1, min(MAX_IMAGE_SIDE, side))


@dataclass
class MediaRequest:
    """What a request asks of the images it gets back."""

    width: int = 1024
    height: int = 1024
    fmt: str = "png"
    count: int | None = None
    b64: bool = False

    @classmethod
    def from_payload(cls, payload: JSON) -> MediaRequest:
        media = cls()
        if not isinstance(payload, dict):
            return media
        size = _size_from(payload.get("size")) or _size_from(payload.get("image_size"))
        if size is None and isinstance(payload.get("width"), int) and isinstance(payload.get("height"), int):
            size = (payload["width"], payload["height"])
        if size is not None:
            media.width, media.height = _clamp_side(size[0]), _clamp_side(size[1])
        for key in ("output_format", "format"):
            value = payload.get(key)
            if isinstance(value, str) and value.lower() in FORMATS:
                media.fmt = FORMATS[value.lower()]
                break
        for key in ("n", "num_images"):
            value = payload.get(key)
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                media.count = min(value, MAX_LIST_ITEMS)
                break
        media.b64 = payload.get("response_format") == "b64_json"
        return media

    def url(self, base_url: str, variant: int) -> str:
        extension = "jpg" if self.fmt == "jpeg" else self.fmt
        return f"{base_url}{MEDIA_PREFIX}{self.width}x{self.height}/{variant}.{extension}"


def _looks_like_image_url(value: JSON) -> bool:
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        return False
    return value.split("?")[0].lower().endswith(IMAGE_SUFFIXES)


def rewrite_media(payload: JSON, media: MediaRequest, base_url: str, seed: int) -> JSON:
    """Point image URLs at the mock, fill `b64_json` with a real PNG, and size image lists by `n`."""
    counter = [seed % 1000]

    def next_variant() -> int:
        counter[0] += 1
        return counter[0]

    def item(entry: JSON, image_key: bool) -> JSON:
        if not isinstance(entry, dict):
            return _looks_like_image_url(entry) and media.url(base_url, next_variant()) or entry
        entry = {k: walk(v, k) for k, v in entry.items()}
        imageish = image_key or _looks_like_image_url(entry.get("url")) or "b64_json" in entry
        if not imageish:
            return entry
        variant = next_variant()
        if isinstance(entry.get("url"), str) or "url" in entry and not media.b64:
            entry["url"] = media.url(base_url, variant)
        if "b64_json" in entry or media.b64:
            png = image_bytes(media.width, media.height, "png", variant)
            entry["b64_json"] = base64.b64encode(png).decode("ascii")
            if media.b64 and "url" in entry and entry["url"] is None:
                entry.pop("url")
        if isinstance(entry.get("width"), int):
            entry["width"] = media.width
        if isinstance(entry.get("height"), int):
            entry["height"] = media.height
        if isinstance(entry.get("content_type"), str):
            entry["content_type"] = MEDIA_TYPES["png" if "b64_json" in entry and media.b64 else media.fmt]
        return entry

    def walk(value: JSON, key: str = "") -> JSON:
        image_key = key in ("data", "images", "image", "output", "outputs")
        if isinstance(value, list):
            if media.count is not None and image_key and value and isinstance(value[0], dict):
                value = [value[i % len(value)] for i in range(media.count)]
            return [item(entry, image_key) for entry in value]
        if isinstance(value, dict):
            return item(value, image_key)
        return media.url(base_url, next_variant()) if _looks_like_image_url(value) else value

    return walk(payload)


# ---------------------------------------------------------------------------------------------------
# fal queue


@dataclass(slots=True)
class Job:
    """One submitted request of the fal queue simulation.

    The payload is kept as its JSON text and the result, once built, as the encoded answer: bytes whose
    size is what the job costs the store, rather than Python objects several times larger.
    """

    request_id: str
    app_path: str
    result: bytes | None = None  # the encoded JSON answer of the result endpoint, built on first fetch
    polls: int = 0
    # (operation, payload JSON, and the submit's method, path, body, base URL): what the result is built from
    source: JobSource | None = None
    cancelled: bool = False
    logs: list[dict[str, Any]] | None = None  # the IN_PROGRESS log lines, from the first one on
    cost: int = 0  # bytes counted against the store's budget


# `Job.source`: the operation by its index, so a stored job holds atoms only and the garbage collector stops
# tracking it (a full store is 10,000 of them; tracked, every full collection walks them all)
JobSource = tuple[int, bytes, str, str, bytes, str]
# what the compiled submits of one path share: (app path, operation index, method, path, base URL)
SubmitRoute = tuple[str, int, str, str, str]
# A job no one has looked at since its compiled submit: (its path's `SubmitRoute`, the JSON body), a Job once
# looked at (`JobStore._job`). Per job the store then keeps three objects (id, pair, body) and some 250 bytes,
# not six and twice that: a full store is cycled through once every 10,000 submits, and what an evicted
# job frees is long out of the CPU's caches, so every object less is cache misses less per request.
FreshJob = tuple[SubmitRoute, bytes]


def _cost(entry: Job | FreshJob) -> int:
    return len(entry[1]) + JOB_OVERHEAD if type(entry) is tuple else entry.cost  # type: ignore[union-attr]


class JobStore:
    """Submitted requests, the oldest evicted past `limit` jobs or `max_bytes` of payloads and results;
    a lock keeps it safe across threads. A job stays a plain tuple until it is first looked at (most are
    polled a few times, many never): a submit then costs one tuple rather than a `Job`."""

    def __init__(self, limit: int, max_bytes: int = DEFAULT_MAX_JOB_BYTES) -> None:
        self.limit = max(1, limit)
        self.max_bytes = max(1, max_bytes)
        self.bytes = 0
        self._jobs: OrderedDict[str, Job | FreshJob] = OrderedDict()
        self._lock = threading.Lock()

    def submit(self, request_id: str, route: SubmitRoute, body: bytes) -> None:
        """`add` of the job of a compiled submit of `body` (JSON, its payload as sent) on `route`: the same as
        `Job(request_id, app_path, source=(index, body, method, path, body, base_url))`, costing its body."""
        lock = self._lock
        lock.acquire()  # `with` would look up `__enter__` and `__exit__` on every submit
        try:
            jobs = self._jobs
            jobs[request_id] = (route, body)
            self.bytes += len(body) + JOB_OVERHEAD
            if len(jobs) > self.limit:  # full: the oldest goes, the common case once the store is full
                oldest = jobs.popitem(False)[1]  # `_cost`, inlined
                self.bytes -= len(oldest[1]) + JOB_OVERHEAD if type(oldest) is tuple else oldest.cost  # type: ignore[union-attr]
            if self.bytes > self.max_bytes:
                self._evict()
        finally:
            lock.release()

    def _job(self, request_id: str) -> Job | None:
        """The job of `request_id` (made a `Job` if it is still a tuple), under the lock."""
        entry = self._jobs.get(request_id)
        if type(entry) is tuple:
            (app_path, index, method, path, base_url), body = entry
            entry = self._jobs[request_id] = Job(request_id, app_path, None, 0, (index, body, method, path, body, base_url),
                                                 cost=len(body) + JOB_OVERHEAD)
        return entry  # type: ignore[return-value]

    def add(self, job: Job, cost: int = 0) -> None:
        with self._lock:
            job.cost = cost = cost + JOB_OVERHEAD
            jobs = self._jobs
            jobs[job.request_id] = job
            self.bytes += cost
            if len(jobs) > self.limit:  # full: the oldest goes, the common case once the store is full
                self.bytes -= _cost(jobs.popitem(False)[1])
            if self.bytes > self.max_bytes:
                self._evict()

    def resize(self, job: Job, cost: int) -> None:
        """A job's size changed (its result was built): count the new size, evicting others if need be."""
        with self._lock:
            if self._jobs.get(job.request_id) is not job:
                return
            self.bytes += cost + JOB_OVERHEAD - job.cost
            job.cost = cost + JOB_OVERHEAD
            self._evict(keep=job.request_id)

    def _evict(self, keep: str | None = None) -> None:
        jobs = self._jobs
        while keep is None and len(jobs) > 1 and (len(jobs) > self.limit or self.bytes > self.max_bytes):
            self.bytes -= _cost(jobs.popitem(False)[1])  # the oldest; the common case, once the store is full
        while len(self._jobs) > 1 and (len(self._jobs) > self.limit or self.bytes > self.max_bytes):
            request_id = next(iter(self._jobs))
            if request_id == keep:
                self._jobs.move_to_end(request_id)
                request_id = next(iter(self._jobs))
                if request_id == keep:
                    return
            self.bytes -= _cost(self._jobs.pop(request_id))

    def get(self, request_id: str) -> Job | None:
        with self._lock:
            return self._job(request_id)

    def poll(self, request_id: str) -> tuple[Job, int] | None:
        """The job and its poll count before this poll, counting this one."""
        with self._lock:
            job = self._job(request_id)
            if job is None:
                return None
            before = job.polls
            job.polls += 1
            return job, before

    def __len__(self) -> int:
        with self._lock:
            return len(self._jobs)


# ---------------------------------------------------------------------------------------------------
# Routing


# An answer as an ASGI server sends it: status, encoded header pairs (Content-Length included), body
RawAnswer = tuple[int, list[tuple[bytes, bytes]], bytes]
# `Engine._build_fast`'s handler of one operation: (method, path, path parameters, headers, body, base URL)
FastHandler = Callable[[str, str, dict[str, str], dict[bytes, bytes], bytes, str], "RawAnswer | None"]


@dataclass
class Operation:
    """One operation of the spec with what the engine needs at request time."""

    data: dict[str, Any]
    pattern: re.Pattern[str]
    literal_score: int
    checkers: dict[str, Checker] = field(default_factory=dict)
    params: list[tuple[Any, ...]] | None = None  # `Engine._param_plan`, built on first use
    # Content-Type header sent -> (its media type, the body media type of the spec it picks, or None)
    media: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    default_code: str | None = None  # `_pick_status` without a Prefer code, once worked out
    index: int = -1  # its place in `Engine.operations`: what a stored job names it by (see `JobSource`)
    # query keys (and values) an AWS-style path key names after `#` or `?` (`/tags#resourceArn&tagKeys`,
    # `/?Action=List`): what tells operations on one path apart (`_route`)
    query_keys: tuple[tuple[str, str | None], ...] = ()
    # worked out once when the engine starts (`Engine._compile`), so a request reads them instead of the spec
    auth: tuple[tuple[tuple[Any, ...], ...], ...] = ()  # the security alternatives, each scheme as `_scheme_plan`
    challenge: str = "Bearer"  # `WWW-Authenticate` of a 401
    names: tuple[str, ...] = ()  # the path template's parameter names, in order
    trivial_params: bool = False  # only plain-string path parameters: any value the route matched is valid
    role: str | None = None  # `queue_role`: status, stream, result, cancel
    queue: bool = False  # a fal queue submit
    body: dict[str, Any] | None = None  # the request body the spec documents (`content`, `required`)
    fast: FastHandler | None = None  # `Engine._build_fast`: the common case answered in one call
    fast_built: bool = False  # whether `fast` was worked out (None then means: always the general path)

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def method(self) -> str:
        return str(self.data["method"])


def _compile_path(template: str, greedy: list[str]) -> tuple[re.Pattern[str], int]:
    # a path key may carry a fragment or a query (`/tags#resourceArn`, `/x?action=y` in AWS documents):
    # neither reaches the server, so the route is the path part
    template = re.split(r"[#?]", template, maxsplit=1)[0] or "/"
    parts = re.split(r"(\{[^}]+\})", template)
    regex: list[str] = []
    literal = 0
    for part in parts:
        if part.startswith("{") and part.endswith("}"):
            name = part[1:-1]
            group = f"p{len(regex)}"
            regex.append(f"(?P<{group}>.+)" if name in greedy else f"(?P<{group}>[^/]+)")
        else:
            literal += len(part)
            regex.append(re.escape(part))
    return re.compile("^" + "".join(regex) + "/?$"), literal


def _query_keys(template: str) -> tuple[tuple[str, str | None], ...]:
    """The query keys an AWS-style path key names after its path: `/tags#resourceArn&tagKeys` ->
    (resourceArn, None), (tagKeys, None); `/?Action=List` -> (Action, List)."""
    parts = re.split(r"[#?]", template, maxsplit=1)
    if len(parts) < 2:
        return ()
    keys: list[tuple[str, str | None]] = []
    for piece in re.split(r"[&#?]", parts[1]):
        key, equals, value = piece.partition("=")
        if key:
            keys.append((unquote(key), unquote(value) if equals else None))
    return tuple(keys)


def _scheme_plan(scheme: dict[str, Any]) -> tuple[Any, ...]:
    """A security scheme of the fixtures as what `Engine._credential_problem` reads: (kind, name, header name
    lower-cased, prefix); kind is `bearer`, `basic`, `query`, `cookie`, `header` (an API key header) or `other`."""
    kind = scheme.get("type")
    name = str(scheme.get("name") or "")
    header = (name or "authorization").lower()
    if kind in ("bearer", "basic"):
        return (kind, "Authorization", "authorization", "Bearer" if kind == "bearer" else "Basic")
    if kind == "apiKey":
        where = scheme.get("in")
        if where in ("query", "cookie"):
            return (where, name, header, "")
        return ("header", scheme.get("name"), header, str(scheme.get("prefix") or ""))
    return ("other", name, header, "")


# the bits of a random 128-bit number a version-4 UUID keeps, and those it sets (variant 10, version 0100)
_UUID_KEEP = ~(0xC000 << 48) & ~(0xF000 << 64)
_UUID_SET = 0x8000 << 48 | 4 << 76
# stands for the request id in a ticket's encoded JSON (`Engine._ticket_parts`); NUL never reaches a URL as is
_ID_MARKER = "\0apigen-request-id\0"
_ID_STEP = 0x9E3779B97F4B  # odd: n -> n * step mod 2**48 is one-to-one
_ID_MASK = (1 << 48) - 1
_ID_BIT = 1 << 48  # `hex` of the 48 bits with this one above them, less `0x1`: twelve digits, zeros kept


def _param_names(template: str) -> list[str]:
    return re.findall(r"\{([^}]+)\}", template)


def _coerce(value: str, schema: JSON, document: dict[str, Any]) -> JSON:
    """A query, path or header string as the type its schema asks for (left alone when it does not parse)."""
    schema = resolve(document, schema)
    if not isinstance(schema, dict):
        return value
    kinds = schema.get("type")
    if kinds is None:
        for key in ("anyOf", "oneOf"):
            for option in schema.get(key) or []:
                option = resolve(document, option)
                if isinstance(option, dict) and option.get("type") not in (None, "null", "string"):
                    coerced = _coerce(value, option, document)
                    if coerced is not value:
                        return coerced
        return value
    names = kinds if isinstance(kinds, list) else [kinds]
    for kind in names:
        try:
            if kind == "integer" and re.fullmatch(r"-?\d+", value.strip()):
                return int(value)
            if kind == "integer" and value.lower() in ("true", "false") and set(schema.get("enum") or [2]) <= {0, 1}:
                return int(value.lower() == "true")  # a 0/1 flag such as fal's `logs`, sent as true by fal-client
            if kind == "number" and re.fullmatch(r"-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", value.strip()):
                number = float(value)
                return int(number) if number.is_integer() and "." not in value else number
            if kind == "boolean" and value.lower() in ("true", "false", "1", "0"):
                return value.lower() in ("true", "1")
            if kind == "null" and value in ("", "null"):
                return None
        except ValueError:
            continue
    return value


def _is_json_type(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")


# `json.dumps(value, ensure_ascii=False, separators=(",", ":"))`, with the encoder built once instead of per call
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_UTF8_BOM = b"\xef\xbb\xbf"


# the scanner `json.loads` runs (an instance attribute of the decoder), called without its Python layers
_SCAN: Callable[[str, int], tuple[Any, int]] = vars(json.JSONDecoder())["scan_once"]


def _loads(body: bytes) -> JSON:
    """`json.loads(body)`: a body that is plainly UTF-8 (two non-NUL first bytes, no BOM, as `json` itself
    detects) is decoded here at once and scanned by `json`'s own scanner; anything else (whitespace around
    the value, extra data, an error to report) goes through `json.loads` itself, so the answers are its."""
    if len(body) > 1 and body[0] and body[1] and not body.startswith(_UTF8_BOM):
        text = body.decode("utf-8", "surrogatepass")
        try:
            value, end = _SCAN(text, 0)
        except (StopIteration, ValueError, RecursionError):
            return json.loads(text)
        return value if end == len(text) else json.loads(text)
    return json.loads(body)


def _form_records(text: str) -> JSON:
    """A form body for a schema that is no object (an array of records): the JSON it spells, if it is JSON
    (a list of `[key, value]` pairs is the pairs of a form, a value any JSON value: how a client that cannot
    urlencode nested values sends them), else its `key=value` pairs; either way the pairs grouped into one
    object per record, a repeated key starting the next. Text of neither kind stays text."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        pairs = [piece.partition("=") for piece in text.split("&")] if text else []
        if not all(equals for _, equals, _ in pairs):
            return text
        value = [[unquote(k.replace("+", " ")), unquote(v.replace("+", " "))] for k, _, v in pairs]
    if not isinstance(value, list) or not all(isinstance(p, list) and len(p) == 2 and isinstance(p[0], str)
                                              for p in value):
        return value
    records: list[dict[str, JSON]] = []
    for key, item in value:
        if not records or key in records[-1]:
            records.append({})
        records[-1][key] = item
    return records


_DELIMITERS = {"form": ",", "simple": ",", "spaceDelimited": " ", "pipeDelimited": "|"}


def _param_value(raw: list[str], schema: dict[str, Any], kind: str, style: str, explode: bool,
                 document: dict[str, Any]) -> JSON:
    """A parameter's value from its text as OpenAPI's `style`/`explode` spell it: arrays as repeated keys
    (exploded) or one `a,b` / `a b` / `a|b` value; objects as `k,v,k,v` or (exploded, simple) `k=v,k=v`;
    anything else the last value, coerced to its schema's type. `lenient` (no style given): an array may be
    repeated keys or one comma-separated value."""
    if kind == "array":
        if style == "lenient":
            items = raw[0].split(",") if len(raw) == 1 else raw
        elif explode and style != "simple":
            items = raw
        else:
            delimiter = _DELIMITERS.get(style, ",")
            items = [piece for text in raw for piece in text.split(delimiter)]
        item_schema = schema.get("items") or {}
        return [_coerce(v, item_schema, document) for v in items]
    if kind == "object":
        text = raw[-1]
        if style == "deepObject":
            return text  # `name=text` where `name[key]=value` was due: not an object
        pairs: list[tuple[str, str]]
        if explode and style == "simple":
            pairs = [(k, v) for k, _, v in (piece.partition("=") for piece in text.split(","))]
        else:
            pieces = text.split(",")
            if len(pieces) % 2:
                return text  # not key,value pairs: the schema check says so
            pairs = list(zip(pieces[::2], pieces[1::2]))
        return {k: _coerce(v, _property_schema(schema, k), document) for k, v in pairs}
    return _coerce(raw[-1], schema, document)


def _property_schema(schema: dict[str, Any], key: str) -> JSON:
    extra = schema.get("additionalProperties")
    return (schema.get("properties") or {}).get(key, extra if isinstance(extra, dict) else {})


def _query_object(query: dict[str, list[str]], name: str, schema: dict[str, Any], document: dict[str, Any],
                  deep: bool) -> dict[str, Any] | None:
    """An object parameter from the query: `name[key]=value` keys (deepObject), or the object's own
    properties as keys (form, exploded); None when the query holds none of them. A key given twice is a
    list (which only an array property accepts)."""
    found: dict[str, Any] = {}
    if deep:
        prefix = name + "["
        for key, texts in query.items():
            if key.startswith(prefix) and key.endswith("]"):
                prop = key[len(prefix):-1]
                found[prop] = [_coerce(t, _items_of(_property_schema(schema, prop), document), document)
                               for t in texts]
    else:
        for prop in schema.get("properties") or {}:
            if prop in query:
                found[prop] = [_coerce(t, _items_of(_property_schema(schema, prop), document), document)
                               for t in query[prop]]
    if not found:
        return None
    for prop, values in found.items():
        prop_schema = resolve(document, _property_schema(schema, prop))
        is_array = isinstance(prop_schema, dict) and prop_schema.get("type") == "array"
        found[prop] = values if is_array or len(values) > 1 else values[0]
    return found


def _items_of(schema: JSON, document: dict[str, Any]) -> JSON:
    """The schema a single query value is read as: an array property's items, else the property itself."""
    schema = resolve(document, schema)
    if isinstance(schema, dict) and schema.get("type") == "array":
        return schema.get("items") or {}
    return schema


def _parse_multipart(content_type: str, body: bytes) -> dict[str, Any]:
    """Fields of a multipart/form-data body (files as bytes), with the standard library's MIME parser."""
    boundary = re.search(r'boundary="?([^";]+)"?', content_type)
    if boundary is not None and body.strip() in (b"", b"--" + boundary.group(1).encode("latin-1") + b"--"):
        return {}  # a form with no fields: just the closing delimiter
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body)
    if not message.is_multipart():
        raise ValueError("not a multipart body")
    fields: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):  # a part that names no field is no form data
            raise TypeError("multipart part without a Content-Disposition name")  # caught: 400
        payload = part.get_payload(decode=True)
        raw = payload if isinstance(payload, bytes) else b""
        value: Any = raw if part.get_filename() else raw.decode("utf-8", "replace")
        if name.endswith("[]") or name in fields:
            key = name.removesuffix("[]")
            previous = fields.get(key)
            fields[key] = [*previous, value] if isinstance(previous, list) else (
                [previous, value] if key in fields else [value])
        else:
            fields[name] = value
    return fields


# ---------------------------------------------------------------------------------------------------
# The engine


class Engine:
    """Answers requests the way the API would: checked against the spec, served from fixtures or schemas."""

    def __init__(self, spec: dict[str, Any], fixtures: dict[str, Any], *, seed: int = 0, queue_ticks: int = 3,
                 max_jobs: int = 10_000, max_body: int | None = None, use_jsonschema: bool = True,
                 max_job_bytes: int = DEFAULT_MAX_JOB_BYTES, api_key: str | None = None) -> None:
        self.document: dict[str, Any] = {**spec, "x-mock-schemas": fixtures.get("schemas", [])}
        # what requests are checked against: the same schemas with the integer formats' ranges made explicit
        # (generated data keeps to the plain ones, whose small default ranges read better)
        self.checked: dict[str, Any] = json.loads(json.dumps(self.document))
        _bound_integer_formats(self.checked)
        self.fixtures = fixtures
        self.seed = seed
        self.queue_ticks = max(0, queue_ticks)
        self.max_body = max_body or int(fixtures.get("max_body") or DEFAULT_MAX_BODY)
        self.base_path = str(fixtures.get("base_path") or "").rstrip("/")
        self.jobs = JobStore(max_jobs, max_job_bytes)
        self.api_key = api_key or None  # only this credential is accepted when set (`--api-key`)
        # resources deleted by a DELETE answer 404 until written again (the last MAX_DELETED of them)
        self._deleted_paths: OrderedDict[str, None] = OrderedDict()
        self._deleted_lock = threading.Lock()
        self.use_jsonschema = use_jsonschema
        # Request ids are version-4 UUIDs, seeded: the first four groups drawn once per engine, the last one
        # (48 bits) a counter times an odd number, which no two of 2**48 ids share. One format per submit,
        # where a fresh 128-bit UUID took several big-integer steps and five slices.
        rng = random.Random(seed)
        drawn = f"{rng.getrandbits(128) & _UUID_KEEP | _UUID_SET:032x}"
        self._id_prefix = f"{drawn[:8]}-{drawn[8:12]}-{drawn[12:16]}-{drawn[16:20]}-"
        self._id_salt = int(drawn[20:], 16)
        # n * step + salt for n = 1, 2, ...: `next` on it is one C call, atomic under the GIL (no lock)
        self._ids = itertools.count(self._id_salt + _ID_STEP, _ID_STEP)
        self._checkers: dict[int, Checker] = {}
        self._quick: dict[int, Callable[[JSON], bool]] = {}  # schema index -> `jsonschema_rs` is_valid
        self._checker_lock = threading.Lock()
        self._routes: dict[str, list[tuple[Operation, dict[str, str]]]] = {}
        self._routes_lock = threading.Lock()
        # (method, path) -> the operation and path parameters `_route` picked, for paths no query key decides
        self._resolved: dict[tuple[str, str], tuple[Operation, dict[str, str]]] = {}
        # (method, path) -> `_build_fast`'s handler of its operation and the path parameters (`answer_fast`;
        # the server adapter reads it first itself, one call less per request)
        self.fast_routes: dict[tuple[str, str], tuple[FastHandler, dict[str, str]]] = {}
        # (base URL, path) -> a submit's app path and ticket JSON split where its request id goes (`_submit`)
        self._tickets: dict[tuple[str, str], tuple[str, list[bytes] | None]] = {}
        self._registries: dict[str, Any] = {}
        self.operations = [self._operation(op) for op in fixtures.get("operations", [])]
        self.operations.sort(key=lambda op: (-op.literal_score, op.data["path"]))
        for index, operation in enumerate(self.operations):
            operation.index = index
        for op in self.operations:
            self._compile(op)
        self.queue_ops = {str(op.data.get("queue_role")): op for op in self.operations if op.data.get("queue_role")}

    def _operation(self, data: dict[str, Any]) -> Operation:
        pattern, literal = _compile_path(str(data["path"]), list(data.get("greedy") or []))
        return Operation(data=data, pattern=pattern, literal_score=literal,
                         query_keys=_query_keys(str(data["path"])))

    def _compile(self, op: Operation) -> None:
        """What every request of `op` needs, worked out once: its security schemes, its parameter plan and
        whether there is anything in the parameters to check at all."""
        alternatives = op.data.get("security") or []
        op.auth = tuple(tuple(_scheme_plan(scheme) for scheme in requirement) for requirement in alternatives)
        if alternatives and alternatives[0]:
            op.challenge = str(alternatives[0][0].get("challenge") or "Bearer")
        op.names = tuple(_param_names(str(op.data["path"])))
        plan = self._param_plan(op)
        op.trivial_params = all(where == "path" and kind == "string" and name in op.names
                                for where, name, _required, _index, _schema, kind, _style, _explode in plan)
        op.role = str(op.data["queue_role"]) if op.data.get("queue_role") else None
        op.queue = bool(op.data.get("queue"))
        op.body = op.data.get("body") or None

    def checker(self, index: int) -> Checker:
        """The compiled validator of schema number `index` of the fixtures (built on first use)."""
        found = self._checkers.get(index)  # built already: no lock (a dict read is atomic)
        if found is not None:
            return found
        with self._checker_lock:
            found = self._checkers.get(index)
            if found is None:
                built = _jsonschema_checker(self.checked, index, self._registries, self._quick) \
                    if self.use_jsonschema else None
                found = built or SimpleChecker(self.checked, self.checked["x-mock-schemas"][index])
                self._checkers[index] = found
            return found

    # -- entry point ----------------------------------------------------------------------------------

    def handle(self, request: MockRequest) -> MockResponse:
        """The answer to one request; never raises for anything a client sends."""
        if request.method == "GET" and request.path.startswith(MEDIA_PREFIX):
            return self._media(request.path[len(MEDIA_PREFIX):])
        operation: Operation | None = None
        try:
            found = self._resolved.get((request.method, request.path))
            operation, params = found if found is not None else self._route(request)
            answer = self._answer(operation, params, request)
        except Rejected as rejected:
            answer = self.error(request, operation, rejected.status, rejected.violations, rejected.headers)
        _safe_headers(answer)
        return answer

    # -- compiled answers -----------------------------------------------------------------------------

    def answer_fast(self, method: str, path: str, headers: dict[bytes, bytes], body: bytes,
                    base_url: str) -> RawAnswer | None:
        """The answer to the common request, or None for `handle` to give it.

        The common request is one to a (method, path) routed before, to an operation whose checks compile
        to a few lookups (`_build_fast`): a credential seen before, a JSON body `jsonschema_rs` finds valid,
        no `Prefer`. Its answer is exactly `handle`'s, as encoded bytes: a submit's ticket joined around a
        new request id, or an operation's answer encoded once. Anything else (an error to word, a query to
        read, a form body, a queue poll) is None, and `handle` answers it the one general way.
        `headers` are the raw header pairs, lower-cased names, the first of a repeated one kept.
        """
        route = self.fast_routes.get((method, path))
        if route is not None:
            return route[0](method, path, route[1], headers, body, base_url)
        found = self._resolved.get((method, path))  # routed before by `_route`: the handler is worked out once
        if found is None:
            return None
        op, params = found
        fast = op.fast if op.fast_built else self._build_fast(op)
        if fast is None:
            return None
        with self._routes_lock:
            self.fast_routes[(method, path)] = (fast, params)
            if len(self.fast_routes) > MAX_ROUTES:
                self.fast_routes.pop(next(iter(self.fast_routes)))
        return fast(method, path, params, headers, body, base_url)

    def _build_fast(self, op: Operation) -> FastHandler | None:
        """The one-call handler of `op`'s common request (see `answer_fast`), or None when `op` has none: a
        queue poll, parameters to check, security other than one header, a DELETE of a path resource."""
        op.fast_built = True
        if op.role or not op.trivial_params or op.method == "DELETE" and op.names:
            return None
        credential_header: bytes | None = None
        if op.auth and all(op.auth):  # some credential is required (an empty alternative needs none)
            if len(op.auth) != 1 or len(op.auth[0]) != 1 or op.auth[0][0][0] not in ("header", "bearer", "basic"):
                return None
            credential_header = str(op.auth[0][0][2]).encode("latin-1")
        # credential -> accepted, as `_check_auth` says (the few keys clients send; None: none sent)
        verdicts: dict[bytes | None, bool] = {None: False}
        # Content-Type -> "is this body valid?" of the JSON body media type it picks, or None: not JSON
        kinds: dict[bytes | None, Callable[[JSON], bool] | None] = {}
        takes_body = op.body is not None
        queue = op.queue
        max_body = self.max_body
        jobs, deleted = self.jobs, self._deleted_paths
        ids, prefix = self._ids, self._id_prefix
        # (base URL, path) -> a submit's route (what its jobs share), ticket parts and Content-Length (ids are
        # all 36 long); the route names the op's method, so a HEAD (on a GET submit) goes the general way
        submits: dict[tuple[str, str], tuple[SubmitRoute, list[bytes], tuple[bytes, bytes]]] = {}
        head_too = op.method == "GET"
        code = op.default_code or self._pick_status(op, {})
        status = int(code) if code.isdigit() else 200
        # once worked out: the answer of an operation that answers every request alike, or None (it does not)
        constant: list[RawAnswer | None] = []

        def fast(method: str, path: str, params: dict[str, str], headers: dict[bytes, bytes], body: bytes,
                 base_url: str) -> RawAnswer | None:
            if len(body) > max_body or b"prefer" in headers:
                return None
            if credential_header is not None:
                credential = headers.get(credential_header)
                if verdicts.get(credential) is not True and not self._fast_verdict(op, credential, verdicts):
                    return None
            if takes_body:
                content_type = headers.get(b"content-type")
                valid = kinds.get(content_type) or self._fast_kind(op, content_type, kinds)
                if valid is None:
                    return None
                try:
                    # `_loads`, inlined for a JSON object: `{` then a byte that is no NUL is UTF-8 to `json`
                    # too; the C scanner then reads it (anything else, an array included, goes the general way)
                    if body[0] != 123 or not body[1]:
                        return None
                    text = body.decode("utf-8", "surrogatepass")
                    payload, end = _SCAN(text, 0)
                    if end != len(text) or not valid(payload):
                        return None
                except Exception:  # noqa: BLE001 - malformed JSON, a value jsonschema_rs cannot take: general
                    return None
            if queue:
                key = (base_url, path)
                submit = submits.get(key) or self._fast_submit(op, path, base_url, submits)
                if submit is None or head_too and method != "GET":
                    return None
                request_id = prefix + hex(next(ids) & _ID_MASK | _ID_BIT)[3:]  # `_new_request_id`
                jobs.submit(request_id, submit[0], body)
                encoded = request_id.encode("ascii")
                return status, [(b"x-fal-request-id", encoded), _JSON_HEADER, submit[2]], encoded.join(submit[1])
            if params and deleted:  # a resource DELETE may have removed: `_answer` says
                return None
            if constant:
                return constant[0]
            answer = self._constant_answer(op, method, path, base_url)
            constant.append(answer)
            return answer

        op.fast = fast
        return fast

    def _fast_submit(self, op: Operation, path: str, base_url: str,
                     submits: dict[tuple[str, str], tuple[SubmitRoute, list[bytes], tuple[bytes, bytes]]],
                     ) -> tuple[SubmitRoute, list[bytes], tuple[bytes, bytes]] | None:
        """`_ticket_parts` of a submit path with the Content-Length of its tickets, kept in `submits` (bounded
        like the rest); None when the ticket cannot be cut (the general path encodes it whole)."""
        app_path, parts = self._tickets.get((base_url, path)) or self._ticket_parts(
            MockRequest(op.method, path, [], {}, b"", base_url))
        if parts is None:
            return None
        length = sum(map(len, parts)) + (len(parts) - 1) * (len(self._id_prefix) + 12)
        route = (app_path, op.index, op.method, path, base_url)
        found = (route, parts, (b"content-length", str(length).encode("ascii")))
        if len(submits) >= MAX_ROUTES:
            submits.pop(next(iter(submits)))
        submits[(base_url, path)] = found
        return found

    def _fast_verdict(self, op: Operation, credential: bytes | None, verdicts: dict[bytes | None, bool]) -> bool:
        """Whether `_check_auth` accepts `credential` in `op`'s one credential header; kept for the next
        request while `verdicts` has room (a client sends the same key over and over)."""
        if credential is None or credential in verdicts:
            return verdicts.get(credential, False)
        name = str(op.auth[0][0][2])
        try:
            self._check_auth(op, MockRequest("", "", [], {name: credential.decode("latin-1")}, b"", ""))
            accepted = True
        except Rejected:
            accepted = False
        if len(verdicts) < 64:
            verdicts[credential] = accepted
        return accepted

    def _fast_kind(self, op: Operation, content_type: bytes | None,
                   kinds: dict[bytes | None, Callable[[JSON], bool] | None]) -> Callable[[JSON], bool] | None:
        """"Is this body valid?" for a Content-Type that picks a JSON media type of `op`'s body (as
        `_body_media` picks it), or None for any other; kept for the few types clients send. The check is
        `jsonschema_rs`' `is_valid` (it may raise: the caller then goes the general way), else the full
        checker's empty list."""
        check: Callable[[JSON], bool] | None = None
        if content_type is not None:
            sent = content_type.decode("latin-1")
            media_type, chosen = self._body_media(op, MockRequest("", "", [], {"content-type": sent}, b"", ""))
            if chosen is not None and _is_json_type(media_type) and _is_json_type(chosen):
                index = ((op.body or {}).get("content") or {})[chosen].get("schema")
                if index is None:
                    check = _anything
                else:
                    checker = self.checker(int(index))
                    check = self._quick.get(int(index)) or (lambda value: not checker(value))
        if len(kinds) < 16:
            kinds[content_type] = check
        return check

    def _constant_answer(self, op: Operation, method: str, path: str, base_url: str) -> RawAnswer | None:
        """`op`'s answer when it is the same for every request that passes its checks, encoded; else None.

        It is when the answer is a documented example (or no body) and pointing its image URLs at the mock
        changes nothing (no image in it), whatever the payload asks and whatever the server's address: two
        unlike probes must both leave it as it is. Generated data (seeded by the request) and images are not.
        """
        response: dict[str, Any] = (op.data.get("responses") or {}).get(op.default_code or "") or {}
        media_type = str(response.get("content_type") or "")
        examples: dict[str, Any] = response.get("examples") or {}
        example = next((e["value"] for e in examples.values() if e.get("conforms")), None)
        if media_type and (media_type.startswith("image/") or example is None):
            return None
        if media_type and _is_json_type(media_type):
            probes = (MediaRequest(7, 9, "webp", 2, True), MediaRequest(count=3))
            if any(rewrite_media(example, probe, "http://probe.invalid", self.seed) != example for probe in probes):
                return None
        try:
            answer = self._fixture(op, MockRequest(method, path, [], {}, b"", base_url), {}, None)
        except Rejected:
            return None
        _safe_headers(answer)
        return answer.status, raw_headers(answer), answer.body

    # -- routing --------------------------------------------------------------------------------------

    def _candidates(self, path: str) -> list[tuple[Operation, dict[str, str]]]:
        """The operations whose template matches `path`, with its parameters; the last MAX_ROUTES paths'
        answers are kept (clients call the same few paths over and over)."""
        found = self._routes.get(path)
        if found is None:
            found = self._match(path)
            with self._routes_lock:
                self._routes[path] = found
                if len(self._routes) > MAX_ROUTES:
                    self._routes.pop(next(iter(self._routes)))
        return found

    def _match(self, path: str) -> list[tuple[Operation, dict[str, str]]]:
        paths = [path]
        if self.base_path and path.startswith(self.base_path + "/"):
            paths.append(path[len(self.base_path):])
        found: list[tuple[Operation, dict[str, str]]] = []
        for candidate in paths:
            for op in self.operations:
                match = op.pattern.match(candidate)
                if match:
                    values = [unquote(v) for v in match.groups()]
                    found.append((op, dict(zip(op.names, values))))
            if found:
                break
        return found

    def _route(self, request: MockRequest) -> tuple[Operation, dict[str, str]]:
        """The operation a request names and its path parameters (404 or 405 when none); a path no query key
        decides is resolved once per method (the parameters are shared: read, never written)."""
        key = (request.method, request.path)
        found = self._resolved.get(key)
        if found is not None:
            return found
        found = self._resolve(request)
        if not any(op.query_keys for op, _ in self._candidates(request.path)):
            with self._routes_lock:
                self._resolved[key] = found
                if len(self._resolved) > MAX_ROUTES:
                    self._resolved.pop(next(iter(self._resolved)))
        return found

    def _resolve(self, request: MockRequest) -> tuple[Operation, dict[str, str]]:
        matches = self._candidates(request.path)
        if not matches:
            raise Rejected(404, [Violation(["path"], f"No operation at {request.path[:200]}", "not_found")])
        # a path that a template names segment by segment (`/{owner}/{app}/requests/{id}`) is never swallowed
        # by a slash-holding parameter (`/fal-ai/{model}`): another method there is 405, not a submit
        exact = [(op, params) for op, params in matches if not op.data.get("greedy")]
        matches = exact or matches
        # the path the request names is the most literal template matching it (`/bin/querybuilder.json`
        # before `/{a}/{b}`, as OpenAPI says): its methods answer, any other method is 405
        best = matches[0][0].literal_score
        matches = [(op, params) for op, params in matches if op.literal_score == best]
        every = matches
        if len(matches) > 1 and any(op.query_keys for op, _ in matches):
            matches = self._by_query_keys(matches, request)
        for op, params in matches:
            if op.method == request.method or (request.method == "HEAD" and op.method == "GET"):
                return op, params
        # the method on a larger key set: the request misses one of its keys, a 422 that names it (over the
        # fragment-less wire this is the same request as that method on the smaller set, which has none)
        if every is not matches:
            keys = set(matches[0][0].query_keys)
            for op, params in every:
                if op.method == request.method and keys < set(op.query_keys):
                    return op, params
        allowed = sorted({op.method for op, _ in matches})
        raise Rejected(405, [Violation(["method"], f"Method {request.method[:20]} not allowed; use "
                                       f"{', '.join(allowed)}", "method_not_allowed")], {"allow": ", ".join(allowed)})

    @staticmethod
    def _by_query_keys(matches: list[tuple[Operation, dict[str, str]]],
                       request: MockRequest) -> list[tuple[Operation, dict[str, str]]]:
        """Of operations on one path told apart by query keys (AWS: `/tags#resourceArn` GET and POST,
        `/tags#resourceArn&tagKeys` DELETE), those whose keys the request carries, the most specific; all of
        them when the request carries none of their sets (it then misses a required parameter: 422)."""
        query: dict[str, str] = {}
        for key, value in request.query:
            query.setdefault(key, value)
        fits = [(op, params) for op, params in matches
                if all(key in query and (value is None or query[key] == value) for key, value in op.query_keys)]
        if not fits:
            return matches
        most = max(len(op.query_keys) for op, _ in fits)
        return [(op, params) for op, params in fits if len(op.query_keys) == most]

    # -- request checks -------------------------------------------------------------------------------

    def _check_auth(self, op: Operation, request: MockRequest) -> None:
        reasons: list[str] = []
        for requirement in op.auth:
            problems: list[str] = []
            for scheme in requirement:
                problem = self._credential_problem(scheme, request)
                if problem:
                    problems.append(problem)
            if not problems:
                return
            reasons.extend(problems)
        raise Rejected(401, [Violation(["header", "authorization"], reasons[0], "unauthorized")],
                       {"www-authenticate": op.challenge})

    def _credential_problem(self, scheme: tuple[Any, ...], request: MockRequest) -> str | None:
        """Why the request's credential for `scheme` (a `_scheme_plan`) is refused, or None. Without `api_key`
        any well-formed credential is accepted; with it, only that key."""
        kind, name, header, prefix = scheme
        if kind == "header":  # an API key header, the common case: checked first
            value = request.headers.get(header, "")
            if prefix:
                parts = value.split(None, 1)
                if len(parts) == 2 and parts[0] == prefix and (key := parts[1].strip()):
                    return self._key_problem(key) if self.api_key is not None else None
                if not value.strip():
                    return f"Missing credentials: send '{name}: {prefix} <key>'"
                return f"Malformed credentials: expected '{name}: {prefix} <key>'"
            if not value.strip():
                return f"Missing credentials: send '{name}: <key>'"
            return self._key_problem(value.strip())
        if kind in ("bearer", "basic"):
            value = request.headers.get("authorization", "")
            parts = value.split(None, 1)
            if not value:
                return f"Missing credentials: send 'Authorization: {prefix} <token>'"
            if len(parts) != 2 or parts[0].lower() != prefix.lower() or not parts[1].strip():
                return f"Malformed credentials: expected 'Authorization: {prefix} <token>'"
            return self._key_problem(parts[1].strip(), basic=kind == "basic")
        if kind == "query":
            given = next((v for k, v in request.query if k == name and v), None)
            if given is None:
                return f"Missing API key in query parameter {name}"
            return self._key_problem(given)
        if kind == "cookie":
            cookies = _cookies(request.headers.get("cookie", ""))
            if name not in cookies:
                return f"Missing API key in cookie {name}"
            return self._key_problem(cookies[name])
        return None

    def _key_problem(self, given: str, basic: bool = False) -> str | None:
        if self.api_key is None:
            return None
        candidates = [given]
        if basic:  # base64 of user:password: the password, or the whole pair, is the key
            try:
                pair = base64.b64decode(given, validate=True).decode("utf-8")
            except (ValueError, UnicodeDecodeError):
                pair = ""
            candidates += [pair, pair.partition(":")[2]]
        expected = self.api_key.encode("utf-8")
        if any(hmac.compare_digest(c.encode("utf-8"), expected) for c in candidates):
            return None
        return "Invalid API key"

    def _check_params(self, op: Operation, params: dict[str, str], request: MockRequest,
                      violations: list[Violation]) -> dict[str, Any]:
        if op.trivial_params:  # plain-string path parameters, matched by the route: nothing to check
            return params
        values: dict[str, Any] = {}
        query: dict[str, list[str]] = {}
        for key, text in request.query:
            query.setdefault(key, []).append(text)
        plan = op.params if op.params is not None else self._param_plan(op)
        for where, name, required, schema_index, schema, kind, style, explode in plan:
            raw: list[str] | None
            if where == "path":
                raw = [params[name]] if name in params else None
            elif where == "query":
                raw = query.get(name)
            elif where == "header":
                raw = [request.headers[name.lower()]] if name.lower() in request.headers else None
            elif where == "cookie":
                cookie = _cookies(request.headers.get("cookie", "")).get(name)
                raw = None if cookie is None else [unquote(cookie)]
            else:
                raw = None
            value: JSON = None
            if kind == "object" and where == "query" and (style == "deepObject" or raw is None and explode):
                # `name[key]=v` (deepObject), or the properties as query keys of their own (form, exploded)
                value = _query_object(query, name, schema, self.document, style == "deepObject")
                raw = raw if value is None else []
            if raw is None:
                if required:
                    violations.append(Violation([where, name], "Field required", "missing"))
                continue
            if schema_index is None:
                continue
            if kind == "string":  # a plain `type: string`: any text is its value, nothing to check
                values[name] = raw[-1]
                continue
            if value is None:
                value = _param_value(raw, schema, kind, style, explode, self.document)
            values[name] = value
            for problem in self.checker(schema_index)(value):
                violations.append(Violation([where, name, *problem.loc], problem.msg, problem.type))
        return values

    def _param_plan(self, op: Operation) -> list[tuple[Any, ...]]:
        """Each parameter of `op` with its schema resolved and how it is spelled, worked out once per operation:
        (in, name, required, schema index, schema, kind, style, explode)."""
        plan: list[tuple[Any, ...]] = []
        for param in op.data.get("parameters") or []:
            where, name = str(param["in"]), str(param["name"])
            index = param.get("schema")
            schema = resolve(self.document, self.document["x-mock-schemas"][index]) if index is not None else {}
            schema = schema if isinstance(schema, dict) else {}
            kinds = schema.get("type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            kind = "array" if "array" in kinds else "object" if "object" in kinds or (
                kinds == [None] and "properties" in schema) else "value"
            kind = "string" if schema == {"type": "string"} else kind
            style = param.get("style") or ("form" if where in ("query", "cookie") else "simple")
            explode = param.get("explode")
            # OpenAPI: only `form` explodes by default; an array with neither given keeps the lenient `a,b`
            lenient = explode is None and "style" not in param
            explode = style == "form" if explode is None else bool(explode)
            plan.append((where, name, bool(param.get("required")), None if index is None else int(index), schema,
                         kind, "lenient" if lenient and kind == "array" else style, explode))
        op.params = plan
        return plan

    def _check_body(self, op: Operation, request: MockRequest, violations: list[Violation]) -> JSON:
        body_spec = op.body
        if not body_spec:
            return None
        media_type, chosen = op.media.get(request.headers.get("content-type", "")) or self._body_media(op, request)
        # no body is no body, except a form: an empty one is a form without fields, checked as such
        if not request.body and media_type not in ("application/x-www-form-urlencoded", "multipart/form-data"):
            if body_spec.get("required"):
                violations.append(Violation(["body"], "Field required", "missing"))
            return None
        content: dict[str, Any] = body_spec.get("content") or {}
        if chosen is None:
            raise Rejected(415, [Violation(["header", "content-type"], f"Unsupported media type "
                                           f"{media_type[:80] or '(none)'}; send one of {', '.join(content)}",
                                           "unsupported_media_type")])
        payload: JSON
        if _is_json_type(chosen):
            try:
                payload = _loads(request.body)
            except (ValueError, UnicodeDecodeError, RecursionError) as error:
                raise Rejected(400, [Violation(["body"], f"Malformed JSON: {error}"[:200], "json_invalid")]) from None
        elif chosen == "multipart/form-data":
            try:
                payload = _parse_multipart(request.headers.get("content-type", ""), request.body)
            except (ValueError, LookupError, TypeError):
                raise Rejected(400, [Violation(["body"], "Malformed multipart body", "multipart_invalid")]) from None
            payload = self._coerce_form(payload, content[chosen].get("schema"))
        elif chosen == "application/x-www-form-urlencoded":
            try:
                form = dict(parse_qsl(request.body.decode("utf-8"), keep_blank_values=True))
            except UnicodeDecodeError:
                raise Rejected(400, [Violation(["body"], "Malformed form body", "form_invalid")]) from None
            if self._object_schema(content[chosen].get("schema")):
                payload = self._coerce_form(form, content[chosen].get("schema"))
            else:  # a form spells an object's fields (OpenAPI); for another schema, see `_form_records`
                payload = _form_records(request.body.decode("utf-8"))
        elif chosen.startswith("text/") and content[chosen].get("schema") is not None:
            payload = self._text_payload(chosen, request.body, int(content[chosen]["schema"]))
        else:
            return request.body
        schema_index = content[chosen].get("schema")
        if schema_index is not None:
            quick = self._quick.get(schema_index)
            try:  # `jsonschema_rs` says "valid" in microseconds; the checker lists what is wrong otherwise
                if quick is not None and quick(payload):
                    return payload
            except Exception:  # noqa: BLE001, S110 - a value it cannot take: the checker decides
                pass
            for problem in self.checker(int(schema_index))(payload):
                violations.append(Violation(["body", *problem.loc], problem.msg, problem.type))
        return payload

    @staticmethod
    def _body_media(op: Operation, request: MockRequest) -> tuple[str, str | None]:
        """The media type of the request's Content-Type and the body media type of `op` it picks (exact, then
        `type/*`, then `*/*`; None: 415), remembered for the few headers clients send."""
        sent = request.headers.get("content-type", "")
        media_type = sent.split(";")[0].strip().lower()
        content: dict[str, Any] = (op.data.get("body") or {}).get("content") or {}
        chosen = next((t for t in content if t.lower() == media_type), None)
        if chosen is None:
            chosen = next((t for t in content if t.endswith("/*") and media_type.startswith(t[:-1])), None)
        if chosen is None and "*/*" in content:
            chosen = "*/*"
        if len(op.media) < 16:  # the few types clients send, not every one tried
            op.media[sent] = (media_type, chosen)
        return media_type, chosen

    def _object_schema(self, schema_index: int | None) -> bool:
        if schema_index is None:
            return True
        schema = resolve(self.document, self.document["x-mock-schemas"][schema_index])
        kinds = schema.get("type") if isinstance(schema, dict) else None
        return kinds is None or kinds == "object" or isinstance(kinds, list) and "object" in kinds

    def _text_payload(self, media_type: str, body: bytes, schema_index: int) -> JSON:
        """The value a `text/*` body carries for its schema: the text itself for a string schema; for a
        structured one the JSON it spells (how a structured value goes as text), else, for `text/csv` and an
        array schema, the rows as objects keyed by the header row. Anything else stays text (and fails): a
        header row alone too, so `AAA` is no empty table."""
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise Rejected(400, [Violation(["body"], "Malformed text body: not UTF-8", "text_invalid")]) from None
        schema = resolve(self.document, self.document["x-mock-schemas"][schema_index])
        kinds = schema.get("type") if isinstance(schema, dict) else None
        names = kinds if isinstance(kinds, list) else [kinds]
        if "string" in names or not isinstance(schema, dict) or kinds is None and not any(
                k in schema for k in ("properties", "items", "allOf", "anyOf", "oneOf", "enum", "const")):
            return text
        try:
            return json.loads(text)
        except (ValueError, RecursionError):
            pass
        rows = list(csv.DictReader(io.StringIO(text))) if media_type == "text/csv" and "array" in names else []
        if rows:  # a header row and at least one row of values (a lone word is text, not a table)
            items = resolve(self.document, schema.get("items") or {})
            properties = items.get("properties") or {} if isinstance(items, dict) else {}
            return [{str(k): _coerce(v or "", properties.get(k, {}), self.document) for k, v in row.items()}
                    for row in rows]
        return text

    def _coerce_form(self, fields: dict[str, Any], schema_index: int | None) -> dict[str, Any]:
        if schema_index is None:
            return fields
        schema = resolve(self.document, self.document["x-mock-schemas"][schema_index])
        properties = schema.get("properties") or {} if isinstance(schema, dict) else {}
        result: dict[str, Any] = {}
        for name, value in fields.items():
            sub = resolve(self.document, properties.get(name, {}))
            if isinstance(value, bytes):
                result[name] = "(binary)" if isinstance(sub, dict) and sub.get("type") == "string" else value
            elif isinstance(value, list):
                items = sub.get("items") if isinstance(sub, dict) else {}
                result[name] = [v if isinstance(v, bytes) else _coerce(v, items or {}, self.document) for v in value]
                result[name] = ["(binary)" if isinstance(v, bytes) else v for v in result[name]]
            else:
                result[name] = _coerce(str(value), sub, self.document)
        return result

    # -- answers --------------------------------------------------------------------------------------

    def _answer(self, op: Operation, params: dict[str, str], request: MockRequest) -> MockResponse:
        length = len(request.body)
        if length > self.max_body:
            raise Rejected(413, [Violation(["body"], f"Body of {length} bytes is over the limit of "
                                           f"{self.max_body} bytes", "payload_too_large")])
        if op.auth:
            self._check_auth(op, request)
        violations: list[Violation] = []
        values = params if op.trivial_params else self._check_params(op, params, request, violations)
        payload = self._check_body(op, request, violations) if op.body else None
        if violations:
            raise Rejected(422, violations)
        prefer_header = request.headers.get("prefer")
        prefer = _parse_prefer(prefer_header) if prefer_header else {}
        role = op.role
        wants_error = "code" in prefer and not prefer["code"].startswith("2")
        if role and not wants_error:
            return self._queue(role, op, params, values, request)
        if op.queue and not wants_error:
            return self._submit(op, params, payload, request)
        resource = request.path if params and not wants_error else None
        if resource is not None and self._deleted(resource, request.method):
            raise Rejected(404, [Violation(["path"], f"{request.path[:200]} was deleted", "not_found")])
        answer = self._fixture(op, request, prefer, payload)
        if resource is not None and request.method == "DELETE" and answer.status < 300:
            self._delete(resource)
        return answer

    def _deleted(self, path: str, method: str) -> bool:
        """Whether `path` names a resource deleted earlier, or one inside it (`/channels/a/sample` once
        `/channels/a` is gone); writing the resource itself (PUT, POST) creates it again."""
        if not self._deleted_paths:
            return False
        with self._deleted_lock:
            if path in self._deleted_paths and method in ("PUT", "POST"):
                del self._deleted_paths[path]
                return False
            parts = path.split("/")
            return any("/".join(parts[:end]) in self._deleted_paths for end in range(2, len(parts) + 1))

    def _delete(self, path: str) -> None:
        with self._deleted_lock:
            self._deleted_paths[path] = None
            while len(self._deleted_paths) > MAX_DELETED:
                self._deleted_paths.popitem(last=False)

    def _pick_status(self, op: Operation, prefer: dict[str, str]) -> str:
        responses: dict[str, Any] = op.data.get("responses") or {}
        if "code" in prefer:
            if prefer["code"] in responses:
                return prefer["code"]
            raise Rejected(422, [Violation(["header", "prefer"], f"No response with code {prefer['code'][:10]} "
                                           f"is documented", "prefer_unknown_code")])
        if op.default_code is not None:
            return op.default_code
        for code in sorted(responses):
            if code.startswith("2"):
                op.default_code = code
                return code
        op.default_code = "default" if "default" in responses else (sorted(responses) or ["200"])[0]
        return op.default_code

    def _fixture(self, op: Operation, request: MockRequest, prefer: dict[str, str], payload: JSON) -> MockResponse:
        code = self._pick_status(op, prefer)
        response: dict[str, Any] = (op.data.get("responses") or {}).get(code) or {}
        status = 200 if code == "default" else int(code) if code.isdigit() else 200
        headers = self._response_headers(response)
        media_type = response.get("content_type")
        if not media_type:
            return MockResponse(status, headers)
        examples: dict[str, Any] = response.get("examples") or {}
        body: JSON
        if "example" in prefer:
            if prefer["example"] not in examples:
                raise Rejected(422, [Violation(["header", "prefer"], f"No example named {prefer['example'][:80]}",
                                               "prefer_unknown_example")])
            body = examples[prefer["example"]]["value"]
        elif prefer.get("dynamic") != "true" and any(e.get("conforms") for e in examples.values()):
            body = next(e["value"] for e in examples.values() if e.get("conforms"))
        else:
            body = self._generate(response.get("schema"), request, prefer.get("dynamic") == "true")
        if str(media_type).startswith("image/"):
            media = MediaRequest.from_payload(payload)
            fmt = str(media_type).split("/")[1]
            fmt = fmt if fmt in MEDIA_TYPES else "png"
            headers["content-type"] = MEDIA_TYPES[fmt]
            return MockResponse(status, headers, render_image(media.width, media.height, fmt, self.seed))
        if status < 300 and _is_json_type(str(media_type)):
            body = self._with_media(body, payload, request, response.get("schema"))
        return self._encode(status, str(media_type), body, headers)

    def _with_media(self, body: JSON, payload: JSON, request: MockRequest, schema_index: int | None) -> JSON:
        rewritten = rewrite_media(body, MediaRequest.from_payload(payload), request.base_url, self.seed)
        if rewritten == body or schema_index is None or not self.checker(int(schema_index))(rewritten):
            return rewritten
        return body

    def _generate(self, schema_index: int | None, request: MockRequest, dynamic: bool) -> JSON:
        if schema_index is None:
            return {}
        digest = hashlib.sha256(f"{self.seed}|{request.method}|{request.path}|".encode() + request.body).digest()
        rng = random.Random(int.from_bytes(digest[:8], "big"))
        return DataGenerator(self.document, rng, use_examples=not dynamic).value(
            self.document["x-mock-schemas"][schema_index])

    def _response_headers(self, response: dict[str, Any]) -> dict[str, str]:
        headers: dict[str, str] = {}
        for name, schema_index in (response.get("headers") or {}).items():
            value = DataGenerator(self.document, random.Random(self.seed), True).value(
                self.document["x-mock-schemas"][schema_index])
            headers[name.lower()] = value if isinstance(value, str) else json.dumps(value)
        return headers

    @staticmethod
    def _encode(status: int, media_type: str, body: JSON, headers: dict[str, str]) -> MockResponse:
        if status in (204, 304):  # no content, whatever a spec documents for it: and so no content type
            return MockResponse(status, headers)
        if _is_json_type(media_type):
            data = _COMPACT.encode(body).encode("utf-8")
        elif isinstance(body, bytes):
            data = body
        else:
            data = (body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)).encode("utf-8")
        return MockResponse(status, {**headers, "content-type": media_type}, data)

    def _media(self, rest: str) -> MockResponse:
        match = re.fullmatch(r"(\d{1,5})x(\d{1,5})/(\d{1,9})\.(png|jpg|jpeg|webp)", rest)
        if not match:
            return MockResponse(404, {"content-type": "application/problem+json"}, json.dumps(
                {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "No such media"}).encode())
        width, height = _clamp_side(int(match.group(1))), _clamp_side(int(match.group(2)))
        fmt = FORMATS[match.group(4)]
        data = render_image(width, height, fmt, int(match.group(3)))
        return MockResponse(200, {"content-type": MEDIA_TYPES[fmt], "cache-control": "max-age=3600"}, data)

    # -- fal queue ------------------------------------------------------------------------------------

    def _new_request_id(self) -> str:
        """A new request id (see `_id_prefix`); `_build_fast` spells the same f-string inline."""
        return self._id_prefix + hex(next(self._ids) & _ID_MASK | _ID_BIT)[3:]

    def _ticket(self, job: Job, base_url: str, status: str, position: int | None, with_logs: bool) -> dict[str, Any]:
        url = f"{base_url}/{job.app_path}/requests/{job.request_id}"
        ticket: dict[str, Any] = {
            "status": status, "request_id": job.request_id, "response_url": url,
            "status_url": url + "/status", "cancel_url": url + "/cancel",
            "logs": list(job.logs or ()) if with_logs else None,
            "metrics": {"inference_time": 0.1 * max(1, self.queue_ticks)} if status == "COMPLETED" else {},
        }
        ticket["queue_position"] = position or 0
        return ticket

    def _submit(self, op: Operation, params: dict[str, str], payload: JSON, request: MockRequest) -> MockResponse:
        media_type = (op.media.get(request.headers.get("content-type", "")) or self._body_media(op, request))[0]
        if _is_json_type(media_type):  # the body is the payload's JSON already: kept as it is
            payload_json, submitted = request.body, request.body
        else:
            payload_json, submitted = _COMPACT.encode(payload).encode("utf-8"), b""
        app_path, parts = self._tickets.get((request.base_url, request.path)) or self._ticket_parts(request)
        # what the result is built from later: not the whole request, which a full store would hold 10,000 of
        source = (op.index, payload_json, request.method, request.path, submitted, request.base_url)
        job = Job(self._new_request_id(), app_path, None, 0, source)
        self.jobs.add(job, len(payload_json))
        code = op.default_code or self._pick_status(op, {})
        status = int(code) if code.isdigit() else 200
        if parts is None:  # an app path the template cannot hold: the ticket encoded in full
            state, position = ("COMPLETED", None) if self.queue_ticks == 0 else ("IN_QUEUE", self._queue_length())
            return self._encode(status, "application/json", self._ticket(job, request.base_url, state, position, False),
                                {"x-fal-request-id": job.request_id})
        body = job.request_id.encode("ascii").join(parts)
        return MockResponse(status, {"x-fal-request-id": job.request_id, "content-type": "application/json"}, body)

    def _ticket_parts(self, request: MockRequest) -> tuple[str, list[bytes] | None]:
        """The app a submit's path names (its first two segments, `owner/app`) and the JSON of a new job's
        ticket there, cut where its request id goes (four places): every submit to one path answers the same
        bytes but for the id, so they are encoded once per path and URL. The parts are None when the app path
        itself holds the marker the id is found by (then the ticket is encoded whole)."""
        path = request.path
        if self.base_path and path.startswith(self.base_path + "/"):
            path = path[len(self.base_path):]
        app_path = "/".join(([s for s in path.split("/") if s] + ["app", "app"])[:2])
        placeholder = Job(request_id=_ID_MARKER, app_path=app_path)
        state, position = ("COMPLETED", None) if self.queue_ticks == 0 else ("IN_QUEUE", self._queue_length())
        text = _COMPACT.encode(self._ticket(placeholder, request.base_url, state, position, False)).encode("utf-8")
        marker = _COMPACT.encode(_ID_MARKER)[1:-1].encode("utf-8")
        parts = text.split(marker)
        found = (app_path, parts if len(parts) == 5 else None)
        if len(self._tickets) >= MAX_ROUTES:
            self._tickets.pop(next(iter(self._tickets)), None)
        self._tickets[(request.base_url, request.path)] = found
        return found

    def _queue_length(self) -> int:
        return max(0, self.queue_ticks // 2)

    def _result_payload(self, op: Operation, payload: JSON, request: MockRequest) -> JSON:
        schema_index = op.data.get("result_schema")
        result_op = self.queue_ops.get("result")
        examples: dict[str, Any] = {}
        if schema_index is None and result_op is not None:
            ok = (result_op.data.get("responses") or {}).get("200") or {}
            schema_index = ok.get("schema")
            examples = ok.get("examples") or {}
        body: JSON = next((e["value"] for e in examples.values() if e.get("conforms")), None)
        if body is None and schema_index is not None and not self._generic(schema_index):
            body = self._generate(int(schema_index), request, dynamic=False)
        if body is None:
            body = self._default_result(payload)
        return self._with_media(body, payload, request, int(schema_index) if schema_index is not None else None)

    def _generic(self, schema_index: int) -> bool:
        schema = resolve(self.document, self.document["x-mock-schemas"][schema_index])
        return not isinstance(schema, dict) or not any(
            k in schema for k in ("properties", "items", "allOf", "oneOf", "anyOf", "enum", "const", "example"))

    def _default_result(self, payload: JSON) -> JSON:
        media = MediaRequest.from_payload(payload)
        count = media.count or 1
        prompt = payload.get("prompt") if isinstance(payload, dict) else None
        images = [{"url": f"https://mock.invalid/image-{i}.png", "width": media.width, "height": media.height,
                   "content_type": MEDIA_TYPES[media.fmt]} for i in range(count)]
        return {"images": images, "seed": self.seed, "has_nsfw_concepts": [False] * count,
                "prompt": prompt if isinstance(prompt, str) else "", "timings": {"inference": 0.1}}

    def _state(self, polls: int) -> tuple[str, int | None]:
        """Queue status after `polls` earlier polls: IN_QUEUE (with position), IN_PROGRESS, then COMPLETED."""
        waiting = self._queue_length()
        if polls >= self.queue_ticks:
            return "COMPLETED", None
        if polls < waiting:
            return "IN_QUEUE", waiting - polls - 1
        return "IN_PROGRESS", None

    def _advance(self, job: Job, before: int) -> tuple[str, int | None]:
        state, position = ("COMPLETED", None) if job.cancelled else self._state(before)
        if state == "IN_PROGRESS" and (job.logs is None or len(job.logs) < 50):
            job.logs = job.logs or []
            job.logs.append({"message": f"step {before + 1}/{self.queue_ticks}", "level": "INFO",
                             "source": "user", "timestamp": f"2024-01-01T00:00:{before % 60:02d}.000000Z"})
        return state, position

    def _queue(self, role: str, op: Operation, params: dict[str, str], values: dict[str, Any],
               request: MockRequest) -> MockResponse:
        request_id = str(params.get("request_id", ""))
        fal_header = {"x-fal-request-id": request_id}
        job = self.jobs.get(request_id)
        if job is None:
            raise Rejected(404, [Violation(["path", "request_id"], f"Request {request_id[:80]} not found",
                                           "not_found")], fal_header)
        with_logs = bool(values.get("logs")) and values.get("logs") not in ("0", "false")
        if role == "status":
            polled = self.jobs.poll(request_id)
            if polled is None:
                raise Rejected(404, [Violation(["path", "request_id"], "Request not found", "not_found")], fal_header)
            state, position = self._advance(*polled)
            ticket = self._ticket(job, request.base_url, state, position, with_logs)
            return self._encode(200 if state == "COMPLETED" else 202, "application/json", ticket, fal_header)
        if role == "stream":
            return MockResponse(200, {**fal_header, "content-type": "text/event-stream", "cache-control": "no-cache"},
                                events=self.stream(job, request.base_url, with_logs))
        completed = job.cancelled or job.polls >= self.queue_ticks
        if role == "cancel":
            if completed:
                return self._encode(400, "application/json", {"status": "ALREADY_COMPLETED"}, fal_header)
            job.cancelled = True
            return self._encode(202, "application/json", {"status": "CANCELLATION_REQUESTED"}, fal_header)
        if not completed:
            raise Rejected(400, [Violation(["path", "request_id"], "Request is still in progress",
                                           "request_pending")], fal_header)
        if job.cancelled:
            raise Rejected(400, [Violation(["path", "request_id"], "Request was cancelled", "request_cancelled")],
                           fal_header)
        if job.result is None and job.source is not None:
            index, payload_json, method, path, body, base_url = job.source
            submitted = MockRequest(method, path, [], {}, body, base_url)
            job.result = self._encode(200, "application/json", self._result_payload(
                self.operations[index], json.loads(payload_json), submitted), {}).body
            job.source = None
            self.jobs.resize(job, len(job.result))
        return MockResponse(200, {**fal_header, "content-type": "application/json"}, job.result or b"null")

    def stream(self, job: Job, base_url: str, with_logs: bool) -> Iterator[bytes]:
        """Server-sent events of one request's status, one per tick, ending with COMPLETED."""
        while True:
            polled = self.jobs.poll(job.request_id)
            state, position = self._advance(*polled) if polled else ("COMPLETED", None)
            ticket = self._ticket(job, base_url, state, position, with_logs)
            yield b"data: " + json.dumps(ticket, separators=(",", ":")).encode("utf-8") + b"\n\n"
            if state == "COMPLETED":
                return

    # -- errors ---------------------------------------------------------------------------------------

    def family(self, request: MockRequest, op: Operation | None) -> str:
        """Which error shape to answer in: `openai`, `fal` or `problem` (RFC 7807)."""
        if op is not None and op.data.get("family"):
            return str(op.data["family"])
        path = request.path
        if path.startswith("/v1/") or self.base_path.endswith("/v1") and not path.startswith("/v1"):
            return "openai"
        return str(self.fixtures.get("family") or "problem")

    def error(self, request: MockRequest, op: Operation | None, status: int, violations: list[Violation],
              headers: dict[str, str] | None = None) -> MockResponse:
        """An error answer in the API's own shape, listing every violation."""
        answer = self._error_body(request, op, status, violations, dict(headers or {}))
        responses = (op.data.get("responses") or {}) if op is not None else {}
        documented = responses.get(str(status)) or responses.get("default")
        schema_index = (documented or {}).get("schema")
        media_type = str((documented or {}).get("content_type") or "")
        if documented is None or not media_type or not answer.body.startswith((b"{", b"[")):
            return answer
        headers = {k: v for k, v in answer.headers.items() if k != "content-type"}
        if schema_index is None or not self.checker(int(schema_index))(json.loads(answer.body)):
            # our own shape fits what the spec documents: sent as the media type it documents
            return self._encode(status, media_type, json.loads(answer.body), headers) \
                if _is_json_type(media_type) else answer
        # The spec documents this error with a shape of its own: answer in that shape.
        examples = [e["value"] for e in (documented.get("examples") or {}).values() if e.get("conforms")]
        body = examples[0] if examples else self._generate(int(schema_index), request, dynamic=False)
        return self._encode(status, media_type, body, headers)

    def _error_body(self, request: MockRequest, op: Operation | None, status: int, violations: list[Violation],
                    extra: dict[str, str]) -> MockResponse:
        family = self.family(request, op)
        if family == "fal":
            detail = [{"loc": v.loc, "msg": v.msg, "type": v.type} for v in violations]
            return self._encode(status, "application/json", {"detail": detail}, extra)
        if family == "openai":
            first = violations[0] if violations else Violation([], "Error", "error")
            kind = {401: "invalid_request_error", 404: "invalid_request_error"}.get(status, "invalid_request_error")
            code = {401: "invalid_api_key", 404: "unknown_url", 405: "method_not_allowed", 413: "payload_too_large",
                    415: "unsupported_media_type", 400: "invalid_json", 422: "invalid_value"}.get(status, first.type)
            param = ".".join(str(p) for p in first.loc[1:]) or None if first.loc[:1] in (["body"], ["query"]) else None
            message = "; ".join(f"{_where(v.loc)}: {v.msg}" if v.loc else v.msg for v in violations)
            error = {"message": message, "type": kind, "param": param, "code": code,
                     "errors": [{"param": _where(v.loc), "message": v.msg, "type": v.type} for v in violations]}
            return self._encode(status, "application/json", {"error": error}, extra)
        titles = {400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed",
                  413: "Content Too Large", 415: "Unsupported Media Type", 422: "Unprocessable Content"}
        problem = {"type": "about:blank", "title": titles.get(status, "Error"), "status": status,
                   "detail": "; ".join(f"{_where(v.loc)}: {v.msg}" if v.loc else v.msg for v in violations),
                   "errors": [{"loc": v.loc, "msg": v.msg, "type": v.type} for v in violations]}
        return self._encode(status, "application/problem+json", problem, extra)


def _safe_headers(answer: MockResponse) -> None:
    """Header values echo request text (a request id): made printable ASCII, in place."""
    if answer.headers:
        joined = "".join(answer.headers.values())  # one test for all values: the common case is clean
        if not (joined.isascii() and joined.isprintable()):
            answer.headers = {name: _header_safe(value) for name, value in answer.headers.items()}


_JSON_HEADER = (b"content-type", b"application/json")


def _anything(value: JSON) -> bool:
    """The check of a body whose media type has no schema: any JSON value."""
    return True


def raw_headers(answer: MockResponse) -> list[tuple[bytes, bytes]]:
    """An answer's headers as an ASGI server sends them (names lower-cased, latin-1), with its Content-Length
    (none for 1xx, 204 and 304): how the server adapter and `answer_fast` encode them alike."""
    raw = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in answer.headers.items()]
    if answer.status >= 200 and answer.status not in (204, 304):
        raw.append((b"content-length", str(len(answer.body)).encode("latin-1")))
    return raw


def _header_safe(value: str) -> str:
    """Header values echo request text (a request id); HTTP headers carry printable ASCII only."""
    return value if value.isascii() and value.isprintable() else quote(value, safe="")


def _where(loc: list[str | int]) -> str:
    return ".".join(str(p) for p in loc)


def _parse_prefer(header: str) -> dict[str, str]:
    """Prism-style `Prefer: code=404, example=name, dynamic=true`."""
    found: dict[str, str] = {}
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key.strip() in ("code", "example", "dynamic") and value:
            found[key.strip()] = value.strip().strip('"')
    return found


def load_engine(folder: str, **options: Any) -> Engine:
    """An engine over `spec.json` and `fixtures.json` of a folder."""
    with open(f"{folder}/spec.json", encoding="utf-8") as handle:
        spec = json.load(handle)
    with open(f"{folder}/fixtures.json", encoding="utf-8") as handle:
        fixtures = json.load(handle)
    return Engine(spec, fixtures, **options)
