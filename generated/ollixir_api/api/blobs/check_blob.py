"""HEAD /api/blobs/{digest}: Check whether the server already stores a blob."""

from __future__ import annotations

from ...types import Operation

OPERATION: Operation[None, None, None] = Operation(
    operation_id="check_blob",
    tag="blobs",
    method="HEAD",
    path="/api/blobs/{digest}",
    path_params=("digest",),
    request_model=None,
    request_media="none",
    response_model=None,
    stream_model=None,
    success=(200,),
    not_found=(404,),
    errors=(400,),
    cloud=False,
    summary="Check whether the server already stores a blob.",
    description="Checks the server's local store only. HEAD responses carry no body.",
)

__all__ = ["OPERATION"]
