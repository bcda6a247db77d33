"""A faithful Ollama-protocol test server with deterministic fake models, and a pytest plugin.

Start one in a test (a free port on 127.0.0.1, served from a background thread)::

    from ollixir.testing import OllamaTestServer

    with OllamaTestServer() as server:
        httpx.post(f"{server.url}/api/chat", json={"model": "llama3.2", "messages": [...], "stream": False})
        # -> message.content == "You said: <last user message>"

or take the pytest fixtures ``ollama_server`` (fresh state per test) and ``ollama_server_session``
(registered by the ``ollixir`` pytest11 entry point), or run it as a process: ``ollixir serve-test``
(``--models FILE`` adds models, pullable names and faults from a :class:`ServerConfig` file; ``--list``
prints the catalogue) or ``python -m ollixir.testing``.

Everything a test needs is here:

* :class:`OllamaTestServer` — the server: ``url``, ``requests``, ``faults``, ``add_models``, ``reset``,
  ``catalogue()``, CORS ``origins`` and the Host guard of a real Ollama.
* :class:`FakeModel` — a fake model and *all its answer rules* (echo, tool calls, structured output,
  thinking, limits, logprobs, metrics, embeddings of dimension ``embedding_length``, capabilities);
  its ``capabilities`` are :data:`Capability` values; :func:`tokenize` splits text into its tokens; :data:`NO_TOOLS_MARKER` in a prompt makes a default
  model answer in text although tools were sent.
* Scripted answers: ``FakeModel(reply=...)`` with a text, a callable receiving a :class:`FakeRequest`
  and returning text or a :class:`FakeReply` (:class:`FakeToolCall` for tool calls), or
  :class:`ScriptedReplies` — a list of replies answered in order; :class:`FakeModelError` makes a call
  fail.
* The catalogue — :data:`DEFAULT_MODELS` (installed on a fresh server) and :data:`REGISTRY_ONLY`
  (pullable only); :func:`default_catalogue` and ``server.catalogue()`` list every pullable name as a
  :class:`CatalogueEntry` with its size and digest.
* Fault injection — :class:`Faults` (``server.faults``) adds :class:`Fault` s of a :class:`FaultKind`.
* The request log — ``server.requests``, a list of :class:`RecordedRequest`.
* :class:`ServerConfig` — models, pullable names and fault rules from a JSON/TOML file
  (:class:`ServerConfigError` for a bad one).
* :func:`make_gguf` — a tiny valid GGUF file to upload as a blob for ``/api/create``.

The default catalogue (every model name the README, the examples and ``ollixir demo`` use)::

    installed (and pullable)   capabilities                  context  embedding
    llama3.2:latest            completion, tools             131072   3072
    qwen3:latest               completion, tools, thinking    40960   4096
    llava:latest               completion, vision             32768   4096
    codellama:code             completion, insert             16384   4096
    all-minilm:latest          embedding                        256    384
    nomic-embed-text:latest    embedding                       2048    768
    pullable only
    tinyllama:latest           completion                      2048   2048
    smollm2:135m               completion, tools               8192    576
    gemma3:latest              completion, vision            131072   2560
    gpt-oss:latest             completion, tools, thinking   131072   2880
* The OpenAI- and Anthropic-compatible routes (``/v1/chat/completions``, ``/v1/completions``,
  ``/v1/embeddings``, ``/v1/models``, ``/v1/responses``, ``/v1/messages``) answer from the same fake
  models through the native handlers, as Ollama's compatibility layer does; what is not emulated is
  listed in the README's testing section.
* The ollama.com side (``/api/me``, ``/api/signout``, ``/api/status``, the experimental web proxies):
  sign in with ``OllamaTestServer(account=FakeAccount())`` or ``server.account = FakeAccount()``;
  :class:`FakeRecommendation` entries (default :data:`DEFAULT_RECOMMENDATIONS`) answer
  ``/api/experimental/model-recommendations``.

The package uses the standard library only and imports nothing else from ``ollixir``.
"""

from ._account import FakeAccount
from ._catalogue import DEFAULT_MODELS, DEFAULT_RECOMMENDATIONS, REGISTRY_ONLY, FakeRecommendation
from ._config import ServerConfig, ServerConfigError
from ._fake import (
    NO_TOOLS_MARKER,
    Capability,
    FakeModel,
    FakeModelError,
    FakeReply,
    FakeRequest,
    FakeToolCall,
    tokenize,
)
from ._faults import Fault, FaultKind, Faults, RecordedRequest
from ._gguf import make_gguf
from ._inventory import CatalogueEntry, default_catalogue
from ._script import ScriptedReplies
from ._server import OllamaTestServer

__all__ = [
    "DEFAULT_MODELS",
    "NO_TOOLS_MARKER",
    "REGISTRY_ONLY",
    "Capability",
    "CatalogueEntry",
    "FakeModel",
    "FakeModelError",
    "DEFAULT_RECOMMENDATIONS",
    "FakeAccount",
    "FakeRecommendation",
    "FakeReply",
    "FakeRequest",
    "FakeToolCall",
    "Fault",
    "FaultKind",
    "Faults",
    "OllamaTestServer",
    "RecordedRequest",
    "ScriptedReplies",
    "ServerConfig",
    "ServerConfigError",
    "default_catalogue",
    "make_gguf",
    "tokenize",
]
