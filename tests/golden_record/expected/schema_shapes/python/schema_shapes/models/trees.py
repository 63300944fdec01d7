"""Models of `client.trees` in the Shapes: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from .._model import Model


class Node(Model):
    value: int
    children: list[Node] | None = None
    parent: Node | None = None


Node.model_rebuild()

