"""Structured output: JSON Schema from classes for ``format=``, and parsing the answer back into them."""

from __future__ import annotations

import dataclasses
import datetime
import enum
import json
import uuid
from typing import Any, Literal, NotRequired, TypedDict

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ollixir._errors import OllixirError, RequestError
from ollixir._schema.schema import StructuredOutputError, json_schema_for, parse_structured


class Mood(enum.Enum):
    HAPPY = "happy"
    SAD = "sad"


@dataclasses.dataclass
class Address:
    city: str
    zip_code: str | None = None


@dataclasses.dataclass
class Person:
    """Someone mentioned in the text."""

    name: str
    age: int
    mood: Mood
    addresses: list[Address]
    nickname: str | None = None
    tags: list[str] = dataclasses.field(default_factory=list)


class Movie(TypedDict):
    title: str
    year: int
    genres: NotRequired[list[Literal["drama", "comedy"]]]


@attrs.define
class Measurement:
    value: float
    unit: str = attrs.field(default="m", metadata={"description": "SI unit."})
    taken: datetime.date | None = None


def test_dataclass_schema() -> None:
    assert json_schema_for(Person) == {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "age": {"type": "integer"},
            "mood": {"type": "string", "enum": ["happy", "sad"]},
            "addresses": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "city": {"type": "string"},
                        "zip_code": {"type": ["string", "null"], "default": None},
                    },
                    "required": ["city"],
                },
            },
            "nickname": {"type": ["string", "null"], "default": None},
            "tags": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["name", "age", "mood", "addresses"],
        "description": "Someone mentioned in the text.",
    }


def test_typeddict_attrs_enum_and_other_schemas() -> None:
    assert json_schema_for(Movie) == {
        "type": "object",
        "properties": {
            "title": {"type": "string"},
            "year": {"type": "integer"},
            "genres": {"type": "array", "items": {"type": "string", "enum": ["drama", "comedy"]}},
        },
        "required": ["title", "year"],
    }
    assert json_schema_for(Measurement) == {
        "type": "object",
        "properties": {
            "value": {"type": "number"},
            "unit": {"type": "string", "description": "SI unit.", "default": "m"},
            "taken": {"type": ["string", "null"], "format": "date", "default": None},
        },
        "required": ["value"],
    }
    assert json_schema_for(Mood) == {"type": "string", "enum": ["happy", "sad"]}
    assert json_schema_for(list[Address])["items"]["required"] == ["city"]
    schema = {"type": "object", "properties": {"x": {"type": "integer"}}}
    assert json_schema_for(schema) is schema
    with pytest.raises(RequestError, match="structured output complex: unsupported type annotation"):
        json_schema_for(complex)


def test_schemas_serialise_deterministically() -> None:
    assert json.dumps(json_schema_for(Person)) == json.dumps(json_schema_for(Person))


def test_parse_dataclass_nested() -> None:
    text = json.dumps(
        {
            "name": "Ada",
            "age": 36,
            "mood": "happy",
            "addresses": [{"city": "London"}, {"city": "Paris", "zip_code": "75001"}],
            "unexpected": "ignored",
        }
    )
    assert parse_structured(Person, text) == Person(
        name="Ada", age=36, mood=Mood.HAPPY, addresses=[Address("London"), Address("Paris", "75001")]
    )


def test_parse_typeddict_attrs_and_generic() -> None:
    movie = parse_structured(Movie, '{"title": "Up", "year": 2009, "genres": ["comedy"]}')
    assert movie == {"title": "Up", "year": 2009, "genres": ["comedy"]} and type(movie) is dict
    measured = parse_structured(Measurement, '{"value": 3, "taken": "2024-05-01"}')
    assert measured == Measurement(3.0, "m", datetime.date(2024, 5, 1))
    assert parse_structured(list[Mood], '["sad", "happy"]') == [Mood.SAD, Mood.HAPPY]
    assert parse_structured(dict[str, uuid.UUID], '{"a": "12345678-1234-5678-1234-567812345678"}') == {
        "a": uuid.UUID("12345678-1234-5678-1234-567812345678")
    }
    assert parse_structured({"type": "object"}, ' {"free": [1]} ') == {"free": [1]}


