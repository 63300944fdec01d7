"""Every example of the generated docs runs, exactly as printed, against the generated mock server.

For each test spec the SDK, the mock and the docs are rendered into a temporary folder, the mock is
served over HTTP (`python <mock folder> --port 0`, as a user would), and every Python and curl block of
every Markdown page is run with nothing but `<SERVICE>_BASE_URL` and `<SERVICE>_API_KEY` set (plus
PATH, and PYTHONPATH standing in for `pip install` of the SDK).

Starting a Python interpreter and importing httpx, pydantic and the SDK costs more than most examples
take to run, so the Python examples start from one process that has imported those once (same
environment, same PYTHONPATH) and forks a child per example: each child runs `example.py` as
`__main__` in its own folder, with fresh globals, exactly as `python example.py` would, and a missing
import still fails there with NameError.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.config import ServiceConfig, env_prefix, load_config
from generator.openapi import load_spec
from generator.render import RenderContext, renderer
from tests.docs.helpers import SPECS, code_blocks

ROOT = Path(__file__).resolve().parents[2]
# Two specs of this folder, plus one real service of the project (its committed normalized spec).
SERVICES = ["demo", "relay", "project:winfull"]


@dataclass
class Rendered:
    name: str
    package: str
    root: Path
    base_url: str

    def pages(self) -> list[Path]:
        docs = self.root / "docs"
        return [docs / "README.md", *sorted((docs / "operations").glob("*.md"))]


def _serve(folder: Path, log: Path) -> tuple[subprocess.Popen[str], str]:
    with log.open("w") as errors:
        # one status poll completes a queued request: the queue examples still poll, without waiting for
        # three (the queue's own behaviour is tests/mock/test_queue.py's)
        process = subprocess.Popen([sys.executable, str(folder), "--port", "0", "--queue-ticks", "1"],
                                   stdout=subprocess.PIPE, stderr=errors, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    if "http://" not in line:
        process.kill()
        raise RuntimeError(f"mock did not start: {line!r} {log.read_text()}")
    url = line[line.index("http://"):].split()[0].rstrip("/")
    host, port = url.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)
    deadline = time.monotonic() + 30
    while True:  # the URL is printed before the socket listens
        try:
            socket.create_connection((host, int(port)), timeout=1).close()
            return process, url
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError(f"mock does not answer at {url}: {log.read_text()}") from None
            time.sleep(0.05)


@pytest.fixture(scope="module", params=SERVICES)
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rendered]:
    name = str(request.param)
    if name.startswith("project:"):
        name = name.split(":", 1)[1]
        spec = load_spec(ROOT / "specs" / f"{name}.yaml")
        context = RenderContext(service=load_config(ROOT).service(name))
    else:
        spec = load_spec(SPECS / f"{name}.yaml")
        context = RenderContext(service=ServiceConfig(name=name, package=name))
    root = tmp_path_factory.mktemp(name)
    for target in ("python", "mock", "docs"):
        renderer(target)(spec, context, root / target)
    process, url = _serve(root / "mock", root / "mock.log")
    server = (spec.get("servers") or [{}])[0].get("url", "")
    base_path = "/" + server.split("://", 1)[-1].split("/", 1)[1] if server.count("/") > 2 else ""
    try:
        yield Rendered(name=name, package=context.service.package, root=root, base_url=url + base_path.rstrip("/"))
    finally:
        process.terminate()
        process.wait(timeout=10)


def _environment(service: Rendered, home: Path) -> dict[str, str]:
    prefix = env_prefix(service.name)
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(service.root / "python"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        f"{prefix}_BASE_URL": service.base_url,
        f"{prefix}_API_KEY": "docs-example-key",
    }


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=60, check=False)


# Imports what every example imports (the SDK's modules, httpx's transports), then for each folder named
# on stdin forks a child that runs `example.py` there as `python example.py` would (stdout and stderr to
# files, the interpreter's exit status, a 60 s alarm), at most 16 at a time (they mostly wait on the
# mock); prints one "<folder> <status>" line per example.
FORK_RUNNER = """
import asyncio, importlib, os, pkgutil, runpy, signal, sys, traceback
import httpx, pydantic
package = importlib.import_module(sys.argv[1])
for module in pkgutil.walk_packages(package.__path__, sys.argv[1] + "."):
    importlib.import_module(module.name)
