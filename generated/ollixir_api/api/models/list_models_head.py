"""HEAD /api/tags: The headers GET /api/tags would send, without the body."""

from __future__ import annotations

from ...types import Operation

OPERATION: Operation[None, None, None] = Operation(
    operation_id="list_models_head",
    tag="models",
    method="HEAD",
    path="/api/tags",
    path_params=(),
    request_model=None,
    request_media="none",
    response_model=None,
    stream_model=None,
    success=(200,),
    not_found=(),
    errors=(500,),
    cloud=False,
    summary="The headers GET /api/tags would send, without the body.",
    description="Served by the same handler as GET /api/tags; HEAD responses carry no body.",
)

__all__ = ["OPERATION"]
