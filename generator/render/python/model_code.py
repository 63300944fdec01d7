"""datamodel-code-generator's output made into one module of the `models` package, on its syntax tree.

A module's document also holds stand-ins for classes that live in other modules (see `models`): their
definitions are dropped here and imported from their modules instead. What `ruff check` would flag in the
output is mended at the places the parse finds (a `Literal` repeating members, a list default, `Dict` in
typed extras), so text inside strings and docstrings is never touched, however it reads.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from generator.render.python.imports import import_block

# The base class as datamodel-code-generator is told to import it; the package imports it relatively.
BASE_MODULE = "apigen_sdk_package._model"
BASE_NAME = "Model"
_PACKAGE_BASE = ".._model"
# Generic aliases datamodel-code-generator writes into typed extras whatever the target version.
_LEGACY_GENERICS = {"Dict": "dict", "List": "list"}


@dataclass(frozen=True)
class ModuleCode:
    """A finished module: its source, and the classes it defines."""

    code: str
    classes: frozenset[str]


def finish(code: str, own: set[str], home: dict[str, str]) -> ModuleCode:
    """`code` (one datamodel-code-generator call) as the module holding the classes `own`; `home` names the
    module of every class of the package, so the stand-ins' definitions are dropped and imported instead,
    with the imports only they needed.

    The output is parsed once: each kept statement is walked once, for its edits and the names it uses
    after them (on GitHub's spec a second parse of the result and a second walk were half of this step)."""
    tree = ast.parse(code)
    source = _Source(code)
    imports: dict[str, set[str]] = {}
    chunks: list[str] = []
    used: set[str] = set()
    classes: set[str] = set()
    body = tree.body
    for index, node in enumerate(body):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            module = _PACKAGE_BASE if node.module == BASE_MODULE else node.module
            imports.setdefault(module, set()).update(_imported(alias) for alias in node.names)
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                imports.setdefault(alias.name, set()).add("")
            continue
        name = _defines(node)
        if name is not None and name in home and name not in own:
            continue  # a stand-in: its class lives in another module
        if isinstance(node, ast.ClassDef):
            classes.add(node.name)
        start = source.line_offset(_first_line(node))
        end = source.line_offset(_first_line(body[index + 1])) if index + 1 < len(body) else len(code)
        edits, names = _tidy(node, source)
        used |= names
        chunks.append(source.edited(start, end, edits))
    text = _blank_runs("".join(chunks)).strip() + "\n"
    kept = {module: {n for n in names if module == "__future__" or (n.split(" as ")[-1] if n else module) in used}
            for module, names in imports.items()}
    if "Field" in used and not any("Field" in names for names in kept.values()):
        kept.setdefault("pydantic", set()).add("Field")  # the default factories `_tidy` writes call it
    for name in sorted(used - own):
        if name in home:
            kept.setdefault(f".{home[name]}", set()).add(name)
    return ModuleCode(f"{import_block({m: n for m, n in kept.items() if n})}\n\n\n{text}", frozenset(classes))


class _Source:
    """Offsets into one module's text: `ast` counts columns in UTF-8 bytes, slicing wants characters."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.lines = code.splitlines(keepends=True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))

    def line_offset(self, line: int) -> int:
        return self.starts[line - 1]

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + len(self.lines[line - 1].encode()[:column].decode())

    def span(self, node: ast.expr) -> tuple[int, int]:
        assert node.end_lineno is not None and node.end_col_offset is not None
        return self.offset(node.lineno, node.col_offset), self.offset(node.end_lineno, node.end_col_offset)

    def text(self, node: ast.expr) -> str:
        start, end = self.span(node)
        return self.code[start:end]

    def edited(self, start: int, end: int, edits: list[tuple[int, int, str]]) -> str:
        """The text from `start` to `end` with each edit (start, end, new text) applied."""
        pieces: list[str] = []
        position = start
        for edit_start, edit_end, replacement in sorted(edits):
            pieces += [self.code[position:edit_start], replacement]
            position = edit_end
        return "".join(pieces) + self.code[position:end]


def _imported(alias: ast.alias) -> str:
    return f"{alias.name} as {alias.asname}" if alias.asname else alias.name


def _first_line(node: ast.stmt) -> int:
    if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
        return min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])
    return node.lineno


def _defines(node: ast.stmt) -> str | None:
    """The class a top-level statement defines (`class X(...)`) or completes (`X.model_rebuild()`)."""
    if isinstance(node, ast.ClassDef):
        return node.name
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        function = node.value.func
        if isinstance(function, ast.Attribute) and function.attr == "model_rebuild" and \
                isinstance(function.value, ast.Name):
            return function.value.id
    return None


def _tidy(node: ast.stmt, source: _Source) -> tuple[list[tuple[int, int, str]], set[str]]:
    """Edits of one statement for what `ruff check` would flag, and the names the statement uses once they
    are made: a `Literal` repeating members (the generator concatenates the enums of an `allOf`'s parts), a
    list or dict default written bare (RUF012 takes it for a shared mutable class attribute; it cannot see
    that `Model` is pydantic's, which copies it anyway), and `Dict`/`List` in typed-extras annotations."""
    edits: list[tuple[int, int, str]] = []
    names: list[ast.Name] = []
    for found in _walk(node):
        if isinstance(found, ast.Name):
            names.append(found)
        elif isinstance(found, ast.Subscript) and isinstance(found.value, ast.Name) and \
                found.value.id == "Literal" and isinstance(found.slice, ast.Tuple):
            members: dict[tuple[str, object], str] = {}
            for element in found.slice.elts:
                members.setdefault(_literal_key(element, source), source.text(element))
            if len(members) < len(found.slice.elts):  # a member dropped repeats a kept one, names and all
                edits.append((*source.span(found.slice), ", ".join(members.values())))
    added: set[str] = set()
    replaced: set[int] = set()
    if isinstance(node, ast.ClassDef):
        for statement in node.body:
            if isinstance(statement, ast.AnnAssign) and isinstance(statement.value, (ast.List, ast.Dict)):
                default = source.text(statement.value)
                edits.append((*source.span(statement.value), f"Field(default_factory=lambda: {default})"))
                added.add("Field")
            elif isinstance(statement, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "__annotations__" for t in statement.targets):
                for name in _walk(statement.value):
                    if isinstance(name, ast.Name) and name.id in _LEGACY_GENERICS:
                        edits.append((*source.span(name), _LEGACY_GENERICS[name.id]))
                        replaced.add(id(name))
                        added.add(_LEGACY_GENERICS[name.id])
    return edits, {name.id for name in names if id(name) not in replaced} | added


def _walk(node: ast.AST) -> list[ast.AST]:
    """Every node under `node` (itself included), in no particular order: `ast.walk` without its generators,
    about twice as fast on datamodel-code-generator's large modules."""
    found: list[ast.AST] = []
    stack = [node]
    while stack:
        current = stack.pop()
        found.append(current)
        for field in current._fields:
            value = getattr(current, field, None)
            if isinstance(value, ast.AST):
                stack.append(value)
            elif isinstance(value, list):
                stack.extend(item for item in value if isinstance(item, ast.AST))
    return found


def _literal_key(element: ast.expr, source: _Source) -> tuple[str, object]:
    """A `Literal` member by its value and type (`1` and `True` differ), or by its text if it is no constant."""
    if isinstance(element, ast.Constant):  # nearly all of them: `literal_eval` would give the same value
        return type(element.value).__name__, element.value
    try:
        value = ast.literal_eval(element)
    except ValueError:
        return "source", source.text(element)
    return type(value).__name__, value


def _blank_runs(text: str) -> str:
    """`text` with no more than two blank lines in a row (where a dropped stand-in stood, say)."""
    lines: list[str] = []
    blank = 0
    for line in text.split("\n"):
        blank = blank + 1 if not line.strip() else 0
        if blank <= 2:
            lines.append(line)
    return "\n".join(lines)
