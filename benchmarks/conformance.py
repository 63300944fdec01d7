"""Schemathesis against apigen's mock, every check on: the normalized spec and the mock must agree.

    .venv/bin/python benchmarks/conformance.py [SPEC...] [--max-examples 25] [--corpus DIR]

For every spec under `specs/`, every document of the shared corpus (the first `shared/corpus/openapi/`
found beside this checkout or above it, or `--corpus DIR`; the run says which folder it read, or that it
found none) and every page of the corpus' `pages/` beside it that ingest reads as an OpenAPI document (the
page is or embeds one; it is ingested first, as `apigen ingest PAGE` would) it writes the normalized spec (what apigen renders from; a third-party document as it is does
not list the errors every server answers), starts `apigen mock NORMALIZED --api-key KEY --port 0`, runs

    schemathesis run NORMALIZED --checks all -u URL --max-examples N --seed 1 -H <the key, as the auth wants>

from the project folder (so `schemathesis.toml` applies) and prints, per document, the test cases
generated, the failures found and schemathesis' exit code. Exit 1 when any document has a failure.

A multipart/form-data field is text: schemathesis sends a `null` it generated as an empty part, the same
bytes as the empty string (a valid value), so for operations with a multipart body the check that invalid
data is refused cannot be judged; those operations get a run of their own without that one check
(`--exclude-checks negative_data_rejection`), every other check on.
`--log DIR` keeps each document's whole schemathesis report (`DIR/<document>.txt`).
Loopback only; schemathesis comes with the test dependencies.
"""

from __future__ import annotations

import argparse
import base64
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
KEY = "conformance-key-0123456789"

sys.path.insert(0, str(ROOT))


def auth_headers(spec: dict[str, Any]) -> list[str]:
    """`-H` values carrying KEY for every scheme of the spec's first security requirement."""
    schemes = (spec.get("components") or {}).get("securitySchemes") or {}
    requirements = spec.get("security") or [
        r for item in (spec.get("paths") or {}).values() if isinstance(item, dict)
        for op in item.values() if isinstance(op, dict) for r in (op.get("security") or [])]
    headers: list[str] = []
    for name in (requirements[0] if requirements else {}):
        scheme = schemes.get(name) or {}
        kind = scheme.get("type")
        if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            headers.append("Authorization: Basic " + base64.b64encode(f"user:{KEY}".encode()).decode())
        elif kind in ("http", "oauth2", "openIdConnect"):
            headers.append(f"Authorization: Bearer {KEY}")
        elif kind == "apiKey" and scheme.get("in", "header") == "header":
            prefix = scheme.get("x-prefix")
            headers.append(f"{scheme.get('name', 'Authorization')}: {prefix + ' ' if prefix else ''}{KEY}")
    return headers


def find_corpus() -> Path | None:
    """The shared corpus of OpenAPI documents: `shared/corpus/openapi` beside the checkout or a folder above."""
    for folder in ROOT.parents:
        candidate = folder / "shared" / "corpus" / "openapi"
        if candidate.is_dir():
            return candidate
    return None


def openapi_pages(folder: Path) -> list[Path]:
    """The pages of `folder` that ingest takes as an OpenAPI document (with at least one operation)."""
    from generator.core.walk import HTTP_METHODS
    from generator.errors import ApigenError
    from generator.ingest.layouts import openapi_document
    from generator.ingest.page import read_text
    from generator.ingest.text import normalize

    found = []
    for page in sorted(folder.glob("*.txt")):
        try:
            doc = openapi_document.parse(normalize(read_text(page, str(page))), str(page), [])
        except ApigenError:
            continue
        paths = (doc or {}).get("paths") or {}
        if any(isinstance(item, dict) and any(m in item for m in HTTP_METHODS) for item in paths.values()):
            found.append(page)
    return found


def ingested(page: Path, scratch: Path) -> Path:
    """The spec `apigen ingest PAGE` writes for one page, in `scratch`."""
    from generator.ingest import ingest_pages
    from generator.openapi.io import dump_spec

    path = scratch / "pages" / f"{page.stem}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_spec(ingest_pages([page]).spec), encoding="utf-8")
    return path


