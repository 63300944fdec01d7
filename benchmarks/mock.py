"""Mock server throughput: apigen's mock vs a bare ASGI app and Stoplight Prism, on one spec, in one run.

    .venv/bin/python benchmarks/mock.py [--requests 20000] [--concurrency 16] [--rounds 5] [--no-prism]

The bare app (`bare`) is the floor of what any Python mock can do on this machine: a plain ASGI callable
under the same uvicorn configuration as the mock, reading the request and answering the exact bytes
(status, headers, body) the mock answered the same request with, without looking at it. Goal: the mock
at least 0.7x of it (issue 13).

Both servers run side by side for the whole run and get the same valid request, a POST on the queue submit
endpoint of `tests/mock/specs/falqueue.yaml` with a fal key and a JSON body that passes the schema. Each
round loads one server, then the other (the order alternates between rounds); the figures printed are the
medians over the rounds of requests per second, p50 and p99 latency, plus resident memory (the process and
its children, after the round) and apigen/Prism ratios. Answers are counted by status: only 2xx answers
count as served, every other status is reported and makes the run exit 1, so a figure never stands for
error answers.

The model id `flux/dev` holds a slash (`x-greedy` in the spec). Prism matches a path parameter against one
segment only and answers `POST /fal-ai/flux/dev` with 404 NO_PATH_MATCHED_ERROR, so the request is sent the
way Prism lists the route itself, `POST /fal-ai/flux%2Fdev`, which both servers route to `submit_model`.

Prism comes from npm into `benchmarks/.cache/` (gitignored) on first run. The load generator is a small
asyncio HTTP/1.1 keep-alive client (one connection per concurrent worker, pre-built request bytes, a
protocol instead of streams, uvloop when installed), so it costs the shared cores far less than the
servers it measures. Loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "benchmarks" / ".cache"
SPEC = ROOT / "tests" / "mock" / "specs" / "falqueue.yaml"
BODY = json.dumps({"prompt": "a lighthouse at dusk", "num_images": 1, "output_format": "png"}).encode()
PATH = "/fal-ai/flux%2Fdev"


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


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process and its children have used so far, in seconds (Linux /proc)."""
    total = 0.0
    pids = [pid]
    ticks = os.sysconf("SC_CLK_TCK")
    while pids:
        current = pids.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            pids.extend(int(child) for child in Path(f"/proc/{current}/task/{current}/children").read_text().split())
        except (OSError, IndexError, ValueError):
            continue
    return total


def wait_until_up(port: int, deadline: float = 60) -> None:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listening on port {port}")


def request_bytes(port: int) -> bytes:
    return (f"POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Key bench\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(BODY)}\r\n\r\n").encode() + BODY


class Connection(asyncio.Protocol):
    """One keep-alive connection sending `count` requests back to back, timing each answer."""

    def __init__(self, request: bytes, count: int, latencies: list[float], statuses: dict[int, int],
                 done: asyncio.Future[None]) -> None:
        self.request, self.left, self.latencies, self.statuses, self.done = request, count, latencies, statuses, done
        self.buffer = b""
        self.started = 0.0
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        self.send()

    def send(self) -> None:
        assert self.transport is not None
        if self.left <= 0:
            self.transport.close()
            if not self.done.done():
                self.done.set_result(None)
            return
        self.left -= 1
        self.started = time.perf_counter()
        self.transport.write(self.request)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0:
            return
        head = self.buffer[:end]
        length = 0
        chunked = False
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
        if chunked:
            tail = self.buffer.find(b"0\r\n\r\n", end + 4)
            if tail < 0:
                return
            total = tail + 5
        else:
            total = end + 4 + length
            if len(self.buffer) < total:
                return
        self.latencies.append(time.perf_counter() - self.started)
        status = int(head.split(b" ", 2)[1])
        self.statuses[status] = self.statuses.get(status, 0) + 1
        self.buffer = self.buffer[total:]
        self.send()

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.done.done():
            if self.left > 0:
                self.done.set_exception(ConnectionError(f"connection closed with {self.left} requests left"))
            else:
                self.done.set_result(None)


