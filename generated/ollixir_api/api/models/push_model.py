"""POST /api/push: Upload a model to a registry namespace you own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import ProgressResponse, PushRequest


OPERATION: Operation[PushRequest, ProgressResponse, ProgressResponse] = Operation(
    operation_id="push_model",
    tag="models",
    method="POST",
    path="/api/push",
    path_params=(),
    request_model="PushRequest",
    request_media="json",
    response_model="ProgressResponse",
    stream_model="ProgressResponse",
    success=(200,),
    not_found=(),
    errors=(400, 500),
    cloud=False,
    summary="Upload a model to a registry namespace you own.",
    description='Streams NDJSON ProgressResponse lines unless `stream` is false. Only a missing name fails with a status (400); everything else, authorization failures included, is an `{"error": "..."}` stream line under HTTP 200, or a 500 when not streaming.',
)

__all__ = ["OPERATION"]
