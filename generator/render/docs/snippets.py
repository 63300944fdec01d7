"""The runnable examples of every operation page, including fal's queue flow.

A plain operation gets one Python script and one curl command. The queue operations (status, stream,
result, cancel) only make sense for a request that exists, so their examples first submit one through
the service's queued operation and then address it by its `request_id`; the result example waits for
completion first. Every script runs as printed against the mock server.
"""

from __future__ import annotations

import copy
from typing import Any
from urllib.parse import quote, unquote

from generator.render.docs.examples import (
    REQUEST_ID,
    Expr,
    RequestExample,
    async_python_example,
    call_source,
    curl_example,
    python_example,
)
from generator.render.docs.model import OperationDoc, ServiceDoc
from generator.render.docs.schema import operations
from generator.render.docs.sdk import SdkNames, SdkOperation, fallback, sdk_names

ID_FROM_JSON = r"""sed -E 's/.*"request_id": *"([^"]+)".*/\1/'"""


def _sdk_of(names: SdkNames, op: OperationDoc, spec: dict[str, Any]) -> SdkOperation:
    found = names.operations.get(op.operation_id)
    if found is not None:
        return found
    for _path, _method, operation, shared in operations(spec):
        if str(operation.get("operationId")) == op.operation_id:
            body = op.request.body if op.request and isinstance(op.request.body, dict) else {}
            return fallback(operation, [*shared, *(operation.get("parameters") or [])], list(body))
    return SdkOperation(resource="default", method=op.operation_id)


def _app(submit: OperationDoc) -> tuple[str, str]:
    """`app_owner` and `app_name` of the queued request: the first two segments of the submit path."""
    path = submit.request.path if submit.request else submit.path
    segments = [unquote(s) for s in path.split("/") if s] + ["app", "app"]
    return segments[0], segments[1]


def _addressed(op: OperationDoc, owner: str, name: str) -> RequestExample:
    """The operation's request aimed at the request submitted just before (path holds `REQUEST_ID`)."""
    assert op.request is not None
    request = copy.deepcopy(op.request)
    fixed = {"app_owner": owner, "app_name": name, "request_id": REQUEST_ID}
    path = quote(op.path, safe="/-._~:@{}")
    for (location, wire), value in request.values.items():
        if location == "path":
            text = fixed.get(wire, value)
            request.values[(location, wire)] = text
            path = path.replace(quote("{" + wire + "}", safe="/-._~:@{}"), quote(str(text), safe="-._~:@"))
    request.path = path
    return request


def _helper_call(sdk: SdkOperation) -> str:
    """A queue operation as the SDK spells it: the queued resource's helper, given the request handle."""
    call = f"client.{sdk.resource}.{sdk.method}"
    if sdk.role == "status":
        return f"status = {call}(ticket, with_logs=True)\nprint(status)\n"
    if sdk.role == "stream":
        return f"for status in {call}(ticket, with_logs=True):\n    print(status)\n"
    if sdk.role == "cancel":
        return f"{call}(ticket)\nprint(\"cancelled\", ticket.request_id)\n"
    return f"result = {call}(ticket)\nprint(result)\n"


