"""The server itself and its ollama.com account: liveness, cloud status, the signed-in user, signing out
and model recommendations."""

from __future__ import annotations

from typing import Any

from .._core.call import Call
from .base import endpoint, hints_since, identity, reader

__all__ = ["heartbeat", "model_recommendations", "server_status", "signout", "whoami"]


def _read(operation: str, model: str, typed: bool) -> Any:
    if not typed:
        return reader(operation, identity)
    import ollixir_api.models as models

    return reader(operation, getattr(models, model).from_dict)


def _running(status: int, body: bytes) -> bool:
    return True


def heartbeat(*, head: bool = False) -> Call:
    """``GET /`` (``HEAD /`` with ``head=True``): True when the server answers, False when it cannot be
    reached (refused, DNS, timeout, dropped); an HTTP error status still raises, since something is
    there and refused."""
    operation = "heartbeat_head" if head else "heartbeat"
    return Call("is_running", *endpoint(operation), read=_running, unreachable=False)


def server_status(typed: bool) -> Call:
    return Call(
        "status",
        *endpoint("server_status"),
        read=_read("status", "StatusResponse", typed),
        hints=hints_since("server_status", "0.16.2"),
    )


def whoami(typed: bool) -> Call:
    return Call(
        "whoami",
        *endpoint("whoami"),
        read=_read("whoami", "UserResponse", typed),
        hints=hints_since("whoami", "0.12.0"),
    )


def _signed_out(status: int, body: bytes) -> bool:
    return True


def signout() -> Call:
    # 401 "you are not currently signed in": nothing to sign out, as a missing model is for delete.
    return Call(
        "signout",
        *endpoint("signout"),
        read=_signed_out,
        not_found=False,
        not_found_status=401,
        hints=hints_since("signout", "0.12.1"),
    )


def model_recommendations(typed: bool) -> Call:
    return Call(
        "model_recommendations",
        *endpoint("model_recommendations"),
        read=_read("model_recommendations", "ModelRecommendationsResponse", typed),
        hints=hints_since("model_recommendations", "0.22.1"),
    )
