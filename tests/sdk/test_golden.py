"""Golden SDK trees: each seed service's spec (`specs/<seed>.yaml`) renders exactly the files kept under
`tests/golden/python/<service>/`. After an intended change, `pytest tests/sdk --update-goldens` rewrites them.
The mock's testing helper (testing.py, _mock_*) is left out: its own tests cover it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.config import load_config
from generator.openapi import load_spec
from generator.render import RenderContext
from generator.render.python.sdk import render
from tests.sdk.test_generate import tree
from tests.seeds import SEED_SERVICES

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "python"
SPECS = [ROOT / "specs" / f"{name}.yaml" for name in SEED_SERVICES]


@pytest.mark.parametrize("spec", SPECS, ids=[p.stem for p in SPECS])
def test_sdk_matches_golden_tree(spec: Path, tmp_path: Path, update_goldens: bool) -> None:
    config = load_config(ROOT)
    service = config.service(spec.stem)
    render(load_spec(spec), RenderContext(service=service), tmp_path)
    produced = tree(tmp_path, own=True)
    golden = GOLDEN / spec.stem
    if update_goldens:
        shutil.rmtree(golden, ignore_errors=True)
        for relative, content in produced.items():
            (golden / relative).parent.mkdir(parents=True, exist_ok=True)
            (golden / relative).write_bytes(content)
        return
    assert golden.is_dir(), f"no golden tree for {spec.stem}: run pytest --update-goldens"
    expected = tree(golden)
    assert sorted(produced) == sorted(expected)
    for relative in expected:
        assert produced[relative] == expected[relative], f"{spec.stem}/{relative} differs from the golden copy"
