"""Local model management: ``/api/tags``, ``/api/ps``, ``/api/show``, ``/api/copy``, ``/api/delete``."""

from __future__ import annotations

from ._app import App, operation_route
from ._exchange import Exchange
from ._gojson import go_quote
from ._names import parse_name
from ._resolve import resolve_model
from ._show import show_response

__all__: list[str] = []


@operation_route("list_models")
@operation_route("list_models_head")
def tags(app: App, ex: Exchange) -> None:
    models = [
        {
            "name": model.name.short,
            "model": model.name.short,
            "modified_at": app.local_time(model.modified_ns),
            "size": model.size,
            "digest": model.digest,
            "details": model.details(with_lengths=True),
            "capabilities": list(model.capabilities),
        }
        for model in app.state.listing()
    ]
    ex.send_json(200, {"models": models})


@operation_route("list_running")
def ps(app: App, ex: Exchange) -> None:
    models = [
        {
            "name": running.model.name.short,
            "model": running.model.name.short,
            "size": running.model.size,
            "digest": running.model.digest,
            "details": running.model.details(with_lengths=False),
            "expires_at": app.local_time(running.expires_ns),
            "size_vram": running.model.size,
            "context_length": running.context_length,
        }
        for running in app.state.running_list()
    ]
    ex.send_json(200, {"models": models})


@operation_route("show_model")
def show(app: App, ex: Exchange) -> None:
    req = app.bind(ex, "ShowRequest")
    if req is None:
        return
    text = str(req.get("model") or req.get("name") or "")
    model = resolve_model(
        app, ex, text, empty=(400, "model is required"), missing=lambda _t, n: f"model '{n.short}' not found"
    )
    if model is None:
        return
    model_layer = next(
        (layer for layer in model.layers if layer.media_type.endswith(".model")), model.layers[0]
    )
    blob_path = app.state.blobs.path(model_layer.digest)
    answer = show_response(model, blob_path, req, app.local_time(model.modified_ns))
    if ex.headers.get("User-Agent", "").startswith("GitHubCopilotChat/"):
        info = answer["model_info"]
        assert isinstance(info, dict)
        info["general.basename"] = text
    ex.send_json(200, answer)


@operation_route("copy_model")
def copy(app: App, ex: Exchange) -> None:
    req = app.bind(ex, "CopyRequest")
    if req is None:
        return
    source_text = str(req.get("source", ""))
    destination_text = str(req.get("destination", ""))
    source = parse_name(source_text)
    if not source.valid:
        ex.send_error(400, f"source {go_quote(source_text)} is invalid")
        return
    destination = parse_name(destination_text)
    if not destination.valid:
        ex.send_error(400, f"destination {go_quote(destination_text)} is invalid")
        return
    model = app.state.get(source)
    if model is None:
        ex.send_error(404, f"model {go_quote(source_text)} not found")
        return
    app.state.copy(model, destination)
    ex.send(200)


@operation_route("delete_model")
def delete(app: App, ex: Exchange) -> None:
    req = app.bind(ex, "DeleteRequest")
    if req is None:
        return
    text = str(req.get("model") or req.get("name") or "")
    if not text:
        ex.send_error(400, "model is required")
        return
    from ._names import split_source_suffix

    try:
        bare, _source = split_source_suffix(text)
    except ValueError as exc:
        ex.send_error(400, str(exc))
        return
    name = parse_name(bare)
    if not name.valid:
        ex.send_error(400, f"name {go_quote(text)} is invalid")
        return
    if not app.state.remove(name):
        ex.send_error(404, f"model '{text}' not found")
        return
    ex.send(200)
