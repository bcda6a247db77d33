"""Module-level operations taking the client first, as in the seed: ``ollixir.chat(client, ...)``.

They are the client's own methods, unbound, so their signatures and overloads are the methods'.
For an :class:`~ollixir.AsyncClient` use the same names from :mod:`ollixir.aio`.
"""

from __future__ import annotations

from .client import Client

__all__ = [
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

chat = Client.chat
completion = Client.completion
embed = Client.embed
embeddings = Client.embeddings
list_models = Client.list_models
list_running = Client.list_running
show_model = Client.show_model
create_model = Client.create_model
copy_model = Client.copy_model
delete_model = Client.delete_model
pull_model = Client.pull_model
push_model = Client.push_model
check_blob = Client.check_blob
create_blob = Client.create_blob
preload = Client.preload
unload = Client.unload
version = Client.version
web_search = Client.web_search
web_fetch = Client.web_fetch
generate = Client.completion
list = Client.list_models
ps = Client.list_running
show = Client.show_model
create = Client.create_model
copy = Client.copy_model
delete = Client.delete_model
pull = Client.pull_model
push = Client.push_model
