"""Named aliases (specs/aliases.yaml, AWS-style: every string and list a component, reached through
`allOf: [$ref]` with a description) are written out in place: `r.channel_summaries[0].channel_name`, not
`r.channel_summaries.root.root[0].channel_name.root.root`; objects and enums keep their classes."""

from __future__ import annotations

import typing
from types import ModuleType

import pytest

from tests.sdk.conftest import Generated, load

PAYLOAD = {"channelSummaries": [{"channelName": "news", "enabled": True, "createdAt": "2024-01-01T00:00:00Z",
                                 "tags": [{"key": "k", "value": "v"}], "nameList": ["a", "b"]}],
           "nextToken": "t"}


@pytest.fixture
def sdk(sdks: dict[str, Generated]) -> ModuleType:
    return load(sdks["aliases"])


def test_nested_values_read_as_plain_python(sdk: ModuleType) -> None:
    from channels.models import ListChannelsResponse

    r = ListChannelsResponse.model_validate(PAYLOAD)
    assert r.channel_summaries is not None and r.next_token == "t"
    summary = r.channel_summaries[0]
    assert summary.channel_name == "news" and summary.enabled is True and summary.name_list == ["a", "b"]
    assert summary.tags is not None and summary.tags[0].key == "k"
    assert r.model_dump(by_alias=True, exclude_unset=True, mode="json")["channelSummaries"][0]["nameList"] == ["a", "b"]


def test_annotations_name_the_objects_not_wrappers(sdk: ModuleType) -> None:
    from channels.models import ChannelSummary, ListChannelsResponse

    hints = typing.get_type_hints(ListChannelsResponse)
    assert hints["channel_summaries"] == list[ChannelSummary] | None
    assert typing.get_type_hints(ChannelSummary)["channel_name"] == str | None
    # The alias keeps its bounds where it is a field, and its description.
    field = ChannelSummary.model_fields["channel_name"]
    assert any(getattr(m, "max_length", None) == 128 for m in field.metadata)
    with pytest.raises(ValueError):
        ChannelSummary.model_validate({"channelName": ""})


def test_calls_return_the_plain_shapes(sdk: ModuleType) -> None:
    import channels.testing

    client = sdk.Client(api_key="k", http_client=channels.testing.mock_http_client())
    result = client.channels.list_channels(max_results=5)
    assert isinstance(result.channel_summaries, list)
    assert all(isinstance(s.channel_name, (str, type(None))) for s in result.channel_summaries)


def test_a_discriminator_value_shared_by_two_members_gives_a_plain_union(sdk: ModuleType) -> None:
    from channels.models import InputMessage, OutputMessage, Session, ToolCall

    session = Session.model_validate({"items": [{"type": "message", "role": "assistant"}, {"type": "tool_call"},
                                                {"type": "message", "role": "user"}]})
    assert session.items is not None
    assert [type(i.root) if hasattr(i, "root") else type(i) for i in session.items] == [OutputMessage, ToolCall,
                                                                                        InputMessage]


def test_list_defaults_are_factories(sdk: ModuleType) -> None:
    from channels.models import Session

    first, second = Session(), Session()
    assert first.modalities is not None and [m.value if hasattr(m, "value") else m for m in first.modalities] == ["audio"]
    assert first.modalities is not second.modalities


def test_union_defaults_and_bounded_map_keys(sdk: ModuleType) -> None:
    from channels.models import Hyperparameters

    parsed = Hyperparameters.model_validate({"batch_size": 8, "attributes": {"k": "v", "n": 1.5}})
    assert parsed.model_dump(mode="json", exclude_unset=True) == {"batch_size": 8, "attributes": {"k": "v", "n": 1.5}}
    assert Hyperparameters.model_validate({"batch_size": "auto"}).model_dump(mode="json", exclude_unset=True) == {
        "batch_size": "auto"}


def test_an_allof_redefining_a_base_field_is_one_flat_model(sdk: ModuleType) -> None:
    from channels.models import CallStatus, ComputerCallOutput

    parsed = ComputerCallOutput.model_validate({"call_id": "c", "status": "incomplete", "output": "o"})
    assert parsed.call_id == "c" and parsed.status == CallStatus.INCOMPLETE and parsed.output == "o"
    assert set(ComputerCallOutput.model_fields) == {"call_id", "status", "output"}
    with pytest.raises(ValueError):
        ComputerCallOutput.model_validate({"status": "completed", "output": "o"})  # call_id stays required
