"""The runtime is checked once, as source: ruff, mypy --strict, imports that keep a generated package
self-contained, and the proof that generated trees hold it byte for byte (so checking it here covers
every copy; the per-service lint tests check only what is rendered per service)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from generator import runtime

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
RUNTIME_FILES = sorted(p for p in runtime.RUNTIME_DIR.rglob("*.py") if p.name != "__init__.py")
# What a generated SDK or mock folder may import: the standard library, the SDK's own dependencies, and
# the optional extras the mock engine uses when installed.
ALLOWED = set(sys.stdlib_module_names) | {"httpx", "pydantic", "typing_extensions", "jsonschema", "jsonschema_rs",
                                          "PIL"}
# runtime file -> its copies in a generated tree (`<package>` is the SDK's import name)
COPIES = {
    "python/_base.py": ["python/<package>/_base.py"],
    "python/_errors.py": ["python/<package>/_errors.py"],
    "python/_model.py": ["python/<package>/_model.py"],
    "python/_queue.py": ["python/<package>/_queue.py"],
    "python/_webhooks.py": ["python/<package>/_webhooks.py"],
    "mock/mock_engine.py": ["mock/mock_engine.py", "python/<package>/_mock_engine.py"],
}


def test_every_runtime_file_is_accounted_for() -> None:
    assert sorted(p.relative_to(runtime.RUNTIME_DIR).as_posix() for p in RUNTIME_FILES) == sorted(COPIES)


def test_ruff_clean() -> None:
    for options in ([], ["--isolated"]):  # the project's settings, and ruff's defaults a user's project may have
        result = subprocess.run([str(BIN / "ruff"), "check", "--no-cache", *options, str(runtime.RUNTIME_DIR)],
                                check=False, capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_clean(mypy_cache: Path) -> None:
    result = subprocess.run([str(BIN / "mypy"), "--strict", "--cache-dir", str(mypy_cache),
                             str(runtime.RUNTIME_DIR)], check=False, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", RUNTIME_FILES, ids=lambda p: p.name)
def test_imports_keep_generated_code_self_contained(path: Path) -> None:
    """Relative imports within one folder and third-party modules an SDK depends on; never apigen."""
    sibling = {p.stem for p in path.parent.glob("*.py")}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            assert node.level == 1 and node.module in sibling, f"{path.name}:{node.lineno}"
        elif isinstance(node, ast.ImportFrom):
            assert str(node.module).split(".")[0] in ALLOWED, f"{path.name}:{node.lineno}: {node.module}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                assert alias.name.split(".")[0] in ALLOWED, f"{path.name}:{node.lineno}: {alias.name}"


def test_the_engine_imports_no_sibling() -> None:
    """The mock folder imports the engine as a top-level module and the SDK as `<package>._mock_engine`:
    only one of those spellings could name a sibling, so it has none."""
    tree = ast.parse((runtime.MOCK_DIR / "mock_engine.py").read_text(encoding="utf-8"))
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level]


def test_generated_trees_hold_the_runtime_byte_for_byte() -> None:
    """The seed services' output (kept current by `apigen check`) copies each runtime file unchanged."""
    services = sorted(p for p in (ROOT / "generated").iterdir() if (p / "python").is_dir())
    assert services
    for service in services:
        package = next(p.name for p in (service / "python").iterdir() if (p / "_base.py").is_file())
        for source, copies in COPIES.items():
            for copy in copies:
                target = service / copy.replace("<package>", package)
                if source in ("python/_queue.py", "python/_webhooks.py") and not target.exists():
                    continue  # only SDKs with queued operations (webhooks) ship the queue (webhook) helpers
                assert target.read_bytes() == (runtime.RUNTIME_DIR / source).read_bytes(), target
