"""Calls per second of a generated SDK against a local server, next to raw httpx and the `openai` package
calling the same endpoint (`GET /v1/models`, an OpenAI-shaped list), each with one reused connection.

    .venv/bin/python benchmarks/sdk_calls.py [--calls 2000]

The server runs in its own process (uvicorn on 127.0.0.1) so it does not share the client's GIL.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SPEC = """\
openapi: 3.1.0
info: {title: Bench API, version: "1"}
servers: [{url: "http://127.0.0.1/v1"}]
security: [{bearer: []}]
paths:
  /models:
    get:
      operationId: models_list
      tags: [models]
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema:
                type: object
                required: [object, data]
                properties:
                  object: {type: string}
                  data:
                    type: array
                    items:
                      type: object
                      required: [id, object, created, owned_by]
                      properties:
                        id: {type: string}
                        object: {type: string}
                        created: {type: integer}
                        owned_by: {type: string}
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
"""

SERVER = """
import json, sys
import uvicorn
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route

BODY = json.dumps({"object": "list", "data": [
    {"id": f"model-{i}", "object": "model", "created": 1700000000 + i, "owned_by": "bench"} for i in range(5)
]}).encode()

async def models(request):
    return Response(BODY, media_type="application/json")

uvicorn.run(Starlette(routes=[Route("/v1/models", models)]), host="127.0.0.1", port=int(sys.argv[1]),
            log_level="error", access_log=False)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rate(call: Callable[[], object], calls: int) -> float:
    for _ in range(50):
        call()
    start = time.perf_counter()
    for _ in range(calls):
        call()
    return calls / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sdk-calls-"))
    (work / "bench.yaml").write_text(SPEC, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "generator", "generate", str(work / "bench.yaml"), "--out", str(work),
                    "--target", "python", "--package", "bench_sdk"], cwd=ROOT, check=True, capture_output=True)
    sys.path.insert(0, str(work / "python"))
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(port)])
    try:
        import bench_sdk
        import httpx
        import openai

        base = f"http://127.0.0.1:{port}/v1"
        deadline = time.monotonic() + 15
        while True:
            try:
                httpx.get(base + "/models")
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        raw = httpx.Client(headers={"Authorization": "Bearer k"})
        sdk = bench_sdk.Client(api_key="k", base_url=base)
        oai = openai.OpenAI(api_key="k", base_url=base)
        figures = {
            "raw httpx (get + .json())": rate(lambda: raw.get(base + "/models").json(), args.calls),
            "generated SDK (typed pydantic result)": rate(lambda: sdk.models.list(), args.calls),
            "openai package (models.list())": rate(lambda: oai.models.list(), args.calls),
        }
        # second round, reverse order, to even out warm-up and machine noise
        for name, call in reversed(list({
            "raw httpx (get + .json())": lambda: raw.get(base + "/models").json(),
            "generated SDK (typed pydantic result)": lambda: sdk.models.list(),
            "openai package (models.list())": lambda: oai.models.list(),
        }.items())):
            figures[name] = max(figures[name], rate(call, args.calls))
        baseline = figures["raw httpx (get + .json())"]
        for name, value in figures.items():
            print(f"{name:40s} {value:8.0f} calls/s  ({baseline / value:.2f}x raw httpx time per call)")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
