"""The SDK's `models` package: pydantic v2 classes for every schema, written by datamodel-code-generator.

Classes are split into modules so that using one resource imports only the models it needs: a class used
(directly or through other classes) by the operations of one resource lives in `models/<resource>.py`, one
used by several in `models/_shared.py`, one no operation uses in `models/_other.py`. Resource modules import
from their own module and `_shared`, `_shared` only from itself, so imports never cycle.

Each module is one datamodel-code-generator call, without formatters (black and isort would triple the time
on large specs for no change in behaviour). A module's document holds its own classes plus stand-ins for the
classes it refers to elsewhere: an empty object for an object model (only its name matters), the full schema
for base classes, enums and other non-object schemas (their shape decides the code written for a field). The
stand-ins are dropped from the output and imported instead. datamodel-code-generator's time grows faster
than the number of classes, so smaller calls are cheaper in total, and they run in parallel processes.
"""

from __future__ import annotations

import ast
import hashlib
import multiprocessing
import os
import re
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import ApigenError
from generator.render.python_imports import code_names, import_block, split_imports
from generator.render.python_schemas import CLASS_PREFIX, SCHEMA_PREFIX, SchemaSet

_HEADER = re.compile(r"\A(#[^\n]*\n)+\n*")
# A top-level definition of a class, or the call that completes it.
_DEFINITION = re.compile(r"class (\w+)\(|(\w+)\.model_rebuild\(")
# Classes per module at most (but a cycle of classes stays whole): its time grows faster than its size.
_MODULE_CLASSES = 250
# A member of a `Literal[...]` datamodel-code-generator writes: a string, a number, True/False/None.
_MEMBER = r"""(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|-?[\w.]+)"""
_LITERAL = re.compile(rf"\bLiteral\[({_MEMBER}(?:, {_MEMBER})*)\]")
# Its typed-extras annotation, which it writes with `typing.Dict`/`List` whatever the target version.
_EXTRA = re.compile(r"^(\s+'__pydantic_extra__': )(.*)$", re.MULTILINE)


# The base class as datamodel-code-generator sees it; rewritten to the package's relative import after.
_BASE_MODULE = "apigen_sdk_package._model"
_BASE_NAME = "Model"


def _options(schemas: SchemaSet) -> dict[str, Any]:
    """datamodel-code-generator's options; its enum-valued ones as plain values (see `_enum_options`), so
    the cache key is computed without importing it."""
    return {
        "input_file_type": "openapi",
        "output_model_type": "pydantic_v2.BaseModel",
        "target_python_version": "3.10",
        "base_class": f"{_BASE_MODULE}.{_BASE_NAME}",
        "formatters": [],
        "disable_timestamp": True,
        "use_schema_description": True,
        "use_field_description": True,
        "snake_case_field": True,
        "use_standard_collections": True,
        "use_union_operator": True,
        "use_double_quotes": True,
        "capitalise_enum_members": True,
        "use_subclass_enum": True,
        "enum_field_as_literal_map": {name: "literal" for name in sorted(schemas.literal_fields)},
        "set_default_enum_member": True,
        "field_constraints": True,
        "custom_file_header": "",
        "parent_scoped_naming": True,
    }


def cache_dir() -> Path | None:
    """Where generated models are kept by content hash (`APIGEN_CACHE`, default ~/.cache/apigen); `off`: none."""
    setting = os.environ.get("APIGEN_CACHE", "")
    if setting.lower() in ("0", "off", "no", "false"):
        return None
    return Path(setting) if setting else Path.home() / ".cache" / "apigen"


SHARED = "_shared"
OTHER = "_other"


@dataclass
class ModelModule:
    """One module of the `models` package: its source and the classes it defines."""

    name: str
    code: str
    classes: list[str]


def _refs(schema: Any, found: set[str]) -> set[str]:
    """The classes `schema` refers to, at any depth."""
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(CLASS_PREFIX):
                found.add(value[len(CLASS_PREFIX):])
            else:
                _refs(value, found)
    elif isinstance(schema, list):
        for value in schema:
            _refs(value, found)
    return found


def _together(schema: Any, found: list[set[str]]) -> list[set[str]]:
    """Groups of classes that must share a module: a discriminated union and its members (the generator
    rewrites the members' discriminator field)."""
    if isinstance(schema, dict):
        if isinstance(schema.get("discriminator"), dict):
            found.append(_refs({k: schema.get(k) for k in ("oneOf", "anyOf", "discriminator")}, set()))
        for value in schema.values():
            _together(value, found)
    elif isinstance(schema, list):
        for value in schema:
            _together(value, found)
    return found


