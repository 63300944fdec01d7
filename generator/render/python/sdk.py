"""The `python` target: an installable, typed SDK package for one service.

`render(spec, context, out)` writes `pyproject.toml`, `README.md` and the package (`py.typed`, a lazy
`__init__`, `_client.py`, `_errors.py`, `_base.py`, `models/`, `resources/<name>.py`) under `out`.
The flow runs one way: `plan.build_plan` makes every decision (names, types, defaults, the module of each
model class and so every import), `models` has datamodel-code-generator write the classes, and the
templates under `templates/python/` only lay the plan out, so a user's templates folder can restyle any file.
"""

from __future__ import annotations

import io
import tokenize
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

import jinja2

from generator.errors import ApigenError
from generator.render import RenderContext
from generator.render.python.imports import (
    from_import,
    import_block,
    name_key,
    resource_imports,
    webhook_imports,
)
from generator.render.python.models import models_source, worker_pool
from generator.render.python.plan import Plan, Resource, build_plan
from generator.render.templates import environment, runtime_text, write_text

TEMPLATE_DIR = "python"
# Modules copied from generator/runtime/python/ as they are (the same in every SDK).
_STATIC_MODULES = ("_base.py", "_errors.py", "_model.py")
# Operations plus component schemas from which a spec is rendered with worker processes (forking costs ~0.1 s).
_PARALLEL_FROM = 300


def render(spec: dict[str, Any], context: RenderContext, out: Path) -> None:
    """Write the SDK package of `spec` into `out` (created; existing files overwritten).

    A large spec is rendered with worker processes: the mock's testing helper in one from the start, then the
    models modules (datamodel-code-generator) in all, while this process renders the rest.
    """
    from generator.render.python.testing import render_testing

    size = len(spec.get("paths") or {}) + len((spec.get("components") or {}).get("schemas") or {})
    # The testing helper's files (GitHub's: 16 MB of mock spec and fixtures) are written by the worker that
    # builds them, not sent back to this process.
    package_dir = out / context.service.package
    with worker_pool(size >= _PARALLEL_FROM, lambda: render_testing(spec, context, package_dir)) as (
            pool, helpers_future):
        _render_package(spec, context, out, pool, helpers_future)


def _render_package(spec: dict[str, Any], context: RenderContext, out: Path, pool: Executor | None,
                    helpers_future: Future[None] | None) -> None:
    from generator.render.python.testing import helper_files

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
        "resource_imports": import_block(_client_type_imports(plan), indent=4),
    }
    files: dict[str, str] = {
        "pyproject.toml": _render(env, "pyproject.toml", values),
        "README.md": _render(env, "README.md", values),
        f"{package}/py.typed": "",
        f"{package}/__init__.py": _render(env, "package/__init__.py", values),
        f"{package}/_client.py": _render(env, "package/_client.py", values),
        f"{package}/resources/__init__.py": _render(env, "package/resources/__init__.py", values),
    }
    helpers: dict[str, str] = {}

    def meanwhile() -> None:
        """The rest of the package, rendered while datamodel-code-generator runs in worker processes."""
        hooks = plan.webhooks
        optional = [*(["_queue.py"] if values["has_queue"] else []), *(["_webhooks.py"] if hooks else [])]
        for module in (*_STATIC_MODULES, *optional):
            files[f"{package}/{module}"] = runtime_text(env, f"{TEMPLATE_DIR}/package/{module}.jinja",
                                                        f"python/{module}", values)
        for resource in plan.resources:
            files[f"{package}/resources/{resource.module}.py"] = _resource_module(env, plan, resource, values)
        if hooks is not None:
            imports = import_block(webhook_imports(hooks, plan.model_home))
            files[f"{package}/webhooks.py"] = _render(env, "package/webhooks.py", {
                **values, "hooks": hooks, "imports": imports})
        if helpers_future is not None:
            helpers_future.result()  # written by the worker; its error, if any, is raised here
        else:
            helpers.update(helper_files(spec, context))

    modules = models_source(plan.schemas, plan.model_home, str(spec.get("openapi") or "3.1.0"),
                            meanwhile=meanwhile, pool=pool)
    for part in modules:
        files[f"{package}/models/{part.name}.py"] = _render(env, "package/models/module.py", {
            **values, "module": part.name, "code": part.code})
    home = plan.model_home
    files[f"{package}/models/__init__.py"] = _render(env, "package/models/__init__.py", {
        **values, "home": {name: home[name] for name in sorted(home, key=lambda n: name_key(n, case_sensitive=True))},
        "type_imports": import_block({f".{m}": set(c) for m, c in plan.model_modules.items()}, indent=4)})
    out.mkdir(parents=True, exist_ok=True)
    for relative, text in sorted(files.items()):
        write_text(out, relative, text)
    for relative, text in helpers.items():
        write_text(out / package, relative, text)


def _client_type_imports(plan: Plan) -> dict[str, set[str]]:
    """What `_client.py` imports for its annotations only: the resource classes (imported on first use) and
    the webhooks' types."""
    imports = {f".resources.{r.module}": {r.class_name, f"Async{r.class_name}"} for r in plan.resources}
    if plan.webhooks is not None:
        imports.update({"._webhooks": {"Webhooks"}, ".webhooks": {plan.webhooks.event_alias}})
    return imports


def _render(env: jinja2.Environment, name: str, values: dict[str, Any]) -> str:
    try:
        return env.get_template(f"{TEMPLATE_DIR}/{name}.jinja").render(values)
    except jinja2.TemplateError as error:
        raise ApigenError(f"template {TEMPLATE_DIR}/{name}.jinja: {error}") from None


def _resource_module(env: jinja2.Environment, plan: Plan, resource: Resource, values: dict[str, Any]) -> str:
    """One resource's module: its classes, after exactly the imports its plan calls for."""
    body = _render(env, "package/resources/resource_body.py", {**values, "resource": resource})
    body, qualified = qualify_builtins(body, {op.name for op in resource.operations} & _BUILTIN_TYPES)
    imports = import_block(resource_imports(resource, plan.model_home, builtins=qualified))
    return _render(env, "package/resources/resource.py", {**values, "resource": resource, "imports": imports,
                                                          "body": body})


# Builtins the generated code uses in annotations: a method of the same name (`def list(...)`) shadows them
# in the rest of its class body, where mypy then reads `list[Item]` as the method.
_BUILTIN_TYPES = {"list", "dict", "set", "frozenset", "tuple", "type", "str", "int", "float", "bool", "bytes",
                  "object"}


def qualify_builtins(body: str, shadowed: set[str]) -> tuple[str, bool]:
    """`body` with every use of a builtin in `shadowed` written `builtins.<name>`, except where the name is
    defined (`def list`), an attribute (`.list`) or a keyword argument (`list=`); strings are left alone.
    Whether any was, says if the module imports `builtins`."""
    if not shadowed:
        return body, False
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
    return "\n".join(lines), bool(edits)


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
