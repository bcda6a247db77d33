"""The operation table: every operation of openapi.yaml, by operation id.

Each tag's package holds one module per operation with its ``OPERATION`` descriptor. ``operation(id)``
imports just that module; ``OPERATIONS`` (every descriptor) is built on first use. Neither loads a model:
descriptors name their models, and ``Operation.response_type()`` and friends import them when asked.
"""

import importlib
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..types import Operation

# operation id -> the module that declares it
_MODULES: Mapping[str, str] = MappingProxyType(
    {
        "delete_user_key": ".account.delete_user_key",
        "signout": ".account.signout",
        "whoami": ".account.whoami",
        "check_blob": ".blobs.check_blob",
        "create_blob": ".blobs.create_blob",
        "chat": ".inference.chat",
        "embed": ".inference.embed",
        "embeddings": ".inference.embeddings",
        "generate": ".inference.generate",
        "copy_model": ".models.copy_model",
        "create_model": ".models.create_model",
        "delete_model": ".models.delete_model",
        "list_models": ".models.list_models",
        "list_models_head": ".models.list_models_head",
        "list_running": ".models.list_running",
        "model_recommendations": ".models.model_recommendations",
        "pull_model": ".models.pull_model",
        "push_model": ".models.push_model",
        "show_model": ".models.show_model",
        "heartbeat": ".server.heartbeat",
        "heartbeat_head": ".server.heartbeat_head",
        "server_status": ".server.server_status",
        "version": ".server.version",
        "version_head": ".server.version_head",
        "experimental_web_fetch": ".web.experimental_web_fetch",
        "experimental_web_search": ".web.experimental_web_search",
        "web_fetch": ".web.web_fetch",
        "web_search": ".web.web_search",
    }
)


def operation(operation_id: str) -> Operation[Any, Any, Any]:
    """The descriptor of one operation; ``KeyError`` for an id the spec does not have."""
    descriptor: Operation[Any, Any, Any] = importlib.import_module(_MODULES[operation_id], __name__).OPERATION
    return descriptor


if TYPE_CHECKING:
    OPERATIONS: Mapping[str, Operation[Any, Any, Any]]
else:

    def __getattr__(name: str) -> object:
        if name != "OPERATIONS":
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        table = MappingProxyType({key: operation(key) for key in _MODULES})
        globals()["OPERATIONS"] = table
        return table


__all__ = ["OPERATIONS", "operation"]
