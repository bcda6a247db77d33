"""Every Ollama operation, defined once: how to build its request and how to read its answer.

Each builder validates its arguments (raising :class:`RequestError` before any traffic), builds the
generated request model, and returns a :class:`Call`. ``typed`` selects generated response models
or plain dicts. Nothing here does I/O.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Sequence
from typing import Any, cast

from . import _validate as v
from ._aggregate import Aggregator, ChatAggregator, GenerateAggregator, ProgressAggregator
from ._blob import BlobSource
from ._call import NOT_SET, Call, StreamSpec, read_json
from ._convert import to_format, to_messages, to_options, to_tools
from ._errors import ProtocolError, RequestError
from ._jsonbody import JsonStream, encode_body

__all__ = [
    "chat",
    "check_blob",
    "completion",
    "copy_model",
    "create_blob",
    "create_model",
    "delete_model",
    "embed",
    "embeddings",
    "list_models",
    "list_running",
    "load",
    "pull_model",
    "push_model",
    "show_model",
    "version",
    "web_fetch",
    "web_search",
]


def _encode(body: dict[str, Any]) -> bytes | JsonStream:
    return encode_body(body)


def _identity(x: dict[str, Any]) -> dict[str, Any]:
    return x


def _reader(operation: str, parse: Callable[[dict[str, Any]], Any]) -> Callable[[int, bytes], Any]:
    def read(status: int, body: bytes) -> Any:
        data = read_json(operation, status, body)
        if type(data) is not dict:
            raise ProtocolError(
                f"expected a JSON object, got {type(data).__name__}", status=status, operation=operation
            )
        return parse(data)

    return read


def _true(status: int, body: bytes) -> bool:
    return True


def _model_name(model: object, name: object, param: str = "model") -> str:
    # The seed (and old servers) say name=; the server now reads model. Accept both, send model.
    if model is not None and name is not None and model != name:
        raise RequestError("pass either model= or name=, not both", param=param)
    return v.check_model(model if model is not None else name, param)


def _put(body: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        body[key] = value


# --- inference --------------------------------------------------------------------------------


def _generation_fields(
    format: object = None,
    options: object = None,
    keep_alive: object = None,
    think: object = None,
    truncate: object = None,
    shift: object = None,
    logprobs: object = None,
    top_logprobs: object = None,
    **unknown: object,
) -> dict[str, Any]:
    """The options chat and completion share, validated; only those given (the rest stay UNSET)."""
    if unknown:
        from ._options import OPTION_TYPES

        name = next(iter(unknown))
        hint = f"; model options such as {name!r} go in options={{...}}" if name in OPTION_TYPES else ""
        raise TypeError(f"unexpected keyword argument {name!r}{hint}")
    fields: dict[str, Any] = {}
    if format is not None:
        fields["format_"] = to_format(format)
    if options is not None:
        fields["options"] = to_options(options)
    if keep_alive is not None:
        fields["keep_alive"] = v.check_keep_alive(keep_alive)
    if think is not None:
        fields["think"] = v.check_think(think)
    for key, value in (("truncate", truncate), ("shift", shift), ("logprobs", logprobs)):
        if value is not None:
            fields[key] = v.check_bool(value, key)
    if top_logprobs is not None:
        fields["top_logprobs"] = v.check_top_logprobs(top_logprobs)
    return fields


def _generation_call(
    operation: str,
    path: str,
    body: dict[str, Any],
    *,
    stream: bool,
    final: Callable[[dict[str, Any]], Any],
    chunk: Callable[[dict[str, Any]], Any],
    aggregator: Callable[[str], Aggregator],
) -> Call:
    return Call(
        operation,
        "POST",
        path,
        body=_encode(body),
        read=_reader(operation, final),
        stream=StreamSpec(aggregator, chunk, final) if stream else None,
    )


def chat(
    typed: bool, model: object, messages: object, *, stream: bool, tools: object = None, **shared: object
) -> Call:
    """``shared``: the options of :func:`_generation_fields`."""
    from ollixir_api.models import ChatRequest
    from ollixir_api.types import UNSET

    from . import _fastpath

    name = v.check_model(model)
    if messages is None:
        raise RequestError(
            "messages is required for chat (use preload() to only load a model)", param="messages"
        )
    msgs = to_messages(messages)
    if not msgs:
        raise RequestError(
            "messages must not be empty (use preload() to only load a model)", param="messages"
        )
    request = ChatRequest(
        model=name,
        messages=msgs,
        stream=stream,
        tools=UNSET if tools is None else to_tools(tools),
        **_generation_fields(**shared),
    )
    return _generation_call(
        "chat",
        "/api/chat",
        request.to_dict(),
        stream=stream,
        final=_fastpath.chat_response if typed else _identity,
        chunk=_fastpath.chat_chunk if typed else _identity,
        aggregator=ChatAggregator,
    )


def completion(
    typed: bool,
    model: object,
    prompt: object,
    *,
    stream: bool,
    suffix: object = None,
    images: object = None,
    system: object = None,
    template: object = None,
    context: object = None,
    raw: object = None,
    **shared: object,
) -> Call:
    """``shared``: the options of :func:`_generation_fields`."""
    from ollixir_api.models import GenerateRequest, GenerateResponse
    from ollixir_api.types import UNSET

    from . import _fastpath
    from ._images import prepare_images

    name = v.check_model(model)
    if prompt is None or prompt == "":
        raise RequestError(
            "prompt is required for completion (use preload() to only load a model)", param="prompt"
        )
    request = GenerateRequest(
        model=name,
        prompt=v.check_str(prompt, "prompt"),
        stream=stream,
        suffix=UNSET if suffix is None else v.check_str(suffix, "suffix"),
        # Binary images stay bytes until the body is written (see _jsonbody.Base64Data).
        images=UNSET if images is None else cast("list[str]", prepare_images(images, param="images")),
        system=UNSET if system is None else v.check_str(system, "system"),
        template=UNSET if template is None else v.check_str(template, "template"),
        context=UNSET if context is None else _int_list(context, "context"),
        raw=UNSET if raw is None else v.check_bool(raw, "raw"),
        **_generation_fields(**shared),
    )
    return _generation_call(
        "completion",
        "/api/generate",
        request.to_dict(),
        stream=stream,
        final=GenerateResponse.from_dict if typed else _identity,
        chunk=_fastpath.generate_chunk if typed else _identity,
        aggregator=GenerateAggregator,
    )


def _int_list(value: object, param: str) -> list[int]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise RequestError(f"{param} must be a list of integers", param=param)
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int):
            raise RequestError(f"{param} must be a list of integers", param=param)
    return list(value)


def embed(
    typed: bool,
    model: object,
    input: object,
    *,
    truncate: object = None,
    dimensions: object = None,
    keep_alive: object = None,
    options: object = None,
) -> Call:
    from ollixir_api.models import EmbedRequest, EmbedResponse
    from ollixir_api.types import UNSET

    name = v.check_model(model)
    if input is None or input == "" or input == []:
        raise RequestError("input is required for embed (use preload() to only load a model)", param="input")
    value: str | list[str] = input if isinstance(input, str) else v.check_str_list(input, "input")
    request = EmbedRequest(
        model=name,
        input_=value,
        truncate=UNSET if truncate is None else v.check_bool(truncate, "truncate"),
        dimensions=UNSET if dimensions is None else v.check_int(dimensions, "dimensions", minimum=1),
        keep_alive=UNSET if keep_alive is None else v.check_keep_alive(keep_alive),
        options=UNSET if options is None else to_options(options),
    )
    return Call(
        "embed",
        "POST",
        "/api/embed",
        body=_encode(request.to_dict()),
        read=_reader("embed", EmbedResponse.from_dict if typed else _identity),
    )


def embeddings(
    typed: bool,
    model: object,
    prompt: object,
    *,
    keep_alive: object = None,
    options: object = None,
) -> Call:
    from ollixir_api.models import EmbeddingsRequest, EmbeddingsResponse
    from ollixir_api.types import UNSET

    name = v.check_model(model)
    if prompt is None or prompt == "":
        raise RequestError("prompt is required for embeddings", param="prompt")
    request = EmbeddingsRequest(
        model=name,
        prompt=v.check_str(prompt, "prompt"),
        keep_alive=UNSET if keep_alive is None else v.check_keep_alive(keep_alive),
        options=UNSET if options is None else to_options(options),
    )
    return Call(
        "embeddings",
        "POST",
        "/api/embeddings",
        body=_encode(request.to_dict()),
        read=_reader("embeddings", EmbeddingsResponse.from_dict if typed else _identity),
    )


def load(typed: bool, model: object, *, unload: bool, keep_alive: object = None) -> Call:
    """preload/unload: a prompt-less generate, which the server answers with done_reason load/unload."""
    from ollixir_api.models import GenerateRequest
    from ollixir_api.types import UNSET

    operation = "unload" if unload else "preload"
    name = v.check_model(model)
    if unload:
        alive: str | float | int = 0
    else:
        alive = "5m" if keep_alive is None else v.check_keep_alive(keep_alive)
    request = GenerateRequest(model=name, stream=False, keep_alive=alive, prompt=UNSET)
    expected = "unload" if unload else "load"

    def read(status: int, body: bytes) -> bool:
        data = read_json(operation, status, body)
        reason = data.get("done_reason") if isinstance(data, dict) else None
        if reason != expected:
            raise ProtocolError(
                f"expected done_reason {expected!r}, the server said {reason!r}",
                status=status,
                operation=operation,
            )
        return True

    return Call(
        operation, "POST", "/api/generate", body=_encode(request.to_dict()), read=read, not_found=False
    )


# --- models -----------------------------------------------------------------------------------


def list_models(typed: bool) -> Call:
    from . import _fastpath

    parse = _fastpath.list_response if typed else _identity
    return Call("list_models", "GET", "/api/tags", read=_reader("list_models", parse))


def list_running(typed: bool) -> Call:
    from ollixir_api.models import ProcessResponse

    return Call(
        "list_running",
        "GET",
        "/api/ps",
        read=_reader("list_running", ProcessResponse.from_dict if typed else _identity),
    )


def version(typed: bool) -> Call:
    from ollixir_api.models import VersionResponse

    return Call(
        "version",
        "GET",
        "/api/version",
        read=_reader("version", VersionResponse.from_dict if typed else _identity),
    )


def show_model(
    typed: bool,
    model: object,
    *,
    name: object = None,
    verbose: object = None,
    system: object = None,
    options: object = None,
) -> Call:
    from ollixir_api.models import ShowRequest, ShowResponse
    from ollixir_api.types import UNSET

    request = ShowRequest(
        model=_model_name(model, name),
        verbose=UNSET if verbose is None else v.check_bool(verbose, "verbose"),
        system=UNSET if system is None else v.check_str(system, "system"),
        options=UNSET if options is None else to_options(options),
    )
    return Call(
        "show_model",
        "POST",
        "/api/show",
        body=_encode(request.to_dict()),
        read=_reader("show_model", ShowResponse.from_dict if typed else _identity),
    )


def _progress_call(
    operation: str, path: str, typed: bool, stream: bool, body: dict[str, Any], idempotent: bool
) -> Call:
    from ollixir_api.models import ProgressResponse

    parse = ProgressResponse.from_dict if typed else _identity
    return Call(
        operation,
        "POST",
        path,
        body=_encode(body),
        read=_reader(operation, parse),
        stream=StreamSpec(ProgressAggregator, parse, parse) if stream else None,
        idempotent=idempotent,
    )


def pull_model(
    typed: bool, model: object, *, name: object = None, insecure: object = None, stream: bool
) -> Call:
    from ollixir_api.models import PullRequest
    from ollixir_api.types import UNSET

    request = PullRequest(
        model=_model_name(model, name),
        insecure=UNSET if insecure is None else v.check_bool(insecure, "insecure"),
        stream=stream,
    )
    return _progress_call("pull_model", "/api/pull", typed, stream, request.to_dict(), idempotent=True)


def push_model(
    typed: bool, model: object, *, name: object = None, insecure: object = None, stream: bool
) -> Call:
    from ollixir_api.models import PushRequest
    from ollixir_api.types import UNSET

    request = PushRequest(
        model=_model_name(model, name),
        insecure=UNSET if insecure is None else v.check_bool(insecure, "insecure"),
        stream=stream,
    )
    # A push that failed half-way may have uploaded layers already: never repeat it automatically.
    return _progress_call("push_model", "/api/push", typed, stream, request.to_dict(), idempotent=False)


def create_model(typed: bool, fields: dict[str, Any], *, stream: bool) -> Call:
    """``fields`` are the already-resolved /api/create fields (see ``_create``)."""
    from ollixir_api.models import CreateRequest

    request = CreateRequest.from_dict({**fields, "stream": stream})
    return _progress_call("create_model", "/api/create", typed, stream, request.to_dict(), idempotent=True)


def copy_model(source: object, destination: object) -> Call:
    from ollixir_api.models import CopyRequest

    request = CopyRequest(
        source=v.check_model(source, "source"), destination=v.check_model(destination, "destination")
    )
    return Call(
        "copy_model", "POST", "/api/copy", body=_encode(request.to_dict()), read=_true, not_found=False
    )


def delete_model(model: object, *, name: object = None) -> Call:
    from ollixir_api.models import DeleteRequest

    request = DeleteRequest(model=_model_name(model, name))
    return Call(
        "delete_model", "DELETE", "/api/delete", body=_encode(request.to_dict()), read=_true, not_found=False
    )


# --- blobs ------------------------------------------------------------------------------------


def _blob_path(digest: str) -> str:
    # The server routes on the decoded path; sending the colon raw is what Ollama's own clients do.
    return "/api/blobs/" + urllib.parse.quote(digest, safe=":")


def check_blob(digest_or_data: object) -> Call:
    if isinstance(digest_or_data, bytes | bytearray | memoryview):
        digest = v.digest_of(digest_or_data)
    else:
        digest = v.check_digest(digest_or_data)
    return Call("check_blob", "HEAD", _blob_path(digest), read=_true, not_found=False)


def create_blob(source: BlobSource, digest: str) -> Call:
    """The upload step; the executors hash the source first (off the event loop, for async)."""

    def read(status: int, body: bytes) -> str:
        return digest

    return Call(
        "create_blob",
        "POST",
        _blob_path(digest),
        upload=source,
        read=read,
        headers={"Content-Type": "application/octet-stream", "Content-Length": str(source.size)},
    )


# --- ollama.com -------------------------------------------------------------------------------


def web_search(typed: bool, query: object, *, max_results: object = 3) -> Call:
    from ollixir_api.models import WebSearchRequest, WebSearchResponse

    if not isinstance(query, str) or not query.strip():
        raise RequestError("query must be a non-empty string", param="query")
    request = WebSearchRequest(query=query, max_results=v.check_int(max_results, "max_results", minimum=1))
    return Call(
        "web_search",
        "POST",
        "/api/web_search",
        body=_encode(request.to_dict()),
        read=_reader("web_search", WebSearchResponse.from_dict if typed else _identity),
        cloud=True,
    )


def web_fetch(typed: bool, url: object) -> Call:
    from ollixir_api.models import WebFetchRequest, WebFetchResponse

    if not isinstance(url, str) or not url.strip():
        raise RequestError("url must be a non-empty string", param="url")
    request = WebFetchRequest(url=url)
    return Call(
        "web_fetch",
        "POST",
        "/api/web_fetch",
        body=_encode(request.to_dict()),
        read=_reader("web_fetch", WebFetchResponse.from_dict if typed else _identity),
        cloud=True,
    )


__all__ += ["NOT_SET"]
