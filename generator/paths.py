"""Where apigen's own files are, installed from a wheel or run from a checkout of its repository.

A wheel carries the templates inside the package (`generator/_templates/`, mapped from the repository's
top-level `templates/` by setup.py); a checkout (or an editable install) reads `templates/` beside the
package. Nothing here imports more than pathlib: `apigen check` must start fast.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def builtin_templates() -> Path:
    """The built-in templates folder: the packaged copy when installed, else the repository's."""
    packaged = PACKAGE_DIR / "_templates"
    return packaged if packaged.is_dir() else PACKAGE_DIR.parent / "templates"


BUILTIN_TEMPLATES = builtin_templates()
