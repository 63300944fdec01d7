"""Every example of the generated docs runs, exactly as printed, against the generated mock server.

For each test spec the SDK, the mock and the docs are rendered into a temporary folder, the mock is
served over HTTP (`python <mock folder> --port 0`, as a user would), and every Python and curl block of
every Markdown page is run with nothing but `<SERVICE>_BASE_URL` and `<SERVICE>_API_KEY` set (plus
PATH, and PYTHONPATH standing in for `pip install` of the SDK).
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
    root: Path
    base_url: str

    def pages(self) -> list[Path]:
        docs = self.root / "docs"
        return [docs / "README.md", *sorted((docs / "operations").glob("*.md"))]


def _serve(folder: Path, log: Path) -> tuple[subprocess.Popen[str], str]:
    with log.open("w") as errors:
        process = subprocess.Popen([sys.executable, str(folder), "--port", "0"], stdout=subprocess.PIPE,
                                   stderr=errors, text=True)
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
        yield Rendered(name=name, root=root, base_url=url + base_path.rstrip("/"))
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

    def run(index: int) -> tuple[int, subprocess.CompletedProcess[str]]:
        _page, lang, code = examples[index]
        work = tmp_path / f"example-{index}"
        work.mkdir()
        if lang == "python":
            (work / "example.py").write_text(code, encoding="utf-8")
            return index, _run([sys.executable, "example.py"], work, env)
        return index, _run(["bash", "-e", "-o", "pipefail", "-c", code], work, env)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, range(len(examples))))
    failures = []
    for index, done in results:
        page, lang, code = examples[index]
        if done.returncode != 0 or not done.stdout.strip():
            failures.append(f"{page} ({lang}) exit {done.returncode}\n{code}\n--- stdout\n{done.stdout[-800:]}"
                            f"\n--- stderr\n{done.stderr[-1500:]}")
    assert not failures, "\n\n".join(failures)
    assert len(examples) >= 2 * (len(rendered.pages()) - 1)
