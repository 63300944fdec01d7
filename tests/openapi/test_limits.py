"""Hostile documents are refused quickly with one line: alias bombs, 10^5-deep nesting (JSON and YAML), in
`validate`, `generate` and `ingest` (YAML fenced in a page goes through the same loader)."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest

from generator.cli import main
from generator.openapi.io import MAX_ALIAS_EXPANSION, MAX_DEPTH, parse_text

BOMB = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n" + "x-a: &a [" + ",".join(['"lol"'] * 9) + "]\n" + "".join(
    f"x-{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


def deep_json(depth: int) -> str:
    return '{"openapi": "3.1.0", "x": ' + "[" * depth + "]" * depth + "}"


def deep_yaml(depth: int) -> str:
    return "openapi: 3.1.0\nx: " + "[" * depth + "]" * depth + "\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Exit code and stderr of one command. (How fast a bomb is refused is measured by benchmarks, not
    asserted here: the memory bound below is what catches an expansion.)"""
    code = main(list(argv))
    return code, capsys.readouterr().err.strip()


@pytest.mark.parametrize("text, message", [
    (BOMB, "aliases expand past"),
    (deep_json(100_000), "nested deeper than"),
    (deep_yaml(100_000), "nested deeper than"),
    (deep_json(MAX_DEPTH + 1), "nested deeper than"),
    ("a: &a [*a]\n", "refers to the node that holds it"),
])
def test_validate_and_generate_refuse_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    text: str, message: str) -> None:
    spec = tmp_path / "hostile.yaml"
    spec.write_text(text, encoding="utf-8")
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for argv in (["validate", str(spec)], ["generate", str(spec), "--out", str(tmp_path / "out")]):
        code, err = run(capsys, *argv)
        assert code == 1
        assert len(err.splitlines()) == 1 and message in err and "hostile.yaml" in err, err
    assert not (tmp_path / "out" / "python").exists()
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before < 500_000  # KiB; was 3.4 GB


def test_alias_bomb_fenced_in_a_page_is_refused_by_ingest(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.md"
    page.write_text("# API\n\n```yaml\n" + BOMB + "```\n", encoding="utf-8")
    code, err = run(capsys, "ingest", str(page), "-o", str(tmp_path / "out.yaml"))
    assert code == 1 and len(err.splitlines()) == 1 and "aliases expand past" in err and "page.md" in err
    assert not (tmp_path / "out.yaml").exists()


def test_deep_json_example_in_a_page_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.md"
    page.write_text("# API\n\nPOST /v1/x\n\n```json\n{\"a\": " + "[" * 100_000 + "]" * 100_000 + "}\n```\n",
                    encoding="utf-8")
    code, err = run(capsys, "ingest", str(page), "-o", str(tmp_path / "out.yaml"))
    # the page is still readable (its endpoint line): the hostile example is skipped with one warning
    assert code == 0 and "Traceback" not in err
    assert any("nested deeper than" in line and "page.md:6:" in line for line in err.splitlines())
    assert "/v1/x" in (tmp_path / "out.yaml").read_text(encoding="utf-8")


def test_ordinary_anchors_and_nesting_still_load() -> None:
    shared = "base: &p {name: id, in: path}\nuses: [*p, *p, *p]\n"
    assert parse_text(shared, "x")["uses"][2] == {"name": "id", "in": "path"}
    assert parse_text(deep_yaml(MAX_DEPTH - 2), "x")["openapi"] == "3.1.0"
    assert parse_text(deep_json(MAX_DEPTH - 2), "x")["openapi"] == "3.1.0"
    within = "a: &a [" + ",".join(["1"] * 1000) + "]\nb: [" + ",".join(["*a"] * (MAX_ALIAS_EXPANSION // 1100)) + "]\n"
    assert len(parse_text(within, "x")["b"]) == MAX_ALIAS_EXPANSION // 1100
