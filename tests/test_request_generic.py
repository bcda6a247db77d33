"""client.request(operation_id, **fields): every operation of the generated table is callable by id,
sync and async, with the method and path from the table and a typed answer."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import pytest
from ollixir_api.api import OPERATIONS
from ollixir_api.models import ShowResponse, StatusResponse

import ollixir
from ollixir.testing import OllamaTestServer

DIGEST = "sha256:" + "0" * 64
# Fields an operation needs to be a valid call; operations missing here are called with none.
FIELDS: dict[str, dict[str, Any]] = {
    "generate": {"model": "llama3.2", "prompt": "hi"},
    "chat": {"model": "llama3.2", "messages": [{"role": "user", "content": "hi"}]},
    "embed": {"model": "all-minilm", "input": "hi"},
    "embeddings": {"model": "all-minilm", "prompt": "hi"},
    "show_model": {"model": "llama3.2"},
    "create_model": {"model": "made", "from": "llama3.2"},
    "copy_model": {"source": "llama3.2", "destination": "copied"},
    "delete_model": {"model": "nothing-here"},
    "pull_model": {"model": "tinyllama"},
    "push_model": {"model": "test/pushed"},
    "check_blob": {"digest": DIGEST},
    "create_blob": {"digest": DIGEST},
    "delete_user_key": {"encodedKey": "a2V5"},
    "web_search": {"query": "ollama"},
    "web_fetch": {"url": "https://ollama.com"},
    "experimental_web_search": {"query": "ollama"},
    "experimental_web_fetch": {"url": "https://ollama.com"},
}


def _expected_path(op_id: str) -> str:
    op = OPERATIONS[op_id]
    path = op.path
    for name in op.path_params:
        path = path.replace("{" + name + "}", FIELDS[op_id][name])
    return path


@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize("op_id", sorted(OPERATIONS))
def test_every_operation_is_callable_by_id(ollama_server: OllamaTestServer, flavour: str, op_id: str) -> None:
    fields = FIELDS.get(op_id, {})
    options = {"api_key": "test-key", "cloud_url": ollama_server.url}
    # The server may refuse (no account signed in, an empty upload): what matters is the request.
    if flavour == "sync":
        with ollixir.init(ollama_server.url, **options) as client, contextlib.suppress(ollixir.ResponseError):
            client.request(op_id, **fields)
    else:

        async def run() -> None:
            async with ollixir.init_async(ollama_server.url, **options) as client:
                with contextlib.suppress(ollixir.ResponseError):
                    await client.request(op_id, **fields)

        asyncio.run(run())
    op = OPERATIONS[op_id]
    sent = [(r.method, r.path) for r in ollama_server.requests]
    assert (op.method, _expected_path(op_id)) in sent, sent


def test_answers_are_the_tables_models(ollama_server: OllamaTestServer) -> None:
    with ollixir.init(ollama_server.url) as client:
        status = client.request("server_status")
        assert isinstance(status, StatusResponse) and status.cloud is not None
        assert isinstance(client.request("show_model", model="llama3.2"), ShowResponse)
        assert client.request("heartbeat") == "Ollama is running"
        assert client.request("version_head") is None
        assert client.with_options(response_format="dict").request("version") == {"version": "0.33.0-rc2"}


def test_bad_calls_fail_before_traffic(ollama_server: OllamaTestServer) -> None:
    with ollixir.init(ollama_server.url) as client:
        with pytest.raises(ollixir.RequestError, match="unknown operation 'nope'"):
            client.request("nope")  # type: ignore[call-overload]
        with pytest.raises(ollixir.RequestError, match="check_blob needs digest="):
            client.request("check_blob")
        with pytest.raises(ollixir.RequestError, match="version takes no fields"):
            client.request("version", model="x")
        with pytest.raises(ollixir.RequestError, match="show_model"):
            client.request("show_model", verbose="very")
    assert ollama_server.requests == []
