"""POST /api/embed: Embed one or more inputs (L2-normalized float32 vectors)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import EmbedRequest, EmbedResponse


OPERATION: Operation[EmbedRequest, EmbedResponse, None] = Operation(
    operation_id="embed",
    tag="inference",
    method="POST",
    path="/api/embed",
    path_params=(),
    request_model="EmbedRequest",
    request_media="json",
    response_model="EmbedResponse",
    stream_model=None,
    success=(200,),
    not_found=(404,),
    errors=(400, 401, 403, 429, 499, 500, 502, 503),
    cloud=False,
    summary="Embed one or more inputs (L2-normalized float32 vectors).",
    description="Never streams. With no input the model is only loaded and `embeddings` is empty.",
)

__all__ = ["OPERATION"]
