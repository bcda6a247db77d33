"""Decoding a JSON object while keeping where each member's value sits in the text.

An embedding answer holds hundreds of thousands of numbers. Checking that every one of them is a
number (``sum()`` over each vector, as the generated ``from_dict`` does) costs about 2.5 % of the
call, more than the benchmark target allows. The text can prove it far more cheaply: an array whose
text has no string quote, no brace, none of the letters of ``true``, ``false`` and ``null`` that
no number contains, and no ``[`` beyond its own and its rows' holds only numbers. Those are a few ``str.find`` calls (memchr
speed) over the array's text, which this module locates by decoding the top-level object member by
member with the C scanner, at the same cost as decoding it whole.

Anything unusual (not an object, stray characters, invalid JSON) gives ``None`` and the caller
decodes the ordinary way, so behaviour never depends on this module, only speed does.
"""

from __future__ import annotations

import json
import json.scanner
from collections.abc import Callable
from typing import Any

__all__ = ["decode_object", "numbers_only"]

_decoder = json.JSONDecoder()
# typeshed declares make_scanner's argument as a make_scanner; CPython takes the decoder.
_scan: Callable[[str, int], tuple[Any, int]] = json.scanner.make_scanner(_decoder)  # type: ignore[arg-type]
_SPACE = " \t\n\r"


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in _SPACE:
        i += 1
    return i


def decode_object(text: str) -> tuple[dict[str, Any], dict[str, tuple[int, int]]] | None:
    """The JSON object ``text`` holds (exactly what ``json.loads`` gives) and the ``(start, end)``
    span of each member's value; None when ``text`` is not a plain JSON object."""
    out: dict[str, Any] = {}
    spans: dict[str, tuple[int, int]] = {}
    try:
        i = _skip(text, 0)
        if text[i] != "{":
            return None
        i = _skip(text, i + 1)
        if text[i] == "}":
            i += 1
        else:
            while True:
                if text[i] != '"':
                    return None
                key, i = _scan(text, i)
                i = _skip(text, i)
                if text[i] != ":":
                    return None
                start = _skip(text, i + 1)
                value, i = _scan(text, start)
                out[key] = value  # a repeated key keeps its last value, as json.loads does
                spans[key] = (start, i)
                i = _skip(text, i)
                if text[i] == "}":
                    i += 1
                    break
                if text[i] != ",":
                    return None
                i = _skip(text, i + 1)
    except (IndexError, StopIteration, ValueError):
        return None
    if _skip(text, i) != len(text):
        return None
    return out, spans


def numbers_only(text: str, span: tuple[int, int], rows: list[Any]) -> bool:
    """Whether the text ``span`` of the array ``rows`` (decoded from it) is an array of arrays of
    JSON numbers: no string, literal or object anywhere in it, and exactly one ``[`` per row plus
    the outer one."""
    start, end = span
    find = text.find
    # A string needs a quote, an object a brace, true and null a "u", false an "a" (so does NaN,
    # which then only takes the slower path); each find runs at memchr speed.
    for mark in '"{ua':
        if find(mark, start, end) >= 0:
            return False
    opened = 0
    at = find("[", start, end)
    while at >= 0:
        opened += 1
        at = find("[", at + 1, end)
    return opened == len(rows) + 1
