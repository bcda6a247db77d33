"""Every Ollama operation, defined once: how to build its request and how to read its answer.

The builders live in ``inference``, ``models``, ``server`` and ``web``; the sync and async clients both run the
:class:`~ollixir._core.call.Call` values they return.
"""

from __future__ import annotations

from .._core.call import NOT_SET
from .inference import chat, completion, embed, embeddings, load
from .models import (
    check_blob,
    copy_model,
    create_blob,
    create_model,
    delete_model,
    list_models,
    list_running,
    pull_model,
    push_model,
    show_model,
    version,
)
from .server import heartbeat, model_recommendations, server_status, signout, whoami
from .web import web_fetch, web_search

__all__ = [
    "NOT_SET",
    "chat",
    "check_blob",
    "completion",
    "copy_model",
    "create_blob",
    "create_model",
    "delete_model",
    "embed",
    "embeddings",
    "heartbeat",
    "list_models",
    "list_running",
    "load",
    "model_recommendations",
    "pull_model",
    "push_model",
    "server_status",
    "show_model",
    "signout",
    "version",
    "web_fetch",
    "web_search",
    "whoami",
]
