"""Cheaper construction of the typed objects that dominate a stream or a model listing.

Almost every chunk of a chat or completion stream carries the same four or five keys. For exactly
those shapes, with every value of the right JSON type, the generated constructors are called
directly, skipping ``from_dict``'s generic bookkeeping (a lookup and a check per declared field,
imports inside the function); every other shape (final chunks with metrics, tool calls, logprobs,
unknown keys, wrong types, missing keys) goes through ``from_dict``, which raises the same
``ShapeError`` it always does. The results are equal either way, which ``tests/test_fastpath.py``
checks, including for values of the wrong type.

The constructors are called with positional arguments: for attrs' generated ``__init__`` that is
about 40 % cheaper than keywords (a 50-model listing: 30 µs against 49 µs). The order is the
generated field order, which ``tests/test_fastpath.py`` pins, so a reordered spec fails a test
instead of silently swapping fields.

Shapes are recognised by counting rather than by comparing key sets (a set comparison costs about
0.1 µs per key set, which for a listing was as much as building the objects): when every required
key is present (indexing raises ``KeyError`` otherwise) and the dict's length is the number of
required keys plus the optional ones found, there is no other key that ``from_dict`` would have put
into ``additional_properties``. Values are checked with ``type(x) is str`` and the like: exact JSON
types pass, anything else (including ``None`` and subclasses) falls back to ``from_dict``.

Stream chunks go one step further: ``object.__new__`` plus the four or five fields the chunk has,
instead of ``__init__`` assigning all seventeen slots of a chunk and eight of its message. The
generated ``Model.__getattr__`` answers for the slots left unset (None for an optional field, a
dict kept on first use for ``additional_properties``), so the object reads, compares, prints and
pickles exactly like a constructed one (``tests/test_fastpath.py``). In a stream that is about a
microsecond less per chunk, some 6 % of the whole client cost of a chunk.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ollixir_api import ShapeError
from ollixir_api.models import (
    ChatResponse,
    ChatStreamChunk,
    EmbedResponse,
    GenerateStreamChunk,
    ListResponse,
    Message,
    ModelDetails,
    ModelSummary,
    ResponseMessage,
)

__all__ = ["chat_chunk", "chat_response", "embed_response", "generate_chunk", "list_response", "message"]

_parse_time = datetime.fromisoformat
_new = object.__new__
# What an unparsable value makes the fast path give up with (from_dict then reports it properly).
_FALLBACK = (KeyError, TypeError, ValueError)


def _response_message(m: Any) -> ResponseMessage | None:
    """A message with only role, content and perhaps thinking, all strings; None for other shapes
    (or KeyError for a missing key)."""
    if type(m) is not dict:
        return None
    role = m["role"]
    content = m["content"]
    if type(role) is not str or type(content) is not str:
        return None
    n = len(m)
    if n == 2:
        return ResponseMessage(role, content)
    if n == 3 and type(thinking := m.get("thinking")) is str:
        return ResponseMessage(role, content, thinking)
    return None


def chat_chunk(d: dict[str, Any]) -> ChatStreamChunk:
    # The hot path of a chat stream: everything inline, no helper calls.
    if len(d) == 4:
        try:
            m = d["message"]
            if type(m) is dict:
                role = m["role"]
                content = m["content"]
                model = d["model"]
                done = d["done"]
                if type(role) is str and type(content) is str and type(model) is str and type(done) is bool:
                    n = len(m)
                    if n == 2:
                        message = _new(ResponseMessage)
                    elif n == 3 and type(thinking := m.get("thinking")) is str:
                        message = _new(ResponseMessage)
                        message.thinking = thinking
                    else:
                        return ChatStreamChunk.from_dict(d)
                    created_at = _parse_time(d["created_at"])
                    message.role = role
                    message.content = content
                    chunk = _new(ChatStreamChunk)
                    chunk.model = model
                    chunk.created_at = created_at
                    chunk.message = message
                    chunk.done = done
                    return chunk
        except _FALLBACK:
            pass
    return ChatStreamChunk.from_dict(d)


def generate_chunk(d: dict[str, Any]) -> GenerateStreamChunk:
    thinking = d.get("thinking")
    if len(d) == (4 if thinking is None else 5) and (thinking is None or type(thinking) is str):
        try:
            model = d["model"]
            response = d["response"]
            done = d["done"]
            if type(model) is str and type(response) is str and type(done) is bool:
                created_at = _parse_time(d["created_at"])
                chunk = _new(GenerateStreamChunk)
                chunk.model = model
                chunk.created_at = created_at
                chunk.response = response
                chunk.done = done
                if thinking is not None:
                    chunk.thinking = thinking
                return chunk
        except _FALLBACK:
            pass
    return GenerateStreamChunk.from_dict(d)


_join = "".join


def list_response(d: dict[str, Any]) -> ListResponse:
    models = d.get("models")
    if len(d) != 1 or type(models) is not list:
        return ListResponse.from_dict(d)
    # One flat loop: per-model helper calls cost a tenth of the listing's budget.
    out: list[ModelSummary] = []
    append = out.append
    for m in models:
        try:
            if type(m) is dict and type(details := m["details"]) is dict:
                capabilities = m.get("capabilities")
                context_length = details.get("context_length")
                embedding_length = details.get("embedding_length")
                families = details["families"]
                size = m["size"]
                name = m["name"]
                model = m["model"]
                digest = m["digest"]
                parent_model = details["parent_model"]
                format_ = details["format"]
                family = details["family"]
                parameter_size = details["parameter_size"]
                quantization_level = details["quantization_level"]
                if (
                    len(m) == (6 if capabilities is None else 7)
                    and len(details) == 6 + (context_length is not None) + (embedding_length is not None)
                    and type(size) is int
                    and (context_length is None or type(context_length) is int)
                    and (embedding_length is None or type(embedding_length) is int)
                    and (families is None or type(families) is list)
                    and (capabilities is None or type(capabilities) is list)
                ):
                    # One "".join checks every string at C speed: TypeError (and so from_dict,
                    # which says where) unless each item is a str.
                    _join(
                        (
                            name,
                            model,
                            digest,
                            parent_model,
                            format_,
                            family,
                            parameter_size,
                            quantization_level,
                            *(families or ()),
                            *(capabilities or ()),
                        )
                    )
                    append(
                        ModelSummary(
                            name,
                            model,
                            _parse_time(m["modified_at"]),
                            size,
                            digest,
                            ModelDetails(
                                parent_model,
                                format_,
                                family,
                                families,
                                parameter_size,
                                quantization_level,
                                context_length,
                                embedding_length,
                            ),
                            capabilities,
                        )
                    )
                    continue
        except _FALLBACK:
            pass
        # The usual error path: from_dict raises the ShapeError, with the item's index added here.
        out.append(_summary_from_dict(m, len(out)))
    return ListResponse(out)


def _summary_from_dict(m: Any, index: int) -> ModelSummary:
    try:
        return ModelSummary.from_dict(m)
    except ShapeError as exc:
        # ListResponse.from_dict would have said where the model sits in the list.
        exc.at(index).within("models")
        raise


_METRICS = (
    "done_reason",
    "total_duration",
    "load_duration",
    "prompt_eval_count",
    "prompt_eval_duration",
    "eval_count",
    "eval_duration",
)


def chat_response(d: dict[str, Any]) -> ChatResponse:
    get = d.get
    metrics = [get(key) for key in _METRICS]
    found = 4
    for value in metrics:
        if value is not None:
            found += 1
    reason = metrics[0]
    if len(d) == found and (reason is None or type(reason) is str):
        for value in metrics[1:]:
            if value is not None and type(value) is not int:
                break
        else:
            try:
                model = d["model"]
                done = d["done"]
                message = _response_message(d["message"])
                if message is not None and type(model) is str and type(done) is bool:
                    return ChatResponse(model, _parse_time(d["created_at"]), message, done, *metrics)
            except _FALLBACK:
                pass
    return ChatResponse.from_dict(d)


_EMBED_METRICS = ("total_duration", "load_duration", "prompt_eval_count")


def embed_response(d: dict[str, Any], numbers_checked: bool) -> EmbedResponse:
    """``numbers_checked``: the caller proved from the JSON text that every vector holds only
    numbers (``_core.jsonspans.numbers_only``), which is what from_dict's per-vector check establishes."""
    if numbers_checked:
        get = d.get
        model = get("model")
        embeddings = get("embeddings")
        metrics = [get(key) for key in _EMBED_METRICS]
        if (
            len(d) == 2 + sum(value is not None for value in metrics)
            and type(model) is str
            and type(embeddings) is list
            and all(value is None or type(value) is int for value in metrics)
        ):
            for row in embeddings:
                if type(row) is not list:
                    break
            else:
                return EmbedResponse(model, embeddings, *metrics)
    return EmbedResponse.from_dict(d)


def message(d: dict[str, Any]) -> Message:
    """A request message; plain ``{"role", "content"}`` string dicts (nearly all of them) skip from_dict."""
    content = d.get("content")
    role = d.get("role")
    if (
        len(d) == (1 if content is None else 2)
        and type(role) is str
        and (content is None or type(content) is str)
    ):
        return Message(role, content)
    return Message.from_dict(d)
