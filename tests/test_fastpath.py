"""The stream fast path builds exactly what the generated from_dict builds, for every shape."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from ollixir_api.models import ChatStreamChunk, GenerateStreamChunk

from ollixir._fastpath import chat_chunk, generate_chunk

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

    from ollixir._fastpath import list_response

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

    from ollixir._fastpath import chat_response

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

    from ollixir._fastpath import message

    assert message(d) == Message.from_dict(d)
