"""How the docs name a referenced schema: by its component's key, read through the one `$ref` reader."""

from __future__ import annotations

from generator.render.docs.schema import Resolver, type_text


def test_a_percent_escaped_ref_is_named_by_its_key() -> None:
    spec = {"components": {"schemas": {"My Pet": {"type": "object", "properties": {"a": {"type": "string"}}},
                                       "a/b": {"type": "object", "properties": {"b": {"type": "string"}}}}}}
    resolver = Resolver(spec)
    assert type_text({"$ref": "#/components/schemas/My%20Pet"}, resolver) == "My Pet"
    assert type_text({"$ref": "#/components/schemas/a~1b"}, resolver) == "a/b"
    assert type_text({"type": "array", "items": {"$ref": "#/components/schemas/My%20Pet"}}, resolver) == \
        "array of My Pet"
