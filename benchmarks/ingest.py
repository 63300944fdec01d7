"""Ingest speed: pages per second over the corpus pages, and wall time of `apigen build` on this repo.

    python benchmarks/ingest.py [--rounds 5]

Prints medians; corpus pages are read from ../shared/corpus/pages at run time (never copied).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "pages"


def pages_per_second(rounds: int) -> tuple[float, int]:
    from generator.errors import ApigenError
    from generator.ingest import ingest_pages

    pages = sorted(CORPUS.glob("*.txt")) + sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        for page in pages:
            try:
                ingest_pages([page])
            except ApigenError:
                pass
        rates.append(len(pages) / (time.perf_counter() - start))
    return statistics.median(rates), len(pages)


def build_seconds(rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "generator", "build"], cwd=ROOT, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    rate, count = pages_per_second(args.rounds)
    print(f"ingest: {rate:.0f} pages/s (median of {args.rounds} rounds over {count} pages)")
    print(f"apigen build: {build_seconds(max(1, args.rounds // 2)):.2f} s wall (median)")


if __name__ == "__main__":
    main()