async def run_connections(port: int, count: int, concurrency: int, latencies: list[float],
                          statuses: dict[int, int]) -> None:
    loop = asyncio.get_running_loop()
    request = request_bytes(port)
    futures = []
    for _ in range(concurrency):
        done: asyncio.Future[None] = loop.create_future()
        await loop.create_connection(lambda d=done: Connection(request, count, latencies, statuses, d),
                                     "127.0.0.1", port)
        futures.append(done)
    await asyncio.gather(*futures)


async def load(port: int, requests: int, concurrency: int) -> dict[str, float]:
    await run_connections(port, max(1, requests // concurrency // 10), concurrency, [], {})  # warm-up
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    started = time.perf_counter()
    await run_connections(port, requests // concurrency, concurrency, latencies, statuses)
    elapsed = time.perf_counter() - started
    latencies.sort()
    ok = sum(n for code, n in statuses.items() if 200 <= code < 300)
    return {
        "rps": ok / elapsed,
        "p50_ms": latencies[len(latencies) // 2] * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99)] * 1000,
        "ok": ok,
        "errors": len(latencies) - ok,
        "statuses": statuses,  # type: ignore[dict-item]
    }


def run_load(port: int, requests: int, concurrency: int) -> dict[str, float]:
    try:
        import uvloop

        return uvloop.run(load(port, requests, concurrency))  # type: ignore[no-any-return]
    except ImportError:
        return asyncio.run(load(port, requests, concurrency))


def start_apigen(port: int) -> subprocess.Popen[bytes]:
    sys.path.insert(0, str(ROOT))
    import yaml

    from generator.config import ServiceConfig
    from generator.render import RenderContext
    from generator.render.mock.server import render

    folder = CACHE / "apigen-mock"
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    render(spec, RenderContext(service=ServiceConfig(name="bench", package="bench")), folder)
    return subprocess.Popen([sys.executable, str(folder), "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


BARE_APP = """
import json, sys
import uvicorn

status, headers, body = json.loads(sys.argv[2])
headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers]
body = body.encode("utf-8")
start = {"type": "http.response.start", "status": status, "headers": headers}
answer = {"type": "http.response.body", "body": body}


async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
    await send(start)
    await send(answer)


# the mock's own configuration (`serve` in its app.py): ASGI 3, no access log, the same shutdown timeout
config = uvicorn.Config(app, host="127.0.0.1", port=int(sys.argv[1]), interface="asgi3", log_level="warning",
                        access_log=False, timeout_graceful_shutdown=1)
uvicorn.Server(config).run()
"""


def start_bare(port: int, answer: tuple[int, list[tuple[str, str]], str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", BARE_APP, str(port), json.dumps(answer)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def start_prism(port: int) -> subprocess.Popen[bytes] | None:
    prism = CACHE / "node_modules" / ".bin" / "prism"
    if not prism.exists():
        if shutil.which("npm") is None:
            return None
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(CACHE), "@stoplight/prism-cli"],
                       check=True, stdout=subprocess.DEVNULL)
    return subprocess.Popen([str(prism), "mock", str(SPEC), "-h", "127.0.0.1", "-p", str(port), "--errors"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def check_answer(name: str, port: int) -> tuple[int, list[tuple[str, str]], str]:
    """One request over a plain socket: the server must answer it with 2xx, else the run stops; the answer's
    status, headers (those a server adds itself left out) and body."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request_bytes(port).replace(b"HTTP/1.1\r\n", b"HTTP/1.1\r\nConnection: close\r\n", 1))
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    status = int(answer.split(b" ", 2)[1])
    status_line = answer.split(b"\r\n", 1)[0].decode(errors="replace")
    print(f"{name:>8}: POST {PATH} -> {status_line}", flush=True)
    if not 200 <= status < 300:
        raise SystemExit(f"{name} answers the benchmark request with {status}:\n{answer.decode(errors='replace')}")
    head, _, body = answer.partition(b"\r\n\r\n")
    headers = [tuple(line.decode("latin-1").split(": ", 1)) for line in head.split(b"\r\n")[1:]]
    # Content-Length stays: the bare app sends it as the mock does, so the two answers are the same bytes
    # (without it uvicorn would frame the bare answer chunked, a different answer)
    own = {"date", "server", "connection", "transfer-encoding"}
    return status, [(k, v) for k, v in headers if k.lower() not in own], body.decode("utf-8")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=20_000, help="per server and round")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-prism", action="store_true")
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    print(f"POST {PATH}, {args.requests} requests x {args.rounds} rounds, concurrency {args.concurrency}, "
          f"cpus {os.cpu_count()}", flush=True)
    servers: dict[str, tuple[subprocess.Popen[bytes], int]] = {}
    try:
        port = free_port()
        servers["apigen"] = (start_apigen(port), port)
        wait_until_up(port)
        time.sleep(0.5)
        bare_port = free_port()
        servers["bare"] = (start_bare(bare_port, check_answer("apigen", port)), bare_port)
        if not args.no_prism:
            port = free_port()
            prism = start_prism(port)
            if prism is None:
                print("   prism: not available (no npm)")
            else:
                servers["prism"] = (prism, port)
        for name, (process, port) in servers.items():
            wait_until_up(port)
            time.sleep(0.5)
            check_answer(name, port)
        results: dict[str, list[dict[str, float]]] = {name: [] for name in servers}
        failed = False
        for round_number in range(args.rounds):
            order = list(servers) if round_number % 2 == 0 else list(reversed(servers))
            for name in order:
                process, port = servers[name]
                used = cpu_seconds(process.pid)
                figures = run_load(port, args.requests, args.concurrency)
                # the server's own CPU per answer (warm-up included): what a busy shared machine blurs least
                figures["cpu_us"] = (cpu_seconds(process.pid) - used) / (args.requests * 1.1) * 1e6
                figures["rss"] = rss_mib(process.pid)
                results[name].append(figures)
                print(f"round {round_number + 1} {name:>6}: {figures['rps']:7.0f} req/s  p50 {figures['p50_ms']:6.2f} ms"
                      f"  p99 {figures['p99_ms']:6.2f} ms  CPU {figures['cpu_us']:5.0f} us/req  RSS {figures['rss']:6.1f} MiB"
                      f"  2xx {figures['ok']:.0f}"
                      f"  other {figures['errors']:.0f} {figures['statuses']}", flush=True)
                failed = failed or figures["errors"] > 0
        print(f"\nmedians of {args.rounds} rounds:")
        medians: dict[str, dict[str, float]] = {}
        for name, rounds in results.items():
            medians[name] = {key: statistics.median(r[key] for r in rounds)
                             for key in ("rps", "p50_ms", "p99_ms", "cpu_us", "rss")}
            m = medians[name]
            print(f"{name:>8}: {m['rps']:7.0f} req/s  p50 {m['p50_ms']:6.2f} ms  p99 {m['p99_ms']:6.2f} ms  "
                  f"CPU {m['cpu_us']:5.0f} us/req  "
                  f"RSS {m['rss']:6.1f} MiB (max {max(r['rss'] for r in rounds):.1f})")
        a, b = medians["apigen"], medians["bare"]
        ratios = [r["rps"] / q["rps"] for r, q in zip(results["apigen"], results["bare"])]
        print(f"apigen/bare: throughput x{a['rps'] / b['rps']:.2f} (per round {', '.join(f'{x:.2f}' for x in ratios)}); "
              f"goal >= 0.7: {'met' if a['rps'] >= 0.7 * b['rps'] else 'NOT met'}; "
              f"server CPU per request x{a['cpu_us'] / b['cpu_us']:.2f} of bare's")
        if "prism" in medians:
            a, p = medians["apigen"], medians["prism"]
            ratios = [r["rps"] / q["rps"] for r, q in zip(results["apigen"], results["prism"])]
            print(f"apigen/prism: throughput x{a['rps'] / p['rps']:.2f} (per round {', '.join(f'{x:.2f}' for x in ratios)}), "
                  f"p99 x{a['p99_ms'] / p['p99_ms']:.2f}, RSS x{a['rss'] / p['rss']:.2f}")
            goal = a["rps"] >= 2 * p["rps"] and a["p99_ms"] < p["p99_ms"] and a["rss"] < p["rss"]
            print(f"goal (>= 2x throughput, lower p99, less memory): {'met' if goal else 'NOT met'}")
        if failed:
            raise SystemExit("some answers were not 2xx (see the rounds above)")
    finally:
        for process, _ in servers.values():
            stop(process)


if __name__ == "__main__":
    main()
