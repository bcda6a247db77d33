"""``POST /api/pull`` and ``POST /api/push`` against the fake registry.

Progress per layer: a first line with ``total`` only (``completed`` absent at 0), then half, then all of
it; layers the server already has report ``completed == total`` at once. Pushing works only for names on
``registry.ollama.ai`` whose namespace is the server's ``registry_user`` (default ``"test"``); anything
else ends with the error line ``unauthorized: access denied``. A pushed model becomes pullable.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Mapping
from dataclasses import replace

from ._app import App, operation_route
from ._exchange import Exchange, StreamError
from ._names import DEFAULT_HOST, ModelName, parse_name
from ._state import Installed, Layer

__all__ = ["pull_events", "respond_progress"]


def _layer_progress(verb: str, layer: Layer, present: bool) -> Iterator[dict[str, object]]:
    status = f"{verb} {layer.digest[7:19]}"
    if present or layer.size == 0:
        yield {"status": status, "digest": layer.digest, "total": layer.size, "completed": layer.size}
        return
    yield {"status": status, "digest": layer.digest, "total": layer.size}
    if layer.size > 1:
        yield {"status": status, "digest": layer.digest, "total": layer.size, "completed": layer.size // 2}
    yield {"status": status, "digest": layer.digest, "total": layer.size, "completed": layer.size}


def pull_events(app: App, name: ModelName) -> Iterator[object]:
    """The pull progress stream; installs the model just before ``writing manifest`` ends. No ``success``."""
    yield {"status": "pulling manifest"}
    entry = app.state.registry_get(name)
    if entry is None:
        yield StreamError("pull model manifest: file does not exist")
        return
    known = app.state.known_layers()
    for layer in entry.layers:
        yield from _layer_progress(
            "pulling", layer, layer.digest in known or app.state.blobs.exists(layer.digest)
        )
    yield {"status": "verifying sha256 digest"}
    yield {"status": "writing manifest"}
    app.state.install(replace(entry, name=name, modified_ns=time.time_ns()))


def respond_progress(ex: Exchange, req: Mapping[str, object], events: Iterator[object]) -> None:
    """Stream progress, or (``stream: false``) answer only the last object, as ``waitForStream`` does."""
    if req.get("stream", True) is not False:
        ex.send_stream(events)
        return
    last: object = {}
    for event in events:
        if isinstance(event, StreamError):
            ex.send_error(event.status, event.message, "application/json")
            return
        last = event
    ex.send_json(200, last, "application/json")


@operation_route("pull_model")
def pull(app: App, ex: Exchange) -> None:
    req = app.bind(ex, "PullRequest")
    if req is None:
        return
    name = parse_name(str(req.get("model") or req.get("name") or ""))
    if not name.valid:
        ex.send_error(400, "invalid model name")
        return

    def events() -> Iterator[object]:
        for event in pull_events(app, name):
            yield event
            if isinstance(event, StreamError):
                return
        yield {"status": "success"}

    respond_progress(ex, req, events())


def _manifest_path(app: App, name: ModelName) -> str:
    return os.path.join(
        app.state.blobs.root, "models", "manifests", name.host, name.namespace, name.model, name.tag
    )


@operation_route("push_model")
def push(app: App, ex: Exchange) -> None:
    req = app.bind(ex, "PushRequest")
    if req is None:
        return
    text = str(req.get("model") or req.get("name") or "")
    if not text:
        ex.send_error(400, "model is required")
        return
    name = parse_name(text)

    def events() -> Iterator[object]:
        yield {"status": "retrieving manifest"}
        model: Installed | None = app.state.get(name) if name.valid else None
        if model is None:
            yield {"status": "couldn't retrieve manifest"}
            yield StreamError(f"open {_manifest_path(app, name)}: no such file or directory")
            return
        owner = app.config.registry_user.lower()
        if model.name.host.lower() != DEFAULT_HOST or model.name.namespace.lower() != owner:
            yield StreamError("unauthorized: access denied")
            return
        for layer in model.layers:
            yield from _layer_progress("pushing", layer, False)
        yield {"status": "pushing manifest"}
        app.state.publish(model)
        yield {"status": "success"}

    respond_progress(ex, req, events())
