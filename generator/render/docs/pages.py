"""Reference docs renderer: `generated/<service>/docs/` with README.md, one page per operation and one
self-contained index.html.

The Markdown and the HTML are rendered from the same `ServiceDoc` (`model`) so they never disagree.
Markdown templates escape untrusted text with the `text` filters; the HTML template relies on
Jinja2 autoescape, and the only Markdown turned into HTML (queue flow, changelog) goes through
markdown-it-py with raw HTML disabled.
"""

from __future__ import annotations

from pathlib import Path
from shlex import quote as shell_word
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from generator.render import Commands, RenderContext
from generator.render.docs import text
from generator.render.docs.examples import shell_single
from generator.render.docs.highlight import highlight, markdown_highlight
from generator.render.docs.model import OperationDoc, ParamRow, ServiceDoc, service_doc
from generator.render.docs.snippets import add_examples
from generator.render.templates import environment, write_text


def _markdown_env(override: Path | None) -> jinja2.Environment:
    env = environment(override, autoescape=False)
    env.filters.update(md_inline=text.md_inline, md_line=text.md_line, md_text=text.md_text, md_cell=text.md_cell,
                       md_code=text.md_code, md_span=text.md_span, field_notes=field_notes, md_url=text.md_url, fence=text.fence)
    return env


def field_notes(row: ParamRow) -> str:
    """A field's description with its default, range and allowed values, for one Markdown table cell."""
    notes = [row.description.strip()] if row.description.strip() else []
    if row.default:
        notes.append(f"Default: {row.default}.")
    if row.range:
        notes.append(f"Range: {row.range}.")
    if row.enum:
        notes.append(f"One of: {row.enum}.")
    return " ".join(notes)


def _html_env(override: Path | None) -> jinja2.Environment:
    env = environment(override, autoescape=True)
    env.filters.update(html_paragraphs=lambda v: Markup(text.html_paragraphs(v)), is_web_url=text.is_web_url,
                       highlight=highlight)
    return env


def _quickstart(doc: ServiceDoc) -> OperationDoc | None:
    """The operation the quickstart shows: the first ordinary one, else the first queued one."""
    plain = [op for op in doc.operations if not op.queue_role and not op.queue]
    candidates = plain or doc.queue_operations or doc.operations
    return candidates[0] if candidates else None


def _environment_setup(doc: ServiceDoc, mock_target: str) -> str:
    """The `export` lines of the quickstart, with the mock server as the offline alternative."""
    env = doc.env_prefix
    server = doc.servers[0].url if doc.servers else ""
    path = urlsplit(server).path.rstrip("/") if "://" in server else ""
    mock = f"http://127.0.0.1:8000{path}"
    lines = [f'export {env}_API_KEY="your-api-key"']
    if server:
        lines.append(f"export {env}_BASE_URL={shell_single(server)}  # optional: the default server")
        lines += ["# or try it offline against the mock server:",
                  f"#   apigen mock {mock_target} --port 8000 &",
                  f"#   export {env}_BASE_URL={mock}"]
    else:
        lines.append(f"export {env}_BASE_URL={mock}  # the docs name no server: the mock "
                     f"(apigen mock {mock_target} --port 8000)")
    return "\n".join(lines) + "\n"


def _shared_values(doc: ServiceDoc, commands: Commands) -> dict[str, Any]:
    return {
        "svc": doc,
        "mock_command": f"apigen mock {shell_word(commands.mock)}",
        "install": f"pip install {shell_word(commands.sdk)}  # {commands.cwd}\n",
        "environment_setup": _environment_setup(doc, shell_word(commands.mock)),
        "quickstart": _quickstart(doc),
    }


def render(spec: dict[str, Any], context: RenderContext, out: Path) -> None:
    """Write README.md, operations/<id>.md and index.html for one service into `out`."""
    doc = service_doc(spec, context.service, context.changelog)
    add_examples(spec, doc)
    values = _shared_values(doc, context.command_names())
    markdown = _markdown_env(context.templates_override)
    if doc.changelog:
        values["changelog_markdown"] = text.disarm_html(text.demote_headings(text.drop_title(doc.changelog), levels=2))
    write_text(out, "README.md", _tidy(markdown.get_template("docs/README.md.jinja").render(values)))
    for op in doc.operations:
        page = markdown.get_template("docs/operation.md.jinja").render({**values, "op": op})
        write_text(out, op.file, _tidy(page))
    html = _html_env(context.templates_override)
    queue_html = ""
    if doc.queue_operations:
        # Links inside the flow point at Markdown pages; in the single page they become anchors.
        flow = markdown.get_template("docs/queue_flow.md.jinja").render(values)
        for op in doc.operations:
            flow = flow.replace(f"]({op.file})", f"](#{op.anchor})")
        queue_html = text.markdown_to_html(flow, highlight=markdown_highlight)
    page = html.get_template("docs/index.html.jinja").render(
        {**values, "queue_flow_html": Markup(queue_html),
         "changelog_html": Markup(text.markdown_to_html(text.demote_headings(text.drop_title(doc.changelog), 1))) if doc.changelog else ""})
    write_text(out, "index.html", _tidy(page))


def _tidy(page: str) -> str:
    """At most one blank line in a row and one final newline: stable, diff-friendly output."""
    lines: list[str] = []
    for line in page.splitlines():
        line = line.rstrip()
        if not line and lines and not lines[-1]:
            continue
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
