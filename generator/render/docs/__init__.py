"""The `docs` target: Markdown and HTML reference pages. `pages.render` is its entry point; `model` reads
the spec into a `ServiceDoc`, which the pages lay out."""
