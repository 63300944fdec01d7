"""GitHub's REST spec (npm @octokit/openapi, ~1,200 operations): apigen's Python SDK against
openapi-python-client on the same file, side by side: wall time, peak memory, operations emitted, every
module importing, and import time of the generated package.

    .venv/bin/python benchmarks/sdk_github.py [--spec api.github.com.json] [--opc-venv DIR] [--runs N]
        [--baseline DIR] [--timing-only]

Downloads (once, into benchmarks/.cache, git-ignored) what is not given: the npm package with `npm pack`, and
openapi-python-client into its own venv. apigen and openapi-python-client run in turn (A B A B ...), each
cold (APIGEN_CACHE=off: no models cached from an earlier run); the medians, apigen's ratio to
openapi-python-client run by run, and peak memory are printed. `--baseline DIR` (another checkout of apigen,
e.g. `git archive REV | tar -x -C DIR`) runs that revision in the same turns (A B C A B C ...), so a change
is measured before and after against the same peer on the same machine state; `--timing-only` stops there.
CPU time (user + system, worker processes included) is printed beside wall time: on a machine shared with
other work it is the steadier figure. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sdk_corpus import compile_sources

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "benchmarks" / ".cache"
SPEC = CACHE / "package" / "generated" / "api.github.com.json"
OPC_VENV = CACHE / "opc-venv"
PYTHON = sys.executable

# Runs a command and prints its exit code, wall time, and peak memory (KiB): the larger of the whole process tree's
# proportional set size (sampled every 20 ms from /proc, so parallel workers count together) and the largest
# single process's peak resident size.
MEASURE = r"""
import os, resource, subprocess, sys, threading, time

def tree_rss(root):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:  # proportional set size: pages a forked worker shares with its parent are not counted twice
            with open(f"/proc/{pid}/smaps_rollup") as f:
                total += next(int(line.split()[1]) for line in f if line.startswith("Pss:"))
        except (OSError, IndexError, ValueError, StopIteration):
            pass
    return total

start = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
peak = [0]
def sample():
    while process.poll() is None:
        peak[0] = max(peak[0], tree_rss(process.pid))
        time.sleep(0.02)
