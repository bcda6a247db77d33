"""Go ``encoding/json`` ``Decoder.Decode`` emulation: find the first JSON value and report Go's errors.

The real server decodes request bodies with one ``Decoder.Decode`` call, so only the first value counts,
trailing bytes are ignored, an empty body is ``io.EOF`` and a cut-off value is ``unexpected EOF``.
Syntax errors carry Go's exact wording (``invalid character '}' looking for beginning of object key
string``), which clients may show to users, so this module reproduces the scanner's messages.

Text is decoded as Go decodes it, never refused: each byte that does not start a valid UTF-8 sequence
becomes U+FFFD (``utf8.DecodeRune`` consumes one byte per error), a surrogate escape pair becomes its
code point and a lone surrogate escape (``"\\ud83d"``) becomes U+FFFD. Python alone would keep the lone
surrogate, which then cannot be encoded again, and would fold a broken multi-byte sequence into one
U+FFFD where Go writes one per byte.
"""

from __future__ import annotations

import codecs
import json
import re
from typing import Final

__all__ = ["GoJSONError", "JsonFloat", "PairsDict", "decode_first_value", "go_text", "unmarshal"]

_SPACE: Final = b" \t\r\n"
_DIGITS: Final = b"0123456789"
_HEX: Final = b"0123456789abcdefABCDEF"
_GO_UTF8: Final = "ollixir-go-utf8"
# A \uD800-\uDFFF escape somewhere in the text (an escaped backslash before "u" may match too:
# that only costs a walk over the decoded value).
_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")


def _go_replace(error: UnicodeError) -> tuple[str, int]:
    # Python reports the longest invalid prefix of a sequence at once; every byte of it is one error
    # for Go, and both resume after it.
    assert isinstance(error, UnicodeDecodeError)
    return "\ufffd" * (error.end - error.start), error.end


codecs.register_error(_GO_UTF8, _go_replace)


def go_text(data: bytes) -> str:
    """``data`` as UTF-8, each invalid byte replaced with U+FFFD as Go's JSON decoder does."""
    return data.decode("utf-8", errors=_GO_UTF8)


class GoJSONError(Exception):
    """A body Go could not decode; ``str(error)`` is Go's message. ``eof`` marks an empty body."""

    def __init__(self, message: str, *, eof: bool = False) -> None:
        super().__init__(message)
        self.eof = eof


class JsonFloat(float):
    """A JSON number with a fraction or exponent; keeps its source text for Go's ``number 1.5`` messages."""

    text: str

    def __new__(cls, text: str) -> JsonFloat:
        obj = super().__new__(cls, text)
        obj.text = text
        return obj


class PairsDict(dict[str, object]):
    """A decoded JSON object that also remembers every key/value pair in order (duplicates included)."""

    pairs: list[tuple[str, object]]

    @classmethod
    def from_pairs(cls, pairs: list[tuple[str, object]]) -> PairsDict:
        obj = cls(pairs)
        obj.pairs = pairs
        return obj


def _quote_char(c: int) -> str:
    if c == 0x27:
        return "'\\''"
    if c == 0x22:
        return "'\"'"
    ch = chr(c)
    short = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v"}
    if ch in short:
        return f"'{short[ch]}'"
    if ch == "\\":
        return "'\\\\'"
    if ch.isprintable() and c != 0xAD:
        return f"'{ch}'"
    if c < 0x80:
        return f"'\\x{c:02x}'"
    return f"'\\u{c:04x}'"


