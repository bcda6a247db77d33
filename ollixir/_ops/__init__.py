"""Every Ollama operation, defined once: how to build its request and how to read its answer.

The builders live in ``_ops_inference`` and ``_ops_models``; the sync and async clients both run the
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
    web_fetch,
    web_search,
)

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
    "list_models",
    "list_running",
    "load",
    "pull_model",
    "push_model",
    "show_model",
    "version",
    "web_fetch",
    "web_search",
]
