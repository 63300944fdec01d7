"""SDK version numbers: parse, compare and bump `MAJOR.MINOR.PATCH` (major on breaking API changes)."""

from __future__ import annotations

import re

from generator.errors import ApigenError

_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def parse_version(text: str, source: str = "apigen.yaml") -> tuple[int, int, int]:
    """`1.2.3` as a tuple; anything else is a user error naming where the version came from."""
    match = _SEMVER.match(str(text).strip())
    if not match:
        raise ApigenError(f"version {text!r} is not MAJOR.MINOR.PATCH", file=source)
    return int(match[1]), int(match[2]), int(match[3])


def bump(version: str, level: str, source: str = "apigen.yaml") -> str:
    """The next version for a `major`, `minor` or `patch` change."""
    major, minor, patch = parse_version(version, source)
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    if level == "patch":
        return f"{major}.{minor}.{patch + 1}"
    raise ValueError(f"unknown bump level {level!r}")


def newer(a: str, b: str, source: str = "apigen.yaml") -> str:
    """The higher of two versions (apigen.yaml may be raised by hand past the persisted one)."""
    return a if parse_version(a, source) >= parse_version(b, source) else b
