"""The Jinja2 environment shared by renderers.

Templates are looked up by name (`python/client.py.jinja`) first in the user's override folder, then in
the built-in `templates/` folder, the way openapi-python-client layers a ChoiceLoader.

Compiling templates is most of a small service's render time, so compiled templates are kept: in memory for
the life of the process (every environment of `apigen watch` shares them) and on disk, keyed by template
name, file and environment options and checked against the template source, so an edited template is
always recompiled. The built-in templates' code is kept beside apigen's own bytecode
(`generator/__pycache__/templates/`, written when Python writes bytecode): like a `.pyc` it belongs to the
installed apigen, not to a project, so it serves cold runs too (`APIGEN_CACHE=off`). An override folder's templates go under the apigen cache folder
(`APIGEN_CACHE`, default `~/.cache/apigen`; `off` disables it).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket

from generator.paths import BUILTIN_TEMPLATES, PACKAGE_DIR

_COMPILED: dict[str, bytes] = {}  # bucket key -> bytecode, shared by every environment of this process
BUILTIN_COMPILED = PACKAGE_DIR / "__pycache__" / "templates"  # the built-in templates' code, as Python's .pyc


def cache_dir() -> Path | None:
    """The apigen cache folder (`APIGEN_CACHE`, default ~/.cache/apigen), or None when it is `off`."""
    setting = os.environ.get("APIGEN_CACHE", "")
    if setting.lower() in ("0", "off", "no", "false"):
        return None
    return Path(setting) if setting else Path.home() / ".cache" / "apigen"


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja bytecode kept in memory and, unless the cache is off, in `<cache>/jinja/`.

    Jinja checks every entry against the template source's checksum (a stale one is recompiled); the key
    adds what shapes compiled code besides the source: Jinja's and Python's versions and the options.
    """

    def __init__(self, autoescape: bool) -> None:
        self.tag = f"{jinja2.__version__}|{sys.version_info[:2]}|trim,lstrip,keep-newline|{autoescape}"
        self.folder = None if (base := cache_dir()) is None else base / "jinja"
        self.builtin: set[str] = set()  # keys of built-in templates: their code is kept in BUILTIN_COMPILED

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        key = hashlib.sha256(f"{self.tag}|{name}|{filename}".encode()).hexdigest()
        if filename is not None and Path(filename).is_relative_to(BUILTIN_TEMPLATES):
            self.builtin.add(key)
        return key

    def _folder(self, key: str, writing: bool = False) -> Path | None:
        if key in self.builtin:
            return None if writing and sys.dont_write_bytecode else BUILTIN_COMPILED
        return self.folder

    def load_bytecode(self, bucket: Bucket) -> None:
        data = _COMPILED.get(bucket.key)
        folder = self._folder(bucket.key)
        if data is None and folder is not None:
            try:
                data = (folder / f"{bucket.key}.cache").read_bytes()
            except OSError:
                return
        if data is not None:
            bucket.bytecode_from_string(data)  # resets the bucket when the source changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        data = bucket.bytecode_to_string()
        _COMPILED[bucket.key] = data
        folder = self._folder(bucket.key, writing=True)
        if folder is None:
            return
        path = folder / f"{bucket.key}.cache"
        try:  # atomically; a cache that cannot be written is skipped, never an error
            folder.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(data)
            temporary.replace(path)
        except OSError:
            pass


# Characters that show as nothing or reorder what is shown (bidi controls: Trojan Source, CVE-2021-42574;
# zero-width and line separators) and the control characters ruff refuses in source (PLE2502, PLE2510-2515).
# Generated Python holds them only as `\uXXXX` escapes, which read back as the same text.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029"
                        "\u2060-\u2069\ufeff]")


def escape_invisible(text: str) -> str:
    """`text` (Python source) with every invisible or reordering character written as a `\\uXXXX` escape.

    Doc text reaches generated code only inside string literals and docstrings (where the escape reads
    back as the same character) and comments (where it shows as the escape), so the source any editor or
    reviewer sees is exactly what runs.
    """
    return _INVISIBLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


# ASCII punctuation Markdown could act on inline (emphasis, links, code, tables, a heading's closing `#`);
# a backslash before it always reads back as the character itself (CommonMark: any ASCII punctuation may be
# backslash-escaped)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~!#])")


def md_inline(value: Any) -> str:
    """Doc text for one line of Markdown (a heading): one line, no control characters, Markdown's inline
    punctuation backslashed (a title never turns into a link or emphasis) and `<`, `>`, `&` as entities so
    it never opens HTML (`<script>`) in a README that PyPI or a browser renders."""
    text = _MD_SPECIAL.sub(r"\\\1", " ".join(_INVISIBLE.sub("", str(value or "")).split()))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def py_string(value: Any) -> str:
    """A Python string literal that reads back as `value`, whatever quotes, braces or backslashes it holds
    (invisible characters as escapes, see `escape_invisible`)."""
    text = str(value)
    if "\\" in text or "\n" in text or _INVISIBLE.search(text):
        return escape_invisible(repr(text))
    return json.dumps(text, ensure_ascii=False)


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
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,  # these three shape compiled code: CompiledTemplates.tag names them
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=CompiledTemplates(autoescape),
    )
    env.filters["py_string"] = py_string
    env.filters["docstring"] = docstring_text
    env.filters["md_inline"] = md_inline
    env.filters["tojson_compact"] = lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True)
    return env


def write_text(out: Path, relative: str, text: str) -> Path:
    """Write one output file with LF line endings and UTF-8, creating folders as needed."""
    path = out / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if relative.endswith(".py"):
        text = escape_invisible(text)
    elif "\x00" in text:  # never meaningful in text; browsers and Markdown tools show U+FFFD for it too
        text = text.replace("\x00", "\ufffd")
    path.write_bytes(text.encode("utf-8"))
    return path


def runtime_text(env: jinja2.Environment, template: str, runtime_file: str, values: dict[str, Any]) -> str:
    """A runtime module (`generator/runtime/<runtime_file>`), copied byte for byte into generated trees.

    The built-in templates hold no runtime file, so `template` (`python/package/_model.py.jinja`) is found
    only in the user's override folder: there it replaces the runtime file, as it replaces any template.
    """
    from generator import runtime

    try:
        override = env.get_template(template)
    except jinja2.TemplateNotFound:
        return runtime.source(runtime_file)
    return override.render(values)
