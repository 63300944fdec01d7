"""Models of `client.flux_1_dev_image_to_image` in the aimanyi: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from typing import Any, Literal

from .._model import Model


class QueueLog(Model):
    """
    One log line of a running request.
    """
    message: str
    level: Literal['STDERR', 'STDOUT', 'ERROR', 'INFO', 'WARN', 'DEBUG'] | None = None
    source: str | None = None
    timestamp: str | None = None
    """
    ISO 8601 time of the line.
    """


class QueueStatus(Model):
    """
    A queued request: its state and the URLs to poll, fetch or cancel it.
    """
    status: Literal['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED']
    request_id: str
    response_url: str | None = None
    status_url: str | None = None
    cancel_url: str | None = None
    logs: list[QueueLog] | None = None
    metrics: dict[str, Any] | None = None
    """
    Timings once completed, e.g. `inference_time`.
    """
    queue_position: int | None = None
    """
    Requests ahead of this one while IN_QUEUE.
    """