class _Scanner:
    """Recursive-descent validator that stops at the end of the first value, like Go's ``Decoder``."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def _peek(self) -> int:
        if self.pos >= len(self.data):
            raise GoJSONError("unexpected EOF")
        return self.data[self.pos]

    def _error(self, c: int, context: str) -> GoJSONError:
        return GoJSONError(f"invalid character {_quote_char(c)} {context}")

    def _skip_space(self) -> None:
        while self.pos < len(self.data) and self.data[self.pos] in _SPACE:
            self.pos += 1

    def value(self, depth: int = 0) -> None:
        self._skip_space()
        c = self._peek()
        if depth > 10000:
            raise GoJSONError("exceeded max depth")
        if c == 0x7B:  # {
            self.pos += 1
            self._object(depth)
        elif c == 0x5B:  # [
            self.pos += 1
            self._array(depth)
        elif c == 0x22:
            self.pos += 1
            self._string()
        elif c == 0x2D or c in _DIGITS:
            self._number()
        elif c in b"tfn":
            word = {0x74: b"true", 0x66: b"false", 0x6E: b"null"}[c]
            name = word.decode()
            for expected in word[1:]:
                self.pos += 1
                got = self._peek()
                if got != expected:
                    raise self._error(got, f"in literal {name} (expecting {_quote_char(expected)})")
            self.pos += 1
        else:
            raise self._error(c, "looking for beginning of value")

    def _object(self, depth: int) -> None:
        self._skip_space()
        if self._peek() == 0x7D:
            self.pos += 1
            return
        while True:
            self._skip_space()
            c = self._peek()
            if c != 0x22:
                raise self._error(c, "looking for beginning of object key string")
            self.pos += 1
            self._string()
            self._skip_space()
            c = self._peek()
            if c != 0x3A:
                raise self._error(c, "after object key")
            self.pos += 1
            self.value(depth + 1)
            self._skip_space()
            c = self._peek()
            self.pos += 1
            if c == 0x7D:
                return
            if c != 0x2C:
                raise self._error(c, "after object key:value pair")

    def _array(self, depth: int) -> None:
        self._skip_space()
        if self._peek() == 0x5D:
            self.pos += 1
            return
        while True:
            self.value(depth + 1)
            self._skip_space()
            c = self._peek()
            self.pos += 1
            if c == 0x5D:
                return
            if c != 0x2C:
                raise self._error(c, "after array element")

    def _string(self) -> None:
        while True:
            c = self._peek()
            self.pos += 1
            if c == 0x22:
                return
            if c == 0x5C:
                e = self._peek()
                self.pos += 1
                if e == 0x75:
                    for _ in range(4):
                        h = self._peek()
                        if h not in _HEX:
                            raise self._error(h, "in \\u hexadecimal character escape")
                        self.pos += 1
                elif e not in b'bfnrt\\/"':
                    raise self._error(e, "in string escape code")
            elif c < 0x20:
                raise self._error(c, "in string literal")

    def _number(self) -> None:
        # A number may legally end at EOF, so only mid-number EOFs are errors.
        data = self.data
        if data[self.pos] == 0x2D:
            self.pos += 1
            c = self._peek()
            if c not in _DIGITS:
                raise self._error(c, "in numeric literal")
        if data[self.pos] == 0x30:
            self.pos += 1
        else:
            while self.pos < len(data) and data[self.pos] in _DIGITS:
                self.pos += 1
        if self.pos < len(data) and data[self.pos] == 0x2E:
            self.pos += 1
            c = self._peek()
            if c not in _DIGITS:
                raise self._error(c, "after decimal point in numeric literal")
            while self.pos < len(data) and data[self.pos] in _DIGITS:
                self.pos += 1
        if self.pos < len(data) and data[self.pos] in b"eE":
            self.pos += 1
            c = self._peek()
            if c in b"+-":
                self.pos += 1
                c = self._peek()
            if c not in _DIGITS:
                raise self._error(c, "in exponent of numeric literal")
            while self.pos < len(data) and data[self.pos] in _DIGITS:
                self.pos += 1


class _NotJSON(ValueError):
    """Python accepts NaN/Infinity; Go does not."""


def _reject_constant(name: str) -> object:
    raise _NotJSON(name)


_DECODER: Final = json.JSONDecoder(
    parse_float=JsonFloat, object_pairs_hook=PairsDict.from_pairs, parse_constant=_reject_constant
)


def _no_surrogates(value: object) -> object:
    """``value`` with every surrogate left in its strings (keys too) replaced with U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, PairsDict):
        return PairsDict.from_pairs(
            [(_SURROGATE.sub("\ufffd", k), _no_surrogates(v)) for k, v in value.pairs]
        )
    if isinstance(value, list):
        return [_no_surrogates(item) for item in value]
    return value


def _decode(text: str, start: int) -> object:
    value, _end = _DECODER.raw_decode(text, start)
    # Python's decoder pairs surrogate escapes as Go's does; the ones it leaves alone are unpaired.
    return _no_surrogates(value) if _SURROGATE_ESCAPE.search(text) else value


def decode_first_value(data: bytes) -> object:
    """Decode the first JSON value of ``data`` as Go would; objects become :class:`PairsDict`."""
    start = len(data) - len(data.lstrip(_SPACE))
    if start == len(data):
        raise GoJSONError("EOF", eof=True)
    text = go_text(data)
    try:
        # Fast path (C decoder); only failures need the byte-wise scanner for Go's exact message.
        return _decode(text, start)
    except ValueError:
        pass
    scanner = _Scanner(data)
    scanner._skip_space()
    scanner.value()
    # The scanner accepted what Python's decoder refused (should not happen): decode the first value.
    return _decode(go_text(data[: scanner.pos]), start)


def unmarshal(data: bytes) -> object:
    """``json.Unmarshal`` into ``interface {}``: the whole input must be one value (Go's error wording)."""
    scanner = _Scanner(data)
    try:
        scanner.value()
    except GoJSONError as exc:
        raise GoJSONError(
            "unexpected end of JSON input" if str(exc) == "unexpected EOF" else str(exc)
        ) from None
    scanner._skip_space()
    if scanner.pos < len(data):
        raise GoJSONError(f"invalid character {_quote_char(data[scanner.pos])} after top-level value")
    return _DECODER.decode(go_text(data))
