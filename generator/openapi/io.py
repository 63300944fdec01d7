"""Reading documents (YAML or JSON) and writing specs as deterministic YAML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from generator.errors import ApigenError
from generator.textfile import read_text

# Bounds on what a document may make the reader build. Real API documents nest under 30 levels and use
# anchors for a handful of shared parameters; a 600-byte "billion laughs" document expands to 10^9 nodes
# and a 10^5-deep one overflows every recursive reader downstream (normalize, validate, the renderers).
MAX_DEPTH = 100
MAX_ALIAS_EXPANSION = 100_000  # nodes that aliases add to the document, counted as if copied out


class LimitError(yaml.composer.ComposerError):
    """A document over one of the bounds above: reported as it is, not as malformed YAML."""


class _Bounds(yaml.composer.Composer):
    """Composing that refuses documents nested deeper than MAX_DEPTH or whose aliases expand past
    MAX_ALIAS_EXPANSION.

    The expanded size of every node is computed once, as it is composed (an alias costs the size of the
    node it names), so a bomb is refused after reading its few hundred bytes, never expanded.
    """

    if TYPE_CHECKING:  # given by the parser a loader mixes in (PyYAML's pure-Python one or libyaml's)
        def check_event(self, *choices: Any) -> bool: ...
        def peek_event(self) -> Any: ...

    def _start_bounds(self) -> None:
        self._depth = 0
        self._expanded = 0
        self._sizes: dict[int, int] = {}

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            target = self.anchors.get(event.anchor)
            node = super().compose_node(parent, index)  # raises on an unknown anchor
            size = self._sizes.get(id(target))
            if size is None:
                raise LimitError(None, None, f"alias *{event.anchor} refers to the node that "
                                                  "holds it (recursive data is not JSON)", event.start_mark)
            self._expanded += size
            if self._expanded > MAX_ALIAS_EXPANSION:
                raise LimitError(
                    None, None, f"aliases expand past {MAX_ALIAS_EXPANSION:,} nodes (an alias bomb?)",
                    event.start_mark)
            return node
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise LimitError(None, None, f"nested deeper than {MAX_DEPTH} levels",
                                              self.peek_event().start_mark)
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if node is not None:
            self._sizes[id(node)] = 1 + sum(self._sizes.get(id(child), 1) for child in _children(node))
        return node


class _Loader(_Bounds, yaml.SafeLoader):
    """SafeLoader that keeps dates as strings, as JSON Schema expects,
    within the bounds of `_Bounds`. Pure Python: its errors are the ones reported (see `_FastLoader`)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._start_bounds()


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _FastLoader(_Bounds, CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """`_Loader` reading its events from libyaml, about five times faster (OpenAI's 3 MB document: 1.1-1.5 s
        of CPU instead of 7 s). Composing stays in Python (`_Bounds` sees every node), so do the bounds and the
        resolvers; only scanning and parsing are libyaml's. A document it refuses is read again by `_Loader`,
        so that an error names the problem and line exactly as that one does."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            yaml.composer.Composer.__init__(self)
            self._start_bounds()
else:  # pragma: no cover - PyYAML's wheels all carry libyaml
    _FastLoader = _Loader  # type: ignore[misc,assignment]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _check_depth(data: Any, source: str) -> None:
    """Refuse JSON nested deeper than MAX_DEPTH (YAML is checked while it is read); no recursion here."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ApigenError(f"nested deeper than {MAX_DEPTH} levels", file=source)
        if isinstance(value, dict):
            stack.extend((child, depth + 1) for child in value.values())
        elif isinstance(value, list):
            stack.extend((child, depth + 1) for child in value)


# A copy: assigning into the inherited dict would change every PyYAML loader and dumper in the process
# (and the dumper would then stop quoting date-like strings, which other YAML readers turn into dates).
_Loader.yaml_implicit_resolvers = _FastLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_text(text: str, source: str) -> Any:
    """Parse JSON or YAML text; errors name the source and line."""
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            json_error = error
        except RecursionError:
            raise ApigenError(f"nested deeper than {MAX_DEPTH} levels", file=source) from None
        else:
            _check_depth(data, source)
            return data
    else:
        json_error = None
    try:
        return yaml.load(text, Loader=_FastLoader)  # type: ignore[arg-type]  # safe: a SafeConstructor the stubs do not list
    except yaml.YAMLError:
        pass  # read again below, for the error as the pure-Python reader words it
    try:
        return yaml.load(text, Loader=_Loader)  # _Loader is a SafeLoader
    except yaml.YAMLError as error:
        if json_error is not None:
            raise ApigenError(f"malformed JSON: {json_error.msg}", file=source, line=json_error.lineno) from None
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        kind = "YAML document refused" if isinstance(error, LimitError) else "malformed YAML"
        raise ApigenError(f"{kind}: {problem}", file=source, line=line) from None


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
