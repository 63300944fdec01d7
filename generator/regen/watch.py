"""`apigen watch`: rebuild the services a save affects, keep watching through errors.

Watched: `specs/` (doc pages under `specs/sources/<service>/` and hand-written `specs/<service>.yaml`),
the project's `templates/`, the template override folder and `apigen.yaml`. A page change rebuilds its
service; a template or apigen.yaml change rebuilds every service (the incremental build then skips the
ones whose inputs did not really change). A failing build prints its one-line error and leaves the
previous output in place (builds are all or nothing); the watcher keeps going.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from generator.build import SOURCE_META_FILES, build, source_pages
from generator.config import CONFIG_FILE, ProjectConfig, load_config
from generator.errors import ApigenError
from generator.paths import BUILTIN_TEMPLATES
from generator.runtime import RUNTIME_DIR

Printer = Callable[[str], None]


def watched_paths(config: ProjectConfig) -> list[Path]:
    """Folders and files to watch that exist now (watchfiles needs existing paths)."""
    candidates = [config.specs_dir, config.templates_dir, BUILTIN_TEMPLATES, RUNTIME_DIR, config.root / CONFIG_FILE]
    if config.templates_override is not None:
        candidates.append(config.templates_override)
    seen: list[Path] = []
    for path in candidates:
        resolved = path.resolve()
        if resolved.exists() and resolved not in seen:
            seen.append(resolved)
    return seen


def _under(path: Path, folder: Path | None) -> Path | None:
    if folder is None:
        return None
    try:
        return path.relative_to(folder.resolve())
    except ValueError:
        return None


def affected_services(config: ProjectConfig, changed: Iterable[str]) -> list[str]:
    """The services a set of changed paths affects (sorted); empty when only bookkeeping files moved."""
    every = config.service_names()
    names: set[str] = set()
    for raw in changed:
        path = Path(raw).resolve()
        if path.name.startswith(".") or path.name.endswith((".part", "~", ".swp", ".tmp", ".pyc")):
            continue  # editor and fetch scratch files, Python's bytecode (generator/runtime/ is watched)
        if path == (config.root / CONFIG_FILE).resolve():
            return every
        source = _under(path, config.sources_dir)
        if source is not None:
            if len(source.parts) >= 2 and path.name not in SOURCE_META_FILES:
                names.add(source.parts[0])
            continue
        spec = _under(path, config.specs_dir)
        if spec is not None:
            name = path.stem
            # specs/<name>.yaml of a service with doc pages is build output, not input: ignore it
            if len(spec.parts) == 1 and path.suffix == ".yaml" and not source_pages(config, name):
                names.add(name)
            continue
        for folder in (config.templates_dir, BUILTIN_TEMPLATES, RUNTIME_DIR, config.templates_override):
            if _under(path, folder) is not None:
                return every
    return sorted(n for n in names if n in every or (config.sources_dir / n).is_dir())


def rebuild(config: ProjectConfig, names: list[str], say: Printer) -> bool:
    """One incremental build; errors are printed, never raised (the watcher must survive them)."""
    try:
        from generator.cli.build import describe

        for output in build(config, names):
            for warning in output.warnings:
                say(f"warning: {warning}")
            say(describe(output))
        return True
    except ApigenError as error:
        say(f"error: {error} (previous output kept)")
    except Exception as error:  # noqa: BLE001 - a bug in one stage must not stop the watcher
        say(f"error: internal error while building {', '.join(names)}: {type(error).__name__}: {error} "
            "(previous output kept)")
    return False


def warm_up(config: ProjectConfig, say: Printer) -> None:
    """Import ingest, the validator and every configured renderer now, so the first save after start-up
    rebuilds within a second instead of paying a few seconds of imports."""
    import importlib

    from generator.render import TARGETS

    targets = sorted({t for name in config.service_names() for t in config.service(name).targets})
    modules = ["generator.ingest", "generator.openapi.validate", "openapi_spec_validator",
               *(TARGETS[t] for t in targets if t in TARGETS)]
    for module in modules:
        try:
            importlib.import_module(module)
        except Exception as error:  # noqa: BLE001 - a broken module is reported by the build that needs it
            say(f"warning: could not preload {module}: {type(error).__name__}: {error}")


def watch_project(root: Path | None, templates: Path | None = None, stop: threading.Event | None = None,
                  max_builds: int = 0, say: Printer = print, debounce_ms: int = 100) -> int:
    """Watch until `stop` is set, Ctrl-C, or `max_builds` rebuilds (0: no limit); returns the rebuild count.

    An initial incremental build runs once the watcher is listening, so a save made meanwhile is not lost.
    """
    import watchfiles

    config = load_config(root, templates=templates)
    stop = stop or threading.Event()
    builds = 0
    ready = False
    for changes in watchfiles.watch(*watched_paths(config), stop_event=stop, debounce=debounce_ms, step=50,
                                    rust_timeout=200, yield_on_timeout=True, raise_interrupt=False):
        if not ready:
            ready = True
            say(f"watching {', '.join(str(p) for p in watched_paths(config))}")
            rebuild(config, [], say)
            warm_up(config, say)
            if not changes:
                continue
        if not changes:
            continue
        try:
            config = load_config(root, templates=templates)  # apigen.yaml may have changed
        except ApigenError as error:
            say(f"error: {error}")
            continue
        names = affected_services(config, (path for _, path in changes))
        if not names:
            continue
        say(f"changed: {', '.join(names)}")
        rebuild(config, names, say)
        builds += 1
        if max_builds and builds >= max_builds:
            break
    return builds
