"""`apigen generate --target T` on synthetic specs of growing size: the time must grow linearly.

    .venv/bin/python benchmarks/generate_scale.py [--sizes 2000,4000,20000] [--targets python,mock,docs,all]

Each spec has N operations (`POST /res<k>/op<i>/{id}`, ten per tag) with a path and a query parameter and
a component schema each for body and answer. Prints wall and user+system CPU seconds (children included:
models are generated in worker processes), peak memory, and seconds per 1,000 operations, per target and
size; a per-1,000 figure that grows with N means something is worse than linear (issue 13: 20k operations
used to run past 300 s for `--target all`).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def synthetic_spec(count: int) -> dict[str, object]:
    paths: dict[str, object] = {}
    schemas: dict[str, object] = {}
    for index in range(count):
        tag = f"res{index // 10}"
        schemas[f"Item{index}"] = {"type": "object", "properties": {
            "id": {"type": "string"}, "n": {"type": "integer"}, "tags": {"type": "array", "items": {"type": "string"}}}}
        ref = {"$ref": f"#/components/schemas/Item{index}"}
        paths[f"/{tag}/op{index}/{{id}}"] = {"post": {
            "operationId": f"op_{index}", "tags": [tag], "summary": f"Operation {index}",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                           {"name": "q", "in": "query", "schema": {"type": "integer"}}],
            "requestBody": {"content": {"application/json": {"schema": ref}}},
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": ref}}}}}}
    return {"openapi": "3.1.0", "info": {"title": "Scale", "version": "1"},
            "servers": [{"url": "https://api.example.com"}], "paths": paths, "components": {"schemas": schemas}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="2000,4000,20000")
    parser.add_argument("--targets", default="python,mock,docs,all")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="apigen-scale-") as scratch:
        folder = Path(scratch)
        print(f"{'operations':>10} {'target':>7} {'wall s':>8} {'cpu s':>8} {'s/1k ops':>9} {'peak MiB':>9}")
        for size in (int(s) for s in args.sizes.split(",")):
            spec = folder / f"scale{size}.json"
            spec.write_text(json.dumps(synthetic_spec(size)), encoding="utf-8")
            for target in args.targets.split(","):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.perf_counter()
                subprocess.run([str(BIN / "apigen"), "generate", str(spec), "--out", str(folder / f"out-{size}-{target}"),
                                "--target", target], check=True, stdout=subprocess.DEVNULL)
                wall = time.perf_counter() - started
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                print(f"{size:10} {target:>7} {wall:8.1f} {cpu:8.1f} {wall / size * 1000:9.2f} "
                      f"{after.ru_maxrss / 1024:9.0f}", flush=True)


if __name__ == "__main__":
    main()
