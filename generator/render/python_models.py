"""The SDK's `models.py`: pydantic v2 classes for every schema, written by datamodel-code-generator.

All schemas (components plus the inline ones lifted by `SchemaSet`) go to datamodel-code-generator in one
document and one call, without formatters: a single call keeps shared classes shared, and formatting
through black and isort would triple the time on large specs for no change in behaviour.
"""

from __future__ import annotations

import hashlib
import os
import re
import warnings
from pathlib import Path
from typing import Any

from generator.errors import ApigenError
from generator.render.python_imports import reorder_imports
from generator.render.python_schemas import SchemaSet

_HEADER = re.compile(r"\A(#[^\n]*\n)+\n*")
_CLASS = re.compile(r"^class (\w+)\(", re.MULTILINE)


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


def models_source(schemas: SchemaSet, openapi_version: str) -> tuple[str, set[str]]:
    """Source of `models.py` (importing its base class from `._model`) and the class names it defines.

    datamodel-code-generator takes most of the time on large specs (about 25 s for GitHub's), so its
    output is cached by a hash of everything it is given: a rebuild of an unchanged spec skips it.
    """
    if not schemas.schemas:
        return "", set()
    version = openapi_version if openapi_version.startswith("3.") else "3.1.0"
    document = schemas.document(version)
    options = _options(schemas)
    key = hashlib.sha256("\0".join([
        document, repr(sorted(options.items())), _generator_version(),
        Path(__file__).read_text(encoding="utf-8"),
    ]).encode("utf-8")).hexdigest()
    folder = cache_dir()
    cached = folder / "models" / f"{key}.py" if folder is not None else None
    if cached is not None and cached.is_file():
        code = cached.read_text(encoding="utf-8")
    else:
        code = _generate(document, options)
        if cached is not None:
            _store(cached, code)
    return code, set(_CLASS.findall(code))


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
    code = code.replace(f"from {_BASE_MODULE} import {_BASE_NAME}\n", f"from ._model import {_BASE_NAME}\n")
    return reorder_imports(code)


def _store(path: Path, code: str) -> None:
    """Write a cache entry atomically; a cache that cannot be written is skipped, never an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(code, encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass
