"""Incremental build speed: no-op build, no-op check, one changed doc page and `apigen watch`, on a copy of
this repo.

Run: `.venv/bin/python benchmarks/build.py [--runs 7]`. Each figure is the median wall time of the full
command (`python -m generator ...` in a fresh interpreter, start-up included), on a temporary copy of
specs/sources, templates and apigen.yaml, with an apigen cache folder of its own (`APIGEN_CACHE`: compiled
templates and generated models) and, as for an installed apigen, compiled `.pyc` files (written under a
temporary `PYTHONPYCACHEPREFIX`, even when PYTHONDONTWRITEBYTECODE is set). The changed page's edit changes
the normalized spec (a field description), so the service is really re-ingested, validated and rendered:

- cold cache: the cache folder emptied before each run (templates compiled, models generated);
- warm cache: the page alternates between two texts, so templates and both texts' models are cached;
- new models: a new text each run (templates cached, datamodel-code-generator runs).

Goals (issue 6): no-op build < 0.3 s, one changed page < 1 s. It also lists which heavy modules a no-op
build imports (goal: none).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("jinja2", "pydantic", "openapi_spec_validator", "datamodel_code_generator", "httpx", "selectolax",
         "watchfiles")


ENV = dict(os.environ)  # completed in main(): APIGEN_CACHE and PYTHONPYCACHEPREFIX of the run's own


def apigen(root: Path, *args: str) -> float:
    return run_apigen(root, *args)[0]


def run_apigen(root: Path, *args: str) -> tuple[float, str]:
    """Wall time of one command in a fresh interpreter, and its stdout."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator", *args, "--root", str(root)], capture_output=True,
                          text=True, check=False, env=ENV)
    elapsed = time.perf_counter() - start
    if done.returncode != 0 and args[0] != "check":
        raise SystemExit(f"apigen {' '.join(args)} failed:\n{done.stderr}")
    return elapsed, done.stdout


_DESCRIPTION = re.compile(r'"description": "')


def edit(page: Path, original: str, run: int | str) -> None:
    """A real edit each time: the page's first field description gains a marker (`run` odd: none), which
    changes the normalized spec; pages without one get the marker on their first line (the title)."""
    marker = "" if isinstance(run, int) and run % 2 else f"(rev {run}) "
    if _DESCRIPTION.search(original):
        text = _DESCRIPTION.sub(lambda m: m.group(0) + marker, original, count=1)
    else:
        lines = original.splitlines(keepends=True)
        lines[0] = lines[0].rstrip("\n") + (f" {marker}" if marker else "") + "\n"
        text = "".join(lines)
    page.write_text(text, encoding="utf-8")


def warm_rebuilds(root: Path, page: Path, original: str, runs: int) -> list[float]:
    """One changed page rebuilt in a long-lived process (what `apigen watch` pays: imports done once)."""
    from generator.build import build
    from generator.config import load_config

    times = []
    for run in range(runs + 1):
        edit(page, original, run)
        start = time.perf_counter()
        build(load_config(root))
        if run:  # the first one pays the imports
            times.append(time.perf_counter() - start)
    page.write_text(original, encoding="utf-8")
    build(load_config(root))
    return times


def heavy_imports(root: Path) -> list[str]:
    code = ("import sys; from generator.cli import main; main(['build', '--root', sys.argv[1]]); "
            f"print('HEAVY:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, check=True,
                          env=ENV)
    line = done.stdout.strip().splitlines()[-1]
    return [m for m in line.removeprefix("HEAVY:").split(",") if m]


