"""Reading a user's input file as text, with the one-line errors every stage reports the same way."""

from __future__ import annotations

from pathlib import Path

from generator.errors import ApigenError


def read_text(path: Path, source: str | Path | None = None, kind: str = "text file") -> str:
    """The file's UTF-8 text (BOM dropped); ApigenError for an unreadable, empty, binary or non-UTF-8 file.

    `source` is the name errors give (default: the path); `kind` says what a binary file was expected to be.
    """
    name = source if source is not None else path
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ApigenError(f"cannot read: {error.strerror}", file=name) from None
    if not raw.strip():
        raise ApigenError("file is empty", file=name)
    if b"\x00" in raw[:8192]:
        raise ApigenError(f"binary file, not a {kind}", file=name)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ApigenError(f"not UTF-8 text (byte {error.start})", file=name, line=line) from None
