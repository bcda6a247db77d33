"""``GET /api/experimental/model-recommendations``: the server's recommendation list.

The real server answers its built-in list (or the one it last fetched from ollama.com) and never waits
for ollama.com; the test server answers its configured list, :data:`~ollixir.testing.DEFAULT_RECOMMENDATIONS`
unless ``OllamaTestServer(recommendations=...)`` gave another.
"""

from __future__ import annotations

from ._app import App, operation_route
from ._exchange import Exchange

__all__: list[str] = []


@operation_route("model_recommendations")
def recommendations(app: App, ex: Exchange) -> None:
    ex.send_json(200, {"recommendations": [r.wire() for r in app.config.recommendations]})
