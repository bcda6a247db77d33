"""Shared plumbing for the examples: which server to talk to, and which models to use.

With ``OLLAMA_HOST`` set, the examples talk to that Ollama server (and ``OLLAMA_API_KEY``, when set, is used
for web search/fetch). Without it they start ollixir's bundled test server, whose deterministic fake
models answer ``"You said: <prompt>"``, so every example runs anywhere, offline, in well under a second.

The model names can be overridden for a real server::

    OLLAMA_HOST=127.0.0.1:11434 OLLIXIR_CHAT_MODEL=gemma3 python examples/chat_basic.py
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import AsyncIterator, Iterator

import ollixir
from ollixir.testing import FakeAccount, OllamaTestServer

__all__ = [
    "CHAT_MODEL",
    "CODE_MODEL",
    "EMBED_MODEL",
    "PULL_MODEL",
    "THINKING_MODEL",
    "VISION_MODEL",
    "aconnect",
    "connect",
    "using_test_server",
]

# The defaults are the test server's fake models, which are also real models in the Ollama library.
CHAT_MODEL = os.environ.get("OLLIXIR_CHAT_MODEL", "llama3.2")
THINKING_MODEL = os.environ.get("OLLIXIR_THINKING_MODEL", "qwen3")
VISION_MODEL = os.environ.get("OLLIXIR_VISION_MODEL", "llava")
CODE_MODEL = os.environ.get("OLLIXIR_CODE_MODEL", "codellama:code")
EMBED_MODEL = os.environ.get("OLLIXIR_EMBED_MODEL", "all-minilm")
# Small on purpose: against a real server this one is really downloaded.
PULL_MODEL = os.environ.get("OLLIXIR_PULL_MODEL", "tinyllama")

# The bundled server's cloud endpoints accept this key; a real server needs OLLAMA_API_KEY instead.
_TEST_KEY = "test-key"


def using_test_server() -> bool:
    """True when the examples run against the bundled test server rather than a real Ollama."""
    return not os.environ.get("OLLAMA_HOST")


@contextlib.contextmanager
def _server_url(signed_in: bool) -> Iterator[str | None]:
    if not using_test_server():
        yield None
        return
    # A signed-in test server plays a local Ollama whose owner ran `ollama signin`.
    with OllamaTestServer(account=FakeAccount() if signed_in else None) as server:
        # stderr, so the example's stdout stays just what the example itself prints.
        print(f"(OLLAMA_HOST is not set: using the bundled test server at {server.url})", file=sys.stderr)
        yield server.url


def _credentials(url: str | None, api_key: bool) -> tuple[str | None, str | None]:
    """``(api_key, cloud_url)``: the test server's key and cloud URL, or None (``OLLAMA_API_KEY`` and
    ollama.com) for a real server. ``api_key=False`` gives ``""``, no key even when ``OLLAMA_API_KEY`` is
    set, so web search goes through the server's own proxy to ollama.com."""
    if not api_key:
        return "", url
    return (None, None) if url is None else (_TEST_KEY, url)


@contextlib.contextmanager
def connect(
    *, signed_in: bool = False, api_key: bool = True
) -> Iterator[ollixir.Client[ollixir.TypedResults]]:
    """A client for ``OLLAMA_HOST``, else for a bundled test server that lives as long as the block
    (``signed_in``: one signed in to ollama.com)."""
    with _server_url(signed_in) as url:
        key, cloud = _credentials(url, api_key)
        with ollixir.init(url, api_key=key, cloud_url=cloud) as client:
            yield client


@contextlib.asynccontextmanager
async def aconnect(
    *, signed_in: bool = False, api_key: bool = True
) -> AsyncIterator[ollixir.AsyncClient[ollixir.TypedResults]]:
    """The async twin of :func:`connect`."""
    with _server_url(signed_in) as url:
        key, cloud = _credentials(url, api_key)
        async with ollixir.init_async(url, api_key=key, cloud_url=cloud) as client:
            yield client
