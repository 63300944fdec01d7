"""The golden record: small specs written to corner the generator, and the exact output committed for each.

Each `specs/<case>.yaml` exercises edge cases on purpose (hostile_text: untrusted text and keywords;
schema_shapes: nullable, enums, allOf/oneOf/anyOf, chains of aliases, recursion, an OpenAPI 3.0 upgrade;
wire_formats: path, query and header parameters, multipart, form, binary and event-stream bodies, a fal
queue; name_clashes: names that collide). `expected/<case>/` is what the python, mock and docs renderers write for it, so
any change to generated code shows up here as a diff a reviewer reads. The seed services are not
recorded: `apigen check` already pins `generated/` to `specs/`.

After an intended change: `.venv/bin/python -m pytest tests/golden_record --update-goldens`, then read
`git diff tests/golden_record/expected`. A new case is one more spec in `specs/` and the same command.
"""

from __future__ import annotations

import shutil

import pytest

from tests.golden_record.harness import EXPECTED, Output, cases, differences, read_record, write_record

CASES = cases()


def test_there_are_cases_and_no_record_without_a_spec(update_goldens: bool) -> None:
    assert len(CASES) >= 4
    stale = sorted(p.name for p in EXPECTED.iterdir() if p.is_dir() and p.name not in CASES)
    if update_goldens:
        for name in stale:
            shutil.rmtree(EXPECTED / name)
        return
    assert not stale, f"records without a spec (run pytest tests/golden_record --update-goldens): {stale}"


@pytest.mark.parametrize("case", CASES)
def test_output_matches_the_record(case: str, golden_record_outputs: dict[str, Output],
                                   update_goldens: bool) -> None:
    produced = golden_record_outputs[case].record()
    if update_goldens:
        write_record(case, produced)
        return
    if not (EXPECTED / case).is_dir():
        pytest.fail(f"no record for case {case}: run pytest tests/golden_record --update-goldens", pytrace=False)
    report = differences(case, read_record(case), produced)
    if report:
        pytest.fail(f"{case}: rendered output differs from tests/golden_record/expected/{case} (if intended: "
                    f"pytest tests/golden_record --update-goldens)\n{report}", pytrace=False)


def test_runtime_is_the_same_for_every_case(golden_record_outputs: dict[str, Output]) -> None:
    """The record leaves the runtime out because it does not depend on the spec; that must stay true."""
    runtimes = {case: output.runtime() for case, output in golden_record_outputs.items()}
    reference: dict[str, bytes] = {}
    for case, runtime in runtimes.items():
        for path, content in runtime.items():
            first = reference.setdefault(path, content)
            assert content == first, f"{path} of case {case} differs from the other cases': record it per case"
    assert {"python/{package}/_base.py", "mock/mock_engine.py"} <= reference.keys()


def test_testing_helper_ships_the_mock_unchanged(golden_record_outputs: dict[str, Output]) -> None:
    for output in golden_record_outputs.values():
        files = output.files()
        for copy, original in output.copies().items():
            assert files[copy] == files[original], (output.case, copy)


def test_a_difference_is_reported_as_a_readable_diff() -> None:
    expected = {"a.py": b"x = 1\ny = 2\n", "gone.md": b"old\n"}
    produced = {"a.py": b"x = 1\ny = 3\n", "new.md": b"new\n"}
    report = differences("demo", expected, produced)
    assert "no longer written: demo/gone.md" in report
    assert "not in the record: demo/new.md" in report
    assert "--- expected/demo/a.py" in report and "-y = 2" in report and "+y = 3" in report
    assert differences("demo", expected, dict(expected)) == ""
