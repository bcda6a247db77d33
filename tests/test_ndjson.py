"""The NDJSON reader: any byte split gives the same chunks; corruption gives a clean error; a huge
line is handled in linear time."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ollixir import ProtocolError
from ollixir._core.ndjson import NdjsonDecoder

json_objects = st.dictionaries(
    st.text(max_size=5),
    st.one_of(st.integers(), st.text(max_size=10), st.booleans(), st.none(), st.floats(allow_nan=False)),
    max_size=4,
)


def decode_all(pieces: list[bytes]) -> list[object]:
    d = NdjsonDecoder("test")
    out: list[object] = []
    for p in pieces:
        out.extend(d.feed(p))
    out.extend(d.close())
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(json_objects, max_size=8), st.booleans(), st.data())
def test_any_split_gives_the_same_chunks(
    objs: list[dict[str, object]], final_newline: bool, data: st.DataObject
) -> None:
    body = b"\n".join(json.dumps(o).encode() for o in objs)
    if objs and final_newline:
        body += b"\n"
    cuts = sorted(data.draw(st.lists(st.integers(0, len(body)), max_size=10)))
    pieces, last = [], 0
    for c in cuts:
        pieces.append(body[last:c])
        last = c
    pieces.append(body[last:])
    assert decode_all(pieces) == objs


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=1, max_size=60))
def test_corruption_gives_a_clean_error(garbage: bytes) -> None:
    try:
        decode_all([b'{"a":1}\n', garbage, b"\n"])
    except ProtocolError as exc:
        assert exc.operation == "test"
        assert "malformed NDJSON line" in str(exc)


def test_malformed_line_names_the_line_and_operation() -> None:
    d = NdjsonDecoder("chat")
    d.feed(b'{"ok":1}\n')
    with pytest.raises(ProtocolError) as info:
        d.feed(b"{not json}\n")
    assert "chat" in str(info.value) and "line 2" in str(info.value)


def test_blank_lines_and_crlf_are_tolerated() -> None:
    assert decode_all([b'{"a":1}\r\n\r\n  \n{"b":2}']) == [{"a": 1}, {"b": 2}]


line_texts = st.one_of(
    json_objects.map(json.dumps),
    st.tuples(
        st.sampled_from(["", " ", "\t", "\r", "\x0c"]),
        st.one_of(json_objects.map(json.dumps), st.sampled_from(["1", '"s"', "[1]", "null", "NaN"])),
        st.sampled_from(["", " ", "\r", " \t", " x", "{}", "]", ",1", "\u2028", "\x85", "\x0c"]),
    ).map("".join),
    st.text(max_size=20),
).filter(lambda t: "\n" not in t and t.encode().strip() != b"")


@settings(max_examples=500, deadline=None)
@given(line_texts, st.booleans())
def test_each_line_is_accepted_or_rejected_exactly_as_json_loads_does(text: str, alone: bool) -> None:
    try:
        expected: object = [json.loads(text)]
    except ValueError:
        expected = ProtocolError
    # Alone: the one-line-per-read path; otherwise the line is one of several in a read.
    pieces = [text.encode() + b"\n"] if alone else [b'{"a":1}\n' + text.encode() + b"\n{}\n"]
    if expected is ProtocolError:
        with pytest.raises(ProtocolError):
            decode_all(pieces)
    else:
        assert isinstance(expected, list)
        assert decode_all(pieces) == (expected if alone else [{"a": 1}, *expected, {}])


def test_huge_line_in_small_pieces_is_linear() -> None:
    # 16 MiB in 4 KiB reads: a quadratic join would copy ~32 GiB and never finish in a test run.
    payload = b'{"response":"' + b"x" * (16 << 20) + b'"}\n'
    d = NdjsonDecoder("chat")
    out = []
    for i in range(0, len(payload), 4096):
        out.extend(d.feed(payload[i : i + 4096]))
    assert len(out) == 1 and len(out[0]["response"]) == 16 << 20
