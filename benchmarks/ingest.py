"""Ingest speed: pages per second over the corpus pages, the time to ingest one large page (1, 2, 4 MB of
sections written here, in the Apifox listing + table + example + curl shape) and wall time of `apigen build`.

    python benchmarks/ingest.py [--rounds 5] [--sizes 1,2,4]

Prints medians; corpus pages are read from ../shared/corpus/pages at run time (never copied). The large-page
figures must grow linearly with size (seconds per MB about constant).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "pages"


def pages_per_second(rounds: int) -> tuple[float, int]:
    from generator.errors import ApigenError
    from generator.ingest import ingest_pages

    pages = sorted(CORPUS.glob("*.txt")) + sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        for page in pages:
            try:
                ingest_pages([page])
            except ApigenError:
                pass
        rates.append(len(pages) / (time.perf_counter() - start))
    return statistics.median(rates), len(pages)


SECTION = """Create task {i}
POST
/v1/tasks/{i}/create
请求参数
Body 参数application/json
prompt
string
必需
描述文本,默认值:cat
steps
integer
可选
迭代次数。默认值:20 范围值:5-60
| 参数 | 类型 | 必填 | 说明 |
|---|---|---|---|
| seed | integer | 否 | 随机种子 |
| mode | string | 否 | 可选值:fast、slow |
示例
{{
"prompt": "a cat {i}",
"steps": 20
}}
返回响应
🟢200成功
{{
"task_id": "t-{i}"
}}
curl -X POST https://api.example.com/v1/tasks/{i}/create -H "Authorization: Bearer x" -d '{{"prompt": "x"}}'
"""


def large_page_seconds(megabytes: float, folder: Path) -> tuple[float, int]:
    """Seconds to ingest one page of about `megabytes` MB, and the operations it yields."""
    from generator.ingest.read import read_page

    parts, size, index = [], 0, 0
    while size < megabytes * 1024 * 1024:
        part = SECTION.format(i=index)
        parts.append(part)
        size += len(part.encode())
        index += 1
    page = folder / f"large-{megabytes}.txt"
    page.write_text("".join(parts), encoding="utf-8")
    start = time.perf_counter()
    spec, _ = read_page(page, page.name, str(page))
    return time.perf_counter() - start, sum(len(item) for item in spec["paths"].values())


def build_seconds(rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "generator", "build"], cwd=ROOT, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", default="1,2,4", help="large-page sizes in MB, comma-separated")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    rate, count = pages_per_second(args.rounds)
    print(f"ingest: {rate:.0f} pages/s (median of {args.rounds} rounds over {count} pages)")
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for size in (float(s) for s in args.sizes.split(",") if s):
            seconds, operations = large_page_seconds(size, Path(tmp))
            print(f"large page {size:g} MB: {seconds:.2f} s ({seconds / size:.2f} s/MB, {operations} operations)")
    print(f"apigen build: {build_seconds(max(1, args.rounds // 2)):.2f} s wall (median)")


if __name__ == "__main__":
    main()
