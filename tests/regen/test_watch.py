"""`apigen watch` on a temporary tree: a save rebuilds only its service, a bad save prints an error and
keeps the previous output, and the watcher stops on request."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from generator.config import load_config
from generator.regen.watch import affected_services, watch_project
from tests.regen.conftest import apigen, petstore, snapshot, write_spec


def wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> float:
    """Seconds until `condition` held; fails the test when it never does."""
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < seconds, "timed out waiting"
        time.sleep(0.02)
    return time.monotonic() - start


def test_affected_services(project: Path) -> None:
    config = load_config(project)
    pages = project / "specs/sources/paged"
    pages.mkdir(parents=True)
    (pages / "a.txt").write_text("page")
    config = load_config(project)
    assert affected_services(config, [str(project / "specs/petstore.yaml")]) == ["petstore"]
    assert affected_services(config, [str(pages / "a.txt")]) == ["paged"]
    assert affected_services(config, [str(project / "specs/paged.yaml")]) == []  # build output, not input
    assert affected_services(config, [str(pages / "fetch-state.json"), str(pages / ".a.txt.part")]) == []
    assert affected_services(config, [str(project / "apigen.yaml")]) == ["other", "paged", "petstore"]


def test_watch_rebuilds_on_save_and_survives_a_bad_page(project: Path) -> None:
    assert apigen(project, "build") == 0
    lines: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(target=watch_project, kwargs={"root": project, "stop": stop, "say": lines.append},
                              daemon=True)
    thread.start()
    try:
        wait_for(lambda: any(line.startswith("petstore: up to date") for line in lines))
        other_before = {k: v for k, v in snapshot(project).items() if k.startswith("generated/other/")}
        sdk = project / "generated/petstore/python/petstore/__init__.py"
        spec = petstore()
        spec["paths"]["/pets"]["get"] = {"operationId": "list_pets", "responses": {"200": {"description": "ok"}}}
        write_spec(project, "petstore", spec)
        latency = wait_for(lambda: "def list_pets" in sdk.read_text())
        assert latency < 3.0  # the goal is < 1 s; generous on a loaded 2-core machine
        wait_for(lambda: any(line.startswith("built petstore 0.2.0") for line in lines))
        assert "changed: petstore" in lines
        assert {k: v for k, v in snapshot(project).items() if k.startswith("generated/other/")} == other_before

        good = snapshot(project)
        broken = petstore()
        broken["jsonSchemaDialect"] = 12  # a problem no operation or schema can be dropped for (see test_lenient)
        write_spec(project, "petstore", broken)
        wait_for(lambda: any(line.startswith("error: ") for line in lines))
        error = next(line for line in lines if line.startswith("error: "))
        assert "petstore.yaml" in error and error.endswith("(previous output kept)")
        after = snapshot(project)
        assert {k: v for k, v in after.items() if k != "specs/petstore.yaml"} == \
            {k: v for k, v in good.items() if k != "specs/petstore.yaml"}

        write_spec(project, "petstore", petstore())  # fixed again: the watcher is still alive
        wait_for(lambda: "def list_pets" not in sdk.read_text())
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_watch_stops_after_max_builds(project: Path) -> None:
    assert apigen(project, "build") == 0
    lines: list[str] = []
    result: list[int] = []
    thread = threading.Thread(
        target=lambda: result.append(watch_project(project, max_builds=1, say=lines.append)), daemon=True)
    thread.start()
    wait_for(lambda: any(line.startswith("watching ") for line in lines))
    spec = petstore()
    spec["info"]["title"] = "Renamed"
    write_spec(project, "other", spec)
    thread.join(timeout=10)
    assert not thread.is_alive() and result == [1]
    assert any(line.startswith("built other 2.0.1") for line in lines)
