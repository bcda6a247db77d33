"""Request bodies: compact JSON bytes, or, for bodies carrying a lot of text (a 100 MiB prompt,
hundreds of base64 images, thousands of messages), a re-iterable stream of JSON pieces.

``json.dumps(...).encode()`` would hold the whole body twice (as ``str``, then as ``bytes``) next
to the caller's data; the streamed form escapes large strings slice by slice, so the only copy of
the data that exists at once is the piece being sent.
"""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator, Iterator
from json.encoder import encode_basestring
from typing import Any

__all__ = ["Base64Data", "JsonStream", "encode_body"]


class Base64Data:
    """Binary data that goes on the wire as a base64 JSON string, encoded only while the body is
    written: an image given as bytes or a path is never held as base64 text as well."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __len__(self) -> int:
        return (len(self.data) + 2) // 3 * 4

    def __str__(self) -> str:
        return base64.b64encode(self.data).decode("ascii")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Base64Data):
            return self.data == other.data
        return isinstance(other, str) and str(self) == other

    __hash__ = None  # type: ignore[assignment]


def _default(value: object) -> str:
    if isinstance(value, Base64Data):
        return str(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_default).encode
# Base64 turns 3 bytes into 4 characters: slices of whole 3-byte groups encode independently.
_B64_SLICE = 3 << 18
# Bodies whose strings add up to more than this are streamed; pieces are flushed at about this size.
LARGE = 1 << 20
_PIECE = 1 << 20


def _text_size(value: Any, limit: int) -> int:
    """Total length of the strings in ``value``, counted until it passes ``limit``."""
    t = type(value)
    if t is str or t is Base64Data:
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
    elif t is Base64Data:
        data = value.data
        yield '"'
        for start in range(0, len(data), _B64_SLICE):
            yield base64.b64encode(data[start : start + _B64_SLICE]).decode("ascii")
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
