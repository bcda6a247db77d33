"""Small helpers on operation results and errors.

Every helper takes the typed model an operation returns *or* its plain-dict form
(``response_format="dict"``), so the same code works with either client flavour::

    reply = client.chat("llama3.2", messages)
    helpers.tokens_per_second(reply)         # 48.7, or None when the server sent no timings
    helpers.find_model(client.list(), "llama3.2")
    helpers.format_size(model)                # "2.0 GB"

Sizes are decimal (1 GB = 10**9 bytes), matching what ``ollama list`` prints.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeAlias, overload

from ._core.retry import is_retryable
from ._errors import ConnectionError, ProtocolError, ResponseError

if TYPE_CHECKING:
    from ollixir_api.models import (
        ChatResponse,
        ChatStreamChunk,
        EmbeddingsResponse,
        EmbedResponse,
        GenerateResponse,
        GenerateStreamChunk,
        ListResponse,
        Logprob,
        ModelSummary,
        ProcessResponse,
        ProgressResponse,
        RunningModel,
        ShowResponse,
        TokenLogprob,
        ToolCall,
    )

__all__ = [
    "decode_arguments",
    "dimensions",
    "find_model",
    "first_embedding",
    "format_error",
    "format_size",
    "has_capability",
    "is_complete",
    "is_retryable",
    "model_names",
    "percent",
    "probability",
    "redact",
    "tokens_per_second",
    "tool_arguments",
    "tool_name",
    "total_vram",
]

JSONDict: TypeAlias = Mapping[str, Any]
Timed: TypeAlias = "GenerateResponse | ChatResponse | GenerateStreamChunk | ChatStreamChunk | JSONDict"
Embedded: TypeAlias = "EmbedResponse | EmbeddingsResponse | JSONDict"
Listing: TypeAlias = "ListResponse | ProcessResponse | JSONDict"
Sized: TypeAlias = "ModelSummary | RunningModel | JSONDict | int"


def _get(obj: object, key: str) -> Any:
    """A field of a typed model or a dict; None when absent or null."""
    return obj.get(key) if isinstance(obj, Mapping) else getattr(obj, key, None)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


# -- generate / chat -----------------------------------------------------------------------------------


def tokens_per_second(response: Timed) -> float | None:
    """Generation speed: ``eval_count`` over ``eval_duration`` (nanoseconds) in tokens per second.

    None when either is unknown (a stream chunk before the last, a load/unload answer) or the duration is 0.
    """
    count = _int(_get(response, "eval_count"))
    duration = _int(_get(response, "eval_duration"))
    if count is None or not duration or duration < 0:
        return None
    return count / (duration / 1e9)


# -- embed ---------------------------------------------------------------------------------------------


def first_embedding(response: Embedded) -> list[float] | None:
    """The first vector of an ``embed`` answer (or the single vector of a legacy ``embeddings`` answer)."""
    vectors = _get(response, "embeddings")
    if vectors is not None:
        return list(vectors[0]) if vectors else None
    vector = _get(response, "embedding")
    return list(vector) if vector is not None else None


def dimensions(response: Embedded) -> int | None:
    """Length of the first embedding vector; None when the answer holds no vector."""
    vector = first_embedding(response)
    return len(vector) if vector is not None else None


# -- list / ps -----------------------------------------------------------------------------------------


def model_names(response: Listing) -> list[str]:
    """Names of the models in a ``list`` (or ``ps``) answer, in the server's order."""
    return [str(_get(model, "name")) for model in _get(response, "models") or ()]


