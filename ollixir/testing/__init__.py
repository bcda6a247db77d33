"""A faithful Ollama-protocol test server with deterministic fake models, and a pytest plugin.

Use it directly::

    from ollixir.testing import OllamaTestServer

    with OllamaTestServer() as server:  # a free port on 127.0.0.1, served from a background thread
        httpx.post(f"{server.url}/api/chat", json={"model": "llama3.2", "messages": [...], "stream": False})
        # -> message.content == "You said: <last user message>"

or through the pytest fixtures ``ollama_server`` (fresh state per test) and ``ollama_server_session``
(registered by the ``ollixir`` pytest11 entry point, module ``ollixir.testing.plugin``), or as a
process: ``python -m ollixir.testing --port 11434``.

* Fake models and their answer rules: :mod:`ollixir.testing._fake`; the default catalogue:
  :mod:`ollixir.testing._catalogue`; add your own with ``OllamaTestServer(models=[FakeModel(...)])``.
* Fault injection (``server.faults``), the request log (``server.requests``) and connection observation
  (``open_connections``, ``disconnects``, ``wait_for_disconnect``): :mod:`ollixir.testing._faults`.
* ``make_gguf()`` builds a tiny valid GGUF file to upload as a blob for ``/api/create``.
* The ollama.com side (``/api/me``, ``/api/signout``, ``/api/status``, the experimental web proxies):
  :mod:`ollixir.testing._account`; sign in with ``OllamaTestServer(account=FakeAccount())`` or
  ``server.account = FakeAccount()``. Recommendations: ``DEFAULT_RECOMMENDATIONS`` / ``FakeRecommendation``.

The package uses the standard library only and imports nothing else from ``ollixir``.
"""

from ._account import FakeAccount
from ._catalogue import DEFAULT_MODELS, DEFAULT_RECOMMENDATIONS, REGISTRY_ONLY, FakeRecommendation
from ._fake import FakeModel, FakeReply, FakeRequest, FakeToolCall, tokenize
from ._faults import Fault, FaultKind, Faults, RecordedRequest
from ._gguf import make_gguf
from ._server import OllamaTestServer

__all__ = [
    "DEFAULT_MODELS",
    "DEFAULT_RECOMMENDATIONS",
    "REGISTRY_ONLY",
    "FakeAccount",
    "FakeModel",
    "FakeRecommendation",
    "FakeReply",
    "FakeRequest",
    "FakeToolCall",
    "Fault",
    "FaultKind",
    "Faults",
    "OllamaTestServer",
    "RecordedRequest",
    "make_gguf",
    "tokenize",
]
