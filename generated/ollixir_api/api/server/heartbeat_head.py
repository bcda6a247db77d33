"""HEAD /: Check that the server is running, headers only (what the Go client's heartbeat sends)."""

from __future__ import annotations

from ...types import Operation

OPERATION: Operation[None, None, None] = Operation(
    operation_id="heartbeat_head",
    tag="server",
    method="HEAD",
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
    summary="Check that the server is running, headers only (what the Go client's heartbeat sends).",
    description='HEAD responses carry no body; Content-Length is 17, the length of "Ollama is running".',
)

__all__ = ["OPERATION"]
