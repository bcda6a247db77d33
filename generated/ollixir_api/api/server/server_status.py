"""GET /api/status: Report whether ollama.com cloud features are disabled, and by what (experimental)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import StatusResponse


OPERATION: Operation[None, StatusResponse, None] = Operation(
    operation_id="server_status",
    tag="server",
    method="GET",
    path="/api/status",
    path_params=(),
    request_model=None,
    request_media="none",
    response_model="StatusResponse",
    stream_model=None,
    success=(200,),
    not_found=(),
    errors=(),
    cloud=False,
    summary="Report whether ollama.com cloud features are disabled, and by what (experimental).",
    description="",
)

__all__ = ["OPERATION"]
