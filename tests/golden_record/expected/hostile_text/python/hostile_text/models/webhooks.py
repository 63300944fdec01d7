"""Models of `client.webhooks` in the 文本 "Text" API \\ {{ title }} 🎉: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from typing import Literal

from .._model import Model


class HookXBEvent(Model):
    类型: Literal['事件.创建']
    """
    Kind \"\"\" of event
    """

