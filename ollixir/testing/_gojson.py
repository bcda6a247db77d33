"""Byte-compatible renderings of what Go's ``encoding/json``, ``fmt`` and ``time`` print.

Clients parse these outputs, so the fake server must produce them the way the real (Go) server does:
compact JSON with ``<``, ``>`` and ``&`` escaped, Go's float formatting (``1e-7``, never ``1.0``), and
RFC 3339 timestamps with up to nine fractional digits.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Final

__all__ = ["F32", "IntList", "go_dumps", "go_float", "go_g_float", "go_quote", "go_time", "go_value_repr"]

# Characters Go escapes although JSON does not require it (HTML safety and JavaScript line separators).
_GO_ESCAPES: Final = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)
_GO_ESCAPED: Final = "<>&\u2028\u2029"
_encode_basestring = json.encoder.encode_basestring
_INT_ARRAY: Final = json.JSONEncoder(separators=(",", ":")).encode


class IntList(list[int]):
    """A list known to hold only ``int`` values (no bools), encoded in one step."""

    __slots__ = ()


class F32(float):
    """A float that Go holds as ``float32``: printed with the shortest float32 round-trip digits."""

    __slots__ = ()


def _to_f32(value: float) -> float:
    return float(struct.unpack("<f", struct.pack("<f", value))[0])


def _shortest_text(value: float, f32: bool) -> str:
    if not f32:
        return repr(value)
    target = _to_f32(value)

    def fits(precision: int) -> bool:
        return _to_f32(float(f"{target:.{precision}g}")) == target

    # Most float32 values need 6 to 9 digits: start in the middle, then walk to the shortest.
    precision = 6
    if fits(precision):
        while precision > 1 and fits(precision - 1):
            precision -= 1
    else:
        while not fits(precision):
            precision += 1
    return f"{target:.{precision}g}"


def _shortest(value: float, f32: bool) -> tuple[str, int]:
    """Shortest round-trip decimal digits and the decimal exponent of the first digit."""
    text = _shortest_text(value, f32)
    number = Decimal(text)
    if number == 0:
        return ("-0" if text.startswith("-") else "0"), 0
    sign, digits, exponent = number.normalize().as_tuple()
    assert isinstance(exponent, int)
    return ("-" if sign else "") + "".join(map(str, digits)), len(digits) - 1 + exponent


def _fixed(signed_digits: str, exp: int) -> str:
    neg = signed_digits.startswith("-")
    digits = signed_digits.lstrip("-")
    if digits == "0":
        return "-0" if neg else "0"
    if exp >= 0:
        whole = digits[: exp + 1].ljust(exp + 1, "0")
        frac = digits[exp + 1 :]
    else:
        whole = "0"
        frac = "0" * (-exp - 1) + digits
    out = whole + ("." + frac if frac else "")
    return ("-" if neg else "") + out


def _sci(signed_digits: str, exp: int, min_exp_digits: int) -> str:
    neg = signed_digits.startswith("-")
    digits = signed_digits.lstrip("-")
    mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    sign = "-" if exp < 0 else "+"
    return ("-" if neg else "") + f"{mantissa}e{sign}{abs(exp):0{min_exp_digits}d}"


def go_float(value: float) -> str:
    """A float as Go's JSON encoder prints it (``F32`` values use float32 digits)."""
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("json: unsupported value: NaN or Inf")
    magnitude = abs(value)
    if 1e-4 <= magnitude < 1e16 or value == 0:
        # Python's shortest digits print without an exponent here; only "1.0" -> "1" differs from Go.
        text = _shortest_text(value, isinstance(value, F32))
        if "e" not in text:
            return text[:-2] if text.endswith(".0") else text
    digits, exp = _shortest(value, isinstance(value, F32))
    magnitude = abs(value)
    if magnitude != 0 and (magnitude < 1e-6 or magnitude >= 1e21):
        # Go's JSON encoder trims "e-07" to "e-7" but leaves positive exponents alone.
        return _sci(digits, exp, 1 if exp < 0 else 2)
    return _fixed(digits, exp)


def go_g_float(value: float) -> str:
    """A float64 as ``fmt.Sprintf("%#v")`` prints it (shortest ``%g``; exponent from 1e+06 and below 1e-04)."""
    digits, exp = _shortest(value, False)
    if value != 0 and (exp < -4 or exp >= 6):
        return _sci(digits, exp, 2)
    return _fixed(digits, exp)


def go_quote(text: str) -> str:
    """Go's ``strconv.Quote`` / ``%q``: printable runes kept, the rest escaped."""
    out = ['"']
    short = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v"}
    for ch in text:
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ch in short:
            out.append(short[ch])
        elif ch.isprintable():
            out.append(ch)
        elif ord(ch) < 0x80:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) < 0x10000:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    out.append('"')
    return "".join(out)


def go_value_repr(value: object) -> str:
    """One value as ``fmt.Sprintf("%#v")`` prints a decoded JSON value (numbers are float64)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return go_g_float(float(value))
    if isinstance(value, str):
        return go_quote(value)
    return go_dumps(value)


def _encode(value: object, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(_encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, float):
        out.append(go_float(value))
    elif isinstance(value, Mapping):
        out.append("{")
        first = True
        for key, item in value.items():
            if not first:
                out.append(",")
            first = False
            out.append(_encode_basestring(str(key)))
            out.append(":")
            _encode(item, out)
        out.append("}")
    elif isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
        if isinstance(value, IntList):
            # generate's context can hold millions of ints: the C encoder writes them as Go would.
            out.append(_INT_ARRAY(value))
            return
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(",")
            _encode(item, out)
        out.append("]")
    else:
        raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def go_dumps(value: object) -> str:
    """Compact JSON exactly as Go's ``json.Marshal`` writes it (no trailing newline)."""
    out: list[str] = []
    _encode(value, out)
    text = "".join(out)
    if any(ch in text for ch in _GO_ESCAPED):
        text = text.translate(_GO_ESCAPES)
    return text


def go_time(ns: int, offset_seconds: int) -> str:
    """``time.Time`` JSON: RFC 3339, up to nine fractional digits (trailing zeros trimmed), ``Z`` for UTC."""
    import datetime as _dt

    seconds, frac = divmod(ns, 1_000_000_000)
    zone = _dt.timezone(_dt.timedelta(seconds=offset_seconds))
    stamp = _dt.datetime.fromtimestamp(seconds, zone)
    text = stamp.strftime("%Y-%m-%dT%H:%M:%S")
    if frac:
        text += "." + f"{frac:09d}".rstrip("0")
    if offset_seconds == 0:
        return text + "Z"
    sign = "-" if offset_seconds < 0 else "+"
    hours, minutes = divmod(abs(offset_seconds) // 60, 60)
    return f"{text}{sign}{hours:02d}:{minutes:02d}"
