"""OpenAI-compatible ``POST /v1/embeddings``, ``GET /v1/models`` and ``GET /v1/models/{model}``.

As Ollama's ``middleware/openai.go`` does it, over the native ``/api/embed``, ``/api/tags`` and
``/api/show`` handlers:

* embeddings: ``input`` is a string or a list (``""`` becomes ``[""]``; missing, ``null`` or ``[]`` is
  400 ``invalid input``), ``dimensions`` is passed on, ``encoding_format`` is ``float`` (default) or
  ``base64`` (little-endian float32, any case; anything else is 400). The answer is
  ``{"object": "list", "data": [{"object": "embedding", "embedding", "index"}], "model", "usage"}``
  with ``prompt_tokens`` = ``total_tokens`` = the native ``prompt_eval_count``.
* models: ``{"object": "list", "data": [{"id", "object": "model", "created", "owned_by"}]}`` (``data``
  is ``null`` when no model is installed), ``id`` the listed name with its tag, ``created`` the
  ``modified_at`` time, ``owned_by`` the name's namespace (``library``). Retrieving echoes the name as
  given; an unknown model is 404 ``model 'name:tag' not found`` (the name's shortest form).
"""

from __future__ import annotations

import base64
import struct
from collections.abc import Iterable, Mapping
from http import HTTPMethod

from . import _routes_embed, _routes_models
from ._app import App, route
from ._compat import Compat, bind, run_native, unix_seconds
from ._compat_bind import Struct
from ._compat_openai import openai_error
from ._compat_openai_req import mapping
from ._exchange import Exchange
from ._names import parse_name

__all__: list[str] = []

_EMBED_REQUEST = Struct(
    "openai.EmbedRequest",
    {"input": "interface {}", "model": "string", "dimensions": "int", "encoding_format": "string"},
)


class _OpenAIJSON(Compat):
    """Adapters of routes that never stream."""

    def __init__(self) -> None:
        super().__init__(stream=False)

    def error_body(self, status: int, message: str) -> object:
        return openai_error(status, message)

    def convert(self, native: Mapping[str, object]) -> Iterable[object]:
        return ()


class _EmbedAdapter(_OpenAIJSON):
    def __init__(self, model: str, encoding: str) -> None:
        super().__init__()
        self.model = model
        self.base64 = encoding.lower() == "base64"

    def single(self, native: Mapping[str, object]) -> object:
        vectors = native.get("embeddings")
        if not isinstance(vectors, list):
            usage = {"prompt_tokens": 0, "total_tokens": 0}
            return {"object": "", "data": None, "model": "", "usage": usage}
        data = [
            {"object": "embedding", "embedding": self._encode(vector), "index": index}
            for index, vector in enumerate(vectors)
        ]
        count = native.get("prompt_eval_count", 0)
        return {
            "object": "list",
            "data": data or None,
            "model": self.model,
            "usage": {"prompt_tokens": count, "total_tokens": count},
        }

    def _encode(self, vector: object) -> object:
        if not self.base64 or not isinstance(vector, list):
            return vector
        return base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()


@route(HTTPMethod.POST, "/v1/embeddings")
def embeddings(app: App, ex: Exchange) -> None:
    req = bind(ex, _EMBED_REQUEST, openai_error)
    if req is None:
        return
    encoding = str(req.get("encoding_format", ""))
    adapter = _EmbedAdapter(str(req.get("model", "")), encoding)
    if encoding and encoding.lower() not in ("float", "base64"):
        message = f"Invalid value for 'encoding_format' = {encoding}. Supported values: ['float', 'base64']."
        adapter.fail(ex, 400, message)
        return
    value = req.get("input")
    if value == "":
        value = [""]
    if value is None or value == []:
        adapter.fail(ex, 400, "invalid input")
        return
    native: dict[str, object] = {"model": req.get("model", ""), "input": value}
    if req.get("dimensions"):
        native["dimensions"] = req["dimensions"]
    run_native(app, ex, adapter, native, _routes_embed.embed)


class _ListAdapter(_OpenAIJSON):
    def single(self, native: Mapping[str, object]) -> object:
        models = native.get("models")
        data = []
        for entry in models if isinstance(models, list) else []:
            model = mapping(entry)
            name = str(model.get("model") or model.get("name", ""))
            created = unix_seconds(model.get("modified_at"))
            data.append({"id": name, "object": "model", "created": created, "owned_by": _owner(name)})
        return {"object": "list", "data": data or None}


def _owner(name: str) -> str:
    return parse_name(name).namespace


@route(HTTPMethod.GET, "/v1/models")
def list_models(app: App, ex: Exchange) -> None:
    run_native(app, ex, _ListAdapter(), {}, _routes_models.tags)


class _RetrieveAdapter(_OpenAIJSON):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def single(self, native: Mapping[str, object]) -> object:
        created = unix_seconds(native.get("modified_at"))
        return {"id": self.name, "object": "model", "created": created, "owned_by": _owner(self.name)}


@route(HTTPMethod.GET, "/v1/models/:model")
def retrieve_model(app: App, ex: Exchange) -> None:
    run_native(app, ex, _RetrieveAdapter(ex.param), {"name": ex.param}, _routes_models.show)
