"""Structural diff of two OpenAPI specs, each change classified breaking or not (in the spirit of oasdiff).

A change is *breaking* when a client written against the old spec can fail against the new one:

- an operation, parameter, request or response field, media type, success status or enum value removed;
- something a client sends made required (a new required parameter or field, optional -> required);
- a request type narrowed (`number` -> `integer`, `[string, null]` -> `string`) or a request limit
  tightened (`maximum` lowered, `maxLength` lowered, ...);
- a response type widened (the client may receive a type it does not expect), or a response field no
  longer guaranteed (required -> optional);
- an `operationId` renamed (the SDK method name changes).

Additions (new operations, optional parameters and fields, enum values, media types, status codes) are
`addition`; everything else (defaults, widened request types, relaxed limits, descriptions) is `change`.
Only spec dicts are needed: no I/O, no validator.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from generator.core.walk import HTTP_METHODS, deref, mapping, sequence
from generator.core.walk import operations as spec_operations

BREAKING, ADDITION, CHANGE = "breaking", "addition", "change"
LEVELS = (BREAKING, ADDITION, CHANGE)

# Limits where a larger value accepts more (max*) or less (min*) input.
_UPPER_LIMITS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
_LOWER_LIMITS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
_MAX_DEPTH = 24


@dataclass(frozen=True)
class Change:
    """One difference between two specs."""

    level: str  # breaking | addition | change
    kind: str  # machine-readable code, e.g. "request-field-removed"
    operation: str  # "POST /v1/images" (empty for spec-wide changes)
    operation_id: str
    where: str  # what inside the operation, e.g. "request body field `size`"
    message: str  # one human sentence, without the operation

    @property
    def breaking(self) -> bool:
        return self.level == BREAKING

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def canonical(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec as JSON would carry it (string keys: YAML's `200:` and JSON's `"200"` compare equal)."""
    return json.loads(json.dumps(spec, sort_keys=True, ensure_ascii=False, default=str))  # type: ignore[no-any-return]


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


Seen = frozenset[str]  # the `$ref`s followed on the way to a schema (cycle guard)


