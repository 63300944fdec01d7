"""`apigen fetch` on a local doc site: pages/s fetched and ingested, and the time of a no-change re-fetch.

    .venv/bin/python benchmarks/fetch.py [--pages 200] [--concurrency 4] [--delay 0] [--rounds 3]

The site (tests/regen/site_server.py, on 127.0.0.1, in this process's threads) imitates Mintlify: an
`llms.txt` listing every page's `.md` form, three pages in four documenting one endpoint (curl examples,
half of them Apifox-style pages carrying an OpenAPI block) and the rest guides without one. Each round:

- cold fetch: discovery, every page downloaded, judged by ingest (`read_page`) and stored;
- no-change re-fetch: the same, every page answering 304 (conditional requests, nothing judged again);
- one page changed: the re-fetch after one page's text changes;
- ingest: `ingest_pages` over the stored pages (what `apigen build` does with them next);
- peer, in the same run: a plain sequential `httpx.Client.get` of the same `.md` URLs (download only,
  no judging, no storing), the floor a fetcher cannot beat by much on one connection.

Then, each in a fresh child process, the peak resident memory of fetching a 1 GiB page and a 1 MB
gzip bomb that decodes to 1 GiB (both cut off at the 8 MiB page limit), beside a normal page's.

Medians over the rounds are printed. Each fetch is timed in this process (no interpreter start or
imports, which a fresh `apigen fetch` adds: about 0.7 s here). The server shares the machine's cores
with the fetcher, so figures are lower bounds of what a remote site would allow; `--delay` (default 0
here, 0.1 s in `apigen fetch`) shows the politeness cost.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx

from generator.regen.download import Limits
from generator.regen.fetch import FetchRun, summary
from tests.regen.site_server import Reply, SiteServer, markdown
from tests.regen.test_fetch_site import apifox_md, endpoint_md


def build_site(server: SiteServer, pages: int) -> list[str]:
    urls = []
    for index in range(pages):
        path = f"/docs/page-{index:04d}.md"
        if index % 4 == 3:
            text = f"# Guide {index}\n\nHow to use the service, part {index}.\n" + "Lorem ipsum. " * 200
        elif index % 2:
            text = apifox_md(f"Task {index}", f"/fal-ai/model-{index}", field=f"field_{index}")
        else:
            text = endpoint_md(f"Create {index}", "POST", f"/v1/things-{index}", field=f"field_{index}")
        server.routes[path] = markdown(text + "\nSee the overview for details.\n" * 20)
        urls.append(server.base + path)
    listing = "# Docs\n\n" + "".join(f"- [Page {i}]({url})\n" for i, url in enumerate(urls))
    server.routes["/llms.txt"] = Reply(body=listing.encode(), headers={"Content-Type": "text/plain"})
    return urls


def timed(limits: Limits, sources: Path) -> tuple[float, dict[str, int]]:
    """One fetch as one `apigen fetch` makes it (its own client: new connections, TLS context, budget)."""
    start = time.perf_counter()
    run = FetchRun(limits)
    try:
        results = run.service(sources, "demo")
    finally:
        run.close()
    return time.perf_counter() - start, summary(results)


def one_round(pages: int, limits: Limits) -> dict[str, float]:
    server = SiteServer()
    try:
        urls = build_site(server, pages)
        with tempfile.TemporaryDirectory() as tmp:
            sources = Path(tmp) / "specs" / "sources"
            folder = sources / "demo"
            folder.mkdir(parents=True)
            (folder / "sources.yaml").write_text(f"site: {server.base}\n")
            cold, counts = timed(limits, sources)
            assert counts.get("new", 0) + counts.get("skipped", 0) == pages, counts
            warm, counts = timed(limits, sources)
            assert counts.get("unchanged", 0) + counts.get("skipped", 0) == pages, counts
            server.routes["/docs/page-0000.md"] = markdown(endpoint_md("Create 0", "POST", "/v1/things-0",
                                                                       field="renamed"))
            changed, counts = timed(limits, sources)
            assert counts.get("changed") == 1, counts

            from generator.build import PAGE_SUFFIXES, SOURCE_META_FILES
            from generator.ingest import ingest_pages

            stored = sorted(p for p in folder.iterdir()
                            if p.suffix in PAGE_SUFFIXES and p.name not in SOURCE_META_FILES)
            start = time.perf_counter()
            result = ingest_pages(stored, service="demo", base=sources)
            ingest = time.perf_counter() - start
            assert len(result.spec["paths"]) == len(stored), (len(result.spec["paths"]), len(stored))

        start = time.perf_counter()
        with httpx.Client() as client:
            for url in urls:
                client.get(url).raise_for_status()
        peer = time.perf_counter() - start
        return {"cold": cold, "warm": warm, "changed": changed, "ingest": ingest, "stored": len(stored),
                "peer": peer}
    finally:
        server.close()


def hostile(kind: str) -> str:
    """In this (child) process: fetch one hostile page, print peak RSS in MiB and the fetch's report line."""
    from tests.regen.site_server import SiteServer as Server

    server = Server()
    if kind == "huge":
        block = b"x" * (1024 * 1024)
        server.routes["/page"] = Reply(body=(block for _ in range(1024)), headers={"Content-Type": "text/plain"},
                                       etag=False)
    elif kind == "bomb":
        packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # gzip, built 1 MiB at a time
        zeros = b"\0" * (1024 * 1024)
        body = b"".join(packer.compress(zeros) for _ in range(1024)) + packer.flush()
        assert len(body) < 1100 * 1024, len(body)  # about 1 MB on the wire, 1 GiB decoded
        server.routes["/page"] = Reply(body=body, headers={"Content-Type": "text/plain", "Content-Encoding": "gzip"},
                                       etag=False)
    else:
        server.routes["/page"] = markdown(endpoint_md("Create", "POST", "/v1/create"))
    with tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "specs" / "sources"
        (sources / "demo").mkdir(parents=True)
        (sources / "demo" / "sources.yaml").write_text(f"pages: [{server.base}/page]\n")
        run = FetchRun(Limits(delay=0))
        results = run.service(sources, "demo")
        run.close()
    server.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    detail = f" ({results[0].detail})" if results[0].detail else ""
    return f"{peak:.0f}\t{results[0].outcome}{detail}"


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--hostile":
        print(hostile(sys.argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    limits = Limits(concurrency=args.concurrency, delay=args.delay)
    rounds = [one_round(args.pages, limits) for _ in range(args.rounds)]

    def med(key: str) -> float:
        return statistics.median(r[key] for r in rounds)

    pages = args.pages
    stored = int(med("stored"))
    print(f"apigen fetch, local Mintlify-like site of {pages} pages ({stored} with an endpoint), "
          f"concurrency {args.concurrency}, delay {args.delay:g} s, median of {args.rounds} rounds")
    print(f"  cold fetch (discover, download, judge, store): {med('cold'):6.2f} s  "
          f"{pages / med('cold'):7.1f} pages/s")
    print(f"  no-change re-fetch (304s):                     {med('warm'):6.2f} s  "
          f"{pages / med('warm'):7.1f} pages/s")
    print(f"  re-fetch with one page changed:                {med('changed'):6.2f} s")
    print(f"  ingest of the {stored} stored pages:               {med('ingest'):6.2f} s  "
          f"{stored / med('ingest'):7.1f} pages/s")
    print(f"  peer: sequential httpx GETs, download only:    {med('peer'):6.2f} s  "
          f"{pages / med('peer'):7.1f} pages/s")
    print("peak RSS of one fetch (fresh process, fetcher and server):")
    for kind, label in (("plain", "a normal page"), ("huge", "a 1 GiB page"), ("bomb", "a 1 MB gzip bomb")):
        out = subprocess.run([sys.executable, __file__, "--hostile", kind], capture_output=True, text=True,
                             check=True).stdout.strip()
        peak, report = out.split("\t", 1)
        print(f"  {label:22s} {peak:>5s} MiB  {report}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
