"""POST /api/embeddings: Legacy single-prompt embedding (float64, not normalized)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import EmbeddingsRequest, EmbeddingsResponse


OPERATION: Operation[EmbeddingsRequest, EmbeddingsResponse, None] = Operation(
    operation_id="embeddings",
    tag="inference",
    method="POST",
    path="/api/embeddings",
    path_params=(),
    request_model="EmbeddingsRequest",
    request_media="json",
    response_model="EmbeddingsResponse",
    stream_model=None,
    success=(200,),
    not_found=(404,),
    errors=(400, 401, 403, 429, 499, 500, 502, 503),
    cloud=False,
    summary="Legacy single-prompt embedding (float64, not normalized).",
    description="Superseded by /api/embed. Never streams. An empty prompt only loads the model.",
)

__all__ = ["OPERATION"]