def assign_modules(schemas: SchemaSet, used: dict[str, set[str]]) -> dict[str, str]:
    """The module of every class, given the classes each resource module's code names (`used`)."""
    deps = {name: _refs(schema, set()) & schemas.schemas.keys() for name, schema in schemas.schemas.items()}
    users: dict[str, set[str]] = {name: set() for name in schemas.schemas}
    for resource, names in sorted(used.items()):
        stack = sorted(names & users.keys())
        while stack:
            name = stack.pop()
            if resource not in users[name]:
                users[name].add(resource)
                stack.extend(deps[name])
    module = {name: next(iter(found)) if len(found) == 1 else SHARED if found else OTHER
              for name, found in users.items()}
    groups = [group | {name} for name, schema in schemas.schemas.items() for group in _together(schema, [])]
    changed = True
    while changed:  # a class a module refers to lives there or in _shared; groups stay whole
        changed = False
        for group in groups:
            labels = {module[name] for name in group} - {OTHER}
            if len(labels) > 1 or (labels and any(module[name] == OTHER for name in group)):
                for name in group:
                    if module[name] != SHARED:
                        module[name], changed = SHARED, True
        for name, names in deps.items():
            for dep in names:
                if module[dep] not in (module[name], SHARED) and module[name] != OTHER:
                    module[dep], changed = SHARED, True
    return _split_large(module, deps)


def _split_large(module: dict[str, str], deps: dict[str, set[str]]) -> dict[str, str]:
    """Modules of more than `_MODULE_CLASSES` classes cut into parts (`_other`, `_other_2`...): whole cycles of
    classes in dependency order, so that a part imports only from the parts before it."""
    members: dict[str, list[str]] = {}
    for name, label in module.items():
        members.setdefault(label, []).append(name)
    for label, names in members.items():
        if len(names) <= _MODULE_CLASSES:
            continue
        part, size = 1, 0
        for component in _components(names, {n: deps[n] & set(names) for n in names}):
            if size and size + len(component) > _MODULE_CLASSES:
                part, size = part + 1, 0
                while f"{label}_{part}" in members:
                    part += 1
            size += len(component)
            for name in component:
                module[name] = label if part == 1 else f"{label}_{part}"
    return module


def _components(names: list[str], edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of `edges` (Tarjan's, iterative), each after the ones it depends on."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    order = {name: i for i, name in enumerate(names)}
    for root in names:
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root], key=order.__getitem__)))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child], key=order.__getitem__))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                found.append(sorted(component, key=order.__getitem__))
    return found


def models_source(schemas: SchemaSet, openapi_version: str, used: dict[str, set[str]] | None = None,
                  meanwhile: Callable[[], object] | None = None, pool: Executor | None = None) -> list[ModelModule]:
    """The modules of the `models` package (importing their base class from `.._model`), in name order.

    `used` maps each resource module to the class names its code uses; without it every class is shared.
    `meanwhile` is called (once, always) while the models are being generated, in `pool`'s processes if given.
    datamodel-code-generator takes most of the time on large specs, so each module's output is cached by a
    hash of everything it is given: a rebuild of an unchanged spec skips it.
    """
    if not schemas.schemas:
        if meanwhile is not None:
            meanwhile()
        return []
    version = openapi_version if openapi_version.startswith("3.") else "3.1.0"
    module = assign_modules(schemas, used or {})
    options = _options(schemas)
    salt = "\0".join([repr(sorted(options.items())), _generator_version(),
                      Path(__file__).read_text(encoding="utf-8")])
    members: dict[str, list[str]] = {}
    for name in schemas.schemas:
        members.setdefault(module[name], []).append(name)
    jobs: dict[str, str] = {}
    codes: dict[str, str] = {}
    folder = cache_dir()
    for name, classes in members.items():
        document = _document(schemas, classes, version)
        key = hashlib.sha256(f"{document}\0{salt}".encode()).hexdigest()
        cached = folder / "models" / f"{key}.py" if folder is not None else None
        if cached is not None and cached.is_file():
            codes[name] = cached.read_text(encoding="utf-8")
        else:
            jobs[name] = document
    for name, code in _generate_all(jobs, options, meanwhile, pool).items():
        codes[name] = code
        if folder is not None:
            document = jobs[name]
            key = hashlib.sha256(f"{document}\0{salt}".encode()).hexdigest()
            _store(folder / "models" / f"{key}.py", code)
    return [ModelModule(name, _finish(codes[name], set(members[name]), module), members[name])
            for name in sorted(members)]


