"""Shared request checks: model lookup with each endpoint's wording, options, keep-alive answers."""

from __future__ import annotations

from collections.abc import Callable

from ._account import SIGNIN_URL
from ._app import App
from ._exchange import Exchange
from ._gojson import go_quote
from ._names import ModelName, parse_name, split_source_suffix
from ._options import merged_options, option_error
from ._state import Installed

__all__ = ["check_options", "find_model", "parse_model_ref", "resolve_model"]


def resolve_model(
    app: App,
    ex: Exchange,
    text: str,
    *,
    empty: tuple[int, str],
    missing: Callable[[str, ModelName], str],
) -> Installed | None:
    """Find an installed model or answer the endpoint's error (and return None)."""
    name = parse_model_ref(ex, text, empty=empty)
    return None if name is None else find_model(app, ex, text, name, missing=missing)


def parse_model_ref(ex: Exchange, text: str, *, empty: tuple[int, str]) -> ModelName | None:
    """Check a model reference before any lookup, or answer the endpoint's error (and return None).

    An explicit cloud name (``:cloud`` / ``-cloud`` tag) would be proxied to ollama.com; the test server
    serves no cloud models, so it answers 401 like a local server without a registered key.
    """
    if not text:
        ex.send_error(*empty)
        return None
    try:
        bare, source = split_source_suffix(text)
    except ValueError as exc:
        ex.send_error(400, str(exc))
        return None
    name = parse_name(bare)
    if not name.valid:
        ex.send_error(400, "invalid model name")
        return None
    if source == "cloud":
        ex.send_json(401, {"error": "unauthorized", "signin_url": SIGNIN_URL})
        return None
    return name


def find_model(
    app: App, ex: Exchange, text: str, name: ModelName, *, missing: Callable[[str, ModelName], str]
) -> Installed | None:
    """The installed model called ``name``, or None after answering 404."""
    model = app.state.get(name)
    if model is None:
        ex.send_error(404, missing(text, name))
        return None
    return model


def not_found_quoted(text: str, name: ModelName) -> str:
    return f"model {go_quote(text)} not found, try pulling it first"


def not_found_single(text: str, name: ModelName) -> str:
    return f"model '{text}' not found"


def check_options(ex: Exchange, model: Installed, request: object) -> dict[str, object] | None:
    """Merged options, or None after answering 500 for a wrongly typed option."""
    options = request if isinstance(request, dict) else {}
    error = option_error({**model.parameters, **options})
    if error is not None:
        ex.send_error(500, error)
        return None
    return merged_options(model.parameters, options)