class Snippets:
    """Builds the examples of one service."""

    def __init__(self, spec: dict[str, Any], doc: ServiceDoc) -> None:
        self.doc = doc
        self.names = sdk_names(spec)
        self.spec = spec
        self.sdk = {op.operation_id: _sdk_of(self.names, op, spec) for op in doc.operations}
        self.submit = doc.queue_operations[0] if doc.queue_operations else None

    def scripts(self, op: OperationDoc, entries: list[tuple[str, str, tuple[str, ...]]]) -> None:
        """The Python examples of `op`, (title, statements, imports) each, for `Client` and `AsyncClient`."""
        op.python = [(title, python_example(self.doc.package, body, imports)) for title, body, imports in entries]
        op.python_async = [(title, async_python_example(self.doc.package, body, imports))
                           for title, body, imports in entries]

    def curl(self, op: OperationDoc, request: RequestExample | None = None) -> str:
        assert op.request is not None
        return curl_example(request or op.request, op.auth, self.doc.env_prefix)

    def ticket_field(self, name: str) -> str:
        """A field of the submit's answer: a request handle, which has `request_id` and the URLs."""
        return f"ticket.{name}"

    def status_value(self, call: str) -> str:
        """The ticket status returned by `call` as a str, in whatever type the SDK gives it."""
        if not self.names.ticket_is_model:
            return f"{call}['status']"
        return f"{call}.status.value" if self.names.ticket_status_is_enum else f"{call}.status"

    def plain(self, op: OperationDoc) -> None:
        assert op.request is not None
        sdk = self.sdk[op.operation_id]
        self.scripts(op, [("", call_source("result", sdk, op.request) + "print(result)\n", ())])
        op.curl = self.curl(op)

    def queued(self, op: OperationDoc) -> None:
        """A queued operation: `run` (submit and wait) first, then the same step by step."""
        assert op.request is not None
        sdk = self.sdk[op.operation_id]
        if not sdk.run:
            self.plain(op)
            return
        run = call_source("result", sdk, op.request, method=sdk.run) + "print(result)\n"
        submit = call_source("ticket", sdk, op.request, method=sdk.submit or sdk.method)
        steps = (
            submit + f"print({self.ticket_field('request_id')})\n"
            + f"while {self.status_value(f'client.{sdk.resource}.{sdk.status}(ticket)')} != \"COMPLETED\":\n"
            + "    time.sleep(0.5)\n"
            + f"print(client.{sdk.resource}.{sdk.result}(ticket))\n"
        )
        entries = [("Submit and wait for the result", run, ()), ("Submit, then follow the ticket", steps, ("time",))]
        if sdk.events:
            entries.append(("Submit, then follow its status stream", (
                submit + f"for status in client.{sdk.resource}.{sdk.events}(ticket, with_logs=True):\n"
                + f"    print({self.status_value('status')}, status.logs)\n"
                + f"print(client.{sdk.resource}.{sdk.result}(ticket))\n"
                if self.names.ticket_is_model else
                submit + f"for status in client.{sdk.resource}.{sdk.events}(ticket, with_logs=True):\n"
                + f"    print({self.status_value('status')}, status.get('logs'))\n"
                + f"print(client.{sdk.resource}.{sdk.result}(ticket))\n"), ()))
        self.scripts(op, entries)
        op.curl = self.curl(op)

    def queue_role(self, op: OperationDoc) -> None:
        """status/stream/result/cancel: submit a request first, then address it by its id."""
        submit = self.submit
        if submit is None or submit.request is None:
            self.plain(op)
            return
        submit_sdk = self.sdk[submit.operation_id]
        owner, name = _app(submit)
        sdk = self.sdk[op.operation_id]
        request = _addressed(op, owner, name)
        overrides = {"app_owner": owner, "app_name": name, "request_id": Expr(self.ticket_field("request_id"))}
        body = call_source("ticket", submit_sdk, submit.request, method=submit_sdk.submit or submit_sdk.method)
        imports: tuple[str, ...] = ()
        status_op = self.doc.queue_roles.get("status")
        wait_curl = ""
        if op.queue_role == "result" and submit_sdk.status:
            imports = ("time",)
            body += (f"while {self.status_value(f'client.{submit_sdk.resource}.{submit_sdk.status}(ticket)')}"
                     " != \"COMPLETED\":\n    time.sleep(0.5)\n")
            if status_op is not None:
                poll = self.curl(status_op, _addressed(status_op, owner, name))
                wait_curl = f"until {poll} | grep '\"COMPLETED\"' >/dev/null; do\n  sleep 1\ndone\n"
        body += _helper_call(sdk) if sdk.role else call_source("result", sdk, request, overrides=overrides) + "print(result)\n"
        self.scripts(op, [("", body, imports)])
        submit_curl = self.curl(submit)
        op.curl = (f"REQUEST_ID=$({submit_curl} | {ID_FROM_JSON})\n" + wait_curl + self.curl(op, request))


def add_examples(spec: dict[str, Any], doc: ServiceDoc) -> None:
    """Fill `python`, `curl` and the SDK call of every operation of `doc`, and the SDK's names of its
    webhooks."""
    snippets = Snippets(spec, doc)
    for hook in doc.webhooks:
        hook.model = snippets.names.webhook_models.get(hook.name, "")
        if snippets.names.webhooks:
            hook.unwrap = f"client.{snippets.names.webhooks}.unwrap(body)"
    for op in doc.operations:
        op.call = snippets.sdk[op.operation_id].call
        if op.queue_role in ("status", "stream", "result", "cancel"):
            snippets.queue_role(op)
        elif op.queue:
            snippets.queued(op)
        else:
            snippets.plain(op)

