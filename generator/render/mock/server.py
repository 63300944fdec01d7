"""Renderer of the mock target: a runnable Starlette mock server in `generated/<service>/mock/`.

The folder runs on its own (`python generated/<service>/mock --port 8000`, or `uvicorn app:app` inside it):
`app.py` is rendered from `templates/mock/`, `mock_engine.py` is copied from `generator/runtime/mock/`, and
everything taken from the spec goes into `spec.json` and `fixtures.json` beside them, so doc text is data
and never code.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

from generator.render import RenderContext
from generator.render.mock.fixtures import data_files
from generator.render.templates import environment, runtime_text, write_text

TEMPLATES = ("app.py", "__main__.py", "README.md")


def render_files(spec: dict[str, Any], context: RenderContext) -> dict[str, str]:
    """Every file of the mock folder, by relative path (deterministic: same spec, same bytes)."""
    env = environment(context.templates_override)
    fixtures, spec_json, fixtures_json = data_files(spec)
    variables = {
        "service_name": context.service.name,
        "apigen_mock": shlex.quote(context.command_names().mock),
        "title": str((spec.get("info") or {}).get("title") or context.service.name),
        "fixtures": fixtures,
    }
    files = {name: env.get_template(f"mock/{name}.jinja").render(**variables) for name in TEMPLATES}
    files["mock_engine.py"] = runtime_text(env, "mock/mock_engine.py.jinja", "mock/mock_engine.py", variables)
    files["spec.json"] = spec_json
    files["fixtures.json"] = fixtures_json
    return files


def render(spec: dict[str, Any], context: RenderContext, out: Path) -> None:
    """Write the mock server of `spec` into `out`."""
    for relative, text in render_files(spec, context).items():
        write_text(out, relative, text)
