"""The bodies of every client operation, shared by :class:`Client` and :class:`AsyncClient`.

A body validates and builds its request (``_ops``) and hands the :class:`Call` to ``self._run``,
which the sync client executes and the async client turns into an awaitable. The clients declare
the typed signatures; these functions are what actually runs. Validation therefore happens when
the method is called, before any traffic, for both clients.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Mapping
from typing import Any, Protocol

from .. import _ops
from .._core.call import Call
from .._core.config import Config
from .._errors import RequestError
from .._ops.create import CreatePlan, plan_create

__all__ = ["Host"]


class Host(Protocol):
    _config: Config

    def _run(self, call: Call, stream: object = False) -> Any: ...

    def _create(self, plan: CreatePlan, stream: object, opts: Mapping[str, Any]) -> Any: ...

    def _create_blob(self, source: object, opts: Mapping[str, Any]) -> Any: ...


def apply(call: Call, opts: Mapping[str, Any]) -> Call:
    """Per-call ``timeout=`` and ``retry=`` overrides."""
    if "timeout" in opts:
        call.timeout = opts["timeout"]
    if "retry" in opts:
        call.retry = opts["retry"]
    return call


def with_format(client: Any, response_format: str) -> Any:
    """A shallow copy of ``client`` sharing its executor (and so its pool), with another result format."""
    if response_format not in ("typed", "dict"):
        raise RequestError(
            f"response_format must be 'typed' or 'dict', got {response_format!r}", param="response_format"
        )
    view = copy.copy(client)
    view._config = dataclasses.replace(client._config, typed=response_format == "typed")
    view._view = True
    return view


def split(kwargs: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    opts: dict[str, Any] = {k: kwargs.pop(k) for k in ("timeout", "retry") if k in kwargs}
    return kwargs, opts


def chat(self: Host, model: Any = None, messages: Any = None, *, stream: Any = False, **kwargs: Any) -> Any:
    """The next message of a conversation (``POST /api/chat``).

    ``stream=False`` returns a ``ChatResponse``; ``True`` a stream of ``ChatStreamChunk`` whose
    ``final()`` is the aggregated ``ChatResponse``; a callable or queue runs it in the background.

    >>> reply = client.chat("llama3.2", [{"role": "user", "content": "Hello!"}])
    >>> reply.message.role, reply.message.content
    ('assistant', 'You said: Hello!')
    >>> with client.chat("llama3.2", [{"role": "user", "content": "Hi there"}], stream=True) as stream:
    ...     pieces = [chunk.message.content for chunk in stream]
    ...     final = stream.final()
    >>> pieces, final.message.content
    (['You', ' said:', ' Hi', ' there', ''], 'You said: Hi there')

    Errors raise; the server's message and status are on the exception:

    >>> try:
    ...     client.chat("no-such-model", [{"role": "user", "content": "Hello!"}])
    ... except ollixir.ResponseError as exc:
    ...     print(exc.status, exc.error)
    404 model 'no-such-model' not found
    """
    kw, opts = split(kwargs)
    call = _ops.chat(self._config.typed, model, messages, stream=stream is not False, **kw)
    return self._run(apply(call, opts), stream)


def completion(
    self: Host, model: Any = None, prompt: Any = None, *, stream: Any = False, **kwargs: Any
) -> Any:
    """Complete a prompt (``POST /api/generate``); streaming as for :func:`chat`.

    >>> reply = client.completion("llama3.2", "Why is the sky blue?")
    >>> reply.response, reply.done
    ('You said: Why is the sky blue?', True)

    ``suffix=`` asks a code model to fill in the middle:

    >>> client.completion("codellama:code", "def add(a, b):", suffix="    return c").response
    'You said: def add(a, b): [suffix:     return c]'
    """
    kw, opts = split(kwargs)
    call = _ops.completion(self._config.typed, model, prompt, stream=stream is not False, **kw)
    return self._run(apply(call, opts), stream)


def embed(self: Host, model: Any = None, input: Any = None, **kwargs: Any) -> Any:
    """Embedding vectors for one text or a batch (``POST /api/embed``).

    >>> response = client.embed("all-minilm", ["first text", "second text"])
    >>> len(response.embeddings), len(response.embeddings[0])
    (2, 384)
    >>> len(client.embed("all-minilm", "one text", dimensions=64).embeddings[0])
    64
    """
    kw, opts = split(kwargs)
    return self._run(apply(_ops.embed(self._config.typed, model, input, **kw), opts))


def embeddings(self: Host, model: Any = None, prompt: Any = None, **kwargs: Any) -> Any:
    """One un-normalised embedding from the legacy ``POST /api/embeddings``; prefer :func:`embed`.

    >>> len(client.embeddings("all-minilm", "hello").embedding)
    384
    """
    kw, opts = split(kwargs)
    return self._run(apply(_ops.embeddings(self._config.typed, model, prompt, **kw), opts))


def preload(self: Host, model: Any = None, *, keep_alive: Any = None, **kwargs: Any) -> Any:
    """Load a model without generating (keep_alive defaults to 5 minutes; -1 keeps it loaded).
    True when loaded, False when the model does not exist.

    >>> client.preload("llama3.2", keep_alive="10m")
    True
    >>> [model.name for model in client.list_running().models]
    ['llama3.2:latest']
    >>> client.preload("no-such-model")
    False
    """
    return self._run(apply(_ops.load(self._config.typed, model, unload=False, keep_alive=keep_alive), kwargs))


def unload(self: Host, model: Any = None, **kwargs: Any) -> Any:
    """Unload a model from memory now. True when unloaded, False when the model does not exist.

    >>> client.preload("llama3.2"), client.unload("llama3.2")
    (True, True)
    >>> client.list_running().models
    []
    """
    return self._run(apply(_ops.load(self._config.typed, model, unload=True), kwargs))


def list_models(self: Host, **kwargs: Any) -> Any:
    """Models installed on the server (``GET /api/tags``).

    >>> [model.name for model in client.list_models().models]
    ['llama3.2:latest', 'qwen3:latest', ...]
    """
    return self._run(apply(_ops.list_models(self._config.typed), kwargs))


def list_running(self: Host, **kwargs: Any) -> Any:
    """Models loaded in memory (``GET /api/ps``).

    >>> client.preload("llama3.2")
    True
    >>> [(model.name, model.context_length) for model in client.list_running().models]
    [('llama3.2:latest', 4096)]
    """
    return self._run(apply(_ops.list_running(self._config.typed), kwargs))


def show_model(self: Host, model: Any = None, **kwargs: Any) -> Any:
    """Details of one model (``POST /api/show``); ``name=`` is accepted as in the seed.

    >>> info = client.show_model("llama3.2")
    >>> info.details.family, info.details.parameter_size, info.capabilities
    ('llama', '3.2B', ['completion', 'tools'])
    """
    kw, opts = split(kwargs)
    return self._run(apply(_ops.show_model(self._config.typed, model, **kw), opts))


def create_model(self: Host, model: Any = None, *, stream: Any = False, **kwargs: Any) -> Any:
    """Create a model (``POST /api/create``) from ``from_=``, ``files=`` or ``modelfile=``.

    Local files named by a Modelfile's FROM/ADAPTER lines, or given as paths in ``files=`` /
    ``adapters=``, are hashed and uploaded first, skipping blobs the server already has.

    >>> client.create_model("mario", from_="llama3.2", system="You are Mario.").status
    'success'
    >>> client.create_model("luigi", modelfile="FROM llama3.2\\nPARAMETER temperature 0.2").status
    'success'
    >>> client.show_model("mario").system
    'You are Mario.'
    """
    kw, opts = split(kwargs)
    if "from" in kw and "from_" not in kw:
        kw["from_"] = kw.pop("from")
    return self._create(plan_create(model, **kw), stream, opts)


def copy_model(self: Host, source: Any = None, destination: Any = None, **kwargs: Any) -> Any:
    """Copy a model. True when copied, False when ``source`` does not exist.

    >>> client.copy_model("llama3.2", "my-llama")
    True
    >>> client.copy_model("no-such-model", "my-llama")
    False
    """
    return self._run(apply(_ops.copy_model(source, destination), kwargs))


def delete_model(self: Host, model: Any = None, **kwargs: Any) -> Any:
    """Delete a model. True when deleted, False when it does not exist; ``name=`` accepted.

    >>> client.copy_model("llama3.2", "scratch"), client.delete_model("scratch")
    (True, True)
    >>> client.delete_model("scratch")
    False
    """
    kw, opts = split(kwargs)
    return self._run(apply(_ops.delete_model(model, **kw), opts))


def pull_model(self: Host, model: Any = None, *, stream: Any = False, **kwargs: Any) -> Any:
    """Download a model from a registry (``POST /api/pull``).

    >>> client.pull_model("tinyllama").status
    'success'
    >>> with client.pull_model("tinyllama", stream=True) as progress:
    ...     statuses = [update.status for update in progress]
    >>> statuses[0], statuses[-1]
    ('pulling manifest', 'success')
    """
    kw, opts = split(kwargs)
    return self._run(
        apply(_ops.pull_model(self._config.typed, model, stream=stream is not False, **kw), opts), stream
    )


def push_model(self: Host, model: Any = None, *, stream: Any = False, **kwargs: Any) -> Any:
    """Upload a model to a registry (``POST /api/push``). Never retried automatically."""
    kw, opts = split(kwargs)
    return self._run(
        apply(_ops.push_model(self._config.typed, model, stream=stream is not False, **kw), opts), stream
    )


def check_blob(self: Host, digest: Any = None, **kwargs: Any) -> Any:
    """True when the server has the blob: a ``sha256:<64 hex>`` digest, or raw bytes to hash.

    >>> client.check_blob(b"never uploaded")
    False
    >>> client.check_blob(client.create_blob(b"uploaded"))
    True
    """
    return self._run(apply(_ops.check_blob(digest), kwargs))


def create_blob(self: Host, source: Any = None, **kwargs: Any) -> Any:
    """Upload a path, bytes or binary file object as a blob; returns its ``sha256:<hex>`` digest.

    Hashed in one streaming pass and sent in chunks (never held in memory whole); nothing is
    uploaded when the server already has the blob.

    >>> client.create_blob(b"hello")
    'sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'
    """
    return self._create_blob(source, kwargs)


def version(self: Host, **kwargs: Any) -> Any:
    """The server's version (``GET /api/version``).

    >>> client.version().version
    '0...'
    """
    return self._run(apply(_ops.version(self._config.typed), kwargs))


def web_search(self: Host, query: Any = None, *, max_results: Any = 3, **kwargs: Any) -> Any:
    """Search the web through ollama.com; needs an API key, which goes to ``cloud_url`` only.

    >>> results = client.web_search("ollama", max_results=2).results
    >>> len(results), sorted(results[0].to_dict())
    (2, ['content', 'title', 'url'])
    """
    return self._run(apply(_ops.web_search(self._config.typed, query, max_results=max_results), kwargs))


def web_fetch(self: Host, url: Any = None, **kwargs: Any) -> Any:
    """Fetch a web page's text through ollama.com; needs an API key.

    >>> sorted(client.web_fetch("https://ollama.com").to_dict())
    ['content', 'links', 'title']
    """
    return self._run(apply(_ops.web_fetch(self._config.typed, url), kwargs))
