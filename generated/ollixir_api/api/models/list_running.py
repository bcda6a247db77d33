"""GET /api/ps: List models currently loaded in memory, latest expiry first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import ProcessResponse


OPERATION: Operation[None, ProcessResponse, None] = Operation(
    operation_id="list_running",
    tag="models",
    method="GET",
    path="/api/ps",
    path_params=(),
    request_model=None,
    request_media="none",
    response_model="ProcessResponse",
    stream_model=None,
    success=(200,),
    not_found=(),
    errors=(),
    cloud=False,
    summary="List models currently loaded in memory, latest expiry first.",
    description="",
)

__all__ = ["OPERATION"]
