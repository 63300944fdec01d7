"""Documents are read by libyaml (`_FastLoader`), with the same result, bounds and errors as the pure-Python
reader (`_Loader`): a large YAML document (OpenAI's, 3 MB) was 7 s of pure-Python scanning."""

from __future__ import annotations

import pytest
import yaml

from generator.errors import ApigenError
from generator.openapi import io
from generator.openapi.io import parse_text

DOCUMENT = """\
openapi: 3.1.0
info:
  title: "T \\u00e9 \\"q\\""
  version: '1.0'
  description: |
    line one
      indented "two"
    三行目 🎉
x-folded: >
  a
  b
x-values: [on, off, yes, no, null, ~, 1e3, 0x1f, 1_000, .inf, 2024-01-02, "2024-01-02", 12:30]
paths:
  /a:
    get: &op
      operationId: a
      parameters: [{name: q, in: query, schema: {type: string, default: 'it''s'}}]
  /b:
    get: *op
x-merge:
  <<: {k: 1}
  j: 2
"""


def test_libyaml_reads_what_the_python_reader_reads() -> None:
    assert yaml.load(DOCUMENT, Loader=io._FastLoader) == yaml.load(DOCUMENT, Loader=io._Loader)
    assert parse_text(DOCUMENT, "doc.yaml") == yaml.load(DOCUMENT, Loader=io._Loader)


def test_a_valid_document_is_read_once_by_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    assert yaml.__with_libyaml__ and io._FastLoader is not io._Loader
    readers: list[str] = []
    real = yaml.load

    def spy(text: str, Loader: type) -> object:
        readers.append(Loader.__name__)
        return real(text, Loader=Loader)

    monkeypatch.setattr(io.yaml, "load", spy)
    parse_text(DOCUMENT, "doc.yaml")
    assert readers == ["_FastLoader"]


@pytest.mark.parametrize("text", ["a: [1, 2\n", "a: 1\n b: 2\n", "a: *nowhere\n", "a: &a [*a]\n",
                                  "a:\tb\n\tc: d\n"])
def test_errors_are_worded_as_the_python_reader_words_them(text: str) -> None:
    with pytest.raises(ApigenError) as fast:
        parse_text(text, "bad.yaml")
    try:
        yaml.load(text, Loader=io._Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        assert f"bad.yaml:{mark.line + 1}:" in str(fast.value) if mark else True
        assert (getattr(error, "problem", None) or str(error)) in str(fast.value)
    else:
        pytest.fail("the Python reader took it")
