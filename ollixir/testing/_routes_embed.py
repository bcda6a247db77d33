"""``POST /api/embed`` and the legacy ``POST /api/embeddings`` (vectors per ``_fake.py``)."""

from __future__ import annotations

from ._app import App, operation_route
from ._exchange import Exchange
from ._fake import embed_raw, normalized
from ._resolve import check_options, find_model, not_found_quoted, parse_model_ref, resolve_model
from ._tokens import first_tokens

__all__: list[str] = []


@operation_route("embed")
def embed(app: App, ex: Exchange) -> None:
    req = app.bind(ex, "EmbedRequest")
    if req is None:
        return
    # EmbedHandler's order: the model reference is parsed (and a cloud name proxied) first, the input
    # type checked next, the model looked up last.
    text = str(req.get("model", ""))
    name = parse_model_ref(ex, text, empty=(404, "model '' not found"))
    if name is None:
        return
    raw_input = req.get("input")
    inputs: list[str]
    if raw_input is None:
        inputs = []
    elif isinstance(raw_input, str):
        inputs = [raw_input] if raw_input else []
    elif isinstance(raw_input, list) and all(isinstance(item, str) for item in raw_input):
        inputs = [str(item) for item in raw_input]
    else:
        ex.send_error(400, "invalid input type")
        return
    model = find_model(app, ex, text, name, missing=not_found_quoted)
    if model is None:
        return
    options = check_options(ex, model, req.get("options"))
    if options is None:
        return
    keep = req.get("keep_alive")
    keep_ns = keep if isinstance(keep, int) else None
    num_ctx = options.get("num_ctx")
    requested_ctx = int(num_ctx) if isinstance(num_ctx, int | float) and num_ctx > 0 else None
    cold = not app.state.load(model, keep_ns, requested_ctx)
    try:
        if not inputs:
            ex.send_json(200, {"model": text, "embeddings": []})
            return
        context = min(requested_ctx or model.context_length, model.context_length)
        truncate = req.get("truncate", True) is not False
        vectors: list[list[float]] = []
        counted = 0
        for item in inputs:
            ex.check_client()
            # Only the tokens that fit are looked at, however long the input is.
            kept, count, longer = first_tokens(item, context)
            if longer and not truncate:
                ex.send_error(400, "the input length exceeds the context length")
                return
            counted += count
            raw = embed_raw(kept, model.embedding_length)
            dims = req.get("dimensions", 0)
            if isinstance(dims, int) and 0 < dims < len(raw):
                raw = raw[:dims]
            vectors.append(normalized(raw))
        load = 500_000 if cold else 50_000
        answer: dict[str, object] = {
            "model": text,
            "embeddings": vectors,
            "total_duration": load + 10_000 * counted + 100_000,
            "load_duration": load,
        }
        if counted:
            answer["prompt_eval_count"] = counted
        ex.send_json(200, answer)
    finally:
        app.state.finish(model, keep_ns)


@operation_route("embeddings")
def embeddings(app: App, ex: Exchange) -> None:
    req = app.bind(ex, "EmbeddingRequest")
    if req is None:
        return
    text = str(req.get("model", ""))
    model = resolve_model(app, ex, text, empty=(400, "model is required"), missing=not_found_quoted)
    if model is None:
        return
    options = check_options(ex, model, req.get("options"))
    if options is None:
        return
    keep = req.get("keep_alive")
    keep_ns = keep if isinstance(keep, int) else None
    num_ctx = options.get("num_ctx")
    app.state.load(model, keep_ns, int(num_ctx) if isinstance(num_ctx, int | float) and num_ctx > 0 else None)
    try:
        prompt = str(req.get("prompt", ""))
        vector = embed_raw(prompt, model.embedding_length) if prompt else []
        ex.send_json(200, {"embedding": vector})
    finally:
        app.state.finish(model, keep_ns)