def multipart_operations(spec: dict[str, Any]) -> list[str]:
    """operationIds of the operations whose request body may be multipart/form-data."""
    from generator.core.walk import operations, resolve

    found = []
    for _, _, op, _ in operations(spec):
        body = resolve(spec, op.get("requestBody"))
        if isinstance(body, dict) and "multipart/form-data" in (body.get("content") or {}):
            found.append(str(op.get("operationId")))
    return found


def run_one(source: Path, max_examples: int, scratch: Path, log: Path | None = None) -> tuple[int, int, int]:
    """(cases generated, failures, schemathesis exit code) for one document."""
    from generator.core.walk import operations
    from generator.openapi import load_spec
    from generator.openapi.io import dump_spec

    spec = load_spec(source)
    path = scratch / f"{source.stem}.yaml"
    path.write_text(dump_spec(spec), encoding="utf-8")
    mock = subprocess.Popen([str(BIN / "apigen"), "mock", str(path), "--api-key", KEY, "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    try:
        assert mock.stdout is not None
        url = mock.stdout.readline().strip().split(" at ")[-1]
        command = [str(BIN / "schemathesis"), "run", str(path), "--checks", "all", "-u", url,
                   "--max-examples", str(max_examples), "--seed", "1", "-w", "1"]
        for header in auth_headers(spec):
            command += ["-H", header]
        multipart = multipart_operations(spec)
        every = [op for _, _, op, _ in operations(spec)]
        runs = [] if len(multipart) == len(every) else [
            command + [arg for op in multipart for arg in ("--exclude-operation-id", op)]]
        if multipart:
            runs.append(command + ["--exclude-checks", "negative_data_rejection"]
                        + [arg for op in multipart for arg in ("--include-operation-id", op)])
        results = [subprocess.run(run, capture_output=True, text=True, cwd=ROOT, timeout=1800, check=False)
                   for run in runs]
    finally:
        mock.terminate()
        mock.wait(timeout=10)
    totals = [0, 0, 0]
    for number, result in enumerate(results):
        out = result.stdout
        if log is not None:
            log.mkdir(parents=True, exist_ok=True)
            suffix = ".multipart" if "--exclude-checks" in runs[number] else ""
            (log / f"{source.stem}{suffix}.txt").write_text(out + result.stderr, encoding="utf-8")
        cases = re.search(r"(\d+) generated", out)
        failures = re.search(r"(\d+) found (\d+) unique failures?", out)
        if result.returncode and failures is None:
            print(out[-3000:], file=sys.stderr)
        totals[0] += int(cases.group(1)) if cases else 0
        totals[1] += int(failures.group(2)) if failures else 0
        totals[2] = max(totals[2], result.returncode)
    return totals[0], totals[1], totals[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("specs", nargs="*", type=Path)
    parser.add_argument("--max-examples", type=int, default=25)
    parser.add_argument("--corpus", type=Path, help="folder of OpenAPI documents (default: shared/corpus/openapi)")
    parser.add_argument("--log", type=Path, help="keep each document's schemathesis report in this folder")
    args = parser.parse_args()
    corpus = args.corpus or find_corpus()
    if not args.specs:
        if corpus is None or not corpus.is_dir():
            print(f"corpus: none found ({args.corpus or 'no shared/corpus/openapi beside or above ' + str(ROOT)}); "
                  "only specs/ is run", flush=True)
            corpus = None
        else:
            print(f"corpus: {corpus}", flush=True)
    scratch = Path(tempfile.mkdtemp(prefix="apigen-conformance-"))
    paths = args.specs or sorted((ROOT / "specs").glob("*.yaml")) + (
        sorted(corpus.glob("*.json")) + sorted(corpus.glob("*.yaml")) if corpus is not None else [])
    pages = openapi_pages(corpus.parent / "pages") if corpus is not None and not args.specs else []
    if pages:
        print(f"pages read as OpenAPI documents: {', '.join(p.name for p in pages)}", flush=True)
    paths += [ingested(page, scratch) for page in pages]
    print(f"{'document':55} {'cases':>6} {'failures':>8} {'exit':>4}")
    bad = 0
    for path in paths:
        cases, failures, code = run_one(path, args.max_examples, scratch, args.log)
        bad += failures > 0 or code != 0
        print(f"{path.name:55} {cases:6} {failures:8} {code:4}", flush=True)
    shutil.rmtree(scratch, ignore_errors=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
