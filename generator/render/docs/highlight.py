"""Syntax highlighting of the HTML reference's code blocks, done once at render time with Pygments.

The page stays one self-contained file that needs no script to look right: each block is escaped HTML
with `<span class="...">` around tokens (Pygments' short class names, themed by style.css). Markdown
pages keep plain fenced blocks; GitHub and editors highlight those themselves.
"""

from __future__ import annotations

from functools import cache

from markupsafe import Markup, escape
from pygments import highlight as pygments_highlight  # type: ignore[import-untyped]
from pygments.formatters import HtmlFormatter  # type: ignore[import-untyped]
from pygments.lexer import Lexer  # type: ignore[import-untyped]
from pygments.lexers import BashLexer, JsonLexer, PythonLexer  # type: ignore[import-untyped]

LANGUAGES = {"python": PythonLexer, "py": PythonLexer, "sh": BashLexer, "bash": BashLexer, "shell": BashLexer,
             "json": JsonLexer}


@cache
def _lexer(lang: str) -> Lexer | None:
    factory = LANGUAGES.get(lang)
    return factory(stripnl=False, ensurenl=False) if factory is not None else None


@cache
def _formatter() -> HtmlFormatter:
    return HtmlFormatter(nowrap=True)


def highlight(code: object, lang: str = "") -> Markup:
    """`code` as HTML for inside `<pre><code>`: tokens in spans when the language is known, else escaped.
    The text content is `code` exactly (tests compare it with the Markdown examples byte for byte)."""
    text = str(code if code is not None else "")
    lexer = _lexer(lang)
    if lexer is None or not text:
        return Markup(escape(text))
    html = str(pygments_highlight(text, lexer, _formatter()))
    if not text.endswith("\n") and html.endswith("\n"):
        html = html[:-1]
    return Markup(html)


def markdown_highlight(code: str, lang: str, _attrs: object) -> str:
    """The `highlight` hook of markdown-it: fenced blocks of the queue flow highlighted like the rest."""
    return str(highlight(code, lang.strip().split(" ")[0] if lang else ""))
