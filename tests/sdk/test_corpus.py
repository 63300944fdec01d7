"""Item 13: every real third-party document in ../shared/corpus/openapi/ yields an SDK that passes ruff and
mypy --strict, imports, and has one method for every operation of the document. (The corpus is only
read, to measure; nothing of it is copied into the project.)"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator.core.walk import HTTP_METHODS
from generator.openapi import load_spec
from generator.render.python.plan import Plan, build_plan
from tests.sdk.conftest import BIN, Generated, generate

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "openapi"
DOCUMENTS = sorted(CORPUS.glob("*.json"))

# Eleven third-party SDKs rendered, linted and type-checked cost about half a minute: `make test-slow` runs
# them, benchmarks/sdk_corpus.py prints the same figures per document; the default suite's edge cases are
# the golden record's and the session SDKs' (tests/sdk/specs/aliases.yaml has the corpus' AWS shapes).
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not DOCUMENTS, reason="no shared corpus next to the project")]


@dataclass
class CorpusSDK:
    document: Path
    generated: Generated
    plan: Plan


@pytest.fixture(scope="session")
def corpus_sdks(tmp_path_factory: pytest.TempPathFactory) -> list[CorpusSDK]:
    root = tmp_path_factory.mktemp("corpus")
    found = []
    for document in DOCUMENTS:
        generated = generate(document, root / document.stem / "python", "corpus " + document.stem)
        found.append(CorpusSDK(document, generated, build_plan(load_spec(document))))
        sys.path.insert(0, str(generated.root))
    return found


@pytest.fixture(scope="session")
def corpus_lint(corpus_sdks: list[CorpusSDK], tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    roots = [str(s.generated.root) for s in corpus_sdks]
    ruff = subprocess.run([str(BIN / "ruff"), "check", "--no-cache", "-q", *roots], capture_output=True, text=True, check=False)
    mypy = subprocess.run([str(BIN / "mypy"), "--strict", "--cache-dir", str(tmp_path_factory.mktemp("mypy")),
                           *[str(s.generated.package_dir) for s in corpus_sdks]], capture_output=True, text=True, check=False)
    return (ruff.stdout + ruff.stderr if ruff.returncode else "", mypy.stdout if mypy.returncode else "")


def test_ruff_clean(corpus_lint: tuple[str, str]) -> None:
    assert corpus_lint[0] == ""


def test_mypy_strict_clean(corpus_lint: tuple[str, str]) -> None:
    assert corpus_lint[1] == ""


def test_every_operation_emitted_and_importable(corpus_sdks: list[CorpusSDK]) -> None:
    for sdk in corpus_sdks:
        raw = json.loads(sdk.document.read_text(encoding="utf-8"))
        expected = sum(1 for item in raw["paths"].values() for method in item if method in HTTP_METHODS)
        assert sdk.plan.operation_count == expected, sdk.document.name
        package = importlib.import_module(sdk.generated.service.package)
        client = package.Client(api_key="k", base_url="http://127.0.0.1:9")
        models = importlib.import_module(f"{sdk.generated.service.package}.models")
        for name in models.__all__:  # validators are built lazily: build every one now
            value = getattr(models, name)
            if isinstance(value, type) and issubclass(value, BaseModel):
                assert value.__module__.startswith(f"{models.__name__}."), name
                value.model_rebuild(force=True)
        for resource in sdk.plan.resources:
            methods = getattr(client, resource.attr)
            raw_methods = methods.with_raw_response
            for op in resource.operations:
                assert callable(getattr(methods, op.name)), (sdk.document.name, resource.attr, op.name)
                assert callable(getattr(raw_methods, op.name))
