"""POST /api/pull: Download a model from a registry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import ProgressResponse, PullRequest


OPERATION: Operation[PullRequest, ProgressResponse, ProgressResponse] = Operation(
    operation_id="pull_model",
    tag="models",
    method="POST",
    path="/api/pull",
    path_params=(),
    request_model="PullRequest",
    request_media="json",
    response_model="ProgressResponse",
    stream_model="ProgressResponse",
    success=(200,),
    not_found=(),
    errors=(400, 500),
    cloud=False,
    summary="Download a model from a registry.",
    description='Streams NDJSON ProgressResponse lines unless `stream` is false. Only an empty or invalid name fails with a status (400); every later failure is an `{"error": "..."}` stream line under HTTP 200, or a 500 when not streaming.',
)

__all__ = ["OPERATION"]
