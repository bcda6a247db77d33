"""Clients travel to worker processes as their configuration: ``pickle.dumps(client)`` works and gives
an equivalent client with a fresh connection pool; no socket is ever pickled."""

from __future__ import annotations

import asyncio
import copy
import pickle
import subprocess
import sys
from typing import Any

import httpx
import pytest

import ollixir
from ollixir import RetryPolicy


def _config(client: Any) -> Any:
    return client._config


def test_pickled_client_is_equivalent_with_a_fresh_pool(ollama_server: Any) -> None:
    client = ollixir.Client(
        ollama_server.url,
        api_key="secret-key",
        headers={"X-Team": "search"},
        timeout=12.5,
        retry=RetryPolicy(max_attempts=4, base_delay=0.01),
        response_format="dict",
    )
    with client:
        before = client.embed("all-minilm", ["a", "b"])  # leaves an open pooled connection
        assert ollama_server.open_connections == 1
        clone = pickle.loads(pickle.dumps(client))
        with clone:
            assert type(clone) is ollixir.Client
            assert _config(clone) == _config(client)
            assert repr(clone) == repr(client) and "secret-key" not in repr(clone)
            assert clone.http is not client.http  # its own pool
            assert clone.http.timeout == client.http.timeout
            assert clone.http.headers["Authorization"] == "Bearer secret-key"
            assert clone.http.headers["X-Team"] == "search"
            accepted = ollama_server.connections_accepted
            assert clone.embed("all-minilm", ["a", "b"])["embeddings"] == before["embeddings"]
            assert ollama_server.connections_accepted == accepted + 1  # a new connection, not the old one
            assert ollama_server.requests[-1].headers["x-team"] == "search"


def test_pickled_client_works_in_another_process(ollama_server: Any) -> None:
    client = ollixir.Client(ollama_server.url)
    expected = client.embed("all-minilm", ["hello"]).embeddings
    code = (
        "import pickle, sys\n"
        "client = pickle.loads(sys.stdin.buffer.read())\n"
        "print(repr(client.embed('all-minilm', ['hello']).embeddings))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], input=pickle.dumps(client), capture_output=True, check=True
    )
    assert eval(done.stdout) == expected
    client.close()


def test_async_client_pickles_too(ollama_server: Any) -> None:
    async def go() -> None:
        async with ollixir.AsyncClient(ollama_server.url, api_key="k") as client:
            first = await client.embed("all-minilm", "x")
            clone = pickle.loads(pickle.dumps(client))
            async with clone:
                assert type(clone) is ollixir.AsyncClient and clone.http is not client.http
                assert _config(clone) == _config(client)
                assert (await clone.embed("all-minilm", "x")).embeddings == first.embeddings

    asyncio.run(go())


def test_a_view_pickles_as_a_standalone_client(ollama_server: Any) -> None:
    with ollixir.Client(ollama_server.url) as client:
        view = client.with_options(response_format="dict")
        assert view._exec is client._exec  # copy.copy still shares the pool
        clone = pickle.loads(pickle.dumps(view))
        with clone:
            assert clone._exec is not client._exec and isinstance(clone.version(), dict)
        assert client.version().version  # closing the clone left the original's pool alone


def test_clients_that_cannot_be_rebuilt_refuse_to_pickle(ollama_server: Any) -> None:
    with httpx.Client(base_url=ollama_server.url) as http, pytest.raises(TypeError, match="your own httpx"):
        pickle.dumps(ollixir.Client(http))
    transport = httpx.HTTPTransport(retries=1)
    with pytest.raises(TypeError, match="transport"):
        pickle.dumps(ollixir.Client(ollama_server.url, transport=transport))
    transport.close()
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)):
        pickle.dumps(ollixir.Client(ollama_server.url, retry=RetryPolicy(retry_if=lambda exc: True)))


def test_shallow_copy_is_not_a_pickle_round_trip(ollama_server: Any) -> None:
    with ollixir.Client(ollama_server.url) as client:
        assert copy.copy(client)._exec is client._exec
