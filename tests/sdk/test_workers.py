"""The workers `apigen generate` starts before reading the spec (generator/core/workers.py): they take the
models' documents, end at once when not needed and as soon as the models are in, and the package they help
write is the one written without them."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

import pytest

from generator.config import ServiceConfig
from generator.core import workers
from generator.openapi import load_spec
from generator.render import RenderContext
from generator.render.python import models
from generator.render.python.sdk import render
from tests.sdk.conftest import SPECS

pytestmark = pytest.mark.skipif(workers.available() < 2, reason="needs fork and two cores")


def _slow_start() -> None:
    time.sleep(30)


def test_workers_end_at_once_when_nothing_is_asked_of_them() -> None:
    """A run whose models are all cached (or that fails) must not wait for the workers' start-up."""
    start = time.monotonic()
    with workers.warm_pool(1, _slow_start) as pool:
        assert pool is not None and workers.started() is pool
    assert workers.started() is None
    assert time.monotonic() - start < 10


def test_work_submitted_runs_in_a_worker_and_errors_come_back() -> None:
    with workers.warm_pool(2, int) as pool:
        assert pool is not None and pool.processes == 2
        assert pool.submit(os.getpid).result(timeout=30) != os.getpid()
        with pytest.raises(ZeroDivisionError):
            pool.submit(divmod, 1, 0).result(timeout=30)


def test_models_written_with_warm_workers_are_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APIGEN_CACHE", "off")
    spec = load_spec(SPECS / "aliases.yaml")
    context = RenderContext(service=ServiceConfig(name="aliases", package="aliases"))
    render(spec, context, tmp_path / "alone")
    with workers.warm_pool(2, _import_nothing):
        render(spec, context, tmp_path / "warm")
    files = {p.relative_to(tmp_path / "alone") for p in (tmp_path / "alone").rglob("*") if p.is_file()}
    assert files == {p.relative_to(tmp_path / "warm") for p in (tmp_path / "warm").rglob("*") if p.is_file()}
    assert any(p.parts[:2] == ("aliases", "models") for p in files)
    for relative in files:
        assert (tmp_path / "warm" / relative).read_bytes() == (tmp_path / "alone" / relative).read_bytes()


def _import_nothing() -> None:
    pass


def test_a_large_spec_gets_its_testing_helper_from_a_forked_process_same_bytes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the warm workers (forked before the spec was read), the testing helper of a large spec is built
    and written by a process forked from the loaded one (the fixtures of GitHub's spec: ~3 s, 16 MB)."""
    from generator.render.python import sdk

    monkeypatch.setenv("APIGEN_CACHE", "off")
    spec = load_spec(SPECS / "aliases.yaml")
    context = RenderContext(service=ServiceConfig(name="aliases", package="aliases"))
    render(spec, context, tmp_path / "alone")
    forked: list[Future[Any]] = []
    real = workers.fork_call
    monkeypatch.setattr(workers, "fork_call", lambda fn: forked.append(real(fn)) or forked[-1])
    monkeypatch.setattr(sdk, "_PARALLEL_FROM", 0)
    with workers.warm_pool(2, _import_nothing):
        render(spec, context, tmp_path / "warm")
    assert len(forked) == 1 and forked[0].result() is None
    for path in (tmp_path / "alone").rglob("*"):
        if path.is_file():
            assert (tmp_path / "warm" / path.relative_to(tmp_path / "alone")).read_bytes() == path.read_bytes()
    assert (tmp_path / "warm" / "aliases" / "_mock_fixtures.json").is_file()


def test_a_forked_call_gives_back_its_result_or_its_error() -> None:
    assert workers.fork_call(os.getpid).result(timeout=30) != os.getpid()
    with pytest.raises(ZeroDivisionError):
        workers.fork_call(lambda: 1 // 0).result(timeout=30)


def test_the_workers_end_as_soon_as_the_models_are_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Their memory (datamodel-code-generator's, 100+ MiB each on a large spec) is not held while the main
    process finishes and writes the package, nor while it renders the docs and the mock."""
    monkeypatch.setenv("APIGEN_CACHE", "off")
    spec = load_spec(SPECS / "aliases.yaml")
    context = RenderContext(service=ServiceConfig(name="aliases", package="aliases"))
    with workers.warm_pool(2, _import_nothing) as pool:
        assert pool is not None
        pids = pool.submit(os.getpid).result(timeout=30), pool.submit(os.getpid).result(timeout=30)
        render(spec, context, tmp_path / "warm")
        assert not any(Path(f"/proc/{pid}").exists() for pid in pids), "workers still running"
    assert (tmp_path / "warm" / "aliases" / "models" / "__init__.py").is_file()


class _Held(Executor):
    """Runs what it is given when `run` is called, except the first job submitted (the largest), whose
    result is held back until `release` (or, failing that, given up after 20 s)."""

    def __init__(self) -> None:
        self.pending: list[tuple[Future[Any], Callable[..., Any], tuple[Any, ...]]] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        self.pending.append((future, fn, args))
        return future

    def run(self) -> None:
        for future, fn, args in self.pending[1:]:
            try:
                future.set_result(fn(*args))
            except Exception as error:  # noqa: BLE001 - handed over as the future's
                future.set_exception(error)
        held = self.pending[0][0]
        threading.Timer(20, lambda: held.done() or held.set_exception(TimeoutError("held back"))).start()

    def release(self) -> None:
        future, fn, args = self.pending[0]
        if not future.done():
            future.set_result(fn(*args))


def test_each_module_is_taken_as_it_comes_and_the_first_failure_in_job_order_is_raised(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def generate(document: str, options: dict[str, Any]) -> str:
        if document.startswith("bad"):
            raise ValueError(document)
        return document.upper()

    monkeypatch.setattr(models, "generate", generate)
    pool = _Held()
    taken: list[str] = []

    def take(name: str, code: str) -> None:
        taken.append(f"{name}={code}")
        if len(taken) == 3:  # the smaller two taken while the largest is still being written
            pool.release()

    models._generate_all({"small": "a", "large": "aaaa", "middle": "aa"}, {}, pool.run, pool,
                         lambda: taken.append("ready"), take)
    assert taken[0] == "ready" and sorted(taken[1:3]) == ["middle=AA", "small=A"] and taken[3] == "large=AAAA"

    pool = _Held()  # the largest fails last, yet its error is the one raised
    with pytest.raises(ValueError, match="bad-large"):
        models._generate_all({"small": "bad", "large": "bad-large"}, {}, pool.run, pool, pool.release,
                             lambda name, code: None)
