"""GET /: Check that the server is running."""

from __future__ import annotations

from ...types import Operation

OPERATION: Operation[None, None, None] = Operation(
    operation_id="heartbeat",
    tag="server",
    method="GET",
    path="/",
    path_params=(),
    request_model=None,
    request_media="none",
    response_model=None,
    stream_model=None,
    success=(200,),
    not_found=(),
    errors=(),
    cloud=False,
    summary="Check that the server is running.",
    description="Answered by an inline handler before any model or state is touched.",
)

__all__ = ["OPERATION"]
