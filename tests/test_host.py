"""Host parsing: a pure function, table-tested, plus properties (never raises anything but
RequestError; output is a valid URL; idempotent on its own output)."""

from __future__ import annotations

import urllib.parse

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ollixir import RequestError, parse_host

TABLE = [
    (None, "http://127.0.0.1:11434"),
    ("", "http://127.0.0.1:11434"),
    ("ollama.example.com", "http://ollama.example.com:11434"),
    ("http://ollama.example.com:11434", "http://ollama.example.com:11434"),
    (":11434", "http://127.0.0.1:11434"),
    (":56789", "http://127.0.0.1:56789"),
    ("http://localhost:11434/api", "http://localhost:11434"),
    ("http://localhost:11434/api/", "http://localhost:11434"),
    ("::1", "http://[::1]:11434"),
    ("[::1]", "http://[::1]:11434"),
    ("[::1]:8080", "http://[::1]:8080"),
    ("http://[fe80::1]:9000", "http://[fe80::1]:9000"),
    ("0.0.0.0", "http://127.0.0.1:11434"),
    ("0.0.0.0:1234", "http://127.0.0.1:1234"),
    ("1.2.3.4:1234", "http://1.2.3.4:1234"),
    ("example.com", "http://example.com:11434"),
    ("http://example.com", "http://example.com:80"),
    ("https://example.com", "https://example.com:443"),
    ("https://example.com/ollama", "https://example.com:443/ollama"),
    ("https://example.com/ollama/", "https://example.com:443/ollama"),
    ("http://example.com:8080/", "http://example.com:8080"),
    ("HTTP://Example.com:80", "http://Example.com:80"),
    ("ollama.com", "https://ollama.com:443"),
    ("http://ollama.com", "http://ollama.com:80"),
    ('  "example.com:5"  ', "http://example.com:5"),
]


@pytest.mark.parametrize(("value", "expected"), TABLE)
def test_parse_host_table(value: str | None, expected: str) -> None:
    assert parse_host(value) == expected
    assert parse_host(expected) == expected


@pytest.mark.parametrize(
    "value",
    [
        "ftp://example.com",
        "example.com:abc",
        "example.com:0",
        ":66000",
        "exa mple.com",
        "[::1",
        "http://u:p@h",
        "h?q=1",
    ],
)
def test_parse_host_rejects_with_request_error(value: str) -> None:
    with pytest.raises(RequestError) as info:
        parse_host(value)
    assert "host" in str(info.value)


def _valid(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port is not None


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=40))
def test_parse_host_never_raises_other_errors_and_is_idempotent(value: str) -> None:
    try:
        url = parse_host(value)
    except RequestError:
        return
    assert _valid(url)
    assert parse_host(url) == url


hosts = st.from_regex(r"[a-z][a-z0-9-]{0,10}(\.[a-z]{2,5})?", fullmatch=True)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["", "http://", "https://"]),
    hosts,
    st.one_of(st.none(), st.integers(1, 65535)),
    st.sampled_from(["", "/", "/x", "/api", "/a/b/"]),
)
def test_parse_host_structured(scheme: str, host: str, port: int | None, path: str) -> None:
    value = f"{scheme}{host}{'' if port is None else f':{port}'}{path}"
    url = parse_host(value)
    assert _valid(url)
    assert parse_host(url) == url
    parts = urllib.parse.urlsplit(url)
    assert parts.hostname == host
    if port is not None:
        assert parts.port == port
    assert not parts.path.endswith("/") and not parts.path.endswith("/api")
