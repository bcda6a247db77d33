"""Request bodies: compact JSON bytes, or, for bodies carrying a lot of text (a 100 MiB prompt,
hundreds of base64 images, thousands of messages), a re-iterable stream of JSON pieces.

``json.dumps(...).encode()`` would hold the whole body twice (as ``str``, then as ``bytes``) next
to the caller's data; the streamed form escapes large strings slice by slice, so the only copy of
the data that exists at once is the piece being sent.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from json.encoder import encode_basestring
from typing import Any

__all__ = ["JsonStream", "encode_body"]

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
# Bodies whose strings add up to more than this are streamed; pieces are flushed at about this size.
LARGE = 1 << 20
_PIECE = 1 << 20


def _text_size(value: Any, limit: int) -> int:
    """Total length of the strings in ``value``, counted until it passes ``limit``."""
    t = type(value)
    if t is str:
        return len(value)
    total = 0
    if t is dict:
        value = value.values()
    elif t is not list:
        return 0
    for item in value:
        total += _text_size(item, limit - total)
        if total > limit:
            break
    return total


def encode_body(body: dict[str, Any]) -> bytes | JsonStream:
    if _text_size(body, LARGE) > LARGE:
        return JsonStream(body)
    return _dumps(body).encode()


class JsonStream:
    """The JSON text of ``value`` as bytes pieces; iterable any number of times (retries re-send it)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __iter__(self) -> Iterator[bytes]:
        buffer: list[str] = []
        size = 0
        for part in _pieces(self.value):
            if len(part) >= _PIECE:
                if buffer:
                    yield "".join(buffer).encode()
                    buffer, size = [], 0
                yield part.encode()
                continue
            buffer.append(part)
            size += len(part)
            if size >= _PIECE:
                yield "".join(buffer).encode()
                buffer, size = [], 0
        if buffer:
            yield "".join(buffer).encode()

    async def aiter(self) -> AsyncIterator[bytes]:
        for piece in self:
            yield piece


def _pieces(value: Any) -> Iterator[str]:
    t = type(value)
    if t is str:
        if len(value) <= _PIECE:
            yield encode_basestring(value)
            return
        yield '"'
        for start in range(0, len(value), _PIECE):
            yield encode_basestring(value[start : start + _PIECE])[1:-1]
        yield '"'
    elif t is dict:
        yield "{"
        first = True
        for key, item in value.items():
            yield (encode_basestring(key) + ":") if first else ("," + encode_basestring(key) + ":")
            first = False
            yield from _pieces(item)
        yield "}"
    elif t is list:
        yield "["
        for i, item in enumerate(value):
            if i:
                yield ","
            yield from _pieces(item)
        yield "]"
    else:
        yield _dumps(value)
