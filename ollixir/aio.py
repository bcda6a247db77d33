"""Module-level operations for an :class:`~ollixir.AsyncClient`: ``await ollixir.aio.chat(client, ...)``.

The async twins of :mod:`ollixir`'s functions: an :class:`AsyncClient` first (the seed's form), or none
for the running event loop's default client from ``OLLAMA_HOST``/``OLLAMA_API_KEY`` (the official
client's form): ``await ollixir.aio.chat(model="llama3.2", messages=[...])``.
"""

from __future__ import annotations

from ollixir_api.surface.async_functions import (
    chat,
    check_blob,
    completion,
    copy,
    copy_model,
    create,
    create_blob,
    create_model,
    delete,
    delete_model,
    embed,
    embeddings,
    generate,
    is_running,
    list,
    list_models,
    list_running,
    model_recommendations,
    preload,
    ps,
    pull,
    pull_model,
    push,
    push_model,
    show,
    show_model,
    signout,
    status,
    unload,
    version,
    web_fetch,
    web_search,
    whoami,
)

from ._clients.async_client import AsyncClient
from ._clients.init import init_async

__all__ = [
    "AsyncClient",
    "init_async",
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
    "list",
    "list_models",
    "list_running",
    "preload",
    "ps",
    "pull",
    "pull_model",
    "push",
    "push_model",
    "show",
    "show_model",
    "unload",
    "version",
    "web_fetch",
    "web_search",
    "is_running",
    "status",
    "whoami",
    "signout",
    "model_recommendations",
]
