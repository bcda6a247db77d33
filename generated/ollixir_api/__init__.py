"""A client library for accessing Ollama API"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client
else:
    # ollixir does not use these clients; importing them only when asked keeps them off its
    # import path.
    def __getattr__(name: str) -> object:
        if name in __all__:
            from . import client

            return getattr(client, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = (
    "AuthenticatedClient",
    "Client",
)
