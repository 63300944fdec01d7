"""Rendering and comparing the golden-record cases (see test_golden_record.py for what they are for).

A case is one hand-written spec `specs/<case>.yaml`; its record is `expected/<case>/`: every file the
three renderers write for it (python/, mock/, docs/) except the runtime, which is the same for every
service and is checked as source, and the SDK testing helper's copies of mock/ files. `runtime.txt` lists
the files left out that the case got, so a change in which ones a service ships (the queue helper, say)
still shows in the record.
"""

from __future__ import annotations

import difflib
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.config import ServiceConfig, package_name
from generator.openapi import load_spec
from generator.render import RenderContext, renderer

HERE = Path(__file__).resolve().parent
SPECS = HERE / "specs"
EXPECTED = HERE / "expected"
TARGETS = ("python", "mock", "docs")
RUNTIME_LIST = "runtime.txt"

# Files written for every service with the same text up to the package name (test_golden_record checks
# that): the SDK's runtime, the mock's engine and server, and the SDK's testing helper. (_errors.py names
# the API in its docstring no more: it is copied from generator/runtime like the others.) Case names are words no runtime file contains, so putting
# `{package}` back for the package name touches nothing else.
RUNTIME = (
    "python/{package}/_base.py",
    "python/{package}/_errors.py",
    "python/{package}/_model.py",
    "python/{package}/_queue.py",
    "python/{package}/_webhooks.py",
    "python/{package}/testing.py",
    "mock/mock_engine.py",
    "mock/app.py",
    "mock/__main__.py",
)
# The testing helper's copies of mock/ files (checked equal to them, recorded once, under mock/).
COPIES = {
    "python/{package}/_mock_engine.py": "mock/mock_engine.py",
    "python/{package}/_mock_spec.json": "mock/spec.json",
    "python/{package}/_mock_fixtures.json": "mock/fixtures.json",
}


def cases() -> list[str]:
    return sorted(p.stem for p in SPECS.glob("*.yaml"))


@dataclass
class Output:
    """What the renderers wrote for one case, split into the recorded files and the runtime."""

    case: str
    package: str
    root: Path

    def files(self) -> dict[str, bytes]:
        return {p.relative_to(self.root).as_posix(): p.read_bytes()
                for p in sorted(self.root.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}

    def copies(self) -> dict[str, str]:
        """The testing helper's copies of mock files: copy's path -> original's path."""
        return {copy.format(package=self.package): original for copy, original in COPIES.items()}

    def record(self) -> dict[str, bytes]:
        """The files the golden record holds: everything but the runtime and the copies, plus the list of
        both that this case got."""
        files = self.files()
        left_out = {path.format(package=self.package) for path in RUNTIME} | self.copies().keys()
        recorded = {path: content for path, content in files.items() if path not in left_out}
        recorded[RUNTIME_LIST] = "".join(f"{path}\n" for path in sorted(left_out & files.keys())).encode()
        return recorded

    def runtime(self) -> dict[str, bytes]:
        """Runtime files by their path with `{package}` in it, the package name in the text put back too."""
        files = self.files()
        return {template: files[path].replace(self.package.encode(), b"{package}")
                for template in RUNTIME if (path := template.format(package=self.package)) in files}


def render_case(case: str, out: Path) -> Output:
    """Render every target of `specs/<case>.yaml` into `out`, as `apigen build` would for a service of that name."""
    service = ServiceConfig(name=case, package=package_name(case))
    context = RenderContext(service=service)
    spec = load_spec(SPECS / f"{case}.yaml")
    for target in TARGETS:
        renderer(target)(spec, context, out / target)
    return Output(case, service.package, out)


def read_record(case: str) -> dict[str, bytes]:
    folder = EXPECTED / case
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def write_record(case: str, record: dict[str, bytes]) -> None:
    folder = EXPECTED / case
    shutil.rmtree(folder, ignore_errors=True)
    for path, content in record.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(content)


def differences(case: str, expected: dict[str, bytes], produced: dict[str, bytes], limit: int = 120) -> str:
    """A readable account of how `produced` differs from the record: missing and new files, and a unified
    diff of each changed file (at most `limit` lines per file). Empty when they are the same."""
    lines: list[str] = []
    for path in sorted(expected.keys() - produced.keys()):
        lines.append(f"no longer written: {case}/{path}")
    for path in sorted(produced.keys() - expected.keys()):
        lines.append(f"not in the record: {case}/{path}")
    for path in sorted(expected.keys() & produced.keys()):
        if expected[path] == produced[path]:
            continue
        old = expected[path].decode("utf-8", "replace").splitlines(keepends=True)
        new = produced[path].decode("utf-8", "replace").splitlines(keepends=True)
        diff = list(difflib.unified_diff(old, new, f"expected/{case}/{path}", f"rendered/{case}/{path}", n=2))
        if len(diff) > limit:
            diff = [*diff[:limit], f"... {len(diff) - limit} more diff lines\n"]
        lines.append("".join(diff).rstrip("\n") or f"changed (only in line endings or bytes): {case}/{path}")
    return "\n".join(lines)
