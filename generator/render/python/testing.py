"""The in-process testing helper shipped inside each generated SDK: `<package>/testing.py`.

It serves the mock server's own engine and fixtures through an `httpx.MockTransport`, so code using the
SDK is unit-tested with no server and no port, and sees the same validation, examples, fal queue and
images as `apigen mock` does. The engine is the mock server's, copied from `generator/runtime/mock/`
(`_mock_engine.py`); the spec and fixtures travel as JSON files beside it (`_mock_spec.json`,
`_mock_fixtures.json`), which the SDK's packaging must ship as package data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.render import RenderContext
from generator.render.mock.fixtures import data_files
from generator.render.templates import environment, runtime_text, write_text


def helper_files(spec: dict[str, Any], context: RenderContext) -> dict[str, str]:
    """Files of the helper, relative to the package folder."""
    env = environment(context.templates_override)
    variables = {"service_name": context.service.name, "package": context.service.package}
    _fixtures, spec_json, fixtures_json = data_files(spec)
    return {
        "_mock_engine.py": runtime_text(env, "mock/mock_engine.py.jinja", "mock/mock_engine.py", variables),
        "testing.py": env.get_template("python/testing.py.jinja").render(**variables),
        "_mock_spec.json": spec_json,
        "_mock_fixtures.json": fixtures_json,
    }


def render_testing(spec: dict[str, Any], context: RenderContext, package_dir: Path) -> None:
    """Write `<package>/testing.py` (and its engine and fixtures) into the SDK package folder `package_dir`."""
    for relative, text in helper_files(spec, context).items():
        write_text(package_dir, relative, text)
