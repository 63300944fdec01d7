"""Import blocks laid out the way `ruff check` (isort rules) expects, without running a formatter.

Generated modules import exactly what their code uses; this module only orders and wraps those imports:
`__future__`, standard library, third party, then relative imports, each group sorted, names ordered
constants-classes-functions, long lines wrapped one name per line.
"""

from __future__ import annotations

import re
import sys

LINE_LENGTH = 88
_FROM = re.compile(r"^from (\S+) import (.+)$")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# A comment or a string literal (any prefix, triple-quoted or not).
_STRING = re.compile(
    r"#[^\n]*|(?<![\w])[rbfuRBFU]{0,2}"
    r"(?:\"\"\"(?:[^\\]|\\.)*?\"\"\"|'\'\'(?:[^\\]|\\.)*?\'\'\'|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*')"
)
_CAST = re.compile(r"\bcast\(\s*\Z")
_THIRD_PARTY_ROOTS = {"pydantic", "httpx", "typing_extensions", "pydantic_core"}


def name_key(name: str, case_sensitive: bool = False) -> tuple[int, list[tuple[int, int, str]], str]:
    """isort's order: CONSTANTS, then Classes, then functions; natural (`Item2` before `Item10`) within each,
    case-insensitive as in import lists, or case-sensitive as ruff wants `__all__`."""
    bare = name.split(" as ")[0]
    kind = 0 if bare.isupper() and len(bare) > 1 else 1 if bare[:1].isupper() else 2
    text = bare if case_sensitive else bare.lower()
    natural = [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.findall(r"\d+|\D+", text)]
    return kind, natural, bare


def from_import(module: str, names: list[str] | set[str], indent: int = 0) -> str:
    """`from module import a, B, C` with names ordered as isort does, wrapped past the line length.

    `indent` is where the line will stand (inside `if TYPE_CHECKING:`), which counts toward its length.
    """
    ordered = sorted(set(names), key=name_key)
    line = f"from {module} import {', '.join(ordered)}"
    if len(line) + indent <= LINE_LENGTH:
        return line
    inner = "".join(f"    {name},\n" for name in ordered)
    return f"from {module} import (\n{inner})"


def _section(module: str) -> int:
    if module == "__future__":
        return 0
    if module.startswith("."):
        return 3
    root = module.split(".")[0]
    if root in _THIRD_PARTY_ROOTS or root not in sys.stdlib_module_names:
        return 2
    return 1


def _module_key(module: str) -> tuple[int, str]:
    level = len(module) - len(module.lstrip("."))
    return -level, module.lstrip(".").lower()


def import_block(imports: dict[str, set[str]], indent: int = 0) -> str:
    """The import block for `{module: names}`, groups separated by blank lines; the name "" stands for a
    plain `import module` (placed before the section's from-imports, as isort does)."""
    sections: dict[int, list[str]] = {}
    plain: dict[int, list[str]] = {}
    for module in sorted(imports, key=_module_key):
        names = imports[module] - {""}
        if "" in imports[module]:
            plain.setdefault(_section(module), []).append(f"import {module}")
        if names:
            sections.setdefault(_section(module), []).append(from_import(module, names, indent))
    return "\n\n".join("\n".join(plain.get(key, []) + sections.get(key, []))
                        for key in sorted(set(sections) | set(plain)))


def split_imports(code: str) -> tuple[dict[str, set[str]], str]:
    """The leading `from X import ...` lines of `code` as `{module: names}`, and the code after them."""
    lines = code.split("\n")
    imports: dict[str, set[str]] = {}
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        match = _FROM.match(line)
        if match:
            names = match.group(2)
            if names.startswith("("):
                names = names[1:]
                while not names.rstrip().endswith(")"):
                    index += 1
                    names += " " + lines[index].strip()
                names = names.rstrip()[:-1]
            imports.setdefault(match.group(1), set()).update(n.strip() for n in names.split(",") if n.strip())
        elif line and not line.startswith("#"):
            break
        index += 1
    return imports, "\n".join(lines[index:]).lstrip("\n")


def reorder_imports(code: str) -> str:
    """`code` whose leading `from X import ...` lines are regrouped and sorted into one canonical block."""
    imports, rest = split_imports(code)
    return f"{import_block(imports)}\n\n\n{rest}" if imports else code


def code_names(code: str) -> set[str]:
    """The names code uses: strings and comments dropped, except `cast("...")` types and f-string fields."""
    kept: list[str] = []

    def blank(match: re.Match[str]) -> str:
        text = match.group(0)
        if text.startswith("#"):
            return " "
        prefix = text[:len(text) - len(text.lstrip("rbfuRBFU"))].lower()
        if "f" in prefix:
            kept.extend(re.findall(r"\{([^{}]*)\}", text.replace("{{", "").replace("}}", "")))
        elif _CAST.search(code, max(0, match.start() - 40), match.start()):
            kept.append(text)
        return " "

    stripped = _STRING.sub(blank, code)
    return set(_IDENTIFIER.findall(stripped)) | set(_IDENTIFIER.findall(" ".join(kept)))