httpx.Client().close()  # httpx imports its transport (httpcore, h11, anyio, ssl) on first use
asyncio.run(httpx.AsyncClient().aclose())
def child(folder):
    os.chdir(folder)
    out = os.open("stdout", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    err = os.open("stderr", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(out, 1)
    os.dup2(err, 2)
    signal.alarm(60)
    sys.argv = ["example.py"]
    sys.path[0] = folder
    code = 0
    try:
        runpy.run_path("example.py", run_name="__main__")
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except BaseException:
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
folders = sys.stdin.read().splitlines()
running = {}
for folder in folders + [None] * 16:
    if folder is not None:
        pid = os.fork()
        if pid == 0:
            child(folder)
        running[pid] = folder
    if len(running) >= 16 or (folder is None and running):
        pid, status = os.wait()
        print(running.pop(pid), os.waitstatus_to_exitcode(status), flush=True)
"""


def _run_python(folders: list[Path], package: str, env: dict[str, str]) -> dict[Path, int]:
    """Exit status of `python example.py` in each folder, run through FORK_RUNNER."""
    done = subprocess.run([sys.executable, "-c", FORK_RUNNER, package], input="\n".join(map(str, folders)),
                          env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    statuses = {Path(folder): int(code) for folder, code in (line.rsplit(" ", 1) for line in done.stdout.splitlines())}
    assert statuses.keys() == set(folders), done.stdout
    return statuses


def _examples(service: Rendered) -> list[tuple[str, str, str]]:
    """(page, language, code) of every example; shell blocks that are not requests (install) left out."""
    found = []
    for page in service.pages():
        text = page.read_text(encoding="utf-8")
        name = str(page.relative_to(service.root / "docs"))
        found += [(name, "python", code) for code in code_blocks(text, "python")]
        found += [(name, "sh", code) for code in code_blocks(text, "sh") if "curl " in code]
    return found


def test_every_page_has_python_and_curl_examples(rendered: Rendered) -> None:
    examples = _examples(rendered)
    for page in rendered.pages():
        name = str(page.relative_to(rendered.root / "docs"))
        kinds = {lang for page_name, lang, _ in examples if page_name == name}
        assert kinds == {"python", "sh"}, name


def test_examples_run_as_printed(rendered: Rendered, tmp_path: Path) -> None:
    curl = shutil.which("curl")
    if curl is None:
        message = "curl not found (apt-get install curl)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    env = _environment(rendered, tmp_path)
    # The README repeats some operation examples verbatim; the same text need not run twice.
    examples = list({(lang, code): (page, lang, code) for page, lang, code in _examples(rendered)}.values())

    works = []
    for index, (_page, lang, code) in enumerate(examples):
        work = tmp_path / f"example-{index}"
        work.mkdir()
        if lang == "python":
            (work / "example.py").write_text(code, encoding="utf-8")
        works.append(work)
    python = [works[i] for i, (_page, lang, _code) in enumerate(examples) if lang == "python"]

    def run(index: int) -> subprocess.CompletedProcess[str]:
        _page, lang, code = examples[index]
        work = works[index]
        if lang == "python":
            return subprocess.CompletedProcess(["python", "example.py"], statuses.result()[work],
                                               (work / "stdout").read_text(), (work / "stderr").read_text())
        return _run(["bash", "-e", "-o", "pipefail", "-c", code], work, env)

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = pool.submit(_run_python, python, rendered.package, env)  # beside the curl examples
        results = list(pool.map(run, range(len(examples))))
    failures = []
    for index, done in enumerate(results):
        page, lang, code = examples[index]
        if done.returncode != 0 or not done.stdout.strip():
            failures.append(f"{page} ({lang}) exit {done.returncode}\n{code}\n--- stdout\n{done.stdout[-800:]}"
                            f"\n--- stderr\n{done.stderr[-1500:]}")
    assert not failures, "\n\n".join(failures)
    assert len(examples) >= 2 * (len(rendered.pages()) - 1)
