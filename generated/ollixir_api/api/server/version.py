"""GET /api/version: Report the server version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import VersionResponse


OPERATION: Operation[None, VersionResponse, None] = Operation(
    operation_id="version",
    tag="server",
    method="GET",
    path="/api/version",
    path_params=(),
    request_model=None,
    request_media="none",
    response_model="VersionResponse",
    stream_model=None,
    success=(200,),
    not_found=(),
    errors=(),
    cloud=False,
    summary="Report the server version.",
    description="",
)

__all__ = ["OPERATION"]
