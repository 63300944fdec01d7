"""Validation: openapi-spec-validator first, then apigen's own checks that renderers rely on."""

from __future__ import annotations

import re
from typing import Any

from generator.errors import ApigenError

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _resolve(spec: dict[str, Any], node: Any) -> Any:
    """The object a local `$ref` points at (followed a few times), or the node itself."""
    for _ in range(10):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/")):
            return node
        target: Any = spec
        for part in node["$ref"][2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            target = target.get(part) if isinstance(target, dict) else None
        if target is None:
            return node
        node = target
    return node


def own_problems(spec: dict[str, Any]) -> list[str]:
    """Problems openapi-spec-validator does not look for, each as 'where: what'."""
    problems: list[str] = []
    if not str(spec.get("openapi", "")).startswith("3.1"):
        problems.append(f"openapi: expected 3.1.x, found {spec.get('openapi')!r}")
    seen: dict[str, str] = {}
    for path, item in (spec.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            where = f"paths.{path}.{method}"
            op_id = op.get("operationId")
            if not isinstance(op_id, str) or not op_id:
                problems.append(f"{where}: operation has no operationId")
                continue
            if op_id in seen:
                problems.append(f"{where}: operationId {op_id!r} also used at {seen[op_id]}")
            seen[op_id] = where
            params = [_resolve(spec, p) for p in (op.get("parameters") or []) + (item.get("parameters") or [])]
            declared = {p.get("name") for p in params if isinstance(p, dict) and p.get("in") == "path"}
            for name in re.findall(r"\{([^}]+)\}", path):
                if name not in declared:
                    problems.append(f"{where}: path parameter {{{name}}} is not declared")
    return problems


def validate_spec(spec: dict[str, Any], source: str) -> None:
    """Raise ApigenError naming the source and every problem found; return quietly when the spec is sound."""
    from openapi_spec_validator import OpenAPIV31SpecValidator

    problems = []
    validator = OpenAPIV31SpecValidator(spec)
    for error in validator.iter_errors():
        if error.validator == "format" and error.validator_value == "regex":
            continue  # patterns are ECMA-262 (`\p{ASCII}`), which Python's `re` cannot check
        where = "/".join(str(p) for p in error.path) or "(root)"
        problems.append(f"{where}: {str(error.message).splitlines()[0]}")
        if len(problems) >= 20:
            break
    if not problems:
        problems = own_problems(spec)
    if problems:
        detail = "; ".join(problems[:5]) + (f" (+{len(problems) - 5} more)" if len(problems) > 5 else "")
        raise ApigenError(f"invalid OpenAPI spec: {detail}", file=source)
