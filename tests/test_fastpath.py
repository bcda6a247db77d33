"""The stream fast path builds exactly what the generated from_dict builds, for every shape."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from ollixir_api.models import ChatStreamChunk, GenerateStreamChunk

from ollixir._ops.fastpath import chat_chunk, generate_chunk

text = st.text(max_size=8)
stamp = st.sampled_from(
    ["2026-08-21T10:00:00.123456789Z", "2026-08-21T10:00:00Z", "2025-01-02T03:04:05.5-07:00"]
)
extra = st.dictionaries(
    st.sampled_from(["done_reason", "eval_count", "logprobs", "remote_host", "surprise"]),
    st.sampled_from(["stop", 3, [], "h"]),
    max_size=2,
)


@settings(max_examples=300, deadline=None)
@given(text, stamp, text, st.one_of(st.none(), text), st.booleans(), extra, st.booleans())
def test_chat_chunk_equals_from_dict(
    model: str, created: str, content: str, thinking: str | None, done: bool, more: dict[str, Any], tool: bool
) -> None:
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if thinking is not None:
        message["thinking"] = thinking
    if tool:
        message["tool_calls"] = [{"function": {"name": "f", "arguments": {}}}]
    d: dict[str, Any] = {"model": model, "created_at": created, "message": message, "done": done, **more}
    if "logprobs" in d:
        d["logprobs"] = []
    assert chat_chunk(dict(d)) == ChatStreamChunk.from_dict(d)


@settings(max_examples=300, deadline=None)
@given(text, stamp, text, st.one_of(st.none(), text), st.booleans(), extra)
def test_generate_chunk_equals_from_dict(
    model: str, created: str, response: str, thinking: str | None, done: bool, more: dict[str, Any]
) -> None:
    d: dict[str, Any] = {"model": model, "created_at": created, "response": response, "done": done, **more}
    if thinking is not None:
        d["thinking"] = thinking
    if "logprobs" in d:
        d["logprobs"] = []
    assert generate_chunk(dict(d)) == GenerateStreamChunk.from_dict(d)


details = st.fixed_dictionaries(
    {
        "parent_model": text,
        "format": st.just("gguf"),
        "family": text,
        "families": st.one_of(st.none(), st.lists(text, max_size=2)),
        "parameter_size": text,
        "quantization_level": text,
    },
    optional={
        "context_length": st.integers(0, 10**6),
        "embedding_length": st.integers(0, 10**5),
        "odd": text,
    },
)
summary = st.fixed_dictionaries(
    {
        "name": text,
        "model": text,
        "modified_at": stamp,
        "size": st.integers(0, 10**12),
        "digest": text,
        "details": details,
    },
    optional={"capabilities": st.lists(text, max_size=3), "remote_host": text},
)


@settings(max_examples=200, deadline=None)
@given(st.lists(summary, max_size=4), st.booleans())
def test_list_response_equals_from_dict(models: list[dict[str, Any]], extra: bool) -> None:
    from ollixir_api.models import ListResponse

    from ollixir._ops.fastpath import list_response

    d: dict[str, Any] = {"models": models}
    if extra:
        d["next"] = "x"
    assert list_response(d) == ListResponse.from_dict(d)


metrics = st.dictionaries(
    st.sampled_from(
        [
            "done_reason",
            "total_duration",
            "load_duration",
            "prompt_eval_count",
            "eval_count",
            "eval_duration",
            "logprobs",
            "x",
        ]
    ),
    st.sampled_from(["stop", 1, 250]),
    max_size=4,
)


@settings(max_examples=300, deadline=None)
@given(text, stamp, text, st.one_of(st.none(), text), st.booleans(), metrics)
def test_chat_response_equals_from_dict(
    model: str, created: str, content: str, thinking: str | None, done: bool, more: dict[str, Any]
) -> None:
    from ollixir_api.models import ChatResponse

    from ollixir._ops.fastpath import chat_response

    message: dict[str, Any] = {"role": "assistant", "content": content}
    if thinking is not None:
        message["thinking"] = thinking
    d: dict[str, Any] = {"model": model, "created_at": created, "message": message, "done": done, **more}
    if "logprobs" in d:
        d["logprobs"] = []
    assert chat_response(d) == ChatResponse.from_dict(d)


@settings(max_examples=200, deadline=None)
@given(
    st.fixed_dictionaries(
        {"role": text},
        optional={"content": text, "thinking": text, "tool_name": text, "images": st.lists(text)},
    )
)
def test_message_equals_from_dict(d: dict[str, Any]) -> None:
    from ollixir_api.models import Message

    from ollixir._ops.fastpath import message

    assert message(d) == Message.from_dict(d)


def test_positional_arguments_follow_the_generated_field_order() -> None:
    # _fastpath passes arguments by position; a spec change that reorders fields must fail here.
    import attrs
    from ollixir_api.models import (
        ChatResponse,
        ListResponse,
        Message,
        ModelDetails,
        ModelSummary,
        ResponseMessage,
    )

    from ollixir._ops.fastpath import _METRICS

    expected: dict[type, list[str]] = {
        ChatStreamChunk: ["model", "created_at", "message", "done"],
        ResponseMessage: ["role", "content", "thinking"],
        GenerateStreamChunk: ["model", "created_at", "response", "done", "thinking"],
        ModelSummary: ["name", "model", "modified_at", "size", "digest", "details", "capabilities"],
        ModelDetails: [
            "parent_model",
            "format_",
            "family",
            "families",
            "parameter_size",
            "quantization_level",
            "context_length",
            "embedding_length",
        ],
        ChatResponse: ["model", "created_at", "message", "done", *_METRICS],
        Message: ["role", "content"],
        ListResponse: ["models"],
    }
    for cls, names in expected.items():
        assert [f.name for f in attrs.fields(cls) if f.init][: len(names)] == names, cls


def _same_outcome(fast: Any, slow: Any, d: dict[str, Any]) -> None:
    import copy

    try:
        expected = slow(copy.deepcopy(d))
    except Exception as exc:
        try:
            fast(d)
        except type(exc):
            return
        raise AssertionError(f"fast path accepted what from_dict rejects ({exc!r}): {d}") from None
    assert fast(d) == expected


dropped = st.lists(
    st.sampled_from(
        [
            "model",
            "created_at",
            "message",
            "done",
            "response",
            "role",
            "content",
            "details",
            "name",
            "size",
            "family",
            "format",
            "modified_at",
        ]
    ),
    max_size=2,
)
stray = st.sampled_from([{}, {"surprise": 1}])


@settings(max_examples=400, deadline=None)
@given(text, stamp, text, st.booleans(), dropped, stray, stray)
def test_missing_keys_are_handled_exactly_as_from_dict_does(
    model: str,
    created: str,
    content: str,
    done: bool,
    drop: list[str],
    top: dict[str, Any],
    inner: dict[str, Any],
) -> None:
    # Counting keys (instead of comparing key sets) must not mistake a stray key for a missing one.
    from ollixir_api.models import ChatResponse, ListResponse

    from ollixir._ops.fastpath import chat_response, list_response

    def strip(obj: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in obj.items() if k not in drop}

    message = strip({"role": "assistant", "content": content, **inner})
    chat = strip({"model": model, "created_at": created, "message": message, "done": done, **top})
    gen = strip({"model": model, "created_at": created, "response": content, "done": done, **top})
    details = strip(
        {
            "parent_model": "",
            "format": "gguf",
            "family": "llama",
            "families": None,
            "parameter_size": "1B",
            "quantization_level": "Q4",
            **inner,
        }
    )
    summary = strip(
        {
            "name": model,
            "model": model,
            "modified_at": created,
            "size": 1,
            "digest": "d",
            "details": details,
            **top,
        }
    )
    _same_outcome(chat_chunk, ChatStreamChunk.from_dict, chat)
    _same_outcome(chat_response, ChatResponse.from_dict, chat)
    _same_outcome(generate_chunk, GenerateStreamChunk.from_dict, gen)
    _same_outcome(list_response, ListResponse.from_dict, {"models": [summary]})