class _Differ:
    """Walks two specs side by side, collecting Changes."""

    def __init__(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        self.old = old
        self.new = new
        self.changes: list[Change] = []
        self.operation = ""
        self.operation_id = ""

    # -- helpers -------------------------------------------------------------------------------------------
    def add(self, level: str, kind: str, where: str, message: str) -> None:
        self.changes.append(Change(level, kind, self.operation, self.operation_id, where, message))

    @staticmethod
    def resolve(spec: dict[str, Any], node: Any, seen: Seen = frozenset()) -> tuple[Any, Seen]:
        """Follow local `$ref`s (siblings of a 3.1 `$ref` override the target); `seen` guards cycles."""
        return deref(spec, node, seen)

    def flatten(self, spec: dict[str, Any], node: Any, seen: Seen) -> tuple[Any, Seen]:
        """A resolved schema with its `allOf` members merged in (properties, required, type), so that
        moving a field between a base schema and its extension is not reported as a change."""
        node, seen = self.resolve(spec, node, seen)
        if not isinstance(node, dict) or not isinstance(node.get("allOf"), list):
            return node, seen
        merged: dict[str, Any] = {k: v for k, v in node.items() if k != "allOf"}
        properties: dict[str, Any] = {}
        required: list[str] = []
        for member in node["allOf"]:
            part, _ = self.flatten(spec, member, seen)
            if not isinstance(part, dict):
                continue
            properties.update(part.get("properties") or {})
            required += [r for r in part.get("required") or [] if r not in required]
            for key, value in part.items():
                if key not in ("properties", "required"):
                    merged.setdefault(key, value)
        properties.update(merged.get("properties") or {})
        required += [r for r in merged.get("required") or [] if r not in required]
        if properties:
            merged["properties"] = properties
        if required:
            merged["required"] = required
        return merged, seen

    # -- spec level ----------------------------------------------------------------------------------------
    def operations(self, spec: dict[str, Any]) -> dict[tuple[str, str], tuple[dict[str, Any], list[Any]]]:
        return {(path, method): (op, sequence(item.get("parameters")))
                for path, method, op, item in spec_operations(spec)}

    def run(self) -> list[Change]:
        old_ops, new_ops = self.operations(self.old), self.operations(self.new)
        keys = sorted(set(old_ops) | set(new_ops), key=lambda k: (k[0], HTTP_METHODS.index(k[1])))
        for key in keys:
            path, method = key
            self.operation = f"{method.upper()} {path}"
            if key not in new_ops:
                self.operation_id = str(old_ops[key][0].get("operationId") or "")
                self.add(BREAKING, "operation-removed", "", "operation removed")
            elif key not in old_ops:
                self.operation_id = str(new_ops[key][0].get("operationId") or "")
                self.add(ADDITION, "operation-added", "", "operation added")
            else:
                self.operation_id = str(new_ops[key][0].get("operationId") or "")
                self.compare_operation(old_ops[key], new_ops[key])
        self.compare_webhooks()
        self.operation = self.operation_id = ""
        self.compare_security(self.old.get("security"), self.new.get("security"), "")
        return self.changes

    def webhooks(self, spec: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
        return {(str(name), method): mapping(item)[method] for name, item in mapping(spec.get("webhooks")).items()
                for method in HTTP_METHODS if isinstance(mapping(item).get(method), dict)}

    def compare_webhooks(self) -> None:
        """Webhooks turn the roles around: the API sends their body and the user's server receives it, so a
        payload is compared as a response is (a field that stops coming breaks the receiver)."""
        old_hooks, new_hooks = self.webhooks(self.old), self.webhooks(self.new)
        for key in sorted(set(old_hooks) | set(new_hooks), key=lambda k: (k[0], HTTP_METHODS.index(k[1]))):
            name, method = key
            self.operation, self.operation_id = f"webhook {name} ({method.upper()})", ""
            if key not in new_hooks:
                self.add(BREAKING, "webhook-removed", "", "webhook removed")
            elif key not in old_hooks:
                self.add(ADDITION, "webhook-added", "", "webhook added")
            else:
                old_body, _ = self.resolve(self.old, old_hooks[key].get("requestBody"))
                new_body, _ = self.resolve(self.new, new_hooks[key].get("requestBody"))
                self.compare_content(mapping(mapping(old_body).get("content")),
                                     mapping(mapping(new_body).get("content")), "payload", request=False)

    # -- operations ----------------------------------------------------------------------------------------
    def compare_operation(self, old: tuple[dict[str, Any], list[Any]], new: tuple[dict[str, Any], list[Any]]
                          ) -> None:
        old_op, old_shared = old
        new_op, new_shared = new
        old_id, new_id = old_op.get("operationId"), new_op.get("operationId")
        if old_id != new_id:
            self.add(BREAKING, "operation-id-changed", "operationId",
                     f"operationId changed from `{old_id}` to `{new_id}`")
        if bool(old_op.get("deprecated")) != bool(new_op.get("deprecated")):
            state = "deprecated" if new_op.get("deprecated") else "no longer deprecated"
            self.add(CHANGE, "operation-deprecated", "", f"operation {state}")
        self.compare_parameters(self.parameters(self.old, old_shared, old_op),
                                self.parameters(self.new, new_shared, new_op))
        self.compare_request_body(old_op.get("requestBody"), new_op.get("requestBody"))
        self.compare_responses(old_op.get("responses") or {}, new_op.get("responses") or {})
        if "security" in old_op or "security" in new_op:
            self.compare_security(old_op.get("security"), new_op.get("security"), "security")

    def compare_security(self, old: Any, new: Any, where: str) -> None:
        if old == new:
            return
        self.add(BREAKING if old is not None and new else CHANGE, "security-changed", where,
                 f"security requirements changed from {_show(old)} to {_show(new)}")

    def parameters(self, spec: dict[str, Any], shared: list[Any], op: dict[str, Any]
                   ) -> dict[tuple[str, str], dict[str, Any]]:
        params: dict[tuple[str, str], dict[str, Any]] = {}
        for raw in [*shared, *(op.get("parameters") or [])]:  # operation-level wins over path-level
            param, _ = self.resolve(spec, raw)
            if not isinstance(param, dict) or "name" not in param:
                continue
            location = str(param.get("in", "query"))
            name = str(param["name"])
            params[(location, name.lower() if location == "header" else name)] = param
        return params

    def compare_parameters(self, old: dict[tuple[str, str], dict[str, Any]],
                           new: dict[tuple[str, str], dict[str, Any]]) -> None:
        for key in sorted(set(old) | set(new)):
            location, _ = key
            param = new.get(key) or old[key]
            where = f"{location} parameter `{param['name']}`"
            if key not in new:
                self.add(BREAKING, "parameter-removed", where, f"{where} removed")
                continue
            if key not in old:
                if param.get("required"):
                    self.add(BREAKING, "required-parameter-added", where, f"required {where} added")
                else:
                    self.add(ADDITION, "parameter-added", where, f"optional {where} added")
                continue
            was, now = bool(old[key].get("required")), bool(new[key].get("required"))
            if not was and now:
                self.add(BREAKING, "parameter-became-required", where, f"{where} became required")
            elif was and not now:
                self.add(CHANGE, "parameter-became-optional", where, f"{where} became optional")
            self.compare_schema(old[key].get("schema") or {}, new[key].get("schema") or {}, where,
                                request=True, seen=(frozenset(), frozenset()), depth=0)

    # -- bodies --------------------------------------------------------------------------------------------
    def compare_request_body(self, old_raw: Any, new_raw: Any) -> None:
        old, _ = self.resolve(self.old, old_raw)
        new, _ = self.resolve(self.new, new_raw)
        where = "request body"
        if not old and not new:
            return
        if not new:
            self.add(BREAKING, "request-body-removed", where, "request body removed")
            return
        if not old:
            level = BREAKING if new.get("required") else ADDITION
            self.add(level, "request-body-added", where,
                     ("required " if new.get("required") else "optional ") + "request body added")
            return
        if not old.get("required") and new.get("required"):
            self.add(BREAKING, "request-body-became-required", where, "request body became required")
        self.compare_content(old.get("content") or {}, new.get("content") or {}, where, request=True)

    def compare_content(self, old: dict[str, Any], new: dict[str, Any], where: str, request: bool) -> None:
        several = len(set(old) | set(new)) > 1
        for media in sorted(set(old) | set(new)):
            label = f"{where} ({media})" if several else where
            if media not in new:
                self.add(BREAKING, "media-type-removed", label, f"media type `{media}` removed from {where}")
            elif media not in old:
                self.add(ADDITION, "media-type-added", label, f"media type `{media}` added to {where}")
            else:
                old_schema = _event_payload(media, (old[media] or {}).get("schema") or {})
                new_schema = _event_payload(media, (new[media] or {}).get("schema") or {})
                self.compare_schema(old_schema, new_schema, label, request=request, seen=(frozenset(), frozenset()), depth=0)

    def compare_responses(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        for code in sorted(set(old) | set(new), key=str):
            where = f"response {code}"
            if code not in new:
                success = str(code).startswith("2")
                self.add(BREAKING if success else CHANGE, "response-removed", where, f"{where} removed")
            elif code not in old:
                self.add(ADDITION, "response-added", where, f"{where} added")
            else:
                old_resp, _ = self.resolve(self.old, old[code])
                new_resp, _ = self.resolve(self.new, new[code])
                self.compare_content((old_resp or {}).get("content") or {}, (new_resp or {}).get("content") or {},
                                     where, request=False)

    # -- schemas -------------------------------------------------------------------------------------------
    @staticmethod
    def types(schema: dict[str, Any]) -> set[str] | None:
        """The JSON types a schema allows, or None when it does not say (anything goes)."""
        raw = schema.get("type")
        found: set[str] = set()
        if isinstance(raw, str):
            found.add(raw)
        elif isinstance(raw, list):
            found |= {str(t) for t in raw}
        elif "properties" in schema:
            found.add("object")
        elif "items" in schema:
            found.add("array")
        for key in ("anyOf", "oneOf"):
            for member in schema.get(key) or []:
                if isinstance(member, dict) and isinstance(member.get("type"), str):
                    found.add(member["type"])
                elif isinstance(member, dict) and isinstance(member.get("type"), list):
                    found |= {str(t) for t in member["type"]}
                else:
                    return None  # a $ref or untyped member: cannot tell
        if schema.get("nullable") is True and found:
            found.add("null")
        return found or None

    @staticmethod
    def covers(wide: set[str], narrow: set[str]) -> bool:
        expanded = wide | ({"integer"} if "number" in wide else set())
        return narrow <= expanded

    def compare_schema(self, old_raw: Any, new_raw: Any, where: str, request: bool,
                       seen: tuple[Seen, Seen], depth: int) -> None:
        old, old_seen = self.flatten(self.old, old_raw, seen[0])
        new, new_seen = self.flatten(self.new, new_raw, seen[1])
        if not isinstance(old, dict) or not isinstance(new, dict) or depth > _MAX_DEPTH:
            return
        self.compare_type(old, new, where, request)
        self.compare_enum(old, new, where, request)
        self.compare_default(old, new, where)
        self.compare_limits(old, new, where, request)
        self.compare_properties(old, new, where, request, (old_seen, new_seen), depth)
        old_items, new_items = old.get("items"), new.get("items")
        if isinstance(old_items, dict) and isinstance(new_items, dict):
            self.compare_schema(old_items, new_items, f"{where} items", request, (old_seen, new_seen), depth + 1)

    def compare_type(self, old: dict[str, Any], new: dict[str, Any], where: str, request: bool) -> None:
        old_types, new_types = self.types(old), self.types(new)
        if old_types == new_types:
            return
        before = _types(old_types) if old_types is not None else "any"
        after = _types(new_types) if new_types is not None else "any"
        text = f"{where} type changed from {before} to {after}"
        if old_types is None or (new_types is not None and self.covers(old_types, new_types)):
            self.add(BREAKING if request else CHANGE, "type-narrowed", where, text)
        elif new_types is None or self.covers(new_types, old_types):
            self.add(CHANGE if request else BREAKING, "type-widened", where, text)
        else:
            self.add(BREAKING, "type-changed", where, text)

    def compare_enum(self, old: dict[str, Any], new: dict[str, Any], where: str, request: bool) -> None:
        old_enum, new_enum = old.get("enum"), new.get("enum")
        if old_enum == new_enum:
            return
        if isinstance(old_enum, list) and new_enum is None:
            self.add(CHANGE if request else BREAKING, "enum-removed", where,
                     f"{where} no longer restricted to {_show(old_enum)}")
            return
        if old_enum is None and isinstance(new_enum, list):
            self.add(BREAKING if request else CHANGE, "enum-added", where,
                     f"{where} restricted to {_show(new_enum)}")
            return
        old_values = [_show(v) for v in old_enum or []]
        new_values = [_show(v) for v in new_enum or []]
        for value in old_values:
            if value not in new_values:
                self.add(BREAKING, "enum-value-removed", where, f"{where} enum value {value} removed")
        for value in new_values:
            if value not in old_values:
                self.add(ADDITION, "enum-value-added", where, f"{where} enum value {value} added")

    def compare_default(self, old: dict[str, Any], new: dict[str, Any], where: str) -> None:
        if old.get("default") == new.get("default"):
            return
        if "default" not in old:
            message = f"{where} default {_show(new['default'])} added"
        elif "default" not in new:
            message = f"{where} default {_show(old['default'])} removed"
        else:
            message = f"{where} default changed from {_show(old['default'])} to {_show(new['default'])}"
        self.add(CHANGE, "default-changed", where, message)

    def compare_limits(self, old: dict[str, Any], new: dict[str, Any], where: str, request: bool) -> None:
        for key in (*_UPPER_LIMITS, *_LOWER_LIMITS):
            before, after = old.get(key), new.get(key)
            if before == after or isinstance(before, bool) or isinstance(after, bool):
                continue
            if not all(v is None or isinstance(v, (int, float)) for v in (before, after)):
                continue
            upper = key in _UPPER_LIMITS
            if before is None:
                tighter = True
            elif after is None:
                tighter = False
            else:
                tighter = after < before if upper else after > before
            text = f"{where} {key} changed from {_show(before)} to {_show(after)}"
            self.add(BREAKING if request and tighter else CHANGE,
                     "limit-tightened" if tighter else "limit-relaxed", where, text)

    def compare_properties(self, old: dict[str, Any], new: dict[str, Any], where: str, request: bool,
                           seen: tuple[Seen, Seen], depth: int) -> None:
        old_props: dict[str, Any] = old["properties"] if isinstance(old.get("properties"), dict) else {}
        new_props: dict[str, Any] = new["properties"] if isinstance(new.get("properties"), dict) else {}
        old_req = set(old.get("required") or []) if isinstance(old.get("required"), list) else set()
        new_req = set(new.get("required") or []) if isinstance(new.get("required"), list) else set()
        side = "request" if request else "response"
        for name in [*old_props, *(n for n in new_props if n not in old_props)]:
            field = f"{where} field `{name}`"
            if name not in new_props:
                self.add(BREAKING, f"{side}-field-removed", field, f"{field} removed")
                continue
            if name not in old_props:
                if request and name in new_req:
                    self.add(BREAKING, "request-required-field-added", field, f"required {field} added")
                else:
                    self.add(ADDITION, f"{side}-field-added", field,
                             f"{'optional ' if request else ''}{field} added")
                continue
            was, now = name in old_req, name in new_req
            if not was and now:
                self.add(BREAKING if request else CHANGE, f"{side}-field-became-required", field,
                         f"{field} became required")
            elif was and not now:
                self.add(CHANGE if request else BREAKING, f"{side}-field-became-optional", field,
                         f"{field} became optional")
            self.compare_schema(old_props[name], new_props[name], field, request, seen, depth + 1)


def _event_payload(media: str, schema: Any) -> Any:
    """What a server-sent event stream carries: an event envelope's `data.contentSchema` (how the normalized
    spec models SSE), else the schema itself (older specs gave the payload directly), so that moving to
    the envelope is no API change."""
    if media.split(";")[0].strip().lower() != "text/event-stream" or not isinstance(schema, dict):
        return schema
    data = (schema.get("properties") or {}).get("data") if isinstance(schema.get("properties"), dict) else None
    if isinstance(data, dict) and isinstance(data.get("contentSchema"), dict):
        return data["contentSchema"]
    return schema


def _types(types: set[str]) -> str:
    ordered = sorted(types)
    return f"`{ordered[0]}`" if len(ordered) == 1 else "`[" + ", ".join(ordered) + "]`"


def diff_specs(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every structural difference from `old` to `new`, in path, method, then document order."""
    return _Differ(canonical(old), canonical(new)).run()


def bump_level(changes: list[Change]) -> str:
    """`major` when any change is breaking, `minor` when any is an addition, else `patch`."""
    if any(c.level == BREAKING for c in changes):
        return "major"
    if any(c.level == ADDITION for c in changes):
        return "minor"
    return "patch"
