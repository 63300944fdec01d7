"""Import time of each seed SDK (`generated/<service>/python`), next to `openai` and `fal_client` measured in
the same run, by `python -X importtime`.

    .venv/bin/python benchmarks/sdk_import.py [--runs 5]

Each figure is the median over `--runs` fresh interpreters of the time `-X importtime` reports for the
modules the statement imports (the top-level entries' cumulative times, without what the interpreter
imports before running any code: `site`, `encodings`...). Two statements per package: `import <pkg>` and
`from <pkg> import Client` (which also imports the client module; resources and models wait until first
use). A peer that is not installed is reported as such. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_LINE = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|( *)(\S+)")


def _imports(statement: str, path: str | None) -> dict[str, int]:
    """Top-level modules `-X importtime` lists for `statement`, with their cumulative microseconds."""
    env = {**os.environ, "PYTHONPATH": path or ""}
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", statement], capture_output=True,
                          text=True, env=env, check=True)
    found: dict[str, int] = {}
    for line in done.stderr.splitlines():
        match = _LINE.match(line)
        if match and len(match.group(3)) == 1:  # one space after `|`: imported by the statement itself
            found[match.group(4)] = found.get(match.group(4), 0) + int(match.group(2))
    return found


def measure(statement: str, path: str | None, runs: int, startup: set[str]) -> float:
    """Median milliseconds over `runs` interpreters of the modules `statement` imports beyond startup."""
    times = []
    for _ in range(runs):
        found = _imports(statement, path)
        times.append(sum(us for name, us in found.items() if name not in startup) / 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    startup = set(_imports("pass", None))
    rows: list[tuple[str, str, str | None]] = []
    for service in sorted(p.name for p in (ROOT / "generated").iterdir() if (p / "python").is_dir()):
        package = next(p.parent.name for p in (ROOT / "generated" / service / "python").glob("*/__init__.py"))
        rows.append((package, "seed", str(ROOT / "generated" / service / "python")))
    rows += [("openai", "peer", None), ("fal_client", "peer", None)]
    print(f"import time, median of {args.runs} ({sys.executable}):")
    print(f"{'package':<14} {'what':<8} {'import pkg':>12} {'from pkg import Client':>24}")
    for package, what, path in rows:
        try:
            plain = measure(f"import {package}", path, args.runs, startup)
            client = measure(f"from {package} import {'SyncClient' if package == 'fal_client' else 'Client'}",
                             path, args.runs, startup)
        except subprocess.CalledProcessError:
            print(f"{package:<14} {what:<8} {'not installed':>12}")
            continue
        print(f"{package:<14} {what:<8} {plain:>10.1f}ms {client:>22.1f}ms")


if __name__ == "__main__":
    main()
