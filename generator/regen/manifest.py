"""Build manifests: what went into a service's last build and what it wrote, as content hashes.

`generated/<service>/.apigen-manifest.json` records

- `inputs`: one digest per input (each doc page or the hand-written spec, the templates a target reads,
  including the user's override folder, the runtime files copied into generated trees (generator/runtime/),
  the service's apigen.yaml options, apigen's version and the fingerprint of apigen's own source code),
  so a build can tell that nothing changed without importing jinja2, pydantic or the validator;
- `outputs`: the hash of every file the build wrote (the spec when it is ingested, every generated file,
  CHANGELOG.md), so `apigen check` can name files edited by hand;
- `version`: the SDK version that build rendered (bumped on API changes), and `spec`: the normalized spec
  it rendered, the baseline for the next build's changelog entry.

Files under a `custom/` folder (see `custom_dirs`) are the user's: never hashed, written or deleted.
Files a build did not write that are tool leftovers (`pip install generated/<service>/python` leaves
`build/` and `*.egg-info`; Python, mypy, pytest and ruff leave caches) or that git ignores are not output
either: `not_output` drops them before anything calls them stale.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import generator
from generator.config import ProjectConfig, ServiceConfig
from generator.paths import BUILTIN_TEMPLATES, PACKAGE_DIR
from generator.runtime import RUNTIME_DIR

MANIFEST_NAME = ".apigen-manifest.json"
CHANGELOG_NAME = "CHANGELOG.md"
CUSTOM_DIR = "custom"
FORMAT = 1


# Folders tools create anywhere inside a generated tree, and the ones an in-tree `pip install` / `python -m
# build` leaves at the top of the SDK folder (generated/<service>/python/).
ARTIFACT_DIRS = frozenset({"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".hypothesis", ".tox",
                           ".nox", ".venv", ".eggs", ".ipynb_checkpoints"})
BUILD_DIRS = frozenset({"build", "dist"})
ARTIFACT_SUFFIXES = (".pyc", ".pyo")
ARTIFACT_NAMES = frozenset({".DS_Store", "Thumbs.db"})


def is_artifact(rel: str) -> bool:
    """Whether `generated/<service>/<target>/...` is a tool's leftover (cache, in-tree build), by name."""
    parts = rel.split("/")
    inside = parts[3:] if len(parts) > 3 and parts[0] == "generated" else parts
    if not inside:
        return False
    folders, name = inside[:-1], inside[-1]
    if any(part in ARTIFACT_DIRS or part.endswith(".egg-info") for part in folders):
        return True
    if folders and folders[0] in BUILD_DIRS and len(parts) > 2 and parts[2] == "python":
        return True
    return name in ARTIFACT_NAMES or name.endswith(ARTIFACT_SUFFIXES)


