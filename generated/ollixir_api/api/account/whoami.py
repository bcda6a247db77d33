"""POST /api/me: The ollama.com account this server is signed in to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import UserResponse


OPERATION: Operation[None, UserResponse, None] = Operation(
    operation_id="whoami",
    tag="account",
    method="POST",
    path="/api/me",
    path_params=(),
    request_model=None,
    request_media="none",
    response_model="UserResponse",
    stream_model=None,
    success=(200,),
    not_found=(),
    errors=(401, 500, 503),
    cloud=False,
    summary="The ollama.com account this server is signed in to.",
    description='Takes no body (any body is ignored). The server asks https://ollama.com/api/me, signing the request with its own key. A missing `plan` is reported as "free".',
)

__all__ = ["OPERATION"]
