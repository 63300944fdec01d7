"""Mock server throughput: apigen's mock vs Stoplight Prism on the same fal queue spec, in the same run.

    .venv/bin/python benchmarks/mock.py [--requests 20000] [--concurrency 16] [--no-prism]

Prints requests per second, p50/p99 latency and resident memory of each server for a valid POST on the
queue submit endpoint (`POST /fal-ai/flux/dev`). Prism comes from npm into `benchmarks/.cache/`
(gitignored) on first run. The load generator is a small asyncio HTTP/1.1 keep-alive client (one
connection per concurrent worker, pre-built request bytes), so it costs the shared cores far less than
the servers it measures. Loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "benchmarks" / ".cache"
SPEC = ROOT / "tests" / "mock" / "specs" / "falqueue.yaml"
BODY = json.dumps({"prompt": "a lighthouse at dusk", "num_images": 1, "output_format": "png"}).encode()
PATH = "/fal-ai/flux/dev"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_mib(pid: int) -> float:
    """Resident memory of a process and its children, in MiB (Linux /proc)."""
    total = 0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
            pids.extend(int(child) for child in children)
        except (OSError, StopIteration):
            continue
    return total / 1024


def wait_until_up(port: int, deadline: float = 60) -> None:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listening on port {port}")


async def worker(port: int, count: int, latencies: list[float], statuses: dict[int, int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    request = (f"POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Key bench\r\n"
               f"Content-Type: application/json\r\nContent-Length: {len(BODY)}\r\n\r\n").encode() + BODY
    for _ in range(count):
        start = time.perf_counter()
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        if length:
            await reader.readexactly(length)
        latencies.append(time.perf_counter() - start)
        statuses[status] = statuses.get(status, 0) + 1
    writer.close()


async def load(port: int, requests: int, concurrency: int) -> dict[str, float]:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    await asyncio.gather(*(worker(port, max(1, requests // concurrency // 10), [], {}) for _ in range(concurrency)))
    started = time.perf_counter()
    await asyncio.gather(*(worker(port, requests // concurrency, latencies, statuses) for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50_ms": latencies[len(latencies) // 2] * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99)] * 1000,
        "ok": statuses.get(200, 0) / max(1, len(latencies)),
    }


def start_apigen(port: int) -> subprocess.Popen[bytes]:
    sys.path.insert(0, str(ROOT))
    import yaml

    from generator.config import ServiceConfig
    from generator.render import RenderContext
    from generator.render.mock_server import render

    folder = CACHE / "apigen-mock"
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    render(spec, RenderContext(service=ServiceConfig(name="bench", package="bench")), folder)
    return subprocess.Popen([sys.executable, str(folder), "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def start_prism(port: int) -> subprocess.Popen[bytes] | None:
    prism = CACHE / "node_modules" / ".bin" / "prism"
    if not prism.exists():
        if shutil.which("npm") is None:
            return None
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(CACHE), "@stoplight/prism-cli"],
                       check=True, stdout=subprocess.DEVNULL)
    return subprocess.Popen([str(prism), "mock", str(SPEC), "-h", "127.0.0.1", "-p", str(port), "--errors"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def measure(name: str, process: subprocess.Popen[bytes] | None, port: int, args: argparse.Namespace) -> None:
    if process is None:
        print(f"{name:>8}: not available")
        return
    try:
        wait_until_up(port)
        time.sleep(0.5)
        figures = asyncio.run(load(port, args.requests, args.concurrency))
        print(f"{name:>8}: {figures['rps']:8.0f} req/s  p50 {figures['p50_ms']:6.2f} ms  "
              f"p99 {figures['p99_ms']:6.2f} ms  RSS {rss_mib(process.pid):6.1f} MiB  "
              f"200s {figures['ok']:.0%}", flush=True)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--no-prism", action="store_true")
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    print(f"POST {PATH}, {args.requests} requests, concurrency {args.concurrency}, cpus {os.cpu_count()}")
    port = free_port()
    measure("apigen", start_apigen(port), port, args)
    if not args.no_prism:
        port = free_port()
        measure("prism", start_prism(port), port, args)


if __name__ == "__main__":
    main()
