"""One error type for every user-facing failure, so the CLI can print one clear line and exit non-zero."""

from __future__ import annotations

from pathlib import Path


class ApigenError(Exception):
    """A problem with the user's input: names the file, the place (line or JSON pointer) and what is wrong."""

    def __init__(self, message: str, file: str | Path | None = None, line: int | None = None,
                 where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.where = where

    def __str__(self) -> str:
        place = ""
        if self.file:
            place = self.file
            if self.line is not None:
                place += f":{self.line}"
            place += ": "
        where = f"at {self.where}: " if self.where else ""
        return f"{place}{where}{self.message}"
