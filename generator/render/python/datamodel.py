"""The one call into datamodel-code-generator, in a module a worker process can import without the rest of
the renderer (Jinja, the plan): `apigen generate` starts its workers before the spec is read, and what they
import before their first document is on the critical path of a small one.
"""

from __future__ import annotations

import warnings
from typing import Any

from generator.errors import ApigenError


def import_generator() -> None:
    """What datamodel-code-generator's `generate` imports on its first call: a worker started early runs it
    (see generator.core.workers) while the main process reads the spec."""
    import gc

    gc.disable()  # the import allocates much and frees little: collections during it are ~15% of its time
    try:
        import datamodel_code_generator.config
        import datamodel_code_generator.parser.openapi  # noqa: F401
    finally:
        gc.enable()


def generate(document: str, options: dict[str, Any]) -> str:
    """datamodel-code-generator's module for `document` (an OpenAPI document as JSON text), given the
    options as plain values (see `models._options`)."""
    from datamodel_code_generator import generate as generate_code

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            code = generate_code(document, **_enum_options(options))
    except Exception as error:  # noqa: BLE001 - it raises many types; all mean the schemas cannot be modelled
        raise ApigenError(f"datamodel-code-generator could not model the schemas: {error}") from None
    if not isinstance(code, str):
        raise ApigenError("datamodel-code-generator returned several modules; expected one")
    return code


def _enum_options(options: dict[str, Any]) -> dict[str, Any]:
    from datamodel_code_generator.enums import DataModelType, InputFileType
    from datamodel_code_generator.format import PythonVersion

    return {**options, "input_file_type": InputFileType(options["input_file_type"]),
            "output_model_type": DataModelType(options["output_model_type"]),
            "target_python_version": PythonVersion(options["target_python_version"])}
