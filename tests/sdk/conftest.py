"""Fixtures of the SDK tests: SDKs generated once per session from the specs in `specs/`, the lint
results of those trees (ruff and mypy --strict run once, over all of them), and the local server."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from generator.config import ServiceConfig
from generator.openapi import load_spec
from generator.render import RenderContext
from generator.render.python.sdk import render
from tests.golden_record.harness import Output
from tests.sdk.server import LocalServer

SPECS = Path(__file__).resolve().parent / "specs"
BIN = Path(sys.executable).parent

# spec file -> (service name, import name of the generated package)
SDKS = {
    "images.yaml": ("pictura", "pictura"),
    "falqueue.yaml": ("relay", "relay"),
    "hostile.yaml": ("9-hostile 服务", None),
    "clashes.yaml": ("calendar", None),
    "aliases.yaml": ("channels", None),
    "zoo.json": ("zoo", "zoo"),  # test_models_split
    "webhooks.yaml": ("hooks", "hooks"),  # test_webhooks
}


@dataclass
class Generated:
    service: ServiceConfig
    root: Path  # the python/ folder holding pyproject.toml and the package

    @property
    def package_dir(self) -> Path:
        return self.root / self.service.package


def generate(spec: Path, out: Path, service: str, package: str | None = None,
             templates: Path | None = None) -> Generated:
    """Render the Python SDK of `spec` into `out` (the python/ folder)."""
    from generator.config import package_name

    config = ServiceConfig(name=service, package=package or package_name(service))
    render(load_spec(spec), RenderContext(service=config, templates_override=templates), out)
    return Generated(config, out)


@pytest.fixture(scope="session", autouse=True)
def models_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A models cache of this session's own (see render.templates.cache_dir), never the user's."""
    folder = tmp_path_factory.mktemp("apigen-cache")
    previous = os.environ.get("APIGEN_CACHE")
    os.environ["APIGEN_CACHE"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["APIGEN_CACHE"]
    else:
        os.environ["APIGEN_CACHE"] = previous


def _render_sdks(root: Path) -> None:
    for spec, (service, package) in SDKS.items():
        generate(SPECS / spec, root / spec.split(".")[0] / "python", service, package)


@pytest.fixture(scope="session")
def sdks(built_once: Callable[[str, Callable[[Path], None]], Path]) -> dict[str, Generated]:
    """The SDKs of SDKS, rendered once per session (shared by the xdist workers) and importable."""
    from generator.config import package_name

    root = built_once("sdks", _render_sdks)
    found = {}
    for spec, (service, package) in SDKS.items():
        generated = Generated(ServiceConfig(name=service, package=package or package_name(service)),
                              root / spec.split(".")[0] / "python")
        sys.path.insert(0, str(generated.root))
        found[spec.split(".")[0]] = generated
    return found


@dataclass
class Lint:
    ruff: subprocess.CompletedProcess[str]
    mypy: subprocess.CompletedProcess[str]


# Modules copied from generator/runtime/ unchanged: ruff checks them once as source (tests/runtime).
RUNTIME_COPIES = frozenset({"_base.py", "_errors.py", "_model.py", "_queue.py", "_webhooks.py", "_mock_engine.py"})


def rendered_files(package_dir: Path) -> list[str]:
    """The Python files of a generated package that are rendered per service (not runtime copies)."""
    return [str(p) for p in sorted(package_dir.rglob("*.py"))
            if not (p.parent == package_dir and p.name in RUNTIME_COPIES)]


@pytest.fixture(scope="session")
def lint(sdks: dict[str, Generated], golden_record_outputs: dict[str, Output], mypy_cache: Path) -> Lint:
    """ruff and mypy --strict over every generated tree (and the golden record's), each run once per session.

    ruff reads only what is rendered per service; mypy checks those modules against the runtime copies
    they import (it must read them to know their types), all in one run with the suite's mypy cache."""
    goldens = [output.root / "python" for output in golden_record_outputs.values()]
    packages = [g.package_dir for g in sdks.values()] + [
        d for p in goldens for d in sorted(p.iterdir()) if (d / "__init__.py").is_file()]
    files = [name for package in packages for name in rendered_files(package)]
    ruff = subprocess.run([str(BIN / "ruff"), "check", "--no-cache", *files], capture_output=True, text=True, check=False)
    mypy = subprocess.run([str(BIN / "mypy"), "--strict", "--cache-dir", str(mypy_cache), *map(str, packages)],
                          capture_output=True, text=True, check=False)
    return Lint(ruff, mypy)


def load(generated: Generated) -> ModuleType:
    return importlib.import_module(generated.service.package)


@pytest.fixture(scope="session")
def local_server() -> Iterator[LocalServer]:
    server = LocalServer().start()
    yield server
    server.stop()


@pytest.fixture
def server(local_server: LocalServer) -> LocalServer:
    local_server.state.reset()
    return local_server
