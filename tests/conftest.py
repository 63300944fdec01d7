"""Suite-wide options and fixtures.

`pytest --update-goldens` rewrites the golden record (tests/golden_record/expected/) instead of comparing with it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests.golden_record.harness import Output, cases, render_case

# Bytecode is cached for the suite and every interpreter it starts (xdist's workers, `python -m generator`,
# generated mocks and SDKs) even where PYTHONDONTWRITEBYTECODE is set: without it each of those processes
# compiles apigen's modules from source again, and pytest rewrites the asserts of every test module again
# in each worker (about 7 s of CPU per process collecting the suite). The .pyc files land in __pycache__/
# folders, which git ignores and `apigen check` does not read.
if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
    sys.dont_write_bytecode = False

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# Under CI the property tests draw the same examples on every run, so a clean clone passes or fails for a
# reason in the code, never for the luck of the draw; on a developer's machine they keep exploring (and
# hypothesis' local database replays what they found).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite golden files from the current output instead of comparing")


# Fixtures that build something expensive once per worker (a cold mypy cache; every golden-record case
# rendered; a headless browser; apigen's sdist and wheel): every test taking one runs on the same worker,
# so it is built once per session rather than once per worker. Fixtures of one group share a worker.
SHARED_FIXTURES = {"mypy_cache": "lint", "golden_record_outputs": "lint", "browser": "browser", "dist": "dist"}
# Parametrized module fixtures: the tests of one parameter share a worker (the docs examples: one rendered
# service and its mock server per parameter).
SHARED_PARAMETERS = frozenset({"rendered"})


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Group the tests sharing an expensive fixture (SHARED_FIXTURES, SHARED_PARAMETERS) for xdist.

    A cold mypy, for one, reads typeshed, httpx and pydantic (about 7 s of CPU), which a fresh clone would
    pay on each worker. `--dist loadgroup` (pyproject) sends the tests whose node id ends in `@<group>` to
    one worker; xdist 3.8 appends it by setting `item._nodeid`, which pytest 9 no longer reads (the groups
    were silently ignored), so the suffix is set here, on the node id pytest does read."""
    for item in items:
        names = getattr(item, "fixturenames", ())
        groups = {SHARED_FIXTURES[name] for name in names if name in SHARED_FIXTURES}
        callspec = getattr(item, "callspec", None)
        if callspec is not None:
            groups |= {f"{name}-{callspec.params[name]}" for name in SHARED_PARAMETERS & callspec.params.keys()}
        for group in sorted(groups):
            item.add_marker(pytest.mark.xdist_group(group))
    if not config.getoption("loadgroup", False) or not hasattr(pytest.Item, "id"):
        return  # (before pytest 9 xdist's own suffix works)
    for item in items:
        groups = sorted({str(m.args[0] if m.args else m.kwargs.get("name", "default"))
                         for m in item.iter_markers("xdist_group")})
        if groups and "@" not in item.nodeid:
            _set_node_id(item, f"{item.nodeid}@{'_'.join(groups)}")


def _set_node_id(item: pytest.Item, nodeid: str) -> None:
    from _pytest.nodeid import coerce_node_id  # pytest 9: the node id is a parsed NodeId

    item._id = coerce_node_id(nodeid)
    assert item.nodeid == nodeid, (item.nodeid, nodeid)


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def mypy_cache(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `--cache-dir` of every mypy run of the suite: one per xdist worker (never shared by two running
    processes), kept in pytest's cache folder between sessions.

    Most of a cold mypy run is reading typeshed, httpx and pydantic (about 7 s of CPU); with this cache
    only the first run of a worker pays it. mypy checks each cached module against its source, so a
    generated tree (a new temporary folder every session) is always checked afresh.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    cache = getattr(request.config, "cache", None)
    return cache.mkdir(f"mypy-{worker}") if cache is not None else tmp_path_factory.mktemp("mypy")


@pytest.fixture(scope="session")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, Callable[[Path], None]], Path]:
    """`built_once(name, build)`: a folder `build(folder)` fills once per session for every xdist worker.

    The first worker to ask builds it under a lock in the session's shared temporary folder; the others
    wait for it and read the same files (what is built is deterministic, so each worker would have built
    the same bytes). A build that fails leaves nothing marked done: the next asker builds again."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the session's folder, shared by its workers

    def folder(name: str, build: Callable[[Path], None]) -> Path:
        import fcntl
        import shutil

        out = base / f"shared-{name}"
        with (base / f"shared-{name}.lock").open("a") as lock:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
            if not (base / f"shared-{name}.done").exists():
                shutil.rmtree(out, ignore_errors=True)
                out.mkdir()
                build(out)
                (base / f"shared-{name}.done").touch()
        return out

    return folder


@pytest.fixture(scope="session")
def golden_record_outputs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Output]]:
    """Every golden-record case rendered once per session (the record compares them, the SDK lint checks
    them), with no models cache: nothing is written outside the session's temporary folder."""
    root = tmp_path_factory.mktemp("golden-record")
    previous = os.environ.get("APIGEN_CACHE")
    os.environ["APIGEN_CACHE"] = "off"
    try:
        outputs = {case: render_case(case, root / case) for case in cases()}
    finally:
        if previous is None:
            del os.environ["APIGEN_CACHE"]
        else:
            os.environ["APIGEN_CACHE"] = previous
    yield outputs