def _document(schemas: SchemaSet, classes: list[str], version: str) -> str:
    """The OpenAPI document of one module: its classes, then stand-ins for the classes they refer to."""
    own = set(classes)
    included: dict[str, Any] = {name: schemas.schemas[name] for name in classes}
    stand_ins: dict[str, Any] = {}
    stack = [schema for schema in included.values()]
    while stack:
        schema = stack.pop()
        bases = set()
        for key in ("allOf",):
            if isinstance(schema, dict) and isinstance(schema.get(key), list):
                bases |= _refs(schema[key], set())
        for name in sorted(_refs(schema, set())):
            if name in own or name in stand_ins or name not in schemas.schemas:
                continue
            target = schemas.schemas[name]
            if name not in bases and _is_object(target):
                stand_ins[name] = {"type": "object"}
            else:
                stand_ins[name] = target
                stack.append(target)
    # a stand-in first named as an empty object may be some other class's base: give it its full schema
    for schema in [*included.values(), *stand_ins.values()]:
        if isinstance(schema, dict) and isinstance(schema.get("allOf"), list):
            for name in _refs(schema["allOf"], set()) - own:
                if name in schemas.schemas and stand_ins.get(name) == {"type": "object"}:
                    stand_ins[name] = schemas.schemas[name]
    return _dump({**included, **dict(sorted(stand_ins.items()))}, version)


def _dump(classes: dict[str, Any], version: str) -> str:
    import json

    document = {"openapi": version, "info": {"title": "models", "version": "0"}, "paths": {},
                "components": {"schemas": classes}}
    return json.dumps(document, ensure_ascii=False).replace(f'"{CLASS_PREFIX}', f'"{SCHEMA_PREFIX}')


def _is_object(schema: Any) -> bool:
    """An object model: other modules only need its name."""
    if not isinstance(schema, dict) or any(k in schema for k in ("oneOf", "anyOf", "enum", "const", "allOf")):
        return False
    return isinstance(schema.get("properties"), dict) and bool(schema["properties"]) and \
        schema.get("type") in (None, "object")


def _finish(code: str, own: set[str], module: dict[str, str]) -> str:
    """A module's code without the stand-ins' definitions, importing them from their modules instead, and
    without the imports only the stand-ins needed."""
    imports, body = split_imports(code)
    kept = []
    for chunk in re.split(r"\n(?=\S)", body):
        match = _DEFINITION.match(chunk)
        name = match and (match.group(1) or match.group(2))
        if not name or name in own or name not in module:
            kept.append(chunk)  # its own classes, and those datamodel-code-generator added (inline enums)
    body = re.sub(r"\n{3,}", "\n\n\n", "\n".join(kept)).strip() + "\n"
    body = _tidy(body)
    used = code_names(body)
    imports = {source: {n for n in names if n.split(" as ")[-1] in used or source == "__future__"}
               for source, names in imports.items()}
    if "Field" in used and not any("Field" in names for names in imports.values()):
        imports.setdefault("pydantic", set()).add("Field")
    for name in sorted(used - own):
        home = module.get(name)
        if home is not None:
            imports.setdefault(f".{home}", set()).add(name)
    return f"{import_block(imports)}\n\n\n{body}"


def _unique_literal(match: re.Match[str]) -> str:
    members = re.findall(_MEMBER, match.group(1))
    seen: dict[tuple[str, Any], str] = {}
    for member in members:
        try:
            value: Any = ast.literal_eval(member)
        except (ValueError, SyntaxError):
            value = member
        seen.setdefault((type(value).__name__, value), member)
    if len(seen) == len(members):
        return match.group(0)
    return f"Literal[{', '.join(seen.values())}]"


_MUTABLE_DEFAULT = re.compile(r"^(    [A-Za-z_]\w*: [^\n=]+) = (\[[^\n]*\]|\{[^\n]*\})$", re.MULTILINE)


