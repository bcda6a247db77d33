"""Every route the Ollama server registers, transcribed by hand from its source.

Source: ``Server.GenerateRoutes`` in ``server/routes.go`` of ollama/ollama at tag ``v0.33.0-rc2``
(commit fb30760996871fa9460115c753afd2c60d4ab0f7), in registration order. Paths keep gin's ``:param``
spelling. When the server moves to a new release, re-read ``GenerateRoutes`` there, update this table
and the tag/commit below; tests/test_spec_routes.py then names every route openapi.yaml or the test
server lacks.
"""

from typing import Final

OLLAMA_TAG: Final = "v0.33.0-rc2"
OLLAMA_COMMIT: Final = "fb30760996871fa9460115c753afd2c60d4ab0f7"

Route = tuple[str, str]

# The native API: openapi.yaml must describe every one of them and the test server must serve them.
NATIVE_ROUTES: Final[list[Route]] = [
    # General
    ("HEAD", "/"),
    ("GET", "/"),
    ("HEAD", "/api/version"),
    ("GET", "/api/version"),
    ("GET", "/api/status"),
    # Local model cache management
    ("POST", "/api/pull"),
    ("POST", "/api/push"),
    ("HEAD", "/api/tags"),
    ("GET", "/api/tags"),
    ("POST", "/api/show"),
    ("DELETE", "/api/delete"),
    ("POST", "/api/me"),
    ("POST", "/api/signout"),
    ("DELETE", "/api/user/keys/:encodedKey"),  # deprecated alias of /api/signout
    # Create
    ("POST", "/api/create"),
    ("POST", "/api/blobs/:digest"),
    ("HEAD", "/api/blobs/:digest"),
    ("POST", "/api/copy"),
    ("POST", "/api/experimental/web_search"),
    ("POST", "/api/experimental/web_fetch"),
    ("GET", "/api/experimental/model-recommendations"),
    # Inference
    ("GET", "/api/ps"),
    ("POST", "/api/generate"),
    ("POST", "/api/chat"),
    ("POST", "/api/embed"),
    ("POST", "/api/embeddings"),
]

# OpenAI- and Anthropic-compatible routes: registered by the same function, but out of scope for
# openapi.yaml (which describes the native API only) and for the test server.
COMPAT_ROUTES: Final[list[Route]] = [
    ("POST", "/v1/chat/completions"),
    ("POST", "/v1/completions"),
    ("POST", "/v1/embeddings"),
    ("GET", "/v1/models"),
    ("GET", "/v1/models/:model"),
    ("POST", "/v1/responses"),
    ("POST", "/v1/audio/transcriptions"),
    ("POST", "/v1/messages"),
]

# Not registered by a local server: ollama.com's own endpoints, which openapi.yaml also describes
# (with an operation-level ``servers`` entry) and which the test server fakes.
CLOUD_ROUTES: Final[list[Route]] = [
    ("POST", "/api/web_search"),
    ("POST", "/api/web_fetch"),
]


def openapi_path(path: str) -> str:
    """``/api/blobs/:digest`` -> ``/api/blobs/{digest}``."""
    return "/".join(f"{{{part[1:]}}}" if part.startswith(":") else part for part in path.split("/"))
