"""Inference operations, defined once: chat, completion, embed, embeddings, preload/unload.

Each builder validates its arguments (raising :class:`RequestError` before any traffic), builds the
generated request model, and returns a :class:`Call`; ``typed`` selects generated response models or
plain dicts. Nothing here does I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

from .._core.aggregate import Aggregator, ChatAggregator, GenerateAggregator
from .._core.call import Call, StreamSpec, read_json
from .._errors import ProtocolError, RequestError
from . import validate as v
from .base import encode, endpoint, identity, reader, spans_reader, with_extra
from .convert import to_format, to_messages, to_options, to_tools

__all__ = ["chat", "completion", "embed", "embeddings", "load"]

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
    **extra: object,
) -> tuple[dict[str, Any], dict[str, object]]:
    """The options chat and completion share, validated (only those given), and the request fields no
    builder handles (see :func:`~ollixir._ops.base.with_extra`)."""
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
    return fields, extra


def _generation_call(
    operation: str,
    operation_id: str,
    body: dict[str, Any],
    *,
    stream: bool,
    final: Callable[[dict[str, Any]], Any],
    chunk: Callable[[dict[str, Any]], Any],
    aggregator: Callable[[str], Aggregator],
) -> Call:
    return Call(
        operation,
        *endpoint(operation_id),
        body=encode(body),
        read=reader(operation, final),
        stream=StreamSpec(aggregator, chunk, final) if stream else None,
    )


def chat(
    typed: bool, model: object, messages: object, *, stream: bool, tools: object = None, **shared: object
) -> Call:
    """``shared``: the options of :func:`_generation_fields`."""
    from ollixir_api.models import ChatRequest

    from . import fastpath as _fastpath

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
    known, extra = _generation_fields(**shared)
    request = ChatRequest(
        model=name,
        messages=msgs,
        stream=stream,
        tools=None if tools is None else to_tools(tools),
        **known,
    )
    return _generation_call(
        "chat",
        "chat",
        with_extra("chat", request, extra),
        stream=stream,
        final=_fastpath.chat_response if typed else identity,
        chunk=_fastpath.chat_chunk if typed else identity,
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

    from . import fastpath as _fastpath
    from .images import prepare_images

    name = v.check_model(model)
    if prompt is None or prompt == "":
        raise RequestError(
            "prompt is required for completion (use preload() to only load a model)", param="prompt"
        )
    known, extra = _generation_fields(**shared)
    request = GenerateRequest(
        model=name,
        prompt=v.check_str(prompt, "prompt"),
        stream=stream,
        suffix=None if suffix is None else v.check_str(suffix, "suffix"),
        # Binary images stay bytes until the body is written (see _jsonbody.Base64Data).
        images=None if images is None else cast("list[str]", prepare_images(images, param="images")),
        system=None if system is None else v.check_str(system, "system"),
        template=None if template is None else v.check_str(template, "template"),
        context=None if context is None else _int_list(context, "context"),
        raw=None if raw is None else v.check_bool(raw, "raw"),
        **known,
    )
    return _generation_call(
        "completion",
        "generate",
        with_extra("completion", request, extra),
        stream=stream,
        final=GenerateResponse.from_dict if typed else identity,
        chunk=_fastpath.generate_chunk if typed else identity,
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
    dtype: object = None,
    **extra: object,
) -> Call:
    """``dtype`` ("float32" or "float64") returns the vectors as one NumPy array (see ``arrays``)."""
    from ollixir_api.models import EmbedRequest

    from .._core.jsondecode import SPEEDUPS

    name = v.check_model(model)
    read = spans_reader("embed", _embed_response) if typed else reader("embed", identity)
    if dtype is not None:
        from .arrays import array_reader, check_dtype

        read = array_reader(typed, check_dtype(dtype))
    elif typed and SPEEDUPS:
        read = _rows_reader(read)
    if input is None or input == "" or input == []:
        raise RequestError("input is required for embed (use preload() to only load a model)", param="input")
    value: str | list[str] = input if isinstance(input, str) else v.check_str_list(input, "input")
    request = EmbedRequest(
        model=name,
        input_=value,
        truncate=None if truncate is None else v.check_bool(truncate, "truncate"),
        dimensions=None if dimensions is None else v.check_int(dimensions, "dimensions", minimum=1),
        keep_alive=None if keep_alive is None else v.check_keep_alive(keep_alive),
        options=None if options is None else to_options(options),
    )
    return Call(
        "embed",
        *endpoint("embed"),
        body=encode(with_extra("embed", request, extra)),
        read=read,
    )


def _rows_reader(fallback: Callable[[int, bytes], Any]) -> Callable[[int, bytes], Any]:
    """With orjson: the vectors decoded row by row (``_core.jsonmatrix``), each row proved to hold
    only numbers from its bytes; anything unusual takes ``fallback``, the standard library's path."""
    from ollixir_api.types import ShapeError

    from .._core.call import raise_error_object
    from .._core.jsonmatrix import decode_matrix_field
    from .._errors import malformed_field
    from . import fastpath as _fastpath

    def read(status: int, body: bytes) -> Any:
        decoded = decode_matrix_field(body, "embeddings", None)
        if decoded is None:
            return fallback(status, body)
        data, rows = decoded
        raise_error_object("embed", status, body, data)
        data["embeddings"] = rows
        try:
            return _fastpath.embed_response(data, True)
        except ShapeError as exc:
            raise malformed_field("embed", exc.path, exc.cause, status=status) from exc

    return read


def _embed_response(data: dict[str, Any], text: str, spans: dict[str, tuple[int, int]]) -> Any:
    from .._core.jsonspans import numbers_only
    from . import fastpath as _fastpath

    rows = data.get("embeddings")
    span = spans.get("embeddings")
    checked = type(rows) is list and span is not None and numbers_only(text, span, rows)
    return _fastpath.embed_response(data, checked)


def embeddings(
    typed: bool,
    model: object,
    prompt: object,
    *,
    keep_alive: object = None,
    options: object = None,
    **extra: object,
) -> Call:
    from ollixir_api.models import EmbeddingsRequest, EmbeddingsResponse

    name = v.check_model(model)
    if prompt is None or prompt == "":
        raise RequestError("prompt is required for embeddings", param="prompt")
    request = EmbeddingsRequest(
        model=name,
        prompt=v.check_str(prompt, "prompt"),
        keep_alive=None if keep_alive is None else v.check_keep_alive(keep_alive),
        options=None if options is None else to_options(options),
    )
    return Call(
        "embeddings",
        *endpoint("embeddings"),
        body=encode(with_extra("embeddings", request, extra)),
        read=reader("embeddings", EmbeddingsResponse.from_dict if typed else identity),
    )


def load(typed: bool, model: object, *, unload: bool, keep_alive: object = None) -> Call:
    """preload/unload: a prompt-less generate, which the server answers with done_reason load/unload."""
    from ollixir_api.models import GenerateRequest

    operation = "unload" if unload else "preload"
    name = v.check_model(model)
    if unload:
        alive: str | float | int = 0
    else:
        alive = "5m" if keep_alive is None else v.check_keep_alive(keep_alive)
    request = GenerateRequest(model=name, stream=False, keep_alive=alive, prompt=None)
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

    return Call(operation, *endpoint("generate"), body=encode(request.to_dict()), read=read, not_found=False)
