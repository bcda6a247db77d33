"""POST /api/create: Create a model from an existing model or uploaded blobs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import CreateRequest, ProgressResponse


OPERATION: Operation[CreateRequest, ProgressResponse, ProgressResponse] = Operation(
    operation_id="create_model",
    tag="models",
    method="POST",
    path="/api/create",
    path_params=(),
    request_model="CreateRequest",
    request_media="json",
    response_model="ProgressResponse",
    stream_model="ProgressResponse",
    success=(200,),
    not_found=(),
    errors=(400, 500),
    cloud=False,
    summary="Create a model from an existing model or uploaded blobs.",
    description='Streams NDJSON ProgressResponse lines unless `stream` is false, in which case only the last progress object (normally `{"status": "success"}`) is returned. Files must be uploaded with POST /api/blobs/{digest} first. Once streaming has started, failures arrive as an `{"error": "..."}` line under HTTP 200.',
)

__all__ = ["OPERATION"]
