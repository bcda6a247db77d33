"""Reading one numeric matrix field of a JSON object straight into a NumPy array.

An embedding answer is almost all one field, ``"embeddings": [[...], [...], ...]``. Decoding the
whole body first would build a Python float (24 bytes, plus 8 for its list slot) per number before
the array exists. Here the field's rows are found in the raw bytes and decoded one at a time into
a preallocated array, so the only floats alive at once are one row's. Everything else in the object
is decoded by the standard library's scanner, so its values are exactly ``json.loads``'s.

The same walk serves typed list results with the ``speedups`` extra: each row goes through orjson,
and the byte check that admits a row (nothing but numbers) is the proof the typed model needs that
every vector holds only numbers, so it does not check them one by one.

The fast path is taken only when it is certainly exact: the rows must hold nothing but numbers (no
strings, ``NaN``, ``true`` or nested arrays), every row must have the same length, and the matrix must
be the object's (last) value for the key. Anything else returns ``None`` and the caller decodes the
body the ordinary way, which gives the same values or the precise error.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .jsondecode import loads

if TYPE_CHECKING:
    import numpy

__all__ = ["decode_matrix_field"]

_scan: Callable[[str, int], tuple[Any, int]] = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]
_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_WS = re.compile(r"[ \t\n\r]*")
_WS_BYTES = re.compile(rb"[ \t\n\r]*")
# What a row of plain JSON numbers consists of, besides its brackets.
_NUMBER_BYTES = b"0123456789.eE+-, \t\n\r"


def _object_with_position(text: str, key: str) -> tuple[dict[str, Any], int] | None:
    """Decode a JSON object as ``json.loads`` does, plus where its last value for ``key`` starts.

    None when ``text`` is not a single JSON object or has no such key: the caller then decodes the
    whole body the ordinary way, which raises the right error.
    """
    pos = _WS.match(text, 0).end()  # type: ignore[union-attr]
    if text[pos : pos + 1] != "{":
        return None
    data: dict[str, Any] = {}
    found = -1
    pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
    try:
        if text[pos : pos + 1] != "}":
            while True:
                if text[pos : pos + 1] != '"':
                    return None
                name, pos = _scanstring(text, pos + 1)
                pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
                if text[pos : pos + 1] != ":":
                    return None
                pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
                if name == key:
                    found = pos
                data[name], pos = _scan(text, pos)
                pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
                separator = text[pos : pos + 1]
                pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
                if separator == "}":
                    break
                if separator != ",":
                    return None
        else:
            pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
    except (StopIteration, ValueError, RecursionError):
        return None
    if pos != len(text) or found < 0:
        return None
    return data, found


def _row_spans(body: bytes, start: int) -> tuple[list[tuple[int, int]], int] | None:
    """The ``(begin, end)`` byte spans of the rows of the array of arrays at ``start``, and where it ends."""
    spans: list[tuple[int, int]] = []
    pos = _WS_BYTES.match(body, start + 1).end()  # type: ignore[union-attr]
    if body[pos : pos + 1] == b"]":
        return spans, pos + 1
    while True:
        if body[pos : pos + 1] != b"[":
            return None
        # Rows of numbers hold no brackets; anything else fails the row's own check later.
        close = body.find(b"]", pos)
        if close < 0:
            return None
        spans.append((pos, close + 1))
        pos = _WS_BYTES.match(body, close + 1).end()  # type: ignore[union-attr]
        separator = body[pos : pos + 1]
        if separator == b"]":
            return spans, pos + 1
        if separator != b",":
            return None
        pos = _WS_BYTES.match(body, pos + 1).end()  # type: ignore[union-attr]


def _locate(body: bytes, key: str) -> tuple[dict[str, Any], list[tuple[int, int]]] | None:
    """The object with ``None`` under ``key``, and the byte spans of that member's rows; None when
    the member is not certainly the object's own (last) ``key`` holding an array of arrays."""
    marker = b'"' + key.encode() + b'"'
    at = body.find(marker)
    if at < 0:
        return None
    pos = _WS_BYTES.match(body, at + len(marker)).end()  # type: ignore[union-attr]
    if body[pos : pos + 1] != b":":
        return None
    start = _WS_BYTES.match(body, pos + 1).end()  # type: ignore[union-attr]
    if body[start : start + 1] != b"[":
        return None
    rows = _row_spans(body, start)
    if rows is None:
        return None
    spans, end = rows
    try:
        rest = (body[:start] + b"null" + body[end:]).decode()
        head_chars = len(body[:start].decode())
    except UnicodeDecodeError:
        return None
    decoded = _object_with_position(rest, key)
    # Exact only if the cut-out array is the object's own (last) value for the key.
    if decoded is None or decoded[1] != head_chars:
        return None
    return decoded[0], spans


def decode_matrix_field(
    body: bytes, key: str, dtype: numpy.dtype[Any] | None
) -> tuple[dict[str, Any], Any] | None:
    """The JSON object in ``body`` (with ``None`` under ``key``) and its ``key`` member, an array of
    arrays of numbers, decoded row by row: a list of lists when ``dtype`` is None (rows may differ in
    length), else a 2-D array of ``dtype`` (they may not).

    None when the fast path does not apply (see the module's docstring).
    """
    located = _locate(body, key)
    if located is None:
        return None
    data, spans = located
    try:
        if dtype is None:
            rows: list[Any] = []
            for begin, stop in spans:
                row = body[begin:stop]
                if row.translate(None, _NUMBER_BYTES) != b"[]":
                    return None
                rows.append(loads(row))
            return data, rows
        import numpy

        out: numpy.ndarray[Any, Any] | None = None
        for index, (begin, stop) in enumerate(spans):
            row = body[begin:stop]
            if row.translate(None, _NUMBER_BYTES) != b"[]":
                return None
            values = loads(row)
            if out is None:
                out = numpy.empty((len(spans), len(values)), dtype=dtype)
            elif len(values) != out.shape[1]:
                return None
            out[index] = values
    except (ValueError, OverflowError, RecursionError):
        return None
    if out is None:
        out = numpy.empty((0, 0), dtype=dtype)
    return data, out
