"""The runtime every generated SDK and mock server ships: ordinary Python, copied into each tree as it is.

`python/` holds the SDK's service-independent modules (`_base.py`: requests, auth, retries, parsing;
`_errors.py`; `_queue.py`: the fal queue helpers; `_model.py`), `mock/` the mock engine that both the mock
server and the SDK's testing helper drive. They use relative imports only and never import apigen, so a
generated package stays self-contained; what varies per service lives in the templates that import them.
Being source, they are linted, type-checked (`mypy --strict`) and unit-tested here once (tests/runtime/),
instead of once per rendered service. Nothing here is imported by apigen itself: renderers read the files.
"""

from __future__ import annotations

from pathlib import Path

RUNTIME_DIR = Path(__file__).resolve().parent
PYTHON_DIR = RUNTIME_DIR / "python"
MOCK_DIR = RUNTIME_DIR / "mock"


def source(relative: str) -> str:
    """The text of one runtime file (`python/_base.py`, `mock/mock_engine.py`), to copy byte for byte."""
    return (RUNTIME_DIR / relative).read_text(encoding="utf-8")
