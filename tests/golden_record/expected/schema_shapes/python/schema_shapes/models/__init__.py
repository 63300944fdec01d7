"""Models of the Shapes: pydantic v2 classes for every schema, from datamodel-code-generator.

Each resource's models live in `models/<resource>.py`, those used by several resources in `models/_shared.py`,
those no operation uses in `models/_other.py`. Every class is importable from here too; its module is imported
on first use (module `__getattr__`), so importing one model does not import them all.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._other import Identifier, PageSize, Problem, Problem2, Tags, Text, Uuid
    from .pets import (
        Base,
        Cat,
        Dog,
        Labels,
        Owner,
        Pet,
        PetKind,
        PetPage,
        Priority,
        Version,
    )
    from .trees import Node

_MODULES: dict[str, str] = {
    "Base": ".pets",
    "Cat": ".pets",
    "Dog": ".pets",
    "Identifier": "._other",
    "Labels": ".pets",
    "Node": ".trees",
    "Owner": ".pets",
    "PageSize": "._other",
    "Pet": ".pets",
    "PetKind": ".pets",
    "PetPage": ".pets",
    "Priority": ".pets",
    "Problem": "._other",
    "Problem2": "._other",
    "Tags": "._other",
    "Text": "._other",
    "Uuid": "._other",
    "Version": ".pets",
}

__all__ = [
    "Base",
    "Cat",
    "Dog",
    "Identifier",
    "Labels",
    "Node",
    "Owner",
    "PageSize",
    "Pet",
    "PetKind",
    "PetPage",
    "Priority",
    "Problem",
    "Problem2",
    "Tags",
    "Text",
    "Uuid",
    "Version",
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
