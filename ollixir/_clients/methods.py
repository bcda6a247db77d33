"""What each client method does with its arguments, shared by :class:`Client` and :class:`AsyncClient`.

The methods themselves are generated (``ollixir_api.surface.operations``, from openapi.yaml): each collects its arguments
into a dict keyed by the request's JSON field names and calls :func:`invoke`. A handler here validates
and builds the request (``_ops``) and hands the :class:`Call` to ``host._run``, which the sync client
executes and the async client turns into an awaitable; so validation happens when the method is called,
before any traffic, for both clients.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from .. import _ops
from .._core.call import NOT_SET, Call
from .._core.config import Config
from .._errors import RequestError
from .._ops.create import CreatePlan, plan_create

__all__ = ["Host", "apply", "invoke", "request", "with_format"]


class Host(Protocol):
    _config: Config

    def _run(self, call: Call, stream: object = False) -> Any: ...

    def _create(self, plan: CreatePlan, stream: object, opts: Mapping[str, Any]) -> Any: ...

    def _create_blob(self, source: object, opts: Mapping[str, Any]) -> Any: ...


Fields = dict[str, Any]
Handler = Callable[[Host, Fields, Any, dict[str, Any]], Any]


def apply(call: Call, opts: Mapping[str, Any]) -> Call:
    """Per-call ``timeout=`` and ``retry=`` overrides."""
    if "timeout" in opts:
        call.timeout = opts["timeout"]
    if "retry" in opts:
        call.retry = opts["retry"]
    return call


def with_format(client: Any, response_format: str) -> Any:
    """A shallow copy of ``client`` sharing its executor (and so its pool), with another result format."""
    if response_format not in ("typed", "dict"):
        raise RequestError(
            f"response_format must be 'typed' or 'dict', got {response_format!r}", param="response_format"
        )
    view = copy.copy(client)
    view._config = dataclasses.replace(client._config, typed=response_format == "typed")
    view._view = True
    return view


def invoke(host: Host, method: str, fields: Fields, stream: Any, timeout: Any, retry: Any) -> Any:
    """Run client method ``method`` with its arguments (``fields``, by JSON name)."""
    opts: dict[str, Any] = {}
    if timeout is not NOT_SET:
        opts["timeout"] = timeout
    if retry is not NOT_SET:
        opts["retry"] = retry
    return _HANDLERS[method](host, fields, stream, opts)


def _streaming(build: Callable[..., Call]) -> Handler:
    def handler(host: Host, fields: Fields, stream: Any, opts: dict[str, Any]) -> Any:
        call = build(host._config.typed, stream=stream is not False, **fields)
        return host._run(apply(call, opts), stream)

    return handler


def _single(build: Callable[..., Call], typed: bool = True) -> Handler:
    def handler(host: Host, fields: Fields, stream: Any, opts: dict[str, Any]) -> Any:
        call = build(host._config.typed, **fields) if typed else build(**fields)
        return host._run(apply(call, opts))

    return handler


def _load(unload: bool) -> Handler:
    def handler(host: Host, fields: Fields, stream: Any, opts: dict[str, Any]) -> Any:
        call = _ops.load(
            host._config.typed, fields["model"], unload=unload, keep_alive=fields.get("keep_alive")
        )
        return host._run(apply(call, opts))

    return handler


def _web(build: Callable[..., Call]) -> Handler:
    # The route (ollama.com with the API key, or the server's proxy without) depends on the configuration.
    def handler(host: Host, fields: Fields, stream: Any, opts: dict[str, Any]) -> Any:
        return host._run(apply(build(host._config, **fields), opts))

    return handler


# A liveness probe should answer soon, whatever the client waits for model calls (no read timeout).
LIVENESS_TIMEOUT = 5.0


def _is_running(host: Host, fields: Fields, stream: Any, opts: dict[str, Any]) -> Any:
    head = fields.get("head", False)
    if not isinstance(head, bool):
        raise RequestError(f"head must be True or False, got {head!r}", param="head")
    call = _ops.heartbeat(head=head)
    call.timeout = LIVENESS_TIMEOUT
    return host._run(apply(call, opts))


def _create_model(host: Host, fields: Fields, stream: Any, opts: dict[str, Any]) -> Any:
    # "from" is a keyword in Python; the plan takes it as from_.
    kw = {("from_" if key == "from" else key): value for key, value in fields.items()}
    return host._create(plan_create(**kw), stream, opts)


def _create_blob(host: Host, fields: Fields, stream: Any, opts: dict[str, Any]) -> Any:
    return host._create_blob(fields["source"], opts)


_HANDLERS: dict[str, Handler] = {
    "chat": _streaming(_ops.chat),
    "completion": _streaming(_ops.completion),
    "embed": _single(_ops.embed),
    "embeddings": _single(_ops.embeddings),
    "preload": _load(unload=False),
    "unload": _load(unload=True),
    "list_models": _single(_ops.list_models),
    "list_running": _single(_ops.list_running),
    "show_model": _single(_ops.show_model),
    "create_model": _create_model,
    "copy_model": _single(_ops.copy_model, typed=False),
    "delete_model": _single(_ops.delete_model, typed=False),
    "pull_model": _streaming(_ops.pull_model),
    "push_model": _streaming(_ops.push_model),
    "check_blob": _single(_ops.check_blob, typed=False),
    "create_blob": _create_blob,
    "version": _single(_ops.version),
    "is_running": _is_running,
    "status": _single(_ops.server_status),
    "whoami": _single(_ops.whoami),
    "signout": _single(_ops.signout, typed=False),
    "model_recommendations": _single(_ops.model_recommendations),
    "web_search": _web(_ops.web_search),
    "web_fetch": _web(_ops.web_fetch),
}


def request(
    self: Host, operation_id: str, /, *, timeout: Any = NOT_SET, retry: Any = NOT_SET, **fields: Any
) -> Any:
    """Call any operation of openapi.yaml by its id (``client.request("server_status")``), with its
    request fields as keywords (path parameters too). The answer is the operation's response model
    (a dict in dict mode), the text of a non-JSON answer, or None for an empty one. Not streamed: the
    named methods stream.
    """
    from .._ops.generic import request as build

    opts: dict[str, Any] = {}
    if timeout is not NOT_SET:
        opts["timeout"] = timeout
    if retry is not NOT_SET:
        opts["retry"] = retry
    return self._run(apply(build(self._config.typed, operation_id, fields), opts))
