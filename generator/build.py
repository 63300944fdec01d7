"""The build pipeline: sources -> normalized spec -> validated -> rendered, all or nothing.

Everything is written into a staging folder first; `specs/` and `generated/` are touched only after every
service has been ingested, validated and rendered, and then by renames, so a failed build leaves both
byte for byte as they were.

The swap is journalled and builds are locked (`project_lock`): the moves are written to
`<staging>/swap.json` before the first rename, so a build killed part-way (even by `kill -9`) leaves a
journal that the next `apigen build` or `apigen check` rolls forward (each move is finished or found
done) before it looks at anything; a lock on `.apigen-build.lock` makes a second build wait for the first.

Builds are incremental: each service's manifest (`generated/<service>/.apigen-manifest.json`, see
`generator.regen.manifest`) records input and output hashes, and a service whose inputs and outputs
still match is skipped without importing jinja2, pydantic or the validator. A rebuilt service whose spec
changed gets a CHANGELOG.md entry and a version bump (`release`). The user's `custom/` folders inside
generated output are carried over untouched.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.config import ProjectConfig, ServiceConfig
from generator.errors import ApigenError
from generator.regen.manifest import (
    CHANGELOG_NAME,
    MANIFEST_NAME,
    Manifest,
    custom_dirs,
    input_digests,
    output_hashes,
    read_manifest,
    status,
)

if TYPE_CHECKING:  # the diff engine is imported only when a service is rebuilt, not on a no-op build
    from generator.regen.spec_diff import Change

LOCK_NAME = ".apigen-build.lock"
STAGING_PREFIX = ".apigen-build-"
JOURNAL_NAME = "swap.json"
PAGE_SUFFIXES = {".txt", ".md", ".mdx", ".html", ".htm", ".json", ".yaml", ".yml"}
SOURCE_META_FILES = {"sources.yaml", "fetch-state.json"}


@dataclass
class ServiceOutput:
    """What building one service produced, relative to the project root."""

    name: str
    spec_text: str | None  # new specs/<name>.yaml text when the spec is ingested from sources
    warnings: list[str] = field(default_factory=list)
    skipped: bool = False  # up to date: inputs and outputs match the manifest, nothing was rebuilt
    version: str = ""  # SDK version rendered
    changes: list[Change] | None = None  # API changes since the last build (None: spec unchanged)
    level: str = ""  # major | minor | patch | initial when the version moved


def source_pages(config: ProjectConfig, name: str) -> list[Path]:
    """The doc pages of a service, in a stable order (fetch bookkeeping files excluded).

    A symbolic link is refused, not followed: its target could be any file on disk, whose text would then
    land in the spec, the mock and the docs (with its absolute path in `x-source`).
    """
    folder = config.sources_dir / name
    if folder.is_symlink():
        raise ApigenError("is a symbolic link; doc pages must be plain files inside the project", file=folder)
    if not folder.is_dir():
        return []
    pages = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_symlink():
            raise ApigenError("is a symbolic link; doc pages must be plain files inside the project (copy the "
                              "file in, or let `apigen fetch` download it)", file=path)
        if path.is_file() and path.suffix.lower() in PAGE_SUFFIXES and path.name not in SOURCE_META_FILES:
            pages.append(path)
    return sorted(pages)


def check_spec(spec: dict[str, Any], source: str) -> None:
    """Validate a spec the fast way: the compiled-schema engine (jsonschema-rs, tens of milliseconds) gives the
    same verdicts as openapi-spec-validator (tests/openapi compare them), whose import alone takes over a second;
    a spec it finds invalid goes through `validate_spec` (the engine chosen as before), which has the last word
    and words the error exactly as before."""
    from generator.openapi.validate import spec_problems, validate_spec

    if spec_problems(spec, engine="compiled"):
        validate_spec(spec, source=source)


def service_spec(config: ProjectConfig, name: str, strict: bool = False) -> tuple[dict[str, Any], str | None, list[str]]:
    """The normalized, validated spec of a service, its YAML text when it came from sources, and warnings.

    A spec file of the user's (`specs/<name>.yaml`, often a third party's) is read leniently unless `strict`:
    repairs and dropped operations are warnings (see generator.openapi.prepare)."""
    from generator.openapi import prepare
    from generator.openapi.io import dump_spec, load_document
    from generator.openapi.upgrade import to_openapi31

    pages = source_pages(config, name)
    spec_path = config.specs_dir / f"{name}.yaml"
    if pages:
        from generator.ingest import ingest_pages, settle

        result = ingest_pages(pages, service=name, base=config.sources_dir)
        spec, settled = settle(result.spec, str(config.sources_dir / name), strict=strict)
        check_spec(spec, source=str(config.sources_dir / name))
        return spec, dump_spec(spec), list(result.warnings) + settled
    if not spec_path.is_file():
        raise ApigenError("no doc pages under specs/sources/ and no spec file", file=spec_path)
    spec, warnings = prepare(to_openapi31(load_document(spec_path), source=str(spec_path)), str(spec_path), strict)
    check_spec(spec, source=str(spec_path))
    return spec, None, warnings


def render_service(config: ProjectConfig, name: str, spec: dict[str, Any], out: Path,
                   service: ServiceConfig | None = None, changelog: str | None = None) -> None:
    """Render every configured target of one service into `out` (the staged generated/<name>/).

    `service` carries the SDK version this build settled on; `changelog` the CHANGELOG.md it will write.
    """
    from generator.render import RenderContext, renderer

    service = service or config.service(name)
    if changelog is None:
        changelog_path = config.generated_dir / name / CHANGELOG_NAME
        changelog = changelog_path.read_text(encoding="utf-8") if changelog_path.is_file() else None
    context = RenderContext(service=service, templates_override=config.templates_override, changelog=changelog)
    for target in service.targets:
        renderer(target)(spec, context, out / target)


@contextmanager
def staging_dir(config: ProjectConfig) -> Iterator[Path]:
    """A scratch folder on the same file system as the project, so the final swap is a rename."""
    config.root.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=config.root))
    try:
        yield path
    finally:
        if not (path / JOURNAL_NAME).exists():  # a swap that could not be finished nor walked back: the
            shutil.rmtree(path, ignore_errors=True)  # next build's `recover` completes it from the journal


@contextmanager
def project_lock(config: ProjectConfig) -> Iterator[None]:
    """Hold the project's build lock (waiting for another build if need be), then finish any swap an
    interrupted build left behind, so what follows sees whole outputs.

    The lock is an `flock` on `.apigen-build.lock`: the kernel drops it when its holder dies, even by
    `kill -9`, so a crashed build never leaves the project locked. (Where `fcntl` does not exist, Windows,
    builds are not locked.)
    """
    config.root.mkdir(parents=True, exist_ok=True)
    with open(config.root / LOCK_NAME, "a+", encoding="utf-8") as handle:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            fcntl = None  # type: ignore[assignment]
        if fcntl is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "unknown"
                print(f"apigen: waiting for another build of this project (pid {holder}) to finish",
                      file=sys.stderr)
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            recover(config)
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def recover(config: ProjectConfig) -> list[Path]:
    """Finish the swap of every build that was killed part-way, and delete staging folders left behind;
    returns the folders whose swap was completed. Call with the lock held (no live build owns them)."""
    completed = []
    for folder in sorted(config.root.glob(STAGING_PREFIX + "*")):
        if not folder.is_dir() or folder.is_symlink():
            continue
        journal = folder / JOURNAL_NAME
        if journal.is_file():
            try:
                moves = [(Path(new), Path(dest), list(keep))
                         for new, dest, keep in json.loads(journal.read_text(encoding="utf-8"))["moves"]]
            except (ValueError, KeyError, TypeError):
                moves = []  # the journal is written whole before any rename: a torn one means none ran
            if moves:
                _run_moves(config.root, folder, moves)
                completed.append(folder)
                print(f"apigen: completed the output swap of an interrupted build ({folder.name})",
                      file=sys.stderr)
        shutil.rmtree(folder, ignore_errors=True)
    return completed


@dataclass
class Release:
    """The SDK version and CHANGELOG.md a build of one service settles on."""

    version: str
    changelog: str | None
    changes: list[Change] | None = None  # None: the spec did not change since the last build
    level: str = ""  # major | minor | patch | initial, or "" when unchanged


def previous_spec(config: ProjectConfig, name: str, manifest: Manifest | None, ingested: bool
                  ) -> dict[str, Any] | None:
    """The spec the last build rendered: the manifest's copy, else the committed ingested spec."""
    from generator.regen.spec_diff import canonical

    if manifest is not None and isinstance(manifest.spec, dict):
        return manifest.spec
    path = config.specs_dir / f"{name}.yaml"
    if ingested and path.is_file():
        from generator.openapi.io import load_document

        try:
            return canonical(load_document(path))
        except ApigenError:
            return None
    return None


