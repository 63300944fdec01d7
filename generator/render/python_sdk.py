"""The `python` target: an installable, typed SDK package for one service.

`render(spec, context, out)` writes `pyproject.toml`, `README.md` and the package (`py.typed`, a lazy
`__init__`, `_client.py`, `_errors.py`, `_base.py`, `models/`, `resources/<name>.py`) under `out`.
Decisions live in `python_plan` (names, types, defaults) and `python_models` (pydantic classes); the
templates under `templates/python/` only lay them out, so a user's templates folder can restyle any file.
"""

from __future__ import annotations

import re
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

import jinja2

from generator.errors import ApigenError
from generator.render import RenderContext
from generator.render.python_imports import code_names, from_import, import_block, name_key
from generator.render.python_models import models_source, worker_pool
from generator.render.python_plan import Operation, Plan, Resource, build_plan
from generator.render.templates import environment, runtime_text, write_text

TEMPLATE_DIR = "python"
# Modules copied from generator/runtime/python/ as they are (the same in every SDK).
_STATIC_MODULES = ("_base.py", "_errors.py", "_model.py")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Operations plus component schemas from which a spec is rendered with worker processes (forking costs ~0.1 s).
_PARALLEL_FROM = 300
# Names a resource module may import from the package's `_base` module, when its code uses them.
_BASE_NAMES = (
    "NOT_GIVEN", "AsyncResource", "Body", "FileInput", "Headers", "Query", "RequestOptions", "SyncResource",
    "Timeout", "_path", "async_to_raw_response", "file_parts", "form_fields", "header_params", "json_body",
    "jsonable", "query_params", "raw_content", "to_raw_response",
)


def render(spec: dict[str, Any], context: RenderContext, out: Path) -> None:
    """Write the SDK package of `spec` into `out` (created; existing files overwritten).

    A large spec is rendered with worker processes: the mock's testing helper in one from the start, then the
    models modules (datamodel-code-generator) in all, while this process renders the rest.
    """
    from generator.render.sdk_testing import helper_files

    size = len(spec.get("paths") or {}) + len((spec.get("components") or {}).get("schemas") or {})
    with worker_pool(size >= _PARALLEL_FROM, lambda: helper_files(spec, context)) as (pool, helpers_future):
        _render_package(spec, context, out, pool, helpers_future)


def _render_package(spec: dict[str, Any], context: RenderContext, out: Path, pool: Executor | None,
                    helpers_future: Future[dict[str, str]] | None) -> None:
    from generator.render.sdk_testing import helper_files

    service = context.service
    plan = build_plan(spec)
    package = service.package
    env = environment(context.templates_override)
    env.globals["from_import"] = from_import
    values: dict[str, Any] = {
        "plan": plan,
        "package": package,
        "version": service.version,
        "env_prefix": service.env_prefix,
        "title": plan.title,
        "distribution": package.replace("_", "-"),
        "example": _example(plan),
        "has_queue": any(r.queue for r in plan.resources),
        "resource_imports": import_block(
            {f".resources.{r.module}": {r.class_name, f"Async{r.class_name}"} for r in plan.resources}, indent=4),
    }
    files: dict[str, str] = {
        "pyproject.toml": _render(env, "pyproject.toml", values),
        "README.md": _render(env, "README.md", values),
        f"{package}/py.typed": "",
        f"{package}/__init__.py": _render(env, "package/__init__.py", values),
        f"{package}/_client.py": _render(env, "package/_client.py", values),
        f"{package}/resources/__init__.py": _render(env, "package/resources/__init__.py", values),
    }
    names = set(plan.schemas.schemas)
    used = {resource.module: _models_named(plan, resource) & names for resource in plan.resources}
    helpers: dict[str, str] = {}
    bodies: dict[str, str] = {}

    def meanwhile() -> None:
        """The rest of the package, rendered while datamodel-code-generator runs in worker processes."""
        for module in (*_STATIC_MODULES, *(["_queue.py"] if values["has_queue"] else [])):
            files[f"{package}/{module}"] = runtime_text(env, f"{TEMPLATE_DIR}/package/{module}.jinja",
                                                        f"python/{module}", values)
        for resource in plan.resources:
            bodies[resource.module] = _resource_body(env, plan, resource, names, values)
        helpers.update(helpers_future.result() if helpers_future is not None else helper_files(spec, context))

    # Which models module a class lives in follows from the resources whose methods name it.
    modules = models_source(plan.schemas, str(spec.get("openapi") or "3.1.0"), used, meanwhile=meanwhile,
                            pool=pool)
    home = {name: part.name for part in modules for name in part.classes}
    classes = {name for part in modules for name in part.classes if f"class {name}(" in part.code}
    missing = sorted(names - classes)
    if missing:
        raise ApigenError(f"datamodel-code-generator did not write the classes {missing[:5]}")
    for part in modules:
        files[f"{package}/models/{part.name}.py"] = _render(env, "package/models/module.py", {
            **values, "module": part.name, "code": part.code})
    exports = {part.name: sorted(part.classes) for part in modules}
    files[f"{package}/models/__init__.py"] = _render(env, "package/models/__init__.py", {
        **values, "exports": exports, "home": {name: home[name] for name in sorted(home, key=lambda n: name_key(n, case_sensitive=True))},
        "type_imports": import_block({f".{m}": set(c) for m, c in exports.items()}, indent=4)})
    for resource in plan.resources:
        body = bodies[resource.module]
        files[f"{package}/resources/{resource.module}.py"] = _resource_module(
            env, resource, body, code_names(body) & names, home, values)
    out.mkdir(parents=True, exist_ok=True)
    for relative, text in sorted(files.items()):
        write_text(out, relative, text)
    for relative, text in helpers.items():
        write_text(out / package, relative, text)