def watch_latency(root: Path, page: Path, original: str, runs: int) -> list[float]:
    """Seconds from saving a page to its service's manifest being rewritten by `apigen watch`."""
    import threading

    from generator.regen.watch import watch_project

    service = page.parent.name
    manifest = root / "generated" / service / ".apigen-manifest.json"
    lines: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(target=watch_project, args=(root,), kwargs={"stop": stop, "say": lines.append},
                              daemon=True)
    thread.start()
    while not any(line.startswith("watching") for line in lines):
        time.sleep(0.01)
    time.sleep(3)  # initial build and warm-up imports
    times = []
    for run in range(runs):
        before = manifest.read_bytes()
        start = time.perf_counter()
        edit(page, original, run)
        while manifest.read_bytes() == before and time.perf_counter() - start < 30:
            time.sleep(0.005)
        times.append(time.perf_counter() - start)
        time.sleep(0.3)
    stop.set()
    thread.join(timeout=10)
    page.write_text(original, encoding="utf-8")
    return times


def changed_page(root: Path, page: Path, original: str, runs: int, cache: Path, mode: str
                 ) -> tuple[list[float], set[int]]:
    """Wall times of `apigen build` after one page edit, and how many services each run rebuilt."""
    times: list[float] = []
    rebuilt: set[int] = set()
    warmup = 2 if mode == "warm" else 0  # both texts' models and templates in the cache
    for run in range(runs + warmup):
        edit(page, original, run if mode == "warm" else f"{mode} {run}")
        if mode == "cold":
            shutil.rmtree(cache, ignore_errors=True)
        elapsed, out = run_apigen(root, "build")
        if run >= warmup:
            times.append(elapsed)
            rebuilt.add(sum(line.startswith("built ") for line in out.splitlines()))
    page.write_text(original, encoding="utf-8")
    apigen(root, "build")
    return times, rebuilt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp) / "project"
        cache = Path(temp) / "cache"
        ENV.update(APIGEN_CACHE=str(cache), PYTHONPYCACHEPREFIX=str(Path(temp) / "pyc"))
        ENV.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ.update(APIGEN_CACHE=str(cache))  # the in-process figures (warm process, watch) too
        shutil.copytree(REPO / "specs" / "sources", root / "specs" / "sources")
        shutil.copy(REPO / "apigen.yaml", root / "apigen.yaml")
        for path in root.rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        first = apigen(root, "build")
        services = sorted(p.name for p in (root / "specs" / "sources").iterdir() if p.is_dir())
        noop = [apigen(root, "build") for _ in range(args.runs)]
        check = [apigen(root, "check") for _ in range(args.runs)]
        page = min((root / "specs" / "sources" / services[0]).glob("*.txt"))
        original = page.read_text(encoding="utf-8")
        changed = {mode: changed_page(root, page, original, args.runs, cache, mode)
                   for mode in ("cold", "warm", "new models")}
        warm = warm_rebuilds(root, page, original, args.runs)
        watched = watch_latency(root, page, original, args.runs)
        full = [apigen(root, "build", "--force") for _ in range(max(1, args.runs // 3))]
        heavy = heavy_imports(root)
    print(f"services: {len(services)} ({', '.join(services)}); runs: {args.runs}; changed page: {page.name}")
    print(f"first full build:          {first:.3f} s")
    print(f"no-op build (median):      {statistics.median(noop):.3f} s   goal < 0.3 s")
    print(f"no-op check (median):      {statistics.median(check):.3f} s")
    for mode, (times, rebuilt) in changed.items():
        print(f"one changed page, fresh CLI, {mode + ' cache' if mode != 'new models' else 'new models':<11} "
              f"(median): {statistics.median(times):.3f} s   goal < 1 s   (services rebuilt per run: "
              f"{sorted(rebuilt)})")
    print(f"one changed page, warm process as in `apigen watch` (median): {statistics.median(warm):.3f} s")
    print(f"save -> rebuilt by `apigen watch` (median): {statistics.median(watched):.3f} s   goal < 1 s")
    print(f"forced full build (median): {statistics.median(full):.3f} s")
    print(f"heavy modules imported by a no-op build: {', '.join(heavy) or 'none'}")


if __name__ == "__main__":
    main()