def release(config: ProjectConfig, name: str, spec: dict[str, Any], manifest: Manifest | None,
            ingested: bool) -> Release:
    """Decide version and changelog: an entry and a bump only when the spec changed since the last build
    (major on breaking changes, minor on additions, patch otherwise); apigen.yaml's version is the start."""
    from generator.regen.changelog import changelog_entry, operation_count, operation_sources, prepend_entry
    from generator.regen.spec_diff import bump_level, canonical, diff_specs
    from generator.regen.version import bump, newer, parse_version

    service = config.service(name)
    source = str(config.root / "apigen.yaml")
    parse_version(service.version, source)
    base = newer(manifest.version, service.version, source) if manifest is not None else service.version
    changelog_path = config.generated_dir / name / CHANGELOG_NAME
    existing = changelog_path.read_text(encoding="utf-8") if changelog_path.is_file() else None
    new = canonical(spec)
    old = previous_spec(config, name, manifest, ingested)
    if existing is None and (old is None or old == new):
        operations = operation_count(spec)
        return Release(base, prepend_entry(None, changelog_entry(base, [], "initial", initial=True,
                                                                 operations=operations)), [], "initial")
    if old is None or old == new:
        return Release(base, existing)
    changes = diff_specs(old, new)
    level = bump_level(changes)
    version = bump(base, level, source)
    entry = changelog_entry(version, changes, level, sources=operation_sources(old, new))
    return Release(version, prepend_entry(existing, entry), changes, level)


