"""Models of the Clashes: pydantic v2 classes for every schema, from datamodel-code-generator.

Each resource's models live in `models/<resource>.py`, those used by several resources in `models/_shared.py`,
those no operation uses in `models/_other.py`. Every class is importable from here too; its module is imported
on first use (module `__getattr__`), so importing one model does not import them all.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._other import ListModel, Problem
    from ._shared import OptionalModel
    from .api_key_ import ApiKeyShowResponse
    from .client_ import ClientModel
    from .con_ import AnyModel, FieldModel
    from .users import (
        BaseModelModel,
        ModelModel,
        User,
        User2,
        UserProfile,
        UserProfile2,
    )

_MODULES: dict[str, str] = {
    "AnyModel": ".con_",
    "ApiKeyShowResponse": ".api_key_",
    "BaseModelModel": ".users",
    "ClientModel": ".client_",
    "FieldModel": ".con_",
    "ListModel": "._other",
    "ModelModel": ".users",
    "OptionalModel": "._shared",
    "Problem": "._other",
    "User": ".users",
    "User2": ".users",
    "UserProfile": ".users",
    "UserProfile2": ".users",
}

__all__ = [
    "AnyModel",
    "ApiKeyShowResponse",
    "BaseModelModel",
    "ClientModel",
    "FieldModel",
    "ListModel",
    "ModelModel",
    "OptionalModel",
    "Problem",
    "User",
    "User2",
    "UserProfile",
    "UserProfile2",
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
