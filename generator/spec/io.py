"""Reading documents (YAML or JSON) and writing specs as deterministic YAML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ApigenError
from generator.textfile import read_text


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps `on`/`off`/`yes`/`no` strings and dates as strings, as JSON Schema expects."""


# A copy: assigning into the inherited dict would change every PyYAML loader and dumper in the process
# (and the dumper would then stop quoting date-like strings, which other YAML readers turn into dates).
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_text(text: str, source: str) -> Any:
    """Parse JSON or YAML text; errors name the source and line."""
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            json_error = error
        else:
            json_error = None
    else:
        json_error = None
    try:
        return yaml.load(text, Loader=_Loader)  # _Loader is a SafeLoader
    except yaml.YAMLError as error:
        if json_error is not None:
            raise ApigenError(f"malformed JSON: {json_error.msg}", file=source, line=json_error.lineno) from None
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise ApigenError(f"malformed YAML: {problem}", file=source, line=line) from None


def load_document(path: Path) -> dict[str, Any]:
    """Read an OpenAPI/Swagger document from a file."""
    text = read_text(path, kind="YAML or JSON document")
    data = parse_text(text, str(path))
    if not isinstance(data, dict):
        raise ApigenError("expected a mapping (an OpenAPI document) at the top level", file=path)
    return data


class _Dumper(yaml.SafeDumper):
    """Block style, unicode kept, multi-line strings as literal blocks: readable diffs of specs."""


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value and not any(ch in value for ch in "\r\t") and value == value.strip(" "):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str_presenter)
_Dumper.ignore_aliases = lambda self, data: True  # type: ignore[method-assign]


def dump_spec(spec: dict[str, Any]) -> str:
    """YAML text of a spec; key order is the dict's own (normalize() makes it canonical)."""
    return yaml.dump(spec, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)
