"""What every part of the SDK plan reads off an operation the same way: its doc text, made safe to place in
source (`clean_text`), and the media type it uses (`pick_content`). A module of its own so the plan and the
webhooks planner (`webhooks.py`, which the plan calls) share them without importing each other."""

from __future__ import annotations

import re
from typing import Any

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_text(value: Any) -> str:
    """Doc text with control characters (other than newlines and tabs) dropped and ends trimmed."""
    return _CONTROL.sub("", str(value or "").replace("\r\n", "\n").replace("\r", "\n")).strip()


def pick_content(content: dict[str, Any]) -> tuple[str, Any] | None:
    """The media type a request or response uses: JSON first, then forms, then anything."""
    if not content:
        return None
    keys = list(content)
    for want in ("application/json", "multipart/form-data", "application/x-www-form-urlencoded"):
        for key in keys:
            if key.split(";")[0].strip().lower() == want:
                return key, content[key]
    for key in keys:
        if "json" in key.lower():
            return key, content[key]
    return keys[0], content[keys[0]]
