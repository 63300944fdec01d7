"""Regeneration on doc changes: build manifests, API diffs and changelogs, version bumps, fetch and watch.

Every module here stays free of jinja2, pydantic and the validator at import time, so that a no-op
`apigen build` or `apigen check` starts fast.
"""
