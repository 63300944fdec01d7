"""Models of `client.pets` in the Shapes: pydantic v2 classes from datamodel-code-generator.

Field names are valid Python identifiers; the names on the wire are kept as aliases.
"""

from __future__ import annotations

from enum import Enum, IntEnum
from typing import Literal

from pydantic import AwareDatetime, Field, RootModel

from .._model import Model
from ._other import Uuid


class PetKind(str, Enum):
    CAT = 'cat'
    DOG = 'dog'
    BIRD_OF_PREY = 'bird-of-prey'


class Priority(IntEnum):
    INTEGER_1 = 1
    INTEGER_2 = 2
    INTEGER_3 = 3


class Version(str, Enum):
    V2 = 'v2'


class Labels(RootModel[dict[str, str]]):
    root: dict[str, str]


class Owner(Model):
    name: str
    email: str | None = None


class Cat(Model):
    kind: Literal['cat']
    lives: int = Field(..., ge=0, le=9)


class Dog(Model):
    kind: Literal['dog']
    good: bool | None = True


class Base(Model):
    id: Uuid
    """
    The pet's id.
    """
    created: AwareDatetime | None = None


class Pet(Base):
    name: str = Field(..., max_length=64, min_length=1)
    owner: Owner | None = None
    details: Cat | Dog = Field(..., discriminator='kind')
    nickname: str | int | None = None
    priority: Priority | None = None
    version: Version | None = None
    tags: list[str] | None = None
    labels: Labels | None = None
    weight: float | None = Field(None, gt=0.0)


class PetPage(Model):
    items: list[Pet]
    next: str | None = None

