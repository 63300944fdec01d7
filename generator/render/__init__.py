"""Renderers: each reads a normalized spec and writes one target folder. They never see ingest.

A renderer module provides `render(spec, context, out)`, writing every file of its target under `out`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from generator.config import ServiceConfig

TARGETS: dict[str, str] = {
    "python": "generator.render.python.sdk",
    "mock": "generator.render.mock.server",
    "docs": "generator.render.docs.pages",
}


@dataclass(frozen=True)
class Commands:
    """How the commands printed in docs and READMEs name the outputs: the argument of `apigen mock`, the
    folder `pip install` takes and the folder both run from. `apigen build` output lives in a project
    (`project_commands`); `apigen generate SPEC --out DIR` passes its own, as typed on its command line."""

    mock: str  # `apigen mock <this>`: a service name, or a spec file
    sdk: str  # `pip install <this>`
    cwd: str  # where they run, said in a comment: "from the project root"


def project_commands(service: str) -> Commands:
    return Commands(mock=service, sdk=f"./generated/{service}/python", cwd="from the project root")


@dataclass(frozen=True)
class RenderContext:
    """What a renderer knows besides the spec."""

    service: ServiceConfig
    templates_override: Path | None = None
    changelog: str | None = None  # Markdown of generated/<service>/CHANGELOG.md, when there is one
    commands: Commands | None = None  # None: a project's layout (`project_commands`)

    def command_names(self) -> Commands:
        return self.commands or project_commands(self.service.name)


class Renderer(Protocol):
    def __call__(self, spec: dict[str, Any], context: RenderContext, out: Path) -> None: ...


def renderer(target: str) -> Renderer:
    """The render function of a target, imported on first use."""
    module = importlib.import_module(TARGETS[target])
    return module.render  # type: ignore[no-any-return]