def _render(env: jinja2.Environment, name: str, values: dict[str, Any]) -> str:
    try:
        return env.get_template(f"{TEMPLATE_DIR}/{name}.jinja").render(values)
    except jinja2.TemplateError as error:
        raise ApigenError(f"template {TEMPLATE_DIR}/{name}.jinja: {error}") from None


def _models_named(plan: Plan, resource: Resource) -> set[str]:
    """Names in the types of a resource's methods (arguments, results, queue tickets): the models it uses."""
    types = [op.returns for op in resource.operations] + [p.annotation for op in resource.operations for p in op.params]
    if resource.queue and plan.ticket_model:
        types.append(plan.ticket_model)
    return set(_IDENTIFIER.findall(" ".join(types)))


def _resource_body(env: jinja2.Environment, plan: Plan, resource: Resource, classes: set[str],
                   values: dict[str, Any]) -> str:
    """The classes of one resource's module (without imports)."""
    ticket_types = {op.name: _ticket_type(plan, op, classes) for op in resource.operations if op.queue}
    queue_ticket = next(iter(ticket_types.values()), "dict[str, Any]")
    if plan.ticket_model in classes and resource.queue:
        queue_ticket = plan.ticket_model
    return _render(env, "package/resources/resource_body.py", {
        **values,
        "resource": resource,
        "ticket_types": ticket_types,
        "queue_ticket": queue_ticket,
        "queue_ticket_runtime": queue_ticket if queue_ticket in classes else "dict",
    })


# Builtins the generated code uses in annotations: a method of the same name (`def list(...)`) shadows them
# in the rest of its class body, where mypy then reads `list[Item]` as the method.
_BUILTIN_TYPES = {"list", "dict", "set", "frozenset", "tuple", "type", "str", "int", "float", "bool", "bytes",
                  "object"}


def qualify_builtins(body: str, shadowed: set[str]) -> str:
    """`body` with every use of a builtin in `shadowed` written `builtins.<name>`, except where the name is
    defined (`def list`), an attribute (`.list`) or a keyword argument (`list=`); strings are left alone."""
    import io
    import tokenize

    if not shadowed:
        return body
    tokens = list(tokenize.generate_tokens(io.StringIO(body).readline))
    lines = body.split("\n")
    edits: list[tuple[int, int]] = []
    for index, token in enumerate(tokens):
        if token.type != tokenize.NAME or token.string not in shadowed:
            continue
        before = tokens[index - 1].string if index else ""
        after = tokens[index + 1].string if index + 1 < len(tokens) else ""
        if before in (".", "def", "class") or after == "=":
            continue
        edits.append(token.start)
    for row, column in sorted(edits, reverse=True):
        line = lines[row - 1]
        lines[row - 1] = f"{line[:column]}builtins.{line[column:]}"
    return "\n".join(lines)


def _resource_module(env: jinja2.Environment, resource: Resource, body: str, models: set[str],
                     home: dict[str, str], values: dict[str, Any]) -> str:
    """One resource's module: the classes first, then exactly the imports their code uses."""
    body = qualify_builtins(body, {op.name for op in resource.operations} & _BUILTIN_TYPES)
    used = code_names(body)
    imports: dict[str, set[str]] = {
        "builtins": {""} if "builtins" in used else set(),
        "collections.abc": {"Callable"} & used,
        "functools": {"cached_property"},
        "typing": {"Any", "Literal", "cast"} & used,
        "..": {"_queue"} & used,
        ".._base": set(_BASE_NAMES) & used,
    }
    for name in models:
        imports.setdefault(f"..models.{home[name]}", set()).add(name)
    return _render(env, "package/resources/resource.py", {**values, "resource": resource, "imports": import_block(imports),
                                                          "body": body})


def _ticket_type(plan: Plan, op: Operation, classes: set[str]) -> str:
    """The type of a queue ticket: the operation's own model, else the spec's QueueStatus, else a dict."""
    if op.returns in classes:
        return op.returns
    if plan.ticket_model in classes:
        return str(plan.ticket_model)
    return "dict[str, Any]"


def _example(plan: Plan) -> str:
    """One call for the README and package docstring: the first operation without required arguments."""
    for resource in plan.resources:
        for op in resource.operations:
            if not any(p.required for p in op.params):
                return f"result = client.{resource.attr}.{op.name}()"
    if plan.resources:
        resource = plan.resources[0]
        return f"# client.{resource.attr}.{resource.operations[0].name}(...)"
    return ""