def stage(config: ProjectConfig, names: Iterable[str], staging: Path, strict: bool = False) -> list[ServiceOutput]:
    """Build the named services into `staging` (specs/ and generated/ mirrored there), manifests included;
    with `strict`, an ingest warning (salvaged or skipped page text) fails the build, and a spec file is read
    as written (no repair, no dropped operation)."""
    from generator.regen.spec_diff import canonical

    outputs = []
    for name in names:
        pages = source_pages(config, name)
        inputs = input_digests(config, name, pages)  # before reading: a save mid-build triggers another
        spec, spec_text, warnings = service_spec(config, name, strict=strict)
        if strict and warnings:
            more = f" (and {len(warnings) - 1} more)" if len(warnings) > 1 else ""
            raise ApigenError(f"{warnings[0]}{more}; --strict turns warnings into errors")
        if spec_text is not None:
            (staging / "specs").mkdir(parents=True, exist_ok=True)
            (staging / "specs" / f"{name}.yaml").write_bytes(spec_text.encode("utf-8"))
        manifest = read_manifest(config, name)
        settled = release(config, name, spec, manifest, ingested=bool(pages))
        service = replace(config.service(name), version=settled.version)
        out = staging / "generated" / name
        render_service(config, name, spec, out, service=service, changelog=settled.changelog)
        for custom in custom_dirs(service):  # the user's folders: whatever a renderer put there is dropped
            shutil.rmtree(out / custom, ignore_errors=True)
        if settled.changelog is not None:
            out.mkdir(parents=True, exist_ok=True)
            (out / CHANGELOG_NAME).write_bytes(settled.changelog.encode("utf-8"))
        hashes = output_hashes(config, name, staging, ingested=bool(pages))
        record = Manifest(service=name, version=settled.version, inputs=inputs, outputs=hashes,
                          spec=canonical(spec))
        out.mkdir(parents=True, exist_ok=True)
        (out / MANIFEST_NAME).write_bytes(record.to_json().encode("utf-8"))
        outputs.append(ServiceOutput(name=name, spec_text=spec_text, warnings=warnings, version=settled.version,
                                     changes=settled.changes, level=settled.level))
    return outputs


class _Renames:
    """Renames done so far, so a failed swap can be walked back exactly (folders it created removed)."""

    def __init__(self) -> None:
        self.done: list[tuple[Path, Path]] = []
        self.made: list[Path] = []

    def mkdirs(self, folder: Path) -> None:
        missing = []
        while not folder.exists():
            missing.append(folder)
            folder = folder.parent
        for path in reversed(missing):
            path.mkdir()
            self.made.append(path)

    def move(self, src: Path, dst: Path) -> None:
        self.mkdirs(dst.parent)
        src.rename(dst)
        self.done.append((src, dst))

    def undo(self) -> None:
        for src, dst in reversed(self.done):
            if dst.exists() and not src.exists():
                src.parent.mkdir(parents=True, exist_ok=True)
                dst.rename(src)
        for path in reversed(self.made):
            try:
                path.rmdir()
            except OSError:
                pass


