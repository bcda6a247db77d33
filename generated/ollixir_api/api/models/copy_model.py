"""POST /api/copy: Copy a local model under a new name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import CopyRequest


OPERATION: Operation[CopyRequest, None, None] = Operation(
    operation_id="copy_model",
    tag="models",
    method="POST",
    path="/api/copy",
    path_params=(),
    request_model="CopyRequest",
    request_media="json",
    response_model=None,
    stream_model=None,
    success=(200,),
    not_found=(404,),
    errors=(400, 500),
    cloud=False,
    summary="Copy a local model under a new name.",
    description="",
)

__all__ = ["OPERATION"]
