"""The Jinja2 environment shared by renderers.

Templates are looked up by name (`python/client.py.jinja`) first in the user's override folder, then in
the built-in `templates/` folder, the way openapi-python-client layers a ChoiceLoader.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jinja2

BUILTIN_TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"


def py_string(value: Any) -> str:
    """A Python string literal that reads back as `value`, whatever quotes, braces or backslashes it holds."""
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if "\\" not in text and "\n" not in text else repr(text)


def docstring_text(value: Any) -> str:
    """Text safe inside a triple-quoted docstring: backslashes doubled, quote runs broken up."""
    text = str(value or "").replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if text.endswith('"'):
        text += " "
    return text


def environment(override: Path | None = None, autoescape: bool = False) -> jinja2.Environment:
    """An environment over the override folder (if any) then the built-in templates."""
    loaders: list[jinja2.BaseLoader] = []
    if override is not None:
        loaders.append(jinja2.FileSystemLoader(str(override)))
    loaders.append(jinja2.FileSystemLoader(str(BUILTIN_TEMPLATES)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["py_string"] = py_string
    env.filters["docstring"] = docstring_text
    env.filters["tojson_compact"] = lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True)
    return env


def write_text(out: Path, relative: str, text: str) -> Path:
    """Write one output file with LF line endings and UTF-8, creating folders as needed."""
    path = out / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path