def _write_journal(staging: Path, root: Path, moves: list[tuple[Path, Path, list[str]]]) -> None:
    """Write the swap's moves (paths relative to the project) durably, before the first rename."""
    data = {"moves": [[new.relative_to(root).as_posix(), dest.relative_to(root).as_posix(), keep]
                      for new, dest, keep in moves]}
    temporary = staging / (JOURNAL_NAME + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(data, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, staging / JOURNAL_NAME)
    _fsync_dir(staging)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory handles
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _run_moves(root: Path, staging: Path, moves: list[tuple[Path, Path, list[str]]],
               renames: _Renames | None = None) -> None:
    """Do each move `new -> dest` (the old `dest` to `<staging>/.backup/<index>`, the user's `keep` folders
    from the old output into the new) unless it is found done. Every step is one rename whose effect is
    visible, so running this again after a crash at any point finishes exactly the steps still missing."""
    renames = renames or _Renames()
    backup = staging / ".backup"
    for index, (new, dest, keep) in enumerate(moves):
        new, dest = root / new, root / dest
        if not new.exists():
            continue  # moved in already (the journal lists only what staging held)
        old = backup / str(index)
        if dest.exists() and not old.exists():
            renames.move(dest, old)
        for rel in keep:
            if (old / rel).exists() and not (new / rel).exists():
                renames.move(old / rel, new / rel)
        if dest.exists():  # something appeared where the old output was moved away from: keep it aside
            renames.move(dest, backup / f"{index}.unexpected")
        renames.move(new, dest)


def swap_in(config: ProjectConfig, staging: Path, outputs: list[ServiceOutput]) -> None:
    """Move staged files into place by renames; on any failure put back what was there.

    The user's custom folders move from the old output into the new one before the swap, so they are
    never written or deleted. The moves are journalled first (see `recover`).
    """
    moves: list[tuple[Path, Path, list[str]]] = []
    for output in outputs:
        name = output.name
        service = config.service(name)
        if output.spec_text is not None:
            moves.append((staging / "specs" / f"{name}.yaml", config.specs_dir / f"{name}.yaml", []))
        custom = custom_dirs(service)
        for target in service.targets:
            keep = [d[len(target) + 1:] for d in custom if d.startswith(target + "/")]
            moves.append((staging / "generated" / name / target, config.generated_dir / name / target, keep))
        for extra in (CHANGELOG_NAME, MANIFEST_NAME):
            if (staging / "generated" / name / extra).exists():
                moves.append((staging / "generated" / name / extra, config.generated_dir / name / extra, []))
    moves = [move for move in moves if move[0].exists()]  # a target that wrote nothing has no move
    if not moves:
        return
    _write_journal(staging, config.root, moves)
    renames = _Renames()
    try:
        _run_moves(config.root, staging, moves, renames)
    except OSError as error:
        try:
            renames.undo()
        except OSError:
            pass  # the journal stays, and with it the backups: the next build finishes the swap
        else:
            (staging / JOURNAL_NAME).unlink()  # walked back: nothing for `recover` to finish
        raise ApigenError(f"could not move output into place: {error}", file=error.filename) from None
    (staging / JOURNAL_NAME).unlink()


def unknown_services(config: ProjectConfig, names: Iterable[str]) -> list[str]:
    known = set(config.service_names())
    return [name for name in names if name not in known]


def plan(config: ProjectConfig, names: list[str] | None = None, force: bool = False
         ) -> tuple[list[str], list[str]]:
    """(services to build, services already up to date), from manifests alone: no heavy imports."""
    names = names or config.service_names()
    unknown = unknown_services(config, names)
    if unknown:
        raise ApigenError(f"unknown service(s) {', '.join(unknown)}; known: {', '.join(config.service_names())}",
                          file=config.root)
    if force:
        return list(names), []
    todo: list[str] = []
    fresh: list[str] = []
    for name in names:
        (fresh if status(config, name, source_pages(config, name)).up_to_date else todo).append(name)
    return todo, fresh


def build(config: ProjectConfig, names: list[str] | None = None, force: bool = False,
          strict: bool = False) -> list[ServiceOutput]:
    """Build the named services (default: all) whose inputs or outputs changed since their manifest
    (every one with `force`); nothing on disk changes unless all of them succeed."""
    with project_lock(config):
        todo, fresh = plan(config, names, force)
        outputs = [ServiceOutput(name=name, spec_text=None, skipped=True) for name in fresh]
        if todo:
            with staging_dir(config) as staging:
                built = stage(config, todo, staging, strict=strict)
                swap_in(config, staging, built)
            outputs += built
    order = {name: index for index, name in enumerate(names or config.service_names())}
    return sorted(outputs, key=lambda o: order.get(o.name, len(order)))