@overload
def find_model(response: ListResponse, name: str) -> ModelSummary | None: ...
@overload
def find_model(response: ProcessResponse, name: str) -> RunningModel | None: ...
@overload
def find_model(response: JSONDict, name: str) -> dict[str, Any] | None: ...
def find_model(response: Any, name: str) -> Any:
    """The entry called ``name`` in a ``list`` (or ``ps``) answer, or None.

    Names match exactly; a name without a tag also matches ``<name>:latest``, as Ollama resolves it.
    """
    wanted = {name}
    if ":" not in name.rsplit("/", 1)[-1]:
        wanted.add(f"{name}:latest")
    for model in _get(response, "models") or ():
        if _get(model, "name") in wanted or _get(model, "model") in wanted:
            return model
    return None


def total_vram(response: ProcessResponse | JSONDict) -> int:
    """Bytes of GPU memory held by all running models in a ``ps`` answer."""
    return sum(_int(_get(model, "size_vram")) or 0 for model in _get(response, "models") or ())


_UNITS: Final = (("TB", 10**12), ("GB", 10**9), ("MB", 10**6), ("KB", 10**3))


def format_size(model: Sized) -> str:
    """A model's ``size`` (or a byte count) for people: ``"2.0 GB"``, ``"274.3 MB"``, ``"512 B"``."""
    size = model if isinstance(model, int) else _int(_get(model, "size"))
    if size is None:
        raise TypeError(
            f"format_size() needs a byte count or a model with a size, not {type(model).__name__}"
        )
    for unit, scale in _UNITS:
        if abs(size) >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} B"


# -- show ----------------------------------------------------------------------------------------------


def has_capability(model: ShowResponse | ModelSummary | JSONDict, capability: str) -> bool:
    """Whether a ``show`` answer (or a ``list`` entry) lists ``capability``, e.g. ``"tools"`` or ``"vision"``."""
    return capability in (_get(model, "capabilities") or ())


# -- pull / push / create progress ---------------------------------------------------------------------


def percent(progress: ProgressResponse | JSONDict) -> float | None:
    """Transfer progress of one layer in percent (0-100), or None for a status-only line.

    The server omits ``completed`` while it is 0, so a line with a ``total`` and no ``completed`` is 0 %.
    """
    total = _int(_get(progress, "total"))
    if _get(progress, "status") == "success":
        return 100.0
    if not total or total < 0:
        return None
    completed = _int(_get(progress, "completed")) or 0
    return min(100.0, max(0.0, 100.0 * completed / total))


def is_complete(progress: ProgressResponse | JSONDict) -> bool:
    """True for the final ``success`` line, or a layer whose ``completed`` has reached its ``total``.

    Status-only lines such as ``pulling manifest`` are not complete: nothing says how far they got.
    """
    if _get(progress, "status") == "success":
        return True
    total = _int(_get(progress, "total"))
    completed = _int(_get(progress, "completed"))
    return total is not None and completed is not None and total > 0 and completed >= total


# -- logprobs ------------------------------------------------------------------------------------------


def probability(logprob: Logprob | TokenLogprob | JSONDict | float) -> float:
    """The probability (0-1) behind a natural-log probability."""
    value = logprob if isinstance(logprob, int | float) else _get(logprob, "logprob")
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise TypeError(f"probability() needs a logprob entry or a number, not {type(logprob).__name__}")
    return math.exp(value)


# -- tool calls ----------------------------------------------------------------------------------------


def tool_name(call: ToolCall | JSONDict) -> str:
    """The name of the function a tool call asks for."""
    function = _get(call, "function")
    name = _get(function, "name") if function is not None else None
    if not isinstance(name, str):
        raise ProtocolError(
            "tool call without a function name", status=200, operation="tool_call", body=repr(call)
        )
    return name


