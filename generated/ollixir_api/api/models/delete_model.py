"""DELETE /api/delete: Delete a local model (the DELETE request carries a JSON body)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import DeleteRequest


OPERATION: Operation[DeleteRequest, None, None] = Operation(
    operation_id="delete_model",
    tag="models",
    method="DELETE",
    path="/api/delete",
    path_params=(),
    request_model="DeleteRequest",
    request_media="json",
    response_model=None,
    stream_model=None,
    success=(200,),
    not_found=(404,),
    errors=(400, 500),
    cloud=False,
    summary="Delete a local model (the DELETE request carries a JSON body).",
    description="",
)

__all__ = ["OPERATION"]