def git_ignored(root: Path, rels: list[str]) -> set[str]:
    """The paths (relative to `root`) that git ignores; none when `root` is not in a git work tree or git
    is missing. Tracked files are never ignored, as git itself says."""
    if not rels:
        return set()
    try:
        result = subprocess.run(["git", "-C", str(root), "check-ignore", "-z", "--stdin"], check=False,
                                input="\0".join(rels).encode("utf-8"), capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return set()
    if result.returncode not in (0, 1):  # 128: not a git repository
        return set()
    return {p for p in result.stdout.decode("utf-8", "replace").split("\0") if p}


def not_output(root: Path, rels: list[str]) -> set[str]:
    """Which of these files (found in generated folders, written by no build) are leftovers to ignore."""
    artifacts = {rel for rel in rels if is_artifact(rel)}
    return artifacts | git_ignored(root, [rel for rel in rels if rel not in artifacts])


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def text_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_path(config: ProjectConfig, name: str) -> Path:
    return config.generated_dir / name / MANIFEST_NAME


def custom_dirs(service: ServiceConfig) -> list[str]:
    """Folders (relative to generated/<service>/) that belong to the user: `<target>/custom/` for every
    target, and `python/<package>/custom/` inside the SDK package so hand-written code can be imported
    as `<package>.custom`."""
    dirs = [f"{target}/{CUSTOM_DIR}" for target in service.targets]
    if "python" in service.targets:
        dirs.append(f"python/{service.package}/{CUSTOM_DIR}")
    return sorted(dirs)


def is_custom(rel: str, custom: list[str]) -> bool:
    return any(rel == d or rel.startswith(d + "/") for d in custom)


def tree_files(folder: Path, prefix: str, custom: list[str]) -> dict[str, Path]:
    """`{prefix/relative path: path}` of every file under `folder`, custom folders left out."""
    if not folder.is_dir():
        return {}
    found: dict[str, Path] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            rel = f"{prefix}/{path.relative_to(folder).as_posix()}"
            if not is_custom(rel, custom):
                found[rel] = path
    return found


# Modules that never shape build output (fetch, watch, git access): editing them invalidates nothing.
_NOT_OUTPUT_CODE = {"regen/fetch.py", "regen/html_text.py", "regen/watch.py", "regen/git_specs.py",
                    "regen/download.py", "regen/discover.py", "regen/fetch_sources.py", "regen/fetch_state.py"}


@cache
def code_fingerprint() -> str:
    """Digest of apigen's own modules that shape output (everything but the CLI verbs), so a changed
    renderer or ingester invalidates every manifest even when the version number stays the same."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        rel = path.relative_to(PACKAGE_DIR).as_posix()
        if rel.startswith(("cli/", "runtime/")) or rel in _NOT_OUTPUT_CODE or "__pycache__" in rel:
            continue
        digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _template_digest(folder: Path | None, targets: tuple[str, ...]) -> str:
    """Digest of the template files a service's targets may read: `<target>/...` and shared files."""
    digest = hashlib.sha256()
    if folder is not None and folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            rel = path.relative_to(folder).as_posix()
            first = rel.split("/", 1)[0]
            if "/" in rel and first in ("python", "mock", "docs") and first not in targets:
                continue
            digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def input_digests(config: ProjectConfig, name: str, pages: list[Path]) -> dict[str, str]:
    """Every input of one service's build, each as a digest (keys are stable, relative names)."""
    service = config.service(name)
    inputs: dict[str, str] = {}
    if pages:
        for page in pages:
            inputs[page.relative_to(config.root).as_posix()] = file_hash(page)
    else:
        spec = config.specs_dir / f"{name}.yaml"
        inputs[f"specs/{name}.yaml"] = file_hash(spec) if spec.is_file() else "missing"
    options = {"package": service.package, "version": service.version, "targets": list(service.targets)}
    inputs["apigen.yaml options"] = text_hash(json.dumps(options, sort_keys=True).encode())
    inputs["apigen version"] = generator.__version__
    inputs["apigen code"] = code_fingerprint()
    inputs["templates"] = _template_digest(BUILTIN_TEMPLATES, service.targets)
    # read from disk at render time, like templates (so never cached); the SDK ships the mock engine too
    inputs["runtime"] = _template_digest(RUNTIME_DIR, ("python", "mock"))
    inputs["templates override"] = _template_digest(config.templates_override, service.targets) \
        if config.templates_override is not None else "none"
    return inputs


@dataclass
class Manifest:
    """The parsed manifest file of one service."""

    service: str
    version: str
    inputs: dict[str, str]
    outputs: dict[str, str]
    spec: dict[str, Any] | None = None

    def to_json(self) -> str:
        data = {"format": FORMAT, "service": self.service, "version": self.version, "inputs": self.inputs,
                "outputs": self.outputs, "spec": self.spec}
        return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def read_manifest(config: ProjectConfig, name: str) -> Manifest | None:
    """The last build's manifest, or None when there is none or it is unreadable (then: rebuild)."""
    path = manifest_path(config, name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    try:
        return Manifest(service=str(data["service"]), version=str(data["version"]), inputs=dict(data["inputs"]),
                        outputs=dict(data["outputs"]), spec=data.get("spec"))
    except (KeyError, TypeError, ValueError):
        return None


def output_files(config: ProjectConfig, name: str, base: Path, ingested: bool) -> dict[str, Path]:
    """Files a build of `name` owns under `base` (the project root, or a staging folder mirroring it)."""
    service = config.service(name)
    custom = custom_dirs(service)
    files: dict[str, Path] = {}
    if ingested:
        spec = base / "specs" / f"{name}.yaml"
        if spec.is_file():
            files[f"specs/{name}.yaml"] = spec
    changelog = base / "generated" / name / CHANGELOG_NAME
    if changelog.is_file():
        files[f"generated/{name}/{CHANGELOG_NAME}"] = changelog
    for target in service.targets:
        for rel, path in tree_files(base / "generated" / name / target, target, custom).items():
            files[f"generated/{name}/{rel}"] = path
    return files


def output_hashes(config: ProjectConfig, name: str, base: Path, ingested: bool) -> dict[str, str]:
    return {rel: file_hash(path) for rel, path in output_files(config, name, base, ingested).items()}


@dataclass
class Status:
    """How the files on disk compare with a service's manifest."""

    name: str
    manifest: Manifest | None
    inputs_changed: list[str] = field(default_factory=list)  # input names whose digest differs
    edited: list[str] = field(default_factory=list)  # outputs whose bytes differ from what apigen wrote
    missing: list[str] = field(default_factory=list)  # outputs apigen wrote that are gone
    extra: list[str] = field(default_factory=list)  # files in generated folders apigen did not write

    @property
    def inputs_match(self) -> bool:
        return self.manifest is not None and not self.inputs_changed

    @property
    def outputs_match(self) -> bool:
        return self.manifest is not None and not (self.edited or self.missing or self.extra)

    @property
    def up_to_date(self) -> bool:
        return self.inputs_match and self.outputs_match


def status(config: ProjectConfig, name: str, pages: list[Path]) -> Status:
    """Compare one service's inputs and outputs on disk with its manifest (hashing only, no rendering)."""
    manifest = read_manifest(config, name)
    result = Status(name=name, manifest=manifest)
    if manifest is None:
        return result
    inputs = input_digests(config, name, pages)
    result.inputs_changed = sorted(k for k in set(inputs) | set(manifest.inputs)
                                   if inputs.get(k) != manifest.inputs.get(k))
    on_disk = output_files(config, name, config.root, ingested=bool(pages))
    for rel, digest in sorted(manifest.outputs.items()):
        path = on_disk.get(rel)
        if path is None:
            result.missing.append(rel)
        elif file_hash(path) != digest:
            result.edited.append(rel)
    extra = [rel for rel in on_disk if rel not in manifest.outputs]
    ignore = not_output(config.root, extra)
    result.extra = sorted(rel for rel in extra if rel not in ignore)
    return result
