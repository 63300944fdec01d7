"""Models of the anyfast: pydantic v2 classes for every schema, from datamodel-code-generator.

Each resource's models live in `models/<resource>.py`, those used by several resources in `models/_shared.py`,
those no operation uses in `models/_other.py`. Every class is importable from here too; its module is imported
on first use (module `__getattr__`), so importing one model does not import them all.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._other import ErrorResponse, ErrorResponseError
    from .images import Image, ImagesGenerateResponse

_MODULES: dict[str, str] = {
    "ErrorResponse": "._other",
    "ErrorResponseError": "._other",
    "Image": ".images",
    "ImagesGenerateResponse": ".images",
}

__all__ = [
    "ErrorResponse",
    "ErrorResponseError",
    "Image",
    "ImagesGenerateResponse",
]


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_MODULES])
