"""Unit checks of the Go emulations behind the server's exact error strings and number formatting."""

from __future__ import annotations

import pytest

from ollixir.testing._gojson import F32, go_dumps, go_float, go_g_float, go_quote, go_time
from ollixir.testing._goscan import GoJSONError, decode_first_value
from ollixir.testing._govalues import GoValueError, go_b64decode, parse_go_duration
from ollixir.testing._names import parse_name, split_source_suffix
from ollixir.testing._template import template_error

S = 1_000_000_000


@pytest.mark.parametrize(
    ("text", "ns"),
    [("5m", 300 * S), ("1h30m", 5400 * S), ("0", 0), ("-1m", -60 * S), ("300ms", 300_000_000), (".5s", S // 2),
     ("1.5h", 5400 * S), ("2µs", 2000), ("1us", 1000), ("+3s", 3 * S), ("0s", 0)],
)  # fmt: skip
def test_durations(text: str, ns: int) -> None:
    assert parse_go_duration(text) == ns


@pytest.mark.parametrize(
    ("text", "message"),
    [("3600", 'time: missing unit in duration "3600"'), ("", 'time: invalid duration ""'),
     ("5x", 'time: unknown unit "x" in duration "5x"'), ("-", 'time: invalid duration "-"'),
     ("1.s.", 'time: invalid duration "1.s."'), ("9999999999h", 'time: invalid duration "9999999999h"'),
     ("5é", 'time: unknown unit "\\xc3\\xa9" in duration "5\\xc3\\xa9"')],
)  # fmt: skip
def test_duration_errors(text: str, message: str) -> None:
    with pytest.raises(GoValueError) as info:
        parse_go_duration(text)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("AAA", 0),
        ("AAAAA", 4),
        ("AA=A", 2),
        ("A===", 1),
        ("AA==AAAA", 4),
        ("AA=", 3),
        ("AB*D", 2),
        ("AAAA=", 4),
    ],
)
def test_base64_offsets(text: str, offset: int) -> None:
    with pytest.raises(GoValueError) as info:
        go_b64decode(text)
    assert str(info.value) == f"illegal base64 data at input byte {offset}"


def test_base64_accepts_newlines() -> None:
    assert go_b64decode("aGVs\nbG8=\r\n") == b"hello"
    assert go_b64decode("") == b""


@pytest.mark.parametrize(
    ("value", "json_text", "fmt_v"),
    [(1.0, "1", "1"), (0.1, "0.1", "0.1"), (1e-7, "1e-7", "1e-07"), (1e21, "1e+21", "1e+21"),
     (1e20, "100000000000000000000", "1e+20"), (1000000.0, "1000000", "1e+06"), (123456.0, "123456", "123456"),
     (0.0001, "0.0001", "0.0001"), (0.00001, "0.00001", "1e-05"), (-0.0, "-0", "-0")],
)  # fmt: skip
def test_go_floats(value: float, json_text: str, fmt_v: str) -> None:
    assert go_float(value) == json_text
    assert go_g_float(value) == fmt_v


def test_float32_and_escaping() -> None:
    assert go_float(F32(0.1)) == "0.1" and go_float(F32(1 / 3)) == "0.33333334"
    assert (
        go_dumps({"a": "<&>\u2028", "b": [True, None, 2]})
        == '{"a":"\\u003c\\u0026\\u003e\\u2028","b":[true,null,2]}'
    )
    assert go_quote('a"b\n\x01é') == '"a\\"b\\n\\x01é"'


def test_times() -> None:
    assert go_time(1_700_000_000 * S, 0) == "2023-11-14T22:13:20Z"
    assert go_time(1_700_000_000 * S + 120, -7 * 3600) == "2023-11-14T15:13:20.00000012-07:00"
    assert go_time(1_700_000_000 * S + 123456789, 5 * 3600 + 1800) == "2023-11-15T03:43:20.123456789+05:30"


@pytest.mark.parametrize(
    ("body", "message"),
    [(b"", "EOF"), (b"{", "unexpected EOF"), (b"[1,]", "invalid character ']' looking for beginning of value"),
     (b'{"a":1 }x', None), (b'{"a":tru}', "invalid character '}' in literal true (expecting 'e')"),
     (b'{"a":"\\x"}', "invalid character 'x' in string escape code"), (b'{"a":01}', "invalid character '1' after object key:value pair"),
     (b'{"a":1.}', "invalid character '}' after decimal point in numeric literal"), (b'{"a":NaN}', "invalid character 'N' looking for beginning of value"),
     (b'{"a":-}', "invalid character '}' in numeric literal"), (b'[1 2]', "invalid character '2' after array element"),
     (b"{'a':1}", "invalid character '\\'' looking for beginning of object key string")],
)  # fmt: skip
def test_scanner_messages(body: bytes, message: str | None) -> None:
    if message is None:
        assert decode_first_value(body) == {"a": 1}
        return
    with pytest.raises(GoJSONError) as info:
        decode_first_value(body)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("text", "short", "full"),
    [("llama3.2", "llama3.2:latest", "registry.ollama.ai/library/llama3.2:latest"),
     ("user/m:v1", "user/m:v1", "registry.ollama.ai/user/m:v1"),
     ("example.com:5000/ns/m", "example.com:5000/ns/m:latest", "example.com:5000/ns/m:latest"),
     ("https://example.com/ns/m:t", "example.com/ns/m:t", "example.com/ns/m:t")],
)  # fmt: skip
def test_names(text: str, short: str, full: str) -> None:
    name = parse_name(text)
    assert name.valid and (name.short, name.full) == (short, full)


@pytest.mark.parametrize("text", ["", "a/", ":x", "a b", "ns.x/m", "a/b/c/d", "m@sha256:abc", "-m", "é"])
def test_invalid_names(text: str) -> None:
    assert not parse_name(text).valid


def test_source_suffixes() -> None:
    assert split_source_suffix("gpt-oss:120b-cloud") == ("gpt-oss:120b-cloud", "cloud")
    assert split_source_suffix("qwen3:cloud") == ("qwen3", "cloud")
    assert split_source_suffix("qwen3:8b:local") == ("qwen3:8b", "local")
    with pytest.raises(ValueError, match="not both"):
        split_source_suffix("x:cloud:local")


@pytest.mark.parametrize(
    ("template", "error"),
    [("{{ .Prompt }}", None), ("{{ if .System }}x{{ end }}", None), ("{{/* c */}}", None),
     ("{{ .Prompt", "template: :1: unclosed action"), ("a\n{{ end }}", "template: :2: unexpected {{end}}"),
     ("{{ if .X }}\n", "template: :2: unexpected EOF"), ("{{ else }}", "template: :1: unexpected {{else}}")],
)  # fmt: skip
def test_template_checker(template: str, error: str | None) -> None:
    assert template_error(template) == error
