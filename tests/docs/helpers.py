"""Rendering test specs into reference docs, shared by the docs tests."""

from __future__ import annotations

import re
from pathlib import Path

from generator.config import ServiceConfig
from generator.openapi import load_spec
from generator.render import RenderContext

SPECS = Path(__file__).resolve().parent / "specs"


def render_docs(spec_name: str, out: Path, service: str = "demo", changelog: str | None = None) -> Path:
    """Render `tests/docs/specs/<spec_name>.yaml` with the docs renderer into `out`; returns `out`."""
    from generator.render.docs.pages import render

    spec = load_spec(SPECS / f"{spec_name}.yaml")
    context = RenderContext(service=ServiceConfig(name=service, package=service.replace("-", "_")),
                            changelog=changelog)
    render(spec, context, out)
    return out


def code_blocks(markdown: str, lang: str) -> list[str]:
    """Bodies of the fenced code blocks of one language, in order (fences of any length)."""
    pattern = re.compile(r"^(`{3,})" + re.escape(lang) + r"\n(.*?)^\1$", re.MULTILINE | re.DOTALL)
    return [match.group(2) for match in pattern.finditer(markdown)]
