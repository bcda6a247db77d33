"""The porting suite (``tests/test_porting_*.py``): code written the way the official ``ollama`` client's
README and examples use it runs once on the official client and once on ollixir, against the test server.

Test bodies take the ``ollama`` fixture (tests/conftest.py), which is either module, so each check is the
official client's own behaviour before it is ollixir's. Where ollixir differs on purpose, the test says so
in an ``if ollama is ollixir:`` branch with a ``# Difference:`` comment naming the difference (README,
"Coming from the official ollama client"); ``tests/test_porting_census.py`` counts both.
"""

from __future__ import annotations

import base64
import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

import pytest
from pydantic import BaseModel

import ollixir
from ollixir._clients import default

__all__ = [
    "PNG",
    "FriendInfo",
    "FriendList",
    "add_two_numbers",
    "module_under_test",
    "subtract_two_numbers",
    "subtract_two_numbers_tool",
]


@contextmanager
def module_under_test(name: str, url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    """``ollama`` or ``ollixir`` as a program started with ``OLLAMA_HOST`` pointing at ``url`` sees it."""
    monkeypatch.setenv("OLLAMA_HOST", url)
    monkeypatch.delenv("OLLAMA_API_KEY", raising=False)
    if name == "ollixir":
        try:
            yield ollixir
        finally:
            default.close_default()
        return
    import ollama

    # The official package builds the client behind ollama.chat, ollama.list, ... when it is imported,
    # from OLLAMA_HOST; reloading it is importing it in a program started with OLLAMA_HOST set. The
    # previous module state comes back afterwards, for other tests that use the official client.
    saved = dict(vars(ollama))
    importlib.reload(ollama)
    try:
        yield ollama
    finally:
        ollama._client.close()
        vars(ollama).update(saved)


# -- what the official examples define ----------------------------------------------------------------


def add_two_numbers(a: int, b: int) -> int:
    """
    Add two numbers

    Args:
      a (int): The first number
      b (int): The second number

    Returns:
      int: The sum of the two numbers
    """
    return int(a) + int(b)


def subtract_two_numbers(a: int, b: int) -> int:
    """
    Subtract two numbers
    """
    return int(a) - int(b)


subtract_two_numbers_tool = {
    "type": "function",
    "function": {
        "name": "subtract_two_numbers",
        "description": "Subtract two numbers",
        "parameters": {
            "type": "object",
            "required": ["a", "b"],
            "properties": {
                "a": {"type": "integer", "description": "The first number"},
                "b": {"type": "integer", "description": "The second number"},
            },
        },
    },
}


class FriendInfo(BaseModel):
    name: str
    age: int
    is_available: bool


class FriendList(BaseModel):
    friends: list[FriendInfo]


# A 1x1 PNG: the fake models count images without decoding them, but both clients check base64.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