@pytest.mark.parametrize(
    ("cls", "text", "path", "message"),
    [
        (Person, "{not json", "", "structured output is not valid JSON: Expecting property name"),
        (
            Person,
            '{"name": "A", "mood": "happy", "addresses": []}',
            "age",
            "at 'age': missing required field",
        ),
        (
            Person,
            '{"name": "A", "age": "36", "mood": "happy", "addresses": []}',
            "age",
            "expected an integer",
        ),
        (
            Person,
            '{"name": "A", "age": 3, "mood": "angry", "addresses": []}',
            "mood",
            'expected one of "happy", "sad"',
        ),
        (
            Person,
            '{"name": "A", "age": 3, "mood": "sad", "addresses": [{"zip_code": "1"}]}',
            "addresses[0].city",
            "missing",
        ),
        (Person, '{"name": "A", "age": 3, "mood": "sad", "addresses": {}}', "addresses", "expected an array"),
        (
            Person,
            '{"name": "A", "age": 3, "mood": "sad", "addresses": [], "nickname": 5}',
            "nickname",
            "expected",
        ),
        (Person, "[]", "", "expected an object, got an array"),
        (
            Movie,
            '{"title": "Up", "year": 2009, "genres": ["horror"]}',
            "genres[0]",
            'expected one of "drama", "comedy"',
        ),
        (Measurement, '{"value": true}', "value", "expected a number, got true"),
        (Measurement, '{"value": 1, "taken": "yesterday"}', "taken", "expected"),
    ],
)
def test_parse_failures(cls: Any, text: str, path: str, message: str) -> None:
    with pytest.raises(StructuredOutputError) as caught:
        parse_structured(cls, text)
    error = caught.value
    assert message in str(error)
    assert error.path == path
    assert error.text == text
    assert isinstance(error, OllixirError) and isinstance(error, ValueError)


def test_parse_strictness() -> None:
    # The grammar constrains the answer, so quoted numbers are not silently accepted, but 2.0 is an int.
    assert parse_structured(Address, '{"city": "X", "zip_code": null}') == Address("X")
    assert parse_structured(list[int], "[1, 2.0]") == [1, 2]
    with pytest.raises(StructuredOutputError, match=r"at '\[0\]': expected an integer, got number 1.5"):
        parse_structured(list[int], "[1.5]")


@given(st.text())
def test_parse_only_raises_structured_output_error(text: str) -> None:
    try:
        result = parse_structured(Person, text)
    except StructuredOutputError as error:
        assert error.text == text
    else:
        assert isinstance(result, Person)


def test_pydantic_models() -> None:
    pydantic = pytest.importorskip("pydantic")

    class Pet(pydantic.BaseModel):  # type: ignore[misc, name-defined]
        name: str
        species: Literal["cat", "dog"]

    class Owner(pydantic.BaseModel):  # type: ignore[misc, name-defined]
        name: str
        pets: list[Pet]

    schema = json_schema_for(Owner)
    assert "$defs" not in schema and "$ref" not in json.dumps(schema)
    assert schema["properties"]["pets"]["items"]["properties"]["species"]["enum"] == ["cat", "dog"]
    owner = parse_structured(Owner, '{"name": "Sam", "pets": [{"name": "Rex", "species": "dog"}]}')
    assert owner.pets[0].name == "Rex"
    with pytest.raises(StructuredOutputError, match="does not match Owner"):
        parse_structured(Owner, '{"name": "Sam", "pets": [{"name": "Rex", "species": "bird"}]}')

    class Tree(pydantic.BaseModel):  # type: ignore[misc, name-defined]
        children: list[Tree]

    recursive = json_schema_for(Tree)
    assert "$defs" in recursive or "$ref" in json.dumps(recursive)  # left as pydantic wrote it
