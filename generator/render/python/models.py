"""The SDK's `models` package: pydantic v2 classes for every schema, written by datamodel-code-generator.

The plan decides which module each class lives in (`modules.assign_modules`); here each module is one
datamodel-code-generator call, without formatters (black and isort would triple the time on large specs for
no change in behaviour). A module's document holds its own classes plus stand-ins for the classes it refers
to elsewhere: an empty object for an object model (only its name matters), the full schema for base classes,
enums and other non-object schemas (their shape decides the code written for a field). `model_code.finish`
drops the stand-ins from the output and imports them instead. datamodel-code-generator's time grows with
the bytes of schema it is given (~11 s per MB on GitHub's spec, from 3 kB to 700 kB; the stand-ins are 8%
of what its 44 calls read, and one call over all 2.3 MB took 30 s and 390 MiB against 27 s in all for the
44), its memory likewise, so modules are kept small (`modules._MODULE_BYTES`) and run in parallel processes.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.core.workers import WarmPool
from generator.errors import ApigenError
from generator.render.python.datamodel import generate
from generator.render.python.model_code import BASE_MODULE, BASE_NAME, ModuleCode, finish
from generator.render.python.modules import refs
from generator.render.python.schemas import CLASS_PREFIX, SCHEMA_PREFIX, SchemaSet
from generator.render.templates import cache_dir


def _options(schemas: SchemaSet) -> dict[str, Any]:
    """datamodel-code-generator's options; its enum-valued ones as plain values (see `_enum_options`), so
    the cache key is computed without importing it."""
    return {
        "input_file_type": "openapi",
        "output_model_type": "pydantic_v2.BaseModel",
        "target_python_version": "3.10",
        "base_class": f"{BASE_MODULE}.{BASE_NAME}",
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


@dataclass
class ModelModule:
    """One module of the `models` package: its source and the classes it defines."""

    name: str
    code: str
    classes: list[str]  # the classes the plan put here, in the spec's order


def models_source(schemas: SchemaSet, home: dict[str, str], openapi_version: str,
                  meanwhile: Callable[[], object] | None = None, pool: Executor | None = None) -> list[ModelModule]:
    """The modules of the `models` package (importing their base class from `.._model`), in name order.

    `home` is the module of every class (the plan's `model_home`). `meanwhile` is called (once, always)
    while the models are being generated, in `pool`'s processes if given. datamodel-code-generator takes
    most of the time on large specs, so each module's output is cached by a hash of everything it is
    given: a rebuild of an unchanged spec skips it.
    """
    if not schemas.schemas:
        if meanwhile is not None:
            meanwhile()
        return []
    version = openapi_version if openapi_version.startswith("3.") else "3.1.0"
    options = _options(schemas)
    salt = "\0".join([repr(sorted(options.items())), _generator_version(),
                      Path(__file__).read_text(encoding="utf-8"),
                      Path(__file__).with_name("datamodel.py").read_text(encoding="utf-8")])
    members: dict[str, list[str]] = {}
    for name in schemas.schemas:
        members.setdefault(home[name], []).append(name)
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
    finished: dict[str, ModuleCode] = {}

    def take(name: str, code: str) -> None:
        """One module's output, cached and finished (in this process, while the workers write the others)."""
        if name in jobs and folder is not None:
            key = hashlib.sha256(f"{jobs[name]}\0{salt}".encode()).hexdigest()
            _store(folder / "models" / f"{key}.py", code)
        finished[name] = finish(code, set(members[name]), home)

    def take_cached() -> None:
        for name, code in codes.items():
            take(name, code)

    _generate_all(jobs, options, meanwhile, pool, take_cached, take)
    modules = []
    for name in sorted(members):
        missing = [cls for cls in members[name] if cls not in finished[name].classes]
        if missing:
            raise ApigenError(f"datamodel-code-generator did not write the classes {missing[:5]}")
        modules.append(ModelModule(name, finished[name].code, members[name]))
    return modules


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
                bases |= refs(schema[key], set())
        for name in sorted(refs(schema, set())):
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
            for name in refs(schema["allOf"], set()) - own:
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


def _generate_all(jobs: dict[str, str], options: dict[str, Any], meanwhile: Callable[[], object] | None,
                  pool: Executor | None, ready: Callable[[], object], take: Callable[[str, str], None]) -> None:
    """datamodel-code-generator's output for each document, largest first, in `pool`'s processes if given,
    each handed to `take` as it comes, after `meanwhile` and `ready` (the cached modules) ran: a module is
    finished while the workers still write the others, not all of them after the last one. The first
    failure in job order is raised, whichever failed first, so the error does not depend on timing."""
    ordered = sorted(jobs, key=lambda name: -len(jobs[name]))
    if pool is None:
        if meanwhile is not None:
            meanwhile()
        ready()
        for name in ordered:
            take(name, generate(jobs[name], options))
        return
    futures = {pool.submit(generate, jobs[name], options): name for name in ordered}
    if meanwhile is not None:
        meanwhile()
    ready()
    failures: dict[str, BaseException] = {}
    for future in as_completed(futures):
        name = futures[future]
        try:
            take(name, future.result())
        except Exception as error:  # noqa: BLE001 - re-raised below, the first in job order
            failures[name] = error
    if isinstance(pool, WarmPool):
        pool.shutdown()  # its only work is done: its memory is not held while the package is finished
    if failures:
        raise failures[next(name for name in ordered if name in failures)]


# Work handed to forked workers by reference: they inherit this at fork time, so a large spec is not pickled.
_FORKED: dict[str, Callable[[], Any]] = {}


def _run_forked(key: str) -> Any:
    return _FORKED[key]()


@contextmanager
def worker_pool(parallel: bool, first: Callable[[], Any] | None = None) -> Iterator[tuple[Executor | None, Future[Any] | None]]:
    """Worker processes (one per core, at most 4) when `parallel` and there are several cores, else None.

    `first` runs in a worker forked from this process as it is now (nothing pickled on the way in); its
    future comes along. Without a pool it is not called: the caller runs it itself. With the warm pool
    `apigen generate` started it gets a process of its own when `parallel` (a large spec), else none.
    """
    from generator.core.workers import fork_call, started

    warm = started()  # started by `apigen generate` before the spec was read: datamodel-code-generator imported
    if warm is not None:  # `first` in a process of its own, forked now: the warm workers hold no spec
        yield warm, fork_call(first) if first is not None and parallel and warm.processes > 1 else None
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


def _store(path: Path, code: str) -> None:
    """Write a cache entry atomically; a cache that cannot be written is skipped, never an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(code, encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass
