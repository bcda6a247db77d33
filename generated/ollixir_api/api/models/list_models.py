"""GET /api/tags: List local models, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import ListResponse


OPERATION: Operation[None, ListResponse, None] = Operation(
    operation_id="list_models",
    tag="models",
    method="GET",
    path="/api/tags",
    path_params=(),
    request_model=None,
    request_media="none",
    response_model="ListResponse",
    stream_model=None,
    success=(200,),
    not_found=(),
    errors=(500,),
    cloud=False,
    summary="List local models, newest first.",
    description="",
)

__all__ = ["OPERATION"]
