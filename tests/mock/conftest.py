"""Mock servers rendered from the test specs of `tests/mock/specs/`, served over real HTTP on 127.0.0.1.

Each server runs its generated folder in a subprocess (`python <folder> --port 0`), exactly as a user
would, and is shared by the tests of this package.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from generator.config import ServiceConfig
from generator.render import RenderContext
from generator.render.mock.server import render

SPECS = Path(__file__).resolve().parent / "specs"


def load_test_spec(name: str) -> dict[str, Any]:
    return yaml.safe_load((SPECS / f"{name}.yaml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def render_mock(name: str, out: Path) -> Path:
    """Render the mock of `specs/<name>.yaml` into `out/<name>` and return that folder."""
    folder = out / name
    render(load_test_spec(name), RenderContext(service=ServiceConfig(name=name, package=name)), folder)
    return folder


@dataclass
class MockServer:
    url: str
    process: subprocess.Popen[str]
    folder: Path

    def client(self, **kwargs: Any) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30, **kwargs)

    def alive(self) -> bool:
        return self.process.poll() is None


def start(command: list[str], folder: Path, log: Path) -> MockServer:
    """Start a server command that prints its base URL on its first line; wait until it answers."""
    with log.open("w") as errors:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    if "http://" not in line:
        process.kill()
        raise RuntimeError(f"server did not start: {line!r} {log.read_text()}")
    url = line.strip().split(" at ")[-1]
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            httpx.get(url + "/_mock/media/1x1/0.png", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.05)
    return MockServer(url=url, process=process, folder=folder)


def stop(server: MockServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="package")
def mock_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mocks")


def serve(mock_root: Path, name: str, *options: str) -> Iterator[MockServer]:
    folder = render_mock(name, mock_root)
    server = start([sys.executable, str(folder), "--port", "0", *options], folder, mock_root / f"{name}.log")
    yield server
    stop(server)


@pytest.fixture(scope="package")
def images_server(mock_root: Path) -> Iterator[MockServer]:
    yield from serve(mock_root, "images")


@pytest.fixture(scope="package")
def fal_server(mock_root: Path) -> Iterator[MockServer]:
    yield from serve(mock_root, "falqueue", "--queue-ticks", "2")


@pytest.fixture(scope="package")
def things_server(mock_root: Path) -> Iterator[MockServer]:
    yield from serve(mock_root, "things", "--seed", "7")


BEARER = {"Authorization": "Bearer sk-test"}
FAL_KEY = {"Authorization": "Key fal-test"}
