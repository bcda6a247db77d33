"""Reliability: huge lines, abandoned streams, resource hygiene over many mixed calls, files closed
on every error path, and property tests of digest validation."""

from __future__ import annotations

import gc
import hashlib
import io
import os
import threading
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ollixir
from ollixir._core import blob as _blob
from tests.clientkit import Api

USER = [{"role": "user", "content": "one two three"}]


def test_huge_single_line_stream(api: Api, ollama_server: Any) -> None:
    ollama_server.faults.huge_line(size=64 << 20, after=1, path="/api/chat")
    chunks, final = api.stream("chat", "llama3.2", USER)
    assert max(len(c.message.content) for c in chunks) > 60 << 20
    assert final.done


def test_huge_single_object_body(api: Api, ollama_server: Any) -> None:
    ollama_server.faults.huge_line(size=64 << 20, path="/api/tags")
    assert api.call("list").models


def test_abandoned_stream_is_closed_on_gc_with_resource_warning(ollama_server: Any) -> None:
    with ollixir.init(ollama_server.url) as client:
        stream = client.chat("llama3.2", USER, stream=True)
        response = stream.response
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            del stream
            gc.collect()
        assert response.is_closed
        assert any(issubclass(w.category, ResourceWarning) for w in caught)
        assert client.list().models


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_a_thousand_mixed_calls_leak_nothing(ollama_server: Any) -> None:
    with ollixir.init(ollama_server.url) as client:
        client.list()
        fds, threads = open_fds(), threading.active_count()
        for i in range(1000):
            kind = i % 5
            if kind == 0:
                assert client.list().models
            elif kind == 1:
                with pytest.raises(ollixir.ResponseError):
                    client.chat("missing", USER)
            elif kind == 2:
                with client.chat("llama3.2", USER, stream=True) as s:
                    next(iter(s))  # abandoned early
            elif kind == 3:
                ollama_server.faults.drop(after=1, path="/api/chat")
                with pytest.raises(ollixir.OllixirError):
                    client.chat("llama3.2", USER, stream=True).final()
            else:
                with pytest.raises(ollixir.RequestError):
                    client.chat("", USER)
        gc.collect()
        assert open_fds() <= fds + 2
        assert threading.active_count() <= threads + 2  # server handler threads wind down on their own


class TrackingFile(io.BytesIO):
    closes = 0

    def close(self) -> None:
        TrackingFile.closes += 1
        super().close()


@pytest.mark.parametrize("failure", ["refused", "status", "drop"])
def test_create_blob_closes_its_file_on_every_error_path(
    ollama_server: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    opened: list[Any] = []
    real_open = _blob.BlobSource.open

    def spy(self: _blob.BlobSource) -> Any:
        f = real_open(self)
        opened.append(f)
        return f

    monkeypatch.setattr(_blob.BlobSource, "open", spy)
    path = tmp_path / "x.bin"
    path.write_bytes(os.urandom(1 << 20))
    url = ollama_server.url
    if failure == "refused":
        import socket

        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}"
        s.close()
    elif failure == "status":
        ollama_server.faults.fail(500, path="/api/blobs/*", method="POST")
    else:
        ollama_server.faults.close_before_headers(path="/api/blobs/*", method="POST")
    with ollixir.init(url) as client, pytest.raises(ollixir.OllixirError):
        client.create_blob(path)
    assert opened and all(f.closed for f in opened)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_digest_validation_never_raises_other_errors(value: str) -> None:
    from ollixir._ops.validate import check_digest

    try:
        assert check_digest(value) == value
    except ollixir.RequestError:
        return
    assert value.startswith("sha256:") and len(value) == 71


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_check_blob_hashes_bytes(data: bytes) -> None:
    from ollixir._ops.validate import digest_of

    assert digest_of(data) == "sha256:" + hashlib.sha256(data).hexdigest()
