"""The seed services' pages: present, each seed page a source of exactly one service, ingested the same way
every time. That `specs/<service>.yaml` is what ingest makes of them is `apigen check`'s to say
(test_drift.py); edge cases of generated output are the golden record's (tests/golden_record)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import source_pages
from generator.config import load_config
from generator.ingest import ingest_pages
from generator.openapi.io import dump_spec
from generator.openapi.normalize import normalize
from generator.openapi.validate import validate_spec
from tests.seeds import SEED_SERVICES

ROOT = Path(__file__).resolve().parents[2]
CONFIG = load_config(ROOT)
SERVICES = list(SEED_SERVICES)


def test_the_seed_services_are_present() -> None:
    for name in SERVICES:
        assert source_pages(CONFIG, name), f"seed service {name} has no pages under specs/sources/"


def ingest_service(name: str) -> str:
    result = ingest_pages(source_pages(CONFIG, name), service=name, base=CONFIG.sources_dir)
    spec = normalize(result.spec)
    validate_spec(spec, source=name)
    return dump_spec(spec)


def test_every_seed_page_is_a_source_of_exactly_one_service() -> None:
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared seeds not present")
    sources = [p.read_bytes() for name in SERVICES for p in source_pages(CONFIG, name)]
    for seed in sorted(seeds.glob("*.txt")):
        assert sources.count(seed.read_bytes()) == 1, seed.name


@pytest.mark.parametrize("name", SERVICES)
def test_seed_ingest_is_deterministic(name: str) -> None:
    assert ingest_service(name) == ingest_service(name)