def _tidy(body: str) -> str:
    """What `ruff check` would flag in datamodel-code-generator's output: a Literal repeating members
    (it concatenates the enums of an `allOf`'s parts) and `Dict`/`List` in typed-extras annotations."""
    if "Literal[" in body:
        body = _LITERAL.sub(_unique_literal, body)
    if " = [" in body or " = {" in body:
        # A list or dict default as a bare literal: ruff's RUF012 takes it for a shared mutable class
        # attribute (it cannot see that `Model` is pydantic's); a factory says the same and is copied anyway.
        body = _MUTABLE_DEFAULT.sub(r"\1 = Field(default_factory=lambda: \2)", body)
    if "__pydantic_extra__" in body:
        body = _EXTRA.sub(lambda m: m.group(1) + re.sub(r"\b(Dict|List)\[", lambda n: f"{n.group(1).lower()}[",
                                                                m.group(2)), body)
    return body


def _generate_all(jobs: dict[str, str], options: dict[str, Any], meanwhile: Callable[[], object] | None,
                  pool: Executor | None) -> dict[str, str]:
    """datamodel-code-generator's output for each document, largest first, in `pool`'s processes if given."""
    ordered = sorted(jobs, key=lambda name: -len(jobs[name]))
    if pool is None:
        if meanwhile is not None:
            meanwhile()
        return {name: _generate(jobs[name], options) for name in ordered}
    futures = {name: pool.submit(_generate, jobs[name], options) for name in ordered}
    if meanwhile is not None:
        meanwhile()
    return {name: futures[name].result() for name in ordered}


# Work handed to forked workers by reference: they inherit this at fork time, so a large spec is not pickled.
_FORKED: dict[str, Callable[[], Any]] = {}


def _run_forked(key: str) -> Any:
    return _FORKED[key]()


@contextmanager
def worker_pool(parallel: bool, first: Callable[[], Any] | None = None) -> Iterator[tuple[Executor | None, Future[Any] | None]]:
    """Worker processes (one per core, at most 4) when `parallel` and there are several cores, else None.

    `first` runs in a worker forked from this process as it is now (nothing pickled on the way in); its
    future comes along. Without a pool it is not called: the caller runs it itself.
    """
    from generator.core.workers import started

    warm = started()  # started by `apigen generate` before the spec was read: datamodel-code-generator imported
    if warm is not None:
        yield warm, None
        return
    workers = min(os.cpu_count() or 1, 4)
    methods = multiprocessing.get_all_start_methods()
    if not parallel or workers < 2 or "fork" not in methods:
        yield None, None
        return
    if first is not None:
        _FORKED["first"] = first  # workers are forked on the first submit, holding it
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            yield pool, pool.submit(_run_forked, "first") if first is not None else None
    finally:
        _FORKED.clear()


def import_generator() -> None:
    """What datamodel-code-generator's `generate` imports on its first call: a worker started early runs it
    (see generator.core.workers) while the main process reads the spec."""
    import datamodel_code_generator.config
    import datamodel_code_generator.parser.openapi  # noqa: F401


def _generator_version() -> str:
    """datamodel-code-generator's version file, read without importing it (a cache hit imports nothing)."""
    from importlib.util import find_spec

    package = find_spec("datamodel_code_generator")
    if package is None or not package.submodule_search_locations:
        raise ApigenError("datamodel-code-generator is not installed")
    folder = Path(next(iter(package.submodule_search_locations)))
    try:
        return (folder / "_version.py").read_text(encoding="utf-8")
    except OSError:
        import datamodel_code_generator

        return datamodel_code_generator.get_version()


def _enum_options(options: dict[str, Any]) -> dict[str, Any]:
    from datamodel_code_generator.enums import DataModelType, InputFileType
    from datamodel_code_generator.format import PythonVersion

    return {**options, "input_file_type": InputFileType(options["input_file_type"]),
            "output_model_type": DataModelType(options["output_model_type"]),
            "target_python_version": PythonVersion(options["target_python_version"])}


def _generate(document: str, options: dict[str, Any]) -> str:
    from datamodel_code_generator import generate

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            code = generate(document, **_enum_options(options))
    except Exception as error:  # noqa: BLE001 - it raises many types; all mean the schemas cannot be modelled
        raise ApigenError(f"datamodel-code-generator could not model the schemas: {error}") from None
    if not isinstance(code, str):
        raise ApigenError("datamodel-code-generator returned several modules; expected one")
    code = _HEADER.sub("", code).strip() + "\n"
    return code.replace(f"from {_BASE_MODULE} import {_BASE_NAME}\n", f"from .._model import {_BASE_NAME}\n")


def _store(path: Path, code: str) -> None:
    """Write a cache entry atomically; a cache that cannot be written is skipped, never an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(code, encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass
