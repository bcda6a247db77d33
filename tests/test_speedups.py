"""The ``speedups`` extra: orjson decodes response bodies and NDJSON lines with exactly the standard
library's results, value for value (types, -0.0, NaN, big integers, duplicate keys) and error for error."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ollixir import ProtocolError
from ollixir._core import call, jsondecode, ndjson
from ollixir._core.call import read_json
from ollixir._core.ndjson import NdjsonDecoder

pytest.importorskip("orjson", reason="the speedups extra (orjson) is not installed")

fast = jsondecode._fast
assert fast is not None


def canon(value: Any) -> Any:
    """A form that tells apart everything json.loads can produce: int vs float, -0.0, NaN, key order."""
    if isinstance(value, dict):
        return ("dict", [(k, canon(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [canon(v) for v in value])
    if isinstance(value, float):
        return ("float", "nan" if math.isnan(value) else repr(value))
    return (type(value).__name__, value)


def outcome(decode: Any, data: bytes) -> tuple[str, Any]:
    try:
        return ("ok", canon(decode(data)))
    except (ValueError, RecursionError) as exc:
        return ("error", f"{type(exc).__name__}: {exc}")


# --- JSON text, written by hand so the literal forms vary (json.dumps would normalise them) ----------

digits = st.text("0123456789", min_size=1, max_size=30)
number_texts = st.one_of(
    st.integers().map(str),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),  # far past 64 bits
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.floats(width=32, allow_nan=False, allow_infinity=False).map(lambda x: f"{x:.9g}"),
    st.tuples(
        st.sampled_from(["", "-"]),
        st.one_of(
            st.just("0"),
            st.text("123456789", min_size=1, max_size=1).flatmap(
                lambda d: digits.map(lambda rest: d + rest[: len(rest) % 25])
            ),
        ),
        st.one_of(st.just(""), digits.map(lambda d: "." + d)),
        st.one_of(
            st.just(""),
            st.tuples(st.sampled_from("eE"), st.sampled_from(["", "+", "-"]), digits).map("".join),
        ),
    ).map("".join),
    st.sampled_from(["NaN", "Infinity", "-Infinity", "-0", "-0.0", "0e0", "1E400", "-1e400", "1e-400"]),
    # Not JSON: leading zeros, bare dots, a plus sign.
    st.sampled_from(["01", "-01", "1.", ".5", "+1", "1.e5", "-", "1e", "0x10", "1_000"]),
)
string_pieces = st.one_of(
    st.text(max_size=6).map(lambda t: t.replace("\\", "\\\\").replace('"', '\\"')),
    st.sampled_from(['\\"', "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u00e9", "\\u0000"]),
    st.integers(0xD800, 0xDFFF).map(lambda c: f"\\u{c:04x}"),  # lone surrogate escapes
    st.just("\\ud83d\\ude00"),  # a proper pair
    st.sampled_from(["\x01", "\x1f", "\\x", "\\u12"]),  # not JSON: raw controls, bad escapes
)
string_texts = st.lists(string_pieces, max_size=4).map(lambda parts: '"' + "".join(parts) + '"')
spaces = st.sampled_from(["", " ", "\n", "\t\r\n ", "\x0c", "\u00a0"])


def _object(items: list[tuple[str, str]]) -> str:
    return "{" + ",".join(f"{k}:{v}" for k, v in items) + "}"


keys = st.one_of(st.sampled_from(['"a"', '"b"', '"embeddings"', '"model"']), string_texts)
json_texts = st.recursive(
    st.one_of(number_texts, string_texts, st.sampled_from(["true", "false", "null"])),
    lambda inner: st.one_of(
        st.lists(inner, max_size=5).map(lambda xs: "[" + ",".join(xs) + "]"),
        # Few distinct keys, so duplicates are common.
        st.lists(st.tuples(keys, inner), max_size=5).map(_object),
        st.tuples(spaces, inner, spaces).map("".join),
    ),
    max_leaves=25,
)


@st.composite
def json_bytes(draw: st.DrawFn) -> bytes:
    # surrogatepass: a surrogate character in the text becomes the invalid UTF-8 bytes ED A0 80 etc.
    data = draw(json_texts).encode("utf-8", "surrogatepass")
    mutation = draw(st.sampled_from(["none", "none", "none", "insert", "delete", "truncate", "bom"]))
    if data and mutation != "none":
        at = draw(st.integers(0, len(data) - 1))
        if mutation == "insert":
            junk = draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b",", b"]", b"}", b'"', b"x"]))
            data = data[:at] + junk + data[at:]
        elif mutation == "delete":
            data = data[:at] + data[at + 1 :]
        elif mutation == "truncate":
            data = data[:at]
        else:
            data = b"\xef\xbb\xbf" + data
    return data


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_bytes())
def test_orjson_and_json_agree_on_every_input(data: bytes) -> None:
    assert outcome(fast, data) == outcome(jsondecode.loads_std, data)


@pytest.mark.parametrize(
    "text",
    [
        b"123456789012345678901234567890",
        b"-9223372036854775809",  # one below int64
        b"[-9223372036854775809]",
        b'{"n":-9223372036854775809}',
        b"[18446744073709551616 ,1]",
        b"[1,\n18446744073709551616\t]",
        b'"00000000000000000000000000000000"',  # digits in a string: no integer at all
        b"18446744073709551616",  # one past uint64
        b'{"context":[1,2,99999999999999999999999]}',
        b"[1e400, -1e400, 1e-400]",
        b"[NaN, Infinity, -Infinity]",
        b'"\\ud83d"',
        b'{"a":1,"b":2,"a":3}',
        b"[-0.0, -0, 0.0]",
        b"\xff",
        b'"\xed\xa0\x80"',
        b"[" * 1100 + b"]" * 1100,  # deeper than orjson's limit, within json's
    ],
)
def test_known_differences_between_the_libraries_are_ironed_out(text: bytes) -> None:
    assert outcome(fast, text) == outcome(jsondecode.loads_std, text)


def test_big_integers_stay_exact_integers() -> None:
    value = fast(b'{"n": 123456789012345678901234567890, "m": -9223372036854775809}')
    assert value == {"n": 123456789012345678901234567890, "m": -9223372036854775809}
    assert type(value["n"]) is int and type(value["m"]) is int


# --- the two readers built on it: ProtocolError on exactly the same inputs in both modes -------------


def _read_json(data: bytes) -> tuple[str, Any]:
    try:
        return ("ok", canon(read_json("test", 200, data)))
    except ProtocolError as exc:
        return ("protocol", exc.status)


def _ndjson(data: bytes) -> tuple[str, Any]:
    decoder = NdjsonDecoder("test")
    try:
        # Alone in its read, then as one line of several in a read.
        alone = [canon(x) for x in decoder.feed(data.replace(b"\n", b" ") + b"\n")]
        among = [canon(x) for x in decoder.feed(b"{}\n" + data.replace(b"\n", b" ") + b"\n[]\n")]
        return ("ok", [alone, among])
    except ProtocolError as exc:
        return ("protocol", exc.status)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_bytes())
def test_read_json_and_ndjson_are_the_same_with_and_without_orjson(data: bytes) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(call, "loads", fast)
        mp.setattr(ndjson, "SPEEDUPS", True)
        mp.setattr(ndjson, "loads", fast)
        mp.setattr(ndjson, "ORJSON_MIN_LINE", 0)  # every line through orjson, however short
        with_orjson = (_read_json(data), _ndjson(data))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(call, "loads", jsondecode.loads_std)
        mp.setattr(ndjson, "SPEEDUPS", False)
        without = (_read_json(data), _ndjson(data))
    assert with_orjson == without


def test_nesting_past_the_recursion_limit_is_a_protocol_error() -> None:
    deep = b"[" * 200_000 + b"]" * 200_000
    with pytest.raises(ProtocolError, match="not valid JSON"):
        read_json("embed", 200, deep)
    with pytest.raises(ProtocolError, match="malformed NDJSON line 1"):
        NdjsonDecoder("chat").feed(deep + b"\n")


def test_installed_orjson_is_used() -> None:
    # The dev environment has the extra: the switch points must be the orjson decoder.
    assert jsondecode.SPEEDUPS
    assert call.loads is fast and ndjson.loads is fast and ndjson.SPEEDUPS


def test_without_orjson_the_standard_library_decodes() -> None:
    # A fresh interpreter in which `import orjson` fails, as when the extra is not installed.
    code = (
        "import sys; sys.modules['orjson'] = None\n"
        "from ollixir._core import jsondecode, call\n"
        "assert not jsondecode.SPEEDUPS and call.loads is jsondecode.loads_std\n"
        "print(call.read_json('t', 200, b'{\"a\": [1.5, 12345678901234567890123]}'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == str({"a": [1.5, 12345678901234567890123]})


def test_typical_answers_decode_identically() -> None:
    body = json.dumps(
        {"model": "m", "embeddings": [[0.011745788, -0.00011806681, 1e-05, -0.0]], "total_duration": 12}
    ).encode()
    assert canon(fast(body)) == canon(json.loads(body))