def tool_arguments(call: ToolCall | JSONDict) -> dict[str, Any]:
    """The arguments of a tool call as a dict.

    Ollama sends a JSON object, but some models (and OpenAI-style code) hand over a JSON-encoded string; that is
    decoded. A string that is not a JSON object raises :class:`~ollixir.ProtocolError` (status 200) instead of
    quietly becoming ``{}``, so a broken call is never run with no arguments.
    """
    function = _get(call, "function")
    raw = _get(function, "arguments") if function is not None else None
    if raw is None:
        return {}
    if isinstance(raw, str | bytes):
        return decode_arguments(raw, tool=_get(function, "name"))
    if isinstance(raw, Mapping):
        return dict(raw)
    to_dict = getattr(raw, "to_dict", None)
    if callable(to_dict):
        decoded = to_dict()
        if isinstance(decoded, dict):
            return decoded
    raise ProtocolError(
        f"tool call arguments must be a JSON object, got {type(raw).__name__}",
        status=200,
        operation="tool_call",
        body=repr(raw),
    )


def decode_arguments(raw: str | bytes, *, tool: object = None) -> dict[str, Any]:
    """Decode JSON-encoded tool arguments; anything but a JSON object (or an empty string) is an error."""
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    label = f"tool {tool!r}" if tool else "tool call"
    if not text.strip():
        return {}
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise ProtocolError(
            f"{label} arguments are not valid JSON: {exc}", status=200, operation="tool_call", body=text
        ) from exc
    if not isinstance(value, dict):
        raise ProtocolError(
            f"{label} arguments must be a JSON object, got {type(value).__name__}",
            status=200,
            operation="tool_call",
            body=text,
        )
    return value


# -- errors --------------------------------------------------------------------------------------------

_SECRET_PATTERNS: Final = (
    # "Bearer <token>" anywhere (headers echoed in messages, reprs of request objects).
    (re.compile(r"(?i)\b(bearer)\s+[^\s\"',;)}\]]+"), r"\1 ***"),
    # "Authorization: <anything up to the end of the value>", also in dict/JSON reprs.
    (re.compile(r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?)[^\"',}\]\r\n]+"), r"\1***"),
    # api_key=..., api-key: ..., "apiKey": "..." and similar.
    (re.compile(r"(?i)(api[_-]?key[\"']?\s*[:=]\s*[\"']?)[^\s&\"',;)}\]]+"), r"\1***"),
    # user:password@ in URLs.
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@]+@"), r"\1***@"),
)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with credentials masked: bearer tokens, ``Authorization`` values, ``api_key=`` fragments,
    passwords in URLs, the value of ``OLLAMA_API_KEY`` and any of ``secrets``."""
    for pattern, replacement in _SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    known = [*secrets, os.environ.get("OLLAMA_API_KEY") or ""]
    # Longest first, so a key containing another known secret is masked whole. Very short values would
    # mask ordinary words, so they are left alone.
    for secret in sorted({s for s in known if len(s) >= 4}, key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


def format_error(exc: BaseException, *, secrets: Iterable[str] = ()) -> str:
    """One log line for an error: type, operation, status and message, with credentials masked.

    ``ResponseError pull status=500: pull model manifest: file does not exist``.
    Pass the API key in ``secrets`` when it did not come from ``OLLAMA_API_KEY`` to mask it verbatim too.
    """
    parts = [type(exc).__name__]
    operation = getattr(exc, "operation", None)
    if operation:
        parts.append(f"operation={operation}")
    if isinstance(exc, ResponseError):
        parts.append(f"status={exc.status}")
        message = exc.error
    elif isinstance(exc, ConnectionError):
        message = exc.message
    else:
        message = getattr(exc, "message", None) or str(exc) or repr(exc)
    if operation and message.startswith(f"{operation}: "):
        message = message[len(operation) + 2 :]
    line = " ".join(parts) + f": {message}"
    # One line: logs are parsed line by line, and server messages may carry newlines.
    return " ".join(redact(line, secrets).split())


# The seed's shorter names, for readers coming from the Elixir library.
first = first_embedding
"""Short for :func:`first_embedding`."""
names = model_names
"""Short for :func:`model_names`."""
find = find_model
"""Short for :func:`find_model`."""
arguments = tool_arguments
"""Short for :func:`tool_arguments`."""

__all__ += ["arguments", "find", "first", "names"]
