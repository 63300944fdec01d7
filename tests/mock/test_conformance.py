"""Schemathesis against each mock with its own spec: no server error, no answer that breaks the spec.

`status_code_conformance` is left out on purpose: a mock rejects invalid requests (401, 415, 422...)
even where a spec documents only its success answer. Everything else, including that invalid requests
are rejected and valid ones accepted, is checked.

Each spec runs twice: the examples and fuzzing phases (about 40 cases) in the default suite, and
schemathesis' coverage phase (boundary and negative values, about 150 cases per spec, most of the cost)
behind the `slow` marker, which `make test-slow` runs.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.mock.conftest import MockServer, serve, stop

SCHEMATHESIS = str(Path(sys.executable).parent / "schemathesis")  # the command (test_conformance_repairs runs it)
SPECS = Path(__file__).resolve().parent / "specs"
CHECKS = ["not_a_server_error", "content_type_conformance", "response_headers_conformance",
          "response_schema_conformance", "negative_data_rejection", "positive_data_acceptance",
          "missing_required_header", "unsupported_method"]

# One worker runs this module's tests, so the runner below starts once.
pytestmark = pytest.mark.xdist_group("schemathesis")

PHASES = [pytest.param("examples,fuzzing", id="fuzzing"),
          pytest.param("coverage", id="coverage", marks=pytest.mark.slow)]

# Importing schemathesis' CLI and what a run loads (hypothesis and its plugins, the OpenAPI loader) is most
# of a short `schemathesis run` (about 3 s of CPU of 4). This process imports them once, then for each
# JSON line `[cwd, output, args]` on stdin forks a child that runs the command `schemathesis <args>` in
# <cwd> (its own process, so no run leaves state for the next), everything it prints going to <output>,
# and prints the child's exit status. The child does what the `schemathesis` script does: the CLI's
# click entry point, ending in SystemExit.
RUNNER = """
import json, os, sys
import schemathesis.specs.openapi.schemas, schemathesis.engine.run.unit, schemathesis.openapi.loaders
from schemathesis.cli import schemathesis as cli
for line in sys.stdin:
    cwd, output, args = json.loads(line)
    pid = os.fork()
    if pid == 0:
        os.chdir(cwd)
        out = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(out, 1)
        os.dup2(out, 2)
        cli(args, prog_name="schemathesis")
        raise SystemExit(0)
    _, status = os.waitpid(pid, 0)
    print(os.waitstatus_to_exitcode(status), flush=True)
"""

Schemathesis = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def schemathesis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Schemathesis]:
    """`schemathesis(spec, url, checks, phases, *options)`: `schemathesis run` of `spec` against `url`, run
    from the spec's folder (its schemathesis.toml applies), as a finished process."""
    logs = tmp_path_factory.mktemp("schemathesis")
    with subprocess.Popen([sys.executable, "-c", RUNNER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          text=True) as runner:
        assert runner.stdin is not None and runner.stdout is not None
        stdin, stdout = runner.stdin, runner.stdout

        def run(spec: Path, url: str, checks: list[str], phases: str,
                *options: str) -> subprocess.CompletedProcess[str]:
            args = ["run", str(spec), "--url", url, "--checks", ",".join(checks),
                    "--max-examples", "8", "--workers", "1", "--phases", phases,
                    "--seed", "1", "--no-color", *(options or ("-H", "Authorization: Bearer test"))]
            output = logs / f"run{len(os.listdir(logs))}.log"
            stdin.write(json.dumps([str(spec.parent), str(output), args]) + "\n")
            stdin.flush()
            if not select.select([stdout], [], [], 240)[0]:
                runner.kill()
                pytest.fail(f"schemathesis {' '.join(args)} did not finish in 240 s")
            code = int(stdout.readline())
            text = output.read_text(encoding="utf-8")
            return subprocess.CompletedProcess(["schemathesis", *args], code, text, "")

        try:
            yield run
        finally:
            stdin.close()
            runner.wait(timeout=60)


@pytest.mark.parametrize("phases", PHASES)
def test_problem_json_mock_conforms_to_its_spec(schemathesis: Schemathesis, things_server: MockServer,
                                                phases: str) -> None:
    result = schemathesis(SPECS / "things.yaml", things_server.url, CHECKS, phases)
    assert result.returncode == 0, result.stdout[-4000:]


@pytest.mark.parametrize("phases", PHASES)
def test_fal_queue_mock_conforms_to_its_spec(schemathesis: Schemathesis, tmp_path: Path, phases: str) -> None:
    # A server of its own: requests other tests left pending or cancelled would (rightly) answer 400.
    server = next(serve(tmp_path, "falqueue"))
    try:
        # The result of a request answers 400 until it completes (as fal does), which the positive-data
        # check would count against a valid request id; every other check runs.
        checks = [c for c in CHECKS if c != "positive_data_acceptance"]
        result = schemathesis(SPECS / "falqueue.yaml", server.url, checks, phases, "-H", "Authorization: Key test")
        assert result.returncode == 0, result.stdout[-4000:]
    finally:
        stop(server)


@pytest.mark.parametrize("phases", PHASES)
def test_openai_style_mock_conforms_to_its_spec(schemathesis: Schemathesis, images_server: MockServer,
                                                phases: str) -> None:
    spec = SPECS / "images.yaml"
    result = schemathesis(spec, images_server.url, CHECKS, phases, "-H", "Authorization: Bearer test",
                          "--exclude-operation-id", "edit_image")
    assert result.returncode == 0, result.stdout[-4000:]
    # A multipart field cannot tell a JSON object from a string that reads like one, so the negative
    # check is left out for the upload operation alone.
    lenient = [c for c in CHECKS if c != "negative_data_rejection"]
    result = schemathesis(spec, images_server.url, lenient, phases, "-H", "Authorization: Bearer test",
                          "--include-operation-id", "edit_image")
    assert result.returncode == 0, result.stdout[-4000:]
