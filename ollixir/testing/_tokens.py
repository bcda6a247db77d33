"""The fake models' tokens (``\\s*\\S+|\\s+``: a word with the whitespace before it), counted in linear time.

Prompts can be many megabytes, so nothing here holds all of a prompt's tokens at once or does work that
grows faster than the text: long texts are taken in slices cut between tokens, and ``check`` (which
raises when the client has gone) is called between slices so a departed client stops the work.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Final

__all__ = ["context_ids", "count_tokens", "first_tokens", "iter_tokens", "token_ids", "tokenize"]

_TOKEN: Final = re.compile(r"\s*\S+|\s+")
# The end of a word followed by whitespace: no token crosses it.
_BOUNDARY: Final = re.compile(r"\S(?=\s)")
_SLICE: Final = 1 << 18  # characters per slice: a few milliseconds of work
_TABLE_LIMIT: Final = 1 << 16


def _nothing() -> None:
    return None


def tokenize(text: str) -> list[str]:
    """Split text into the fake models' tokens."""
    return _TOKEN.findall(text)


def iter_tokens(text: str) -> Iterator[str]:
    """The tokens of ``text`` one by one, found as they are asked for."""
    return (match.group() for match in _TOKEN.finditer(text))


def _slices(text: str) -> Iterator[str]:
    start = 0
    while len(text) - start > _SLICE:
        found = _BOUNDARY.search(text, start + _SLICE)
        if found is None:
            break
        yield text[start : found.end()]
        start = found.end()
    yield text[start:]


def count_tokens(text: str, check: Callable[[], None] = _nothing) -> int:
    """``len(tokenize(text))`` without building the tokens."""
    count = 0
    for piece in _slices(text):
        check()
        # Each word is one token; whitespace after the last word is one more.
        count += len(piece.split())
    if text and text[-1].isspace():
        count += 1
    return count


def token_ids(tokens: Iterable[str]) -> list[int]:
    """generate's ``context`` ints: the byte sum of each token."""
    return [sum(token.encode()) for token in tokens]


def context_ids(text: str, check: Callable[[], None] = _nothing) -> list[int]:
    """``token_ids(tokenize(text))``, a slice at a time, each distinct token summed once."""
    ids: list[int] = []
    table: dict[str, int] = {}
    for piece in _slices(text):
        check()
        tokens = _TOKEN.findall(piece)
        if len(table) > _TABLE_LIMIT:
            table.clear()
        for token in set(tokens).difference(table):
            table[token] = sum(token.encode())
        ids += map(table.__getitem__, tokens)
    return ids


def first_tokens(text: str, limit: int) -> tuple[str, int, bool]:
    """The text of at most ``limit`` leading tokens, how many that is, and whether more follow."""
    end = 0
    count = 0
    for match in _TOKEN.finditer(text):
        if count == limit:
            return text[:end], count, True
        count += 1
        end = match.end()
    return text[:end], count, False
