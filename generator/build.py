"""The build pipeline: sources -> normalized spec -> validated -> rendered, all or nothing.

Everything is written into a staging folder first; `specs/` and `generated/` are touched only after every
service has been ingested, validated and rendered, and then by renames, so a failed build leaves both
byte for byte as they were.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.config import ProjectConfig
from generator.errors import ApigenError

PAGE_SUFFIXES = {".txt", ".md", ".mdx", ".html", ".htm", ".json", ".yaml", ".yml"}
SOURCE_META_FILES = {"sources.yaml", "fetch-state.json"}


@dataclass
class ServiceOutput:
    """What building one service produced, relative to the project root."""

    name: str
    spec_text: str | None  # new specs/<name>.yaml text when the spec is ingested from sources
    warnings: list[str] = field(default_factory=list)


def source_pages(config: ProjectConfig, name: str) -> list[Path]:
    """The doc pages of a service, in a stable order (fetch bookkeeping files excluded)."""
    folder = config.sources_dir / name
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES and p.name not in SOURCE_META_FILES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def service_spec(config: ProjectConfig, name: str) -> tuple[dict[str, Any], str | None, list[str]]:
    """The normalized, validated spec of a service, its YAML text when it came from sources, and warnings."""
    from generator.spec.io import dump_spec, load_document
    from generator.spec.normalize import normalize
    from generator.spec.upgrade import to_openapi31
    from generator.spec.validate import validate_spec

    pages = source_pages(config, name)
    spec_path = config.specs_dir / f"{name}.yaml"
    if pages:
        from generator.ingest import ingest_pages

        result = ingest_pages(pages, service=name, base=config.sources_dir)
        spec = normalize(result.spec)
        validate_spec(spec, source=str(config.sources_dir / name))
        return spec, dump_spec(spec), list(result.warnings)
    if not spec_path.is_file():
        raise ApigenError("no doc pages under specs/sources/ and no spec file", file=spec_path)
    spec = normalize(to_openapi31(load_document(spec_path), source=str(spec_path)))
    validate_spec(spec, source=str(spec_path))
    return spec, None, []


def render_service(config: ProjectConfig, name: str, spec: dict[str, Any], out: Path) -> None:
    """Render every configured target of one service into `out` (the staged generated/<name>/)."""
    from generator.render import RenderContext, renderer

    service = config.service(name)
    changelog_path = config.generated_dir / name / "CHANGELOG.md"
    changelog = changelog_path.read_text(encoding="utf-8") if changelog_path.is_file() else None
    context = RenderContext(service=service, templates_override=config.templates_override, changelog=changelog)
    for target in service.targets:
        renderer(target)(spec, context, out / target)


@contextmanager
def staging_dir(config: ProjectConfig) -> Iterator[Path]:
    """A scratch folder on the same file system as the project, so the final swap is a rename."""
    config.root.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix=".apigen-build-", dir=config.root))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def stage(config: ProjectConfig, names: Iterable[str], staging: Path) -> list[ServiceOutput]:
    """Build the named services into `staging` (specs/ and generated/ mirrored there)."""
    outputs = []
    for name in names:
        spec, spec_text, warnings = service_spec(config, name)
        if spec_text is not None:
            (staging / "specs").mkdir(parents=True, exist_ok=True)
            (staging / "specs" / f"{name}.yaml").write_bytes(spec_text.encode("utf-8"))
        render_service(config, name, spec, staging / "generated" / name)
        outputs.append(ServiceOutput(name=name, spec_text=spec_text, warnings=warnings))
    return outputs


def swap_in(config: ProjectConfig, staging: Path, outputs: list[ServiceOutput]) -> None:
    """Move staged files into place by renames; on any failure put back what was there."""
    moves: list[tuple[Path, Path]] = []
    for output in outputs:
        if output.spec_text is not None:
            moves.append((staging / "specs" / f"{output.name}.yaml", config.specs_dir / f"{output.name}.yaml"))
        for target in config.service(output.name).targets:
            moves.append((staging / "generated" / output.name / target, config.generated_dir / output.name / target))
    backup = staging / ".backup"
    done: list[tuple[Path, Path, Path | None]] = []
    try:
        for index, (new, dest) in enumerate(moves):
            old: Path | None = None
            if dest.exists():
                old = backup / str(index)
                old.parent.mkdir(parents=True, exist_ok=True)
                dest.rename(old)
            dest.parent.mkdir(parents=True, exist_ok=True)
            done.append((new, dest, old))
            new.rename(dest)
    except OSError as error:
        for new, dest, old in reversed(done):
            if dest.exists() and not new.exists():
                dest.rename(new)
            if old is not None and old.exists():
                old.rename(dest)
        raise ApigenError(f"could not move output into place: {error}", file=error.filename) from None


def build(config: ProjectConfig, names: list[str] | None = None) -> list[ServiceOutput]:
    """Build the named services (default: all); nothing on disk changes unless all succeed."""
    names = names or config.service_names()
    with staging_dir(config) as staging:
        outputs = stage(config, names, staging)
        swap_in(config, staging, outputs)
    return outputs
