"""Go value parsers whose error strings reach clients: ``time.ParseDuration`` and ``base64.StdEncoding``."""

from __future__ import annotations

import base64
import binascii
import re
from typing import Final

__all__ = ["MAX_DURATION", "GoValueError", "go_b64decode", "parse_go_duration"]

MAX_DURATION: Final = (1 << 63) - 1
"""``time.Duration(math.MaxInt64)``: what the server stores for a negative (= forever) keep-alive."""

_UNITS: Final = {
    b"ns": 1,
    b"us": 1_000,
    "µs".encode(): 1_000,  # U+00B5 micro sign
    "μs".encode(): 1_000,  # U+03BC Greek mu
    b"ms": 1_000_000,
    b"s": 1_000_000_000,
    b"m": 60_000_000_000,
    b"h": 3_600_000_000_000,
}
_B64_VALID: Final = re.compile(rb"[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")
_B64_ALPHABET: Final = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")


class GoValueError(ValueError):
    """The value was rejected; ``str(error)`` is the Go error text."""


def _time_quote(raw: bytes) -> str:
    # The time package's own quoting: non-ASCII and control bytes become \xNN, nothing else changes.
    out = ['"']
    for byte in raw:
        if byte >= 0x80 or byte < 0x20:
            out.append(f"\\x{byte:02x}")
        else:
            ch = chr(byte)
            out.append("\\" + ch if ch in '"\\' else ch)
    out.append('"')
    return "".join(out)


def parse_go_duration(text: str) -> int:
    """``time.ParseDuration``: nanoseconds, or :class:`GoValueError` with Go's message."""
    orig = text.encode("utf-8", errors="surrogateescape")
    s = orig
    invalid = GoValueError("time: invalid duration " + _time_quote(orig))
    neg = False
    if s[:1] in (b"-", b"+"):
        neg = s[:1] == b"-"
        s = s[1:]
    if s == b"0":
        return 0
    if not s:
        raise invalid
    total = 0
    while s:
        if not (s[:1] == b"." or s[:1].isdigit()):
            raise invalid
        i = 0
        whole = 0
        while i < len(s) and 0x30 <= s[i] <= 0x39:
            whole = whole * 10 + s[i] - 0x30
            if whole > 1 << 63:
                raise invalid
            i += 1
        pre = i > 0
        s = s[i:]
        frac, scale, post = 0, 1.0, False
        if s[:1] == b".":
            s = s[1:]
            i = 0
            overflow = False
            while i < len(s) and 0x30 <= s[i] <= 0x39:
                if not overflow:
                    if frac > ((1 << 63) - 1) // 10:
                        overflow = True
                    else:
                        frac = frac * 10 + s[i] - 0x30
                        scale *= 10
                i += 1
            post = i > 0
            s = s[i:]
        if not pre and not post:
            raise invalid
        i = 0
        while i < len(s) and not (s[i] == 0x2E or 0x30 <= s[i] <= 0x39):
            i += 1
        if i == 0:
            raise GoValueError("time: missing unit in duration " + _time_quote(orig))
        unit_text, s = s[:i], s[i:]
        unit = _UNITS.get(unit_text)
        if unit is None:
            raise GoValueError(
                "time: unknown unit " + _time_quote(unit_text) + " in duration " + _time_quote(orig)
            )
        if whole > (1 << 63) // unit:
            raise invalid
        value = whole * unit
        if frac > 0:
            value += int(float(frac) * (float(unit) / scale))
            if value > 1 << 63:
                raise invalid
        total += value
        if total > 1 << 63:
            raise invalid
    if neg:
        return -total
    if total > MAX_DURATION:
        raise invalid
    return total


def go_b64decode(data: str) -> bytes:
    """``base64.StdEncoding.Decode`` of a JSON ``[]byte`` string: CR/LF ignored, padding required.

    Raises :class:`GoValueError` ``illegal base64 data at input byte N`` with Go's offset.
    """
    src = data.encode("utf-8", errors="surrogateescape")
    cleaned = src.replace(b"\n", b"").replace(b"\r", b"")
    if len(cleaned) % 4 == 0 and _B64_VALID.fullmatch(cleaned):
        return binascii.a2b_base64(cleaned)
    # Slow path, only for bad input: walk it like Go to report the same byte offset.
    n = len(src)
    si = 0

    def corrupt(offset: int) -> GoValueError:
        return GoValueError(f"illegal base64 data at input byte {offset}")

    while si < n:
        j = 0
        while j < 4:
            if si == n:
                if j == 0:
                    break
                raise corrupt(si - j)
            c = src[si]
            si += 1
            if c in _B64_ALPHABET:
                j += 1
                continue
            if c in (0x0A, 0x0D):
                continue
            if c != 0x3D:
                raise corrupt(si - 1)
            # Padding: only legal as the third or fourth character of the last quantum.
            if j in (0, 1):
                raise corrupt(si - 1)
            if j == 2:
                while si < n and src[si] in (0x0A, 0x0D):
                    si += 1
                if si == n:
                    raise corrupt(n)
                if src[si] != 0x3D:
                    raise corrupt(si - 1)
                si += 1
            while si < n and src[si] in (0x0A, 0x0D):
                si += 1
            if si < n:
                raise corrupt(si)
            j = 4
        else:
            continue
        break
    cleaned = src.replace(b"\n", b"").replace(b"\r", b"")
    try:
        return base64.b64decode(cleaned, validate=True)
    except binascii.Error as exc:  # pragma: no cover - the scan above already rejected bad input
        raise corrupt(0) from exc
