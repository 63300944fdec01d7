"""The workers `apigen generate` starts before reading the spec (generator/core/workers.py): they take the
models' documents, end at once when not needed, and the package they help write is the one written without
them."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generator.config import ServiceConfig
from generator.core import workers
from generator.openapi import load_spec
from generator.render import RenderContext
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
