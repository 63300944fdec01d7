"""Schemathesis against each mock with its own spec: no server error, no answer that breaks the spec.

`status_code_conformance` is left out on purpose: a mock rejects invalid requests (401, 415, 422...)
even where a spec documents only its success answer. Everything else, including that invalid requests
are rejected and valid ones accepted, is checked.

Each spec runs twice: the examples and fuzzing phases (about 40 cases) in the default suite, and
schemathesis' coverage phase (boundary and negative values, about 150 cases per spec, most of the cost)
behind the `slow` marker, which `make test-slow` runs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.mock.conftest import MockServer, serve, stop

SCHEMATHESIS = str(Path(sys.executable).parent / "schemathesis")
SPECS = Path(__file__).resolve().parent / "specs"
CHECKS = ["not_a_server_error", "content_type_conformance", "response_headers_conformance",
          "response_schema_conformance", "negative_data_rejection", "positive_data_acceptance",
          "missing_required_header", "unsupported_method"]


PHASES = [pytest.param("examples,fuzzing", id="fuzzing"),
          pytest.param("coverage", id="coverage", marks=pytest.mark.slow)]


def schemathesis(spec: Path, url: str, checks: list[str], phases: str,
                 *options: str) -> subprocess.CompletedProcess[str]:
    command = [SCHEMATHESIS, "run", str(spec), "--url", url, "--checks", ",".join(checks),
               "--max-examples", "8", "--workers", "1", "--phases", phases,
               "--seed", "1", "--no-color", *(options or ("-H", "Authorization: Bearer test"))]
    return subprocess.run(command, capture_output=True, text=True, timeout=240, cwd=spec.parent, check=False)


@pytest.mark.parametrize("phases", PHASES)
def test_problem_json_mock_conforms_to_its_spec(things_server: MockServer, phases: str) -> None:
    result = schemathesis(SPECS / "things.yaml", things_server.url, CHECKS, phases)
    assert result.returncode == 0, result.stdout[-4000:]


@pytest.mark.parametrize("phases", PHASES)
def test_fal_queue_mock_conforms_to_its_spec(tmp_path: Path, phases: str) -> None:
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
def test_openai_style_mock_conforms_to_its_spec(images_server: MockServer, phases: str) -> None:
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
