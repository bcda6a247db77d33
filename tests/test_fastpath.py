"""The fast paths build exactly what the generated from_dict builds, for every shape, and fail exactly
as it fails: the same ShapeError (path and cause) for missing keys and values of the wrong type."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ollixir_api import ShapeError
from ollixir_api.models import ChatResponse, ChatStreamChunk, GenerateStreamChunk, ListResponse, Message

from ollixir._ops.fastpath import chat_chunk, chat_response, generate_chunk, list_response, message

text = st.text(max_size=8)
stamp = st.sampled_from(
    ["2026-08-21T10:00:00.123456789Z", "2026-08-21T10:00:00Z", "2025-01-02T03:04:05.5-07:00"]
)
# A JSON value of any type: what a broken server may send in place of the right one.
anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    text,
    st.sampled_from(["2026-08-21T10:00:00Z", "not a date"]),
    st.lists(st.integers(0, 2), max_size=2),
    st.dictionaries(text, st.integers(), max_size=2),
)


def _same_outcome(
    fast: Callable[[dict[str, Any]], Any], slow: Callable[[dict[str, Any]], Any], d: Any
) -> None:
    """Both build equal objects, or both raise a ShapeError with the same path and cause."""
    try:
        expected = slow(copy.deepcopy(d))
    except ShapeError as exc:
        try:
            fast(d)
        except ShapeError as mine:
            assert (mine.path, mine.cause) == (exc.path, exc.cause), d
            return
        raise AssertionError(f"fast path accepted what from_dict rejects ({exc}): {d}") from None
    assert fast(d) == expected


def _maybe_break(d: dict[str, Any], key: str | None, value: Any) -> dict[str, Any]:
    """``d`` with ``key`` (if any of its keys) replaced by ``value``."""
    if key is not None and key in d:
        d = {**d, key: value}
    return d


extra = st.dictionaries(
    st.sampled_from(["done_reason", "eval_count", "logprobs", "remote_host", "surprise"]),
    st.sampled_from(["stop", 3, [], "h", None]),
    max_size=2,
)
chat_keys = st.one_of(st.none(), st.sampled_from(["model", "created_at", "message", "done"]))
message_keys = st.one_of(st.none(), st.sampled_from(["role", "content", "thinking"]))


@settings(max_examples=400, deadline=None)
@given(
    text,
    stamp,
    text,
    st.one_of(st.none(), text),
    st.booleans(),
    extra,
    st.booleans(),
    chat_keys,
    message_keys,
    anything,
)
def test_chat_chunk_equals_from_dict(
    model: str,
    created: str,
    content: str,
    thinking: str | None,
    done: bool,
    more: dict[str, Any],
    tool: bool,
    top_key: str | None,
    inner_key: str | None,
    bad: Any,
) -> None:
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if thinking is not None:
        message["thinking"] = thinking
    if tool:
        message["tool_calls"] = [{"function": {"name": "f", "arguments": {}}}]
    message = _maybe_break(message, inner_key, bad)
    d: dict[str, Any] = {"model": model, "created_at": created, "message": message, "done": done, **more}
    if "logprobs" in d:
        d["logprobs"] = []
    d = _maybe_break(d, top_key, bad)
    _same_outcome(chat_chunk, ChatStreamChunk.from_dict, d)
    _same_outcome(chat_response, ChatResponse.from_dict, d)


@settings(max_examples=400, deadline=None)
@given(
    text,
    stamp,
    text,
    st.one_of(st.none(), text),
    st.booleans(),
    extra,
    st.one_of(st.none(), st.sampled_from(["model", "created_at", "response", "done", "thinking"])),
    anything,
)
def test_generate_chunk_equals_from_dict(
    model: str,
    created: str,
    response: str,
    thinking: str | None,
    done: bool,
    more: dict[str, Any],
    key: str | None,
    bad: Any,
) -> None:
    d: dict[str, Any] = {"model": model, "created_at": created, "response": response, "done": done, **more}
    if thinking is not None:
        d["thinking"] = thinking
    if "logprobs" in d:
        d["logprobs"] = []
    d = _maybe_break(d, key, bad)
    _same_outcome(generate_chunk, GenerateStreamChunk.from_dict, d)


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
summary_keys = st.one_of(
    st.none(),
    st.sampled_from(["name", "model", "modified_at", "size", "digest", "details", "capabilities"]),
)
detail_keys = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "parent_model",
            "format",
            "family",
            "families",
            "parameter_size",
            "quantization_level",
            "context_length",
            "embedding_length",
        ]
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(summary, max_size=4), st.booleans(), st.integers(0, 3), summary_keys, detail_keys, anything)
def test_list_response_equals_from_dict(
    models: list[dict[str, Any]],
    extra: bool,
    which: int,
    key: str | None,
    detail_key: str | None,
    bad: Any,
) -> None:
    if models:
        i = which % len(models)
        broken = _maybe_break(models[i], key, bad)
        if isinstance(broken.get("details"), dict):
            broken["details"] = _maybe_break(broken["details"], detail_key, bad)
        models = [*models[:i], broken, *models[i + 1 :]]
    d: dict[str, Any] = {"models": models}
    if extra:
        d["next"] = "x"
    _same_outcome(list_response, ListResponse.from_dict, d)


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
    st.one_of(st.sampled_from(["stop", 1, 250]), anything),
    max_size=4,
)


@settings(max_examples=300, deadline=None)
@given(text, stamp, text, st.one_of(st.none(), text), st.booleans(), metrics)
def test_chat_response_equals_from_dict(
    model: str, created: str, content: str, thinking: str | None, done: bool, more: dict[str, Any]
) -> None:
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if thinking is not None:
        message["thinking"] = thinking
    d: dict[str, Any] = {"model": model, "created_at": created, "message": message, "done": done, **more}
    _same_outcome(chat_response, ChatResponse.from_dict, d)


@settings(max_examples=300, deadline=None)
@given(
    st.fixed_dictionaries(
        {"role": st.one_of(text, anything)},
        optional={
            "content": st.one_of(text, anything),
            "thinking": text,
            "tool_name": text,
            "images": st.lists(text),
        },
    )
)
def test_message_equals_from_dict(d: dict[str, Any]) -> None:
    _same_outcome(message, Message.from_dict, d)


def test_positional_arguments_follow_the_generated_field_order() -> None:
    # _fastpath passes arguments by position; a spec change that reorders fields must fail here.
    import attrs
    from ollixir_api.models import ModelDetails, ModelSummary, ResponseMessage

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
stray = st.sampled_from([{}, {"surprise": 1}, {"thinking": None}])


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


def test_not_an_object_is_the_same_error() -> None:
    for fast, slow in (
        (chat_chunk, ChatStreamChunk.from_dict),
        (chat_response, ChatResponse.from_dict),
        (generate_chunk, GenerateStreamChunk.from_dict),
        (list_response, ListResponse.from_dict),
    ):
        _same_outcome(fast, slow, {"models": ["x"], "model": "m", "created_at": "x", "message": 3, "done": 1})


# ---------------------------------------------------------------- embed answers, proved from the text

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**6), 10**6),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(alphabet='ab"\\{[tfn ', max_size=4),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=12,
)
spacing = st.sampled_from([(",", ":"), (", ", ": "), (" ,\n", " :\t")])


@settings(max_examples=400, deadline=None)
@given(
    st.dictionaries(st.text(max_size=5), json_values, max_size=4), spacing, st.sampled_from(["", " ", "\n\t"])
)
def test_decode_object_gives_what_json_loads_gives_and_where(
    obj: dict[str, Any], separators: tuple[str, str], pad: str
) -> None:
    import json

    from ollixir._core.jsonspans import decode_object

    text = pad + json.dumps(obj, separators=separators) + pad
    decoded = decode_object(text)
    assert decoded is not None
    data, spans = decoded
    assert data == json.loads(text)
    for key, (start, end) in spans.items():
        assert json.loads(text[start:end]) == data[key]


@pytest.mark.parametrize("text", ["[1]", '"x"', "{", '{"a": 1} x', '{"a" 1}', '{"a": 1,}', "", "{'a': 1}"])
def test_decode_object_refuses_what_is_not_a_plain_object(text: str) -> None:
    from ollixir._core.jsonspans import decode_object

    assert decode_object(text) is None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(json_values, max_size=4), max_size=4), spacing)
def test_numbers_only_is_never_wrong(rows: list[Any], separators: tuple[str, str]) -> None:
    import json

    from ollixir._core.jsonspans import decode_object, numbers_only

    text = json.dumps({"embeddings": rows}, separators=separators)
    decoded = decode_object(text)
    assert decoded is not None
    data, spans = decoded
    all_numbers = all(
        isinstance(row, list) and all(isinstance(x, int | float) and not isinstance(x, bool) for x in row)
        for row in data["embeddings"]
    )
    assert numbers_only(text, spans["embeddings"], data["embeddings"]) == all_numbers


embed_answer = st.fixed_dictionaries(
    {"model": text, "embeddings": st.lists(st.lists(st.floats(-1, 1, width=32), max_size=5), max_size=4)},
    optional={"total_duration": st.integers(0, 10**9), "prompt_eval_count": st.integers(0, 99), "odd": text},
)


@settings(max_examples=400, deadline=None)
@given(
    embed_answer,
    st.sampled_from(["model", "embeddings", "total_duration", None]),
    anything,
    st.integers(0, 20),
)
def test_embed_reader_equals_from_dict(answer: dict[str, Any], key: str | None, bad: Any, where: int) -> None:
    import json

    from ollixir_api.models import EmbedResponse

    from ollixir._core.jsonspans import decode_object
    from ollixir._ops.inference import _embed_response

    answer = _maybe_break(answer, key, bad)
    rows = answer.get("embeddings")
    if key is None and rows and rows[where % len(rows)]:
        # Break one number instead: the text-level proof must notice it.
        row = rows[where % len(rows)]
        row[where % len(row)] = bad
    text = json.dumps(answer)
    decoded = decode_object(text)
    assert decoded is not None

    def fast(d: dict[str, Any]) -> Any:
        return _embed_response(d, text, decoded[1])

    _same_outcome(fast, EmbedResponse.from_dict, decoded[0])


# --- chunks built with object.__new__: unset slots answer through Model.__getattr__ -----------------

_CHAT = {
    "model": "m",
    "created_at": "2026-08-21T10:00:00.123456789Z",
    "message": {"role": "assistant", "content": "hi", "thinking": "hmm"},
    "done": False,
}
_GENERATE = {"model": "m", "created_at": "2026-08-21T10:00:00Z", "response": "hi", "done": False}


@pytest.mark.parametrize(
    ("fast", "cls", "d"),
    [(chat_chunk, ChatStreamChunk, _CHAT), (generate_chunk, GenerateStreamChunk, _GENERATE)],
    ids=["chat", "generate"],
)
def test_partly_built_chunks_behave_like_constructed_ones(fast: Any, cls: Any, d: dict[str, Any]) -> None:
    import pickle

    import attrs

    built = fast(copy.deepcopy(d))
    reference = cls.from_dict(copy.deepcopy(d))
    # The fast path really left slots unset (otherwise this test would prove nothing).
    with pytest.raises(AttributeError):
        cls.done_reason.__get__(built)
    assert built == reference and reference == built
    assert repr(built) == repr(reference)
    assert built.to_dict() == reference.to_dict()
    assert attrs.asdict(built) == attrs.asdict(reference)
    assert dict(built) == dict(reference)
    assert pickle.loads(pickle.dumps(built)) == reference
    assert copy.deepcopy(built) == reference
    assert attrs.evolve(built, done=True) == attrs.evolve(reference, done=True)
    for field in attrs.fields(cls):
        assert getattr(built, field.name) == getattr(reference, field.name), field.name
    assert built.done_reason is None and "done_reason" not in built and built.get("done_reason") is None
    # additional_properties appears on first use and keeps what is put into it.
    built.additional_properties["x-extra"] = 1
    assert built.additional_properties == {"x-extra": 1} and built["x-extra"] == 1
    assert built != reference
    # Unknown names still fail as they do on any object, with the name for "did you mean".
    with pytest.raises(AttributeError, match="has no attribute 'mesage'") as info:
        built.mesage  # noqa: B018
    assert info.value.name == "mesage" and info.value.obj is built


def test_a_required_field_is_never_invented() -> None:
    # Only optional fields have a default to answer with; a required slot left unset stays an error.
    bare = object.__new__(ChatStreamChunk)
    with pytest.raises(AttributeError, match="'model'"):
        bare.model  # noqa: B018
    assert bare.done_reason is None
