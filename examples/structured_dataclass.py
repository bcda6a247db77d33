"""Structured output from a Python class: pass a dataclass as ``format=``, get an instance back.

ollixir turns the class into a JSON Schema, and ``ollixir.parsed(reply, Cls)`` checks the answer and builds
the instance (raising ``StructuredOutputError`` naming the field that does not fit). TypedDicts, attrs classes
and pydantic models work the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from _support import CHAT_MODEL, connect

import ollixir


@dataclass
class Pet:
    name: str
    species: Literal["cat", "dog", "bird"]
    age: int


@dataclass
class PetList:
    pets: list[Pet]


def main() -> None:
    prompt = "I have a cat named Luna who is 5 and a dog named Rex who is 3. Describe my pets."
    with connect() as client:
        reply = client.chat(CHAT_MODEL, [{"role": "user", "content": prompt}], format=PetList)
    result = ollixir.parsed(reply, PetList)
    print(f"parsed a {type(result).__name__} with {len(result.pets)} pet(s)")
    for pet in result.pets:
        print(f"  {pet.name}: a {pet.species}, {pet.age} years old")


if __name__ == "__main__":
    main()
