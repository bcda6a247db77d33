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
    from ollixir_api.models import (
        ChatResponse as ChatResponse,
    )
    from ollixir_api.models import (
        ChatStreamChunk as ChatStreamChunk,
    )
    from ollixir_api.models import (
        EmbeddingsResponse as EmbeddingsResponse,
    )
    from ollixir_api.models import (
        EmbedResponse as EmbedResponse,
    )
    from ollixir_api.models import (
        GenerateResponse as GenerateResponse,
    )
    from ollixir_api.models import (
        GenerateStreamChunk as GenerateStreamChunk,
    )
    from ollixir_api.models import (
        ListResponse as ListResponse,
    )
    from ollixir_api.models import (
        Message as Message,
    )
    from ollixir_api.models import (
        Options as Options,
    )
    from ollixir_api.models import (
        ProcessResponse as ProcessResponse,
    )
    from ollixir_api.models import (
        ProgressResponse as ProgressResponse,
    )
    from ollixir_api.models import (
        ShowResponse as ShowResponse,
    )
    from ollixir_api.models import (
        Tool as Tool,
    )
    from ollixir_api.models import (
        VersionResponse as VersionResponse,
    )
    from ollixir_api.models import (
        WebFetchResponse as WebFetchResponse,
    )
    from ollixir_api.models import (
        WebSearchResponse as WebSearchResponse,
    )
    from ollixir_api.surface.functions import chat as chat
    from ollixir_api.surface.functions import check_blob as check_blob
    from ollixir_api.surface.functions import completion as completion
    from ollixir_api.surface.functions import copy as copy
    from ollixir_api.surface.functions import copy_model as copy_model
    from ollixir_api.surface.functions import create as create
    from ollixir_api.surface.functions import create_blob as create_blob
    from ollixir_api.surface.functions import create_model as create_model
    from ollixir_api.surface.functions import delete as delete
    from ollixir_api.surface.functions import delete_model as delete_model
    from ollixir_api.surface.functions import embed as embed
    from ollixir_api.surface.functions import embeddings as embeddings
    from ollixir_api.surface.functions import generate as generate
    from ollixir_api.surface.functions import is_running as is_running
    from ollixir_api.surface.functions import list as list
    from ollixir_api.surface.functions import list_models as list_models
    from ollixir_api.surface.functions import list_running as list_running
    from ollixir_api.surface.functions import model_recommendations as model_recommendations
    from ollixir_api.surface.functions import preload as preload
    from ollixir_api.surface.functions import ps as ps
    from ollixir_api.surface.functions import pull as pull
    from ollixir_api.surface.functions import pull_model as pull_model
    from ollixir_api.surface.functions import push as push
    from ollixir_api.surface.functions import push_model as push_model
    from ollixir_api.surface.functions import show as show
    from ollixir_api.surface.functions import show_model as show_model
    from ollixir_api.surface.functions import signout as signout
    from ollixir_api.surface.functions import status as status
    from ollixir_api.surface.functions import unload as unload
    from ollixir_api.surface.functions import version as version
    from ollixir_api.surface.functions import web_fetch as web_fetch
    from ollixir_api.surface.functions import web_search as web_search
    from ollixir_api.surface.functions import whoami as whoami

    from . import aio as aio
    from . import batch as batch
    from . import helpers as helpers
    from . import hf as hf
    from . import presets as presets
    from . import tools as tools
    from . import web as web
    from ._clients.async_client import AsyncClient
    from ._clients.client import Client
    from ._clients.init import init, init_async
    from ._clients.types import DictResults, TypedResults
    from ._core.host import parse_host
    from ._core.retry import RetryPolicy, is_retryable
    from ._core.stream import AsyncStream, Stream
    from ._core.transports import aiohttp_transport
    from ._ops.arrays import EmbedArrayResponse
    from ._ops.images import Image
    from ._schema.schema import StructuredOutputError
    from ._schema.structured import parsed
    from .modelfile import Modelfile

_LAZY: dict[str, str] = {
    "Client": "._clients.client",
    "AsyncClient": "._clients.async_client",
    "init": "._clients.init",
    "init_async": "._clients.init",
    "Stream": "._core.stream",
    "AsyncStream": "._core.stream",
    "RetryPolicy": "._core.retry",
    "is_retryable": "._core.retry",
    "parse_host": "._core.host",
    "aiohttp_transport": "._core.transports",
    "EmbedArrayResponse": "._ops.arrays",
    "Modelfile": ".modelfile",
    "Image": "._ops.images",
    "StructuredOutputError": "._schema.schema",
    "parsed": "._schema.structured",
    "TypedResults": "._clients.types",
    "DictResults": "._clients.types",
    "aio": ".aio",
    "batch": ".batch",
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
    "is_running",
    "status",
    "whoami",
    "signout",
    "model_recommendations",
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
_LAZY.update(dict.fromkeys(_FUNCTIONS, "ollixir_api.surface.functions"))
# The typed models, under the names the official client exports (ollama.ChatResponse, ...).
_MODELS = [
    "ChatResponse",
    "ChatStreamChunk",
    "EmbedResponse",
    "EmbeddingsResponse",
    "GenerateResponse",
    "GenerateStreamChunk",
    "ListResponse",
    "Message",
    "Options",
    "ProcessResponse",
    "ProgressResponse",
    "ShowResponse",
    "Tool",
    "VersionResponse",
    "WebFetchResponse",
    "WebSearchResponse",
]
_LAZY.update(dict.fromkeys(_MODELS, "ollixir_api.models"))

__all__ = [
    "ChatResponse",
    "ChatStreamChunk",
    "EmbedResponse",
    "EmbeddingsResponse",
    "GenerateResponse",
    "GenerateStreamChunk",
    "ListResponse",
    "Message",
    "Options",
    "ProcessResponse",
    "ProgressResponse",
    "ShowResponse",
    "Tool",
    "VersionResponse",
    "WebFetchResponse",
    "WebSearchResponse",
    "Image",
    "AsyncClient",
    "AsyncStream",
    "Client",
    "ConnectionError",
    "DictResults",
    "EmbedArrayResponse",
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
    "batch",
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
    "is_running",
    "status",
    "whoami",
    "signout",
    "model_recommendations",
    "__version__",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'ollixir' has no attribute {name!r}")
    mod = importlib.import_module(module, __name__)
    value = mod if module == "." + name else getattr(mod, name)
    globals()[name] = value
    return value


def __dir__() -> builtins.list[str]:
    return sorted(set(globals()) | set(__all__))
