"""Cheaper construction of the typed objects that dominate a stream or a model listing.

Almost every chunk of a chat or completion stream carries the same four or five keys. For exactly
those shapes the generated constructors are called directly, skipping ``from_dict``'s generic
bookkeeping (a dict copy, a pop per field, imports inside the function); every other shape (final
chunks with metrics, tool calls, logprobs, unknown keys) goes through ``from_dict``. The results are
equal either way, which ``tests/test_fastpath.py`` checks.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ollixir_api.models import (
    ChatResponse,
    ChatStreamChunk,
    GenerateStreamChunk,
    ListResponse,
    Message,
    ModelDetails,
    ModelSummary,
    ResponseMessage,
)
from ollixir_api.types import UNSET

__all__ = ["chat_chunk", "chat_response", "generate_chunk", "list_response", "message"]

_parse_time = datetime.fromisoformat
_CHAT_KEYS = frozenset({"model", "created_at", "message", "done"})
_MESSAGE_KEYS = frozenset({"role", "content", "thinking"})
_GENERATE_KEYS = frozenset({"model", "created_at", "response", "done", "thinking"})


def chat_chunk(d: dict[str, Any]) -> ChatStreamChunk:
    message = d.get("message")
    if (
        d.keys() <= _CHAT_KEYS
        and len(d) == 4
        and type(message) is dict
        and message.keys() <= _MESSAGE_KEYS
        and "role" in message
        and "content" in message
    ):
        return ChatStreamChunk(
            model=d["model"],
            created_at=_parse_time(d["created_at"]),
            message=ResponseMessage(
                role=message["role"], content=message["content"], thinking=message.get("thinking", UNSET)
            ),
            done=d["done"],
        )
    return ChatStreamChunk.from_dict(d)


def generate_chunk(d: dict[str, Any]) -> GenerateStreamChunk:
    if d.keys() <= _GENERATE_KEYS and "model" in d and "created_at" in d and "response" in d and "done" in d:
        return GenerateStreamChunk(
            model=d["model"],
            created_at=_parse_time(d["created_at"]),
            response=d["response"],
            done=d["done"],
            thinking=d.get("thinking", UNSET),
        )
    return GenerateStreamChunk.from_dict(d)


_SUMMARY_KEYS = frozenset({"name", "model", "modified_at", "size", "digest", "details", "capabilities"})
_SUMMARY_REQUIRED = frozenset({"name", "model", "modified_at", "size", "digest", "details"})
_DETAILS_KEYS = frozenset(
    {
        "parent_model",
        "format",
        "family",
        "families",
        "parameter_size",
        "quantization_level",
        "context_length",
        "embedding_length",
    }
)
_DETAILS_REQUIRED = frozenset(
    {"parent_model", "format", "family", "families", "parameter_size", "quantization_level"}
)


def _summary(m: Any) -> ModelSummary:
    details = m.get("details") if type(m) is dict else None
    if (
        type(details) is dict
        and _SUMMARY_REQUIRED <= m.keys() <= _SUMMARY_KEYS
        and _DETAILS_REQUIRED <= details.keys() <= _DETAILS_KEYS
        and (type(details["families"]) is list or details["families"] is None)
    ):
        return ModelSummary(
            name=m["name"],
            model=m["model"],
            modified_at=_parse_time(m["modified_at"]),
            size=m["size"],
            digest=m["digest"],
            details=ModelDetails(
                parent_model=details["parent_model"],
                format_=details["format"],
                family=details["family"],
                families=details["families"],
                parameter_size=details["parameter_size"],
                quantization_level=details["quantization_level"],
                context_length=details.get("context_length", UNSET),
                embedding_length=details.get("embedding_length", UNSET),
            ),
            capabilities=m.get("capabilities", UNSET),
        )
    return ModelSummary.from_dict(m)


def list_response(d: dict[str, Any]) -> ListResponse:
    models = d.get("models")
    if len(d) == 1 and type(models) is list:
        return ListResponse(models=[_summary(m) for m in models])
    return ListResponse.from_dict(d)


_METRICS = (
    "total_duration",
    "load_duration",
    "prompt_eval_count",
    "prompt_eval_duration",
    "eval_count",
    "eval_duration",
)
_RESPONSE_KEYS = frozenset({"model", "created_at", "message", "done", "done_reason", *_METRICS})


def chat_response(d: dict[str, Any]) -> ChatResponse:
    message = d.get("message")
    if (
        d.keys() <= _RESPONSE_KEYS
        and "model" in d
        and "created_at" in d
        and "done" in d
        and type(message) is dict
        and message.keys() <= _MESSAGE_KEYS
        and "role" in message
        and "content" in message
    ):
        get = d.get
        return ChatResponse(
            model=d["model"],
            created_at=_parse_time(d["created_at"]),
            message=ResponseMessage(
                role=message["role"], content=message["content"], thinking=message.get("thinking", UNSET)
            ),
            done=d["done"],
            done_reason=get("done_reason", UNSET),
            total_duration=get("total_duration", UNSET),
            load_duration=get("load_duration", UNSET),
            prompt_eval_count=get("prompt_eval_count", UNSET),
            prompt_eval_duration=get("prompt_eval_duration", UNSET),
            eval_count=get("eval_count", UNSET),
            eval_duration=get("eval_duration", UNSET),
        )
    return ChatResponse.from_dict(d)


_PLAIN_MESSAGE_KEYS = frozenset({"role", "content"})


def message(d: dict[str, Any]) -> Message:
    """A request message; plain ``{"role", "content"}`` dicts (nearly all of them) skip from_dict."""
    if d.keys() <= _PLAIN_MESSAGE_KEYS and "role" in d:
        return Message(role=d["role"], content=d.get("content", UNSET))
    return Message.from_dict(d)
