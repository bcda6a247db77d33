"""Model management, blobs and the server version, defined once (see ``inference``)."""

from __future__ import annotations

from typing import Any

from .._core.aggregate import ProgressAggregator
from .._core.blob import BlobSource
from .._core.call import Call, StreamSpec
from . import validate as v
from .base import encode, endpoint, identity, model_name, reader, true, with_extra
from .convert import build, to_options

__all__ = [
    "check_blob",
    "copy_model",
    "create_blob",
    "create_model",
    "delete_model",
    "list_models",
    "list_running",
    "pull_model",
    "push_model",
    "show_model",
    "version",
]

# --- models -----------------------------------------------------------------------------------


def list_models(typed: bool) -> Call:
    from . import fastpath as _fastpath

    parse = _fastpath.list_response if typed else identity
    return Call("list_models", *endpoint("list_models"), read=reader("list_models", parse))


def list_running(typed: bool) -> Call:
    from ollixir_api.models import ProcessResponse

    return Call(
        "list_running",
        *endpoint("list_running"),
        read=reader("list_running", ProcessResponse.from_dict if typed else identity),
    )


def version(typed: bool) -> Call:
    from ollixir_api.models import VersionResponse

    return Call(
        "version",
        *endpoint("version"),
        read=reader("version", VersionResponse.from_dict if typed else identity),
    )


def show_model(
    typed: bool,
    model: object,
    *,
    name: object = None,
    verbose: object = None,
    system: object = None,
    options: object = None,
    **extra: object,
) -> Call:
    from ollixir_api.models import ShowRequest, ShowResponse

    request = ShowRequest(
        model=model_name(model, name),
        verbose=None if verbose is None else v.check_bool(verbose, "verbose"),
        system=None if system is None else v.check_str(system, "system"),
        options=None if options is None else to_options(options),
    )
    return Call(
        "show_model",
        *endpoint("show_model"),
        body=encode(with_extra("show_model", request, extra)),
        read=reader("show_model", ShowResponse.from_dict if typed else identity),
    )


def _progress_call(operation: str, typed: bool, stream: bool, body: dict[str, Any], idempotent: bool) -> Call:
    from ollixir_api.models import ProgressResponse

    parse = ProgressResponse.from_dict if typed else identity
    return Call(
        operation,
        *endpoint(operation),
        body=encode(body),
        read=reader(operation, parse),
        stream=StreamSpec(ProgressAggregator, parse, parse) if stream else None,
        idempotent=idempotent,
    )


def pull_model(
    typed: bool, model: object, *, name: object = None, insecure: object = None, stream: bool, **extra: object
) -> Call:
    from ollixir_api.models import PullRequest

    request = PullRequest(
        model=model_name(model, name),
        insecure=None if insecure is None else v.check_bool(insecure, "insecure"),
        stream=stream,
    )
    body = with_extra("pull_model", request, extra)
    return _progress_call("pull_model", typed, stream, body, idempotent=True)


def push_model(
    typed: bool, model: object, *, name: object = None, insecure: object = None, stream: bool, **extra: object
) -> Call:
    from ollixir_api.models import PushRequest

    request = PushRequest(
        model=model_name(model, name),
        insecure=None if insecure is None else v.check_bool(insecure, "insecure"),
        stream=stream,
    )
    # A push that failed half-way may have uploaded layers already: never repeat it automatically.
    body = with_extra("push_model", request, extra)
    return _progress_call("push_model", typed, stream, body, idempotent=False)


def create_model(typed: bool, fields: dict[str, Any], *, stream: bool) -> Call:
    """``fields`` are the already-resolved /api/create fields (see ``_create``)."""
    from ollixir_api.models import CreateRequest

    request = build(CreateRequest.from_dict, {**fields, "stream": stream}, "create_model")
    return _progress_call("create_model", typed, stream, request.to_dict(), idempotent=True)


def copy_model(source: object, destination: object) -> Call:
    from ollixir_api.models import CopyRequest

    request = CopyRequest(
        source=v.check_model(source, "source"), destination=v.check_model(destination, "destination")
    )
    return Call(
        "copy_model", *endpoint("copy_model"), body=encode(request.to_dict()), read=true, not_found=False
    )


def delete_model(model: object, *, name: object = None) -> Call:
    from ollixir_api.models import DeleteRequest

    request = DeleteRequest(model=model_name(model, name))
    return Call(
        "delete_model", *endpoint("delete_model"), body=encode(request.to_dict()), read=true, not_found=False
    )


# --- blobs ------------------------------------------------------------------------------------


def check_blob(digest: object) -> Call:
    if isinstance(digest, bytes | bytearray | memoryview):
        checked = v.digest_of(digest)
    else:
        checked = v.check_digest(digest)
    return Call("check_blob", *endpoint("check_blob", digest=checked), read=true, not_found=False)


def create_blob(source: BlobSource, digest: str) -> Call:
    """The upload step; the executors hash the source first (off the event loop, for async)."""

    def read(status: int, body: bytes) -> str:
        return digest

    return Call(
        "create_blob",
        *endpoint("create_blob", digest=digest),
        upload=source,
        read=read,
        headers={"Content-Type": "application/octet-stream", "Content-Length": str(source.size)},
    )
