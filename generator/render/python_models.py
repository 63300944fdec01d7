"""The SDK's `models.py`: pydantic v2 classes for every schema, written by datamodel-code-generator.

All schemas (components plus the inline ones lifted by `SchemaSet`) go to datamodel-code-generator in one
document and one call, without formatters: a single call keeps shared classes shared, and formatting
through black and isort would triple the time on large specs for no change in behaviour.
"""

from __future__ import annotations

import re
import warnings
from generator.errors import ApigenError
from generator.render.python_imports import reorder_imports
from generator.render.python_schemas import SchemaSet

_HEADER = re.compile(r"\A(#[^\n]*\n)+\n*")
_CLASS = re.compile(r"^class (\w+)\(", re.MULTILINE)


def models_source(schemas: SchemaSet, openapi_version: str, base_class: str) -> tuple[str, set[str]]:
    """Source of `models.py` and the class names it defines."""
    if not schemas.schemas:
        return "", set()
    from datamodel_code_generator import DataModelType, InputFileType, PythonVersion, generate

    version = openapi_version if openapi_version.startswith("3.") else "3.1.0"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            code = generate(
                schemas.document(version),
                input_file_type=InputFileType.OpenAPI,
                output_model_type=DataModelType.PydanticV2BaseModel,
                target_python_version=PythonVersion.PY_310,
                base_class=base_class,
                formatters=[],
                disable_timestamp=True,
                use_schema_description=True,
                use_field_description=True,
                snake_case_field=True,
                use_standard_collections=True,
                use_union_operator=True,
                use_double_quotes=True,
                capitalise_enum_members=True,
                use_subclass_enum=True,
                set_default_enum_member=True,
                field_constraints=True,
                custom_file_header="",
                parent_scoped_naming=True,
            )
    except Exception as error:  # datamodel-code-generator raises many types; report them as input errors
        raise ApigenError(f"datamodel-code-generator could not model the schemas: {error}") from None
    if not isinstance(code, str):
        raise ApigenError("datamodel-code-generator returned several modules; expected one")
    code = _HEADER.sub("", code).strip() + "\n"
    module, _, name = base_class.rpartition(".")
    code = code.replace(f"from {module} import {name}\n", f"from .{module.rpartition('.')[2]} import {name}\n")
    return reorder_imports(code), set(_CLASS.findall(code))
