"""Every generated tree passes `ruff check` and `mypy --strict` (run once per session, see conftest): what is
rendered per service; the runtime copied into it is checked once as source (tests/runtime/test_source.py)."""

from __future__ import annotations

from tests.sdk.conftest import Generated, Lint


def test_ruff_clean(lint: Lint) -> None:
    assert lint.ruff.returncode == 0, lint.ruff.stdout + lint.ruff.stderr


def test_mypy_strict_clean(lint: Lint) -> None:
    assert lint.mypy.returncode == 0, lint.mypy.stdout + lint.mypy.stderr


def test_package_layout(sdks: dict[str, Generated]) -> None:
    generated = sdks["images"]
    package = generated.package_dir
    assert (generated.root / "pyproject.toml").is_file()
    assert (package / "py.typed").is_file()
    # testing.py and _mock_engine.py come from the mock's hook (generator.render.python.testing)
    modules = sorted(p.relative_to(package).as_posix() for p in package.rglob("*.py")
                     if p.name not in ("testing.py", "_mock_engine.py"))
    assert modules == ["__init__.py", "_base.py", "_client.py", "_errors.py", "_model.py", "models/__init__.py",
                       "models/_other.py", "models/images.py", "models/models.py", "resources/__init__.py", "resources/files.py", "resources/images.py",
                       "resources/models.py"]
    # The queue helpers ship only with SDKs that have queued operations.
    assert (sdks["falqueue"].package_dir / "_queue.py").is_file()


def test_digit_leading_service_gets_a_valid_import_name(sdks: dict[str, Generated]) -> None:
    assert sdks["hostile"].service.package == "api_9_hostile"
    assert sdks["hostile"].package_dir.is_dir()
