"""Module-level operations for an :class:`~ollixir.AsyncClient`: ``await ollixir.aio.chat(client, ...)``.

The async twins of :mod:`ollixir`'s functions: the async client's own methods, unbound, so their
signatures and overloads are the methods'.
"""

from __future__ import annotations

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
]

chat = AsyncClient.chat
completion = AsyncClient.completion
embed = AsyncClient.embed
embeddings = AsyncClient.embeddings
list_models = AsyncClient.list_models
list_running = AsyncClient.list_running
show_model = AsyncClient.show_model
create_model = AsyncClient.create_model
copy_model = AsyncClient.copy_model
delete_model = AsyncClient.delete_model
pull_model = AsyncClient.pull_model
push_model = AsyncClient.push_model
check_blob = AsyncClient.check_blob
create_blob = AsyncClient.create_blob
preload = AsyncClient.preload
unload = AsyncClient.unload
version = AsyncClient.version
web_search = AsyncClient.web_search
web_fetch = AsyncClient.web_fetch
generate = AsyncClient.completion
list = AsyncClient.list_models
ps = AsyncClient.list_running
show = AsyncClient.show_model
create = AsyncClient.create_model
copy = AsyncClient.copy_model
delete = AsyncClient.delete_model
pull = AsyncClient.pull_model
push = AsyncClient.push_model
