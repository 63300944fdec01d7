"""Models of `client.users` in the Clashes: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from pydantic import Field

from .._model import Model


class User(Model):
    id: str | None = None
    user_name: str | None = Field(None, alias='userName')
    user_name_1: str | None = Field(None, alias='user_name')


class User2(Model):
    handle: str | None = None


class UserProfile(Model):
    bio: str | None = None


class UserProfile2(Model):
    avatar: str | None = None


class BaseModelModel(Model):
    schema_: str | None = Field(None, alias='schema')
    json_: str | None = Field(None, alias='json')
    dict_: str | None = Field(None, alias='dict')


class ModelModel(Model):
    name: str | None = None
    base: BaseModelModel | None = None

