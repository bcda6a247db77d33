"""GET /api/experimental/model-recommendations: Models the server recommends, local and cloud (experimental)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import ModelRecommendationsResponse


OPERATION: Operation[None, ModelRecommendationsResponse, None] = Operation(
    operation_id="model_recommendations",
    tag="models",
    method="GET",
    path="/api/experimental/model-recommendations",
    path_params=(),
    request_model=None,
    request_media="none",
    response_model="ModelRecommendationsResponse",
    stream_model=None,
    success=(200,),
    not_found=(),
    errors=(),
    cloud=False,
    summary="Models the server recommends, local and cloud (experimental).",
    description="Built-in defaults, replaced by the list ollama.com publishes once the server has fetched it (refreshed in the background; the answer never waits for ollama.com).",
)

__all__ = ["OPERATION"]
