"""Project configuration: where specs, templates and output live, and per-service options.

Read from `apigen.yaml` at the project root (the folder holding `specs/`). Every key is optional:

    templates: my-templates          # overrides any file of templates/ by name
    services:
      fal-relay:
        package: fal_relay            # import name of the generated SDK
        version: 0.1.0                # SDK version (bumped by `apigen build` on API changes)
        targets: [python, mock, docs]
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import ApigenError

CONFIG_FILE = "apigen.yaml"
ALL_TARGETS = ("python", "mock", "docs")


def package_name(service: str) -> str:
    """A valid Python import name for a service, even when its name starts with a digit or holds dashes."""
    from generator.render.naming import package_identifier

    name = re.sub(r"[^0-9a-zA-Z]+", "_", service).strip("_").lower() or "api"
    if name[0].isdigit():
        name = "api_" + name
    return package_identifier(name)  # not `calendar`, `httpx`, `con`: see naming.SHADOWED_PACKAGES


def env_prefix(service: str) -> str:
    """`<SERVICE>` in `<SERVICE>_API_KEY`: upper-cased, non-alphanumerics as `_`."""
    return re.sub(r"[^0-9A-Za-z]", "_", service).upper()


# A service name becomes a folder (generated/<name>/, specs/<name>.yaml): one plain path segment, never
# `..`, a separator or a hidden name. A package name becomes a folder and an import: a Python identifier.
_SERVICE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_PACKAGE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,99}")


def service_name_problem(name: str) -> str | None:
    """Why `name` cannot name a service (a folder under generated/), or None when it can."""
    if not _SERVICE_NAME.fullmatch(name) or ".." in name:
        return (f"service name {name!r} is not one plain folder name (letters, digits, `.`, `_`, `-`; "
                "starting with a letter or digit; at most 100 characters)")
    return None


def package_problem(package: str) -> str | None:
    """Why `package` cannot be the SDK's import name (it is also a folder of the output), or None."""
    from generator.render.naming import package_identifier

    if not _PACKAGE_NAME.fullmatch(package) or keyword.iskeyword(package):
        return (f"package {package!r} is not a Python import name (ASCII letters, digits and `_`, not "
                "starting with a digit, not a keyword, at most 100 characters)")
    if package_identifier(package) != package:
        # Installed, it would be hidden by the module of that name; run from its folder, it would hide that
        # module from everything importing it (`http.cookiejar` imports `calendar`).
        return (f"package {package!r} would clash with the standard-library module, SDK dependency or Windows "
                f"device name {package!r}; choose another import name, such as {package_identifier(package)!r}")
    return None


@dataclass(frozen=True)
class ServiceConfig:
    """Options for one service; defaults derive from its name."""

    name: str
    package: str
    version: str = "0.1.0"
    targets: tuple[str, ...] = ALL_TARGETS

    def __post_init__(self) -> None:
        # the package is a folder of every SDK output (apigen.yaml, `--package`); the service name becomes a
        # folder only in a project (generated/<name>/), so `load_config` and `service_names` check that
        problem = package_problem(self.package)
        if problem:
            raise ApigenError(problem)

    @property
    def env_prefix(self) -> str:
        return env_prefix(self.name)


@dataclass
class ProjectConfig:
    """Where things live, plus per-service options. Build one with `load_config`."""

    root: Path
    templates_override: Path | None = None
    services: dict[str, ServiceConfig] = field(default_factory=dict)

    @property
    def specs_dir(self) -> Path:
        return self.root / "specs"

    @property
    def sources_dir(self) -> Path:
        return self.root / "specs" / "sources"

    @property
    def generated_dir(self) -> Path:
        return self.root / "generated"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    def service(self, name: str) -> ServiceConfig:
        return self.services.get(name) or ServiceConfig(name=name, package=package_name(name))

    def service_names(self) -> list[str]:
        """Every service: a folder under specs/sources/ or a spec file directly under specs/."""
        names = set(self.services)
        found: list[Path] = []
        if self.sources_dir.is_dir():
            found += [p for p in self.sources_dir.iterdir() if p.is_dir() and not p.name.startswith(".")]
        if self.specs_dir.is_dir():
            found += list(self.specs_dir.glob("*.yaml"))
        for path in found:
            name = path.stem if path.suffix == ".yaml" else path.name
            problem = service_name_problem(name)
            if problem:
                raise ApigenError(problem, file=path)
            names.add(name)
        return sorted(names)


def find_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` holding apigen.yaml or specs/; else `start` itself."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / CONFIG_FILE).is_file() or (candidate / "specs").is_dir():
            return candidate
    return here


def load_config(root: Path | None = None, templates: Path | None = None) -> ProjectConfig:
    """Read apigen.yaml (if any) under `root`; `templates` (a CLI option) wins over the file's setting."""
    import yaml

    root = (root or find_root()).resolve()
    path = root / CONFIG_FILE
    data: dict[str, Any] = {}
    if path.is_file():
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            raise ApigenError(f"not valid YAML: {error}", file=path) from None
        if not isinstance(data, dict):
            raise ApigenError("expected a mapping at the top level", file=path)
    override = templates or (root / data["templates"] if data.get("templates") else None)
    services: dict[str, ServiceConfig] = {}
    for name, options in (data.get("services") or {}).items():
        options = options or {}
        problem = service_name_problem(str(name))
        if problem:
            raise ApigenError(problem, file=path, where="services")
        if not isinstance(options, dict):
            raise ApigenError("expected a mapping of options", file=path, where=f"services.{name}")
        targets = tuple(options.get("targets") or ALL_TARGETS)
        unknown = [t for t in targets if t not in ALL_TARGETS]
        if unknown:
            raise ApigenError(f"unknown target(s) {unknown}; known: {list(ALL_TARGETS)}", file=path,
                              where=f"services.{name}.targets")
        package = str(options.get("package") or package_name(str(name)))
        problem = package_problem(package)
        if problem:
            raise ApigenError(problem, file=path, where=f"services.{name}.package")
        services[str(name)] = ServiceConfig(
            name=str(name),
            package=package,
            version=str(options.get("version") or "0.1.0"),
            targets=targets,
        )
    return ProjectConfig(root=root, templates_override=Path(override) if override else None, services=services)