thread = threading.Thread(target=sample, daemon=True)
thread.start()
code = process.wait()
elapsed = time.perf_counter() - start
thread.join()
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(code, elapsed, max(peak[0], usage.ru_maxrss), usage.ru_utime + usage.ru_stime)
"""
EVERY_MODEL = ("import importlib, pkgutil, github.models as m\n"
               "[importlib.import_module('github.models.' + i.name) for i in pkgutil.iter_modules(m.__path__)]")


def ensure_inputs(spec: Path, opc_venv: Path) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    if not spec.is_file():
        subprocess.run(["npm", "pack", "@octokit/openapi", "--silent"], cwd=CACHE, check=True)
        archive = max(CACHE.glob("octokit-openapi-*.tgz"))
        shutil.unpack_archive(archive, CACHE)
    if not (opc_venv / "bin" / "openapi-python-client").is_file():
        subprocess.run([PYTHON, "-m", "venv", str(opc_venv)], check=True)
        subprocess.run([str(opc_venv / "bin" / "pip"), "install", "-q", "openapi-python-client",
                        "python-dateutil"], check=True)


def measure(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[int, float, float]:
    code, seconds, memory, _ = measure_cpu(command, cwd, env)
    return code, seconds, memory


def measure_cpu(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[int, float, float, float]:
    """Exit code, wall seconds, peak MiB (see MEASURE) and CPU seconds of the whole process tree."""
    out = subprocess.run([PYTHON, "-c", MEASURE, *command], cwd=cwd, env=env, capture_output=True, text=True,
                         check=True).stdout.split()
    return int(out[0]), float(out[1]), int(out[2]) / 1024, float(out[3])


def import_seconds(python: str, statement: str, path: Path, runs: int = 5) -> float:
    """Best of `runs` wall times of `statement` in a fresh interpreter, minus a bare interpreter's start."""
    def best(code: str) -> float:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([python, "-c", code], cwd=path, env={**os.environ, "PYTHONPATH": str(path)}, check=True)
            times.append(time.perf_counter() - start)
        return min(times)

    return best(statement) - best("pass")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--spec", type=Path, default=SPEC, help="GitHub's api.github.com.json (npm @octokit/openapi)")
    parser.add_argument("--opc-venv", type=Path, default=OPC_VENV, help="a venv with openapi-python-client")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("RUNS", "3")), help="runs of each (3)")
    parser.add_argument("--baseline", type=Path, help="another checkout of apigen, run in the same turns")
    parser.add_argument("--timing-only", action="store_true", help="the timed runs only (no warm run, no imports)")
    args = parser.parse_args()
    spec, opc_venv, runs = args.spec.resolve(), args.opc_venv.resolve(), args.runs
    ensure_inputs(spec, opc_venv)
    compile_sources()
    operations = sum(1 for item in json.loads(spec.read_text())["paths"].values()
                     for method in item if method in ("get", "put", "post", "delete", "patch", "head", "options",
                                                      "trace"))
    work = Path(tempfile.mkdtemp(prefix="sdk-github-"))
    cache = work / "models-cache"
    apigen = [PYTHON, "-m", "generator", "generate", str(spec), "--target", "python", "--service", "github"]
    opc_command = [str(opc_venv / "bin" / "openapi-python-client"), "generate", "--path", str(spec), "--meta", "none",
                   "--overwrite"]
    opc_dir = work / "opc"
    opc_dir.mkdir()
    cold = {**os.environ, "APIGEN_CACHE": "off"}
    # label -> (command, folder it runs in: `python -m generator` imports the checkout found there)
    commands = {"apigen": ([*apigen, "--out", str(work / "cold")], ROOT, cold)}
    if args.baseline:
        baseline = args.baseline.resolve()
        compile_sources(baseline)
        commands["baseline"] = ([*apigen, "--out", str(work / "baseline")], baseline,
                                {**cold, "PYTHONPATH": str(baseline)})
    commands["opc"] = (opc_command, opc_dir, None)
    print(f"GitHub REST spec: {spec.stat().st_size / 1e6:.1f} MB, {operations} operations; medians of {runs} "
          f"runs, {', '.join(commands)} in turn; wall s, cpu s (user + system of the process tree), peak MiB")
    figures: dict[str, list[tuple[float, float, float]]] = {label: [] for label in commands}
    for run in range(runs):
        print(f"  run {run + 1}:", end="", flush=True)
        for label, (command, cwd, env) in commands.items():
            code, seconds, memory, cpu = measure_cpu(command, cwd, env)
            figures[label].append((seconds, cpu, memory))
            print(f"  {label} {seconds:5.1f} s cpu {cpu:5.1f} {memory:4.0f} MiB (exit {code})", end="", flush=True)
        print()
    names = {"apigen": "apigen generate --target python (APIGEN_CACHE=off)",
             "baseline": f"baseline apigen ({args.baseline})", "opc": "openapi-python-client generate"}
    for label, runs_of in figures.items():
        print(f"{names[label]}: {median(s for s, _, _ in runs_of):6.1f} s  cpu {median(c for _, c, _ in runs_of):6.1f} s  "
              f"{median(m for _, _, m in runs_of):6.0f} MiB")
    for label in [name for name in figures if name != "opc"]:
        pairs = list(zip(figures[label], figures["opc"]))
        print(f"{label} / openapi-python-client, median of the run-by-run ratios: time "
              f"{median(a[0] / b[0] for a, b in pairs):.2f}x, cpu {median(a[1] / b[1] for a, b in pairs):.2f}x, "
              f"peak memory {median(a[2] / b[2] for a, b in pairs):.2f}x")
    if args.timing_only:
        shutil.rmtree(work, ignore_errors=True)
        return
    measure([*apigen, "--out", str(work / "fill")], ROOT, {**os.environ, "APIGEN_CACHE": str(cache)})
    _, warm, warm_mem = measure([*apigen, "--out", str(work / "warm")], ROOT, {**os.environ, "APIGEN_CACHE": str(cache)})
    print(f"apigen generate --target python (warm cache):       {warm:6.1f} s  {warm_mem:6.0f} MiB")

    sdk = work / "cold" / "python"
    sys.path.insert(0, str(ROOT))
    from generator.openapi import load_spec
    from generator.render.python.plan import build_plan

    plan = build_plan(load_spec(spec))
    emitted = sum(1 for r in plan.resources for op in r.operations
                  if f"def {op.name}(" in (sdk / "github" / "resources" / f"{r.module}.py").read_text())
    print(f"operations emitted: {emitted}/{operations}; resources: {len(plan.resources)}")
    check = ("import importlib, pkgutil, github, github.resources as r\n"
             "c = github.Client(api_key='k')\n"
             "names = [m.name for m in pkgutil.iter_modules(r.__path__)]\n"
             "[importlib.import_module('github.resources.' + n) for n in names]\n"
             "print(len(names))")
    imported = subprocess.run([PYTHON, "-c", check], cwd=sdk, capture_output=True, text=True, check=False)
    # Import times are those of an installed package: bytecode compiled, as pip does (both generators alike).
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(sdk)], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([str(opc_venv / "bin" / "python"), "-m", "compileall", "-q", str(opc_dir)], check=True,
                   stdout=subprocess.DEVNULL)
    print(f"resource modules importing: {imported.stdout.strip() or imported.stderr.strip()[-300:]}")
    print(f"import time, `import github`:                         {import_seconds(PYTHON, 'import github', sdk):.3f} s")
    print(f"import time, `from github import Client` (httpx):      "
          f"{import_seconds(PYTHON, 'from github import Client', sdk):.3f} s")
    print(f"import time, raw `import httpx` for comparison:        {import_seconds(PYTHON, 'import httpx', sdk):.3f} s")
    print(f"first use, `Client().repos` (its models loaded):      "
          f"{import_seconds(PYTHON, 'from github import Client; Client().repos', sdk, runs=3):.3f} s")
    print(f"first use, `Client().issues`:                          "
          f"{import_seconds(PYTHON, 'from github import Client; Client().issues', sdk, runs=3):.3f} s")
    print(f"every models module:                                   "
          f"{import_seconds(PYTHON, EVERY_MODEL, sdk, runs=3):.3f} s")
    opc_package = next(p for p in opc_dir.iterdir() if (p / "__init__.py").is_file())
    opc_python = str(opc_venv / "bin" / "python")
    print(f"import time, openapi-python-client's `import {opc_package.name}.models`: "
          f"{import_seconds(opc_python, f'import {opc_package.name}.models', opc_dir, runs=3):.3f} s")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
