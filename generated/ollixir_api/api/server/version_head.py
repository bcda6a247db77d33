"""HEAD /api/version: The headers GET /api/version would send, without the body."""

from __future__ import annotations

from ...types import Operation

OPERATION: Operation[None, None, None] = Operation(
    operation_id="version_head",
    tag="server",
    method="HEAD",
    path="/api/version",
    path_params=(),
    request_model=None,
    request_media="none",
    response_model=None,
    stream_model=None,
    success=(200,),
    not_found=(),
    errors=(),
    cloud=False,
    summary="The headers GET /api/version would send, without the body.",
    description="Served by the same inline handler as GET /api/version; HEAD responses carry no body.",
)

__all__ = ["OPERATION"]
