"""ollixir: a typed client for the Ollama HTTP API.

>>> import ollixir
>>> client = ollixir.init()                      # OLLAMA_HOST or http://127.0.0.1:11434
>>> reply = client.chat("llama3.2", [{"role": "user", "content": "Hello!"}])
>>> reply.message.content

Public names are loaded on first use, so ``import ollixir`` stays cheap; everything listed in
``__all__`` is importable as usual.
"""

from __future__ import annotations

import builtins
import importlib
from typing import TYPE_CHECKING, Any

from ._errors import ConnectionError, OllixirError, ProtocolError, RequestError, ResponseError, TimeoutError
from ._version import __version__

if TYPE_CHECKING:
    from . import aio as aio
    from . import helpers as helpers
    from . import hf as hf
    from . import presets as presets
    from . import tools as tools
    from . import web as web
    from ._async_client import AsyncClient
    from ._client import Client
    from ._functions import chat as chat
    from ._functions import check_blob as check_blob
    from ._functions import completion as completion
    from ._functions import copy as copy
    from ._functions import copy_model as copy_model
    from ._functions import create as create
    from ._functions import create_blob as create_blob
    from ._functions import create_model as create_model
    from ._functions import delete as delete
    from ._functions import delete_model as delete_model
    from ._functions import embed as embed
    from ._functions import embeddings as embeddings
    from ._functions import generate as generate
    from ._functions import list as list
    from ._functions import list_models as list_models
    from ._functions import list_running as list_running
    from ._functions import preload as preload
    from ._functions import ps as ps
    from ._functions import pull as pull
    from ._functions import pull_model as pull_model
    from ._functions import push as push
    from ._functions import push_model as push_model
    from ._functions import show as show
    from ._functions import show_model as show_model
    from ._functions import unload as unload
    from ._functions import version as version
    from ._functions import web_fetch as web_fetch
    from ._functions import web_search as web_search
    from ._host import parse_host
    from ._init import init, init_async
    from ._retry import RetryPolicy, is_retryable
    from ._schema import StructuredOutputError
    from ._stream import AsyncStream, Stream
    from ._structured import parsed
    from ._transports import aiohttp_transport
    from ._types import DictResults, TypedResults
    from .modelfile import Modelfile

_LAZY: dict[str, str] = {
    "Client": "._client",
    "AsyncClient": "._async_client",
    "init": "._init",
    "init_async": "._init",
    "Stream": "._stream",
    "AsyncStream": "._stream",
    "RetryPolicy": "._retry",
    "is_retryable": "._retry",
    "parse_host": "._host",
    "aiohttp_transport": "._transports",
    "Modelfile": ".modelfile",
    "StructuredOutputError": "._schema",
    "parsed": "._structured",
    "TypedResults": "._types",
    "DictResults": "._types",
    "aio": ".aio",
    "helpers": ".helpers",
    "hf": ".hf",
    "web": ".web",
    "tools": ".tools",
    "presets": ".presets",
}
_FUNCTIONS = [
    "chat",
    "completion",
    "embed",
    "embeddings",
    "list_models",
    "list_running",
    "show_model",
    "create_model",
    "copy_model",
    "delete_model",
    "pull_model",
    "push_model",
    "check_blob",
    "create_blob",
    "preload",
    "unload",
    "version",
    "web_search",
    "web_fetch",
    "generate",
    "list",
    "ps",
    "show",
    "create",
    "copy",
    "delete",
    "pull",
    "push",
]
_LAZY.update(dict.fromkeys(_FUNCTIONS, "._functions"))

__all__ = [
    "AsyncClient",
    "AsyncStream",
    "Client",
    "ConnectionError",
    "DictResults",
    "Modelfile",
    "OllixirError",
    "ProtocolError",
    "RequestError",
    "ResponseError",
    "RetryPolicy",
    "Stream",
    "StructuredOutputError",
    "TimeoutError",
    "TypedResults",
    "aio",
    "aiohttp_transport",
    "chat",
    "check_blob",
    "completion",
    "copy",
    "copy_model",
    "create",
    "create_blob",
    "create_model",
    "delete",
    "delete_model",
    "embed",
    "embeddings",
    "generate",
    "helpers",
    "hf",
    "init",
    "init_async",
    "is_retryable",
    "list",
    "list_models",
    "list_running",
    "parse_host",
    "parsed",
    "preload",
    "presets",
    "ps",
    "pull",
    "pull_model",
    "push",
    "push_model",
    "show",
    "show_model",
    "tools",
    "unload",
    "version",
    "web",
    "web_fetch",
    "web_search",
    "__version__",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'ollixir' has no attribute {name!r}")
    mod = importlib.import_module(module, __name__)
    value = mod if module.lstrip(".") == name else getattr(mod, name)
    globals()[name] = value
    return value


def __dir__() -> builtins.list[str]:
    return sorted(set(globals()) | set(__all__))
