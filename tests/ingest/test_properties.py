"""Property tests: hints written into a description come back out; inferred schemas admit their example."""

from __future__ import annotations

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.ingest.hints import lift
from generator.ingest.infer import infer

# `or` and `and` separate listed values (`a, b or c`): a value spelled so is not one a reader can tell apart
words = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True).filter(lambda w: w not in ("or", "and"))


@settings(max_examples=150, deadline=None)
@given(low=st.integers(-1000, 1000), span=st.integers(0, 1000), pick=st.integers(0, 1000),
       style=st.sampled_from(["zh", "en", "mintlify"]))
def test_integer_default_and_range_round_trip(low: int, span: int, pick: int, style: str) -> None:
    high = low + span
    default = low + pick % (span + 1)
    text = {
        "zh": f"步数。默认值:{default} 范围值:{low}-{high}" if low >= 0 else f"步数。默认值:{default} 范围:{low}到{high}",
        "en": f"Steps to run. Must be between {low} and {high}. Default: {default}",
        "mintlify": f"Steps to run. Required range: {low} <= x <= {high} (default {default})",
    }[style]
    found = lift(text, "integer")
    assert (found["default"], found["minimum"], found["maximum"]) == (default, low, high)


@settings(max_examples=150, deadline=None)
@given(options=st.lists(words, min_size=2, max_size=6, unique=True), index=st.integers(0, 5),
       style=st.sampled_from(["dun", "zh", "en"]))
def test_enum_round_trip(options: list[str], index: int, style: str) -> None:
    default = options[index % len(options)]
    text = {
        "dun": f"格式,{'、'.join(options)}。默认 {default}",
        "zh": f"格式。默认值:\"{default}\" 支持{'、'.join(options)}",
        "en": f"The format. Available options: {', '.join(options)}. Default: {default}",
    }[style]
    found = lift(text, "string")
    assert found["enum"] == options
    assert found["default"] == default


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=80))
def test_lift_never_contradicts_itself(text: str) -> None:
    found = lift(text, "number")
    if "minimum" in found and "maximum" in found:
        assert found["minimum"] <= found["maximum"]
    if "enum" in found and "default" in found:
        assert str(found["default"]).lower() in {str(v).lower() for v in found["enum"]}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=5),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(value=json_values)
def test_inferred_schema_admits_its_example(value: object) -> None:
    schema = infer(value)
    jsonschema.validate(value, schema)


@settings(max_examples=100, deadline=None)
@given(value=st.integers() | st.floats(allow_nan=False, allow_infinity=False))
def test_numeric_literals_are_numbers(value: float) -> None:
    assert infer(value) == {"type": "number"}


def test_items_of_mixed_arrays_merge_when_the_type_lists_are_equal():
    schema = infer([[False, None, [None]], [False, None, [False]]])
    jsonschema.validate([[False, None, [None]], [False, None, [False]]], schema)
