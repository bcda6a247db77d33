"""The one place that turns the server's JSON text into Python values.

Response bodies (:func:`~ollixir._core.call.read_json`) and NDJSON lines
(:class:`~ollixir._core.ndjson.NdjsonDecoder`) both decode here. With the ``speedups`` extra
(orjson) installed, :func:`loads` parses with orjson, about three times faster than the standard
library on float-heavy answers such as embeddings; without it, with the standard library. Either way
the result is the standard library's, value for value and error for error:

* orjson refuses what ``json`` accepts in a few places (``NaN``/``Infinity`` literals, lone
  surrogate escapes such as ``"\\ud83d"``, numbers that overflow to infinity, nesting past 1024
  levels): on any orjson error the text is decoded again by ``json``, which returns its own value or
  raises its own error.
* orjson silently turns integers outside the 64-bit range into floats, where ``json`` keeps an exact
  ``int``. Such an integer is a run of at least 19 digits ended by ``,``, ``]``, ``}``, whitespace or
  the end of the text, which no number a Go server prints from a float has, so text holding such a
  run goes to ``json`` directly (:func:`big_integer_possible`).

NDJSON lines shorter than :data:`ORJSON_MIN_LINE` keep the standard library's C scanner even with
orjson installed: for a typical streamed chunk (one token of text, about 130 bytes) it is as fast as
orjson, which then also pays for the integer check.

``loads`` raises ``ValueError`` (``json.JSONDecodeError``, or ``UnicodeDecodeError`` for invalid
UTF-8) or ``RecursionError`` (nesting deeper than the interpreter's limit), exactly as
``json.loads(data.decode())`` would; callers turn those into :class:`~ollixir.ProtocolError`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

__all__ = ["ORJSON_MIN_LINE", "SPEEDUPS", "big_integer_possible", "loads", "loads_std"]

ORJSON_MIN_LINE = 1024

# Decoding bytes ourselves skips json.loads's encoding sniffing.
_std_decode = json.JSONDecoder().decode


def loads_std(data: bytes) -> Any:
    """The standard library's answer for ``data``: ``json.loads(data.decode())``, minus the sniffing."""
    return _std_decode(data.decode())


# Digits become "0"; what can end a JSON integer (",", "]", "}" and whitespace) becomes a space; every
# other byte an "x". An integer of 19 or more digits is then a run of "0"s followed by a space (or the
# end of the text). Digits inside strings are mostly followed by letters or quotes (hex digests), so
# they rarely cost a false alarm, and the search's last byte being a space keeps its skips long.
_MAP = bytearray(b"x" * 256)
for _byte in b"0123456789":
    _MAP[_byte] = 0x30
for _byte in b",]} \t\r\n":
    _MAP[_byte] = 0x20
_DIGITS = bytes(_MAP)
_RUN = b"0" * 19
_RUN_ENDED = _RUN + b" "


def big_integer_possible(data: bytes) -> bool:
    """True when ``data`` may hold an integer outside 64 bits: 19 or more digits ended as an integer is.

    Every JSON integer outside orjson's exact range (below -2**63 or from 2**64 up) has such a run;
    a long decimal fraction or a number in a string can have one too, which only costs the slower
    decoder.
    """
    if len(data) < 19:
        return False
    mapped = data.translate(_DIGITS)
    return _RUN_ENDED in mapped or mapped.endswith(_RUN)


def _orjson_loads() -> Callable[[bytes], Any] | None:
    try:
        import orjson
    except ImportError:
        return None
    fast: Callable[[bytes], Any] = orjson.loads
    error = orjson.JSONDecodeError

    def loads(data: bytes) -> Any:
        if len(data) >= 19:  # big_integer_possible, inlined: this runs for every body
            mapped = data.translate(_DIGITS)
            if _RUN_ENDED in mapped or mapped.endswith(_RUN):
                return _std_decode(data.decode())
        try:
            return fast(data)
        except error:
            # orjson is stricter than json in places (NaN, lone surrogates, overflow, depth):
            # json's verdict, value or error, is the one that counts.
            return _std_decode(data.decode())

    return loads


_fast = _orjson_loads()

SPEEDUPS: bool = _fast is not None
"""Whether orjson (the ``speedups`` extra) is installed and used."""

loads: Callable[[bytes], Any] = _fast if _fast is not None else loads_std
"""Decode JSON ``bytes``; see the module's docstring for the guarantees."""
