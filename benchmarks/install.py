"""From a wheel to a working SDK, as a new user gets there: the wheel's and sdist's sizes, then in a fresh
venv (created with pip, nothing borrowed) the wall time of each step a user runs:

1. `pip install apigen-*.whl` (its dependencies from the configured package index, pip's cache as it is);
2. `apigen init shop --service anyfast --pages <the anyfast seed page>` and `apigen build` (ingest, validate,
   render the SDK, mock and docs);
3. `pip install ./generated/anyfast/python`;
4. one SDK call answered by the SDK's own testing helper (`anyfast.testing`, the mock engine in-process).

Run: `.venv/bin/python benchmarks/install.py [--keep]`. It uses the network only as pip does (the package
index); the figures depend on pip's cache, so the first run on a machine is the slow one.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_PAGE = ROOT / "specs" / "sources" / "anyfast" / "images-generations.txt"
CALL = ("import anyfast, anyfast.testing\n"
        "client = anyfast.Client(api_key='k', http_client=anyfast.testing.mock_http_client())\n"
        "result = client.images.generate(model='wan2.7-image', prompt='a cat')\n"
        "print(type(result).__name__)\n")


def timed(label: str, args: list[str | Path], cwd: Path, figures: list[tuple[str, float]]) -> str:
    start = time.perf_counter()
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{label} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    figures.append((label, elapsed))
    return result.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder (its path is printed)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="apigen-install-bench-"))
    figures: list[tuple[str, float]] = []
    try:
        dist = work / "dist"
        code = "import sys; from setuptools import build_meta; print(build_meta.build_sdist(sys.argv[1]))"
        timed("build sdist", [sys.executable, "-c", code, dist], ROOT, figures)
        sdist = next(dist.glob("apigen-*.tar.gz"))
        timed("build wheel from the sdist", [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                                             "--no-build-isolation", "-w", dist, sdist], work, figures)
        wheel = next(dist.glob("apigen-*.whl"))
        env_dir = work / "venv"
        start = time.perf_counter()
        venv.EnvBuilder(with_pip=True).create(env_dir)
        figures.append(("python -m venv (with pip)", time.perf_counter() - start))
        bin_dir = env_dir / "bin"
        timed("pip install apigen wheel (+ dependencies)", [bin_dir / "pip", "install", "-q", wheel], work, figures)
        apigen = bin_dir / "apigen"
        timed("apigen init", [apigen, "init", "shop", "--service", "anyfast", "--pages", SEED_PAGE], work, figures)
        timed("apigen build (ingest, validate, render)", [apigen, "build"], work / "shop", figures)
        timed("pip install ./generated/anyfast/python", [bin_dir / "pip", "install", "-q",
                                                         "./generated/anyfast/python"], work / "shop", figures)
        answer = timed("first SDK call (import + mock engine)", [bin_dir / "python", "-c", CALL], work, figures)
        print(f"SDK call answered with a {answer.strip()}")
        print(f"wheel  {wheel.name}: {wheel.stat().st_size / 1024:.0f} KiB")
        print(f"sdist  {sdist.name}: {sdist.stat().st_size / 1024:.0f} KiB")
        for label, seconds in figures:
            print(f"{label:45s} {seconds:7.2f} s")
        user = sum(s for label, s in figures if not label.startswith("build "))
        print(f"{'fresh venv -> working SDK (total)':45s} {user:7.2f} s")
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
