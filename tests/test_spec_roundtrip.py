"""Wire bodies survive the generated models unchanged.

Requests must round-trip exactly (`from_dict(x).to_dict() == x`): that is what the client sends.
Responses and stream chunks must parse, and re-serialize to the same JSON modulo timestamp
normalisation (datetime.isoformat keeps microseconds and writes "+00:00" for "Z").
"""

import copy
import datetime
from typing import Any

import attrs
import pytest
from ollixir_api import ShapeError, models
from ollixir_api.models import (
    ChatRequest,
    ChatStreamChunk,
    CreateRequest,
    ErrorResponse,
    GenerateRequest,
    GenerateStreamChunk,
    JsonSchema,
    ListResponse,
    ShowResponse,
    ToolCallFunctionArguments,
    ToolParameters,
    ToolParametersDefs,
    ToolParametersProperties,
)

from tests.spec_examples import REQUESTS, TOOL
from tests.spec_examples_responses import RESPONSES, TIMESTAMP_KEYS


def _ids(cases: list[tuple[str, dict[str, Any]]]) -> list[str]:
    return [f"{i}-{name}" for i, (name, _) in enumerate(cases)]


def _model(name: str) -> Any:
    return getattr(models, name)


def _normalise(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: datetime.datetime.fromisoformat(v)
            if k in TIMESTAMP_KEYS and isinstance(v, str)
            else _normalise(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    return value


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


# Keys the examples send on purpose although the spec does not declare them.
UNDECLARED_ON_PURPOSE = {
    ("CreateRequest", "modelfile"),  # legacy field, ignored by the server
    ("Options", "numa"),  # removed option, ignored by the server
    ("ErrorResponse", "StatusCode"),  # proxied upstream StatusError
    ("ErrorResponse", "Status"),
}


def _undeclared(obj: Any) -> set[tuple[str, str]]:
    """Keys that landed in additional_properties of a model that declares fields.

    Every model keeps unknown keys, so a round trip alone would pass even for a field missing from
    the spec; this catches that. Free-form models (no declared fields) are skipped.
    """
    found: set[tuple[str, str]] = set()
    if isinstance(obj, list):
        for item in obj:
            found |= _undeclared(item)
    elif attrs.has(type(obj)):
        declared = [f for f in attrs.fields(type(obj)) if f.name != "additional_properties"]
        if declared:
            found |= {(type(obj).__name__, key) for key in obj.additional_properties}
        for field in declared:
            found |= _undeclared(getattr(obj, field.name))
    return found


@pytest.mark.parametrize(("name", "body"), REQUESTS, ids=_ids(REQUESTS))
def test_request_round_trips_exactly(name: str, body: dict[str, Any]) -> None:
    parsed = _model(name).from_dict(copy.deepcopy(body))
    assert _undeclared(parsed) <= UNDECLARED_ON_PURPOSE
    assert parsed.to_dict() == body


@pytest.mark.parametrize(("name", "body"), RESPONSES, ids=_ids(RESPONSES))
def test_response_parses_and_round_trips(name: str, body: dict[str, Any]) -> None:
    parsed = _model(name).from_dict(copy.deepcopy(body))
    assert _undeclared(parsed) <= UNDECLARED_ON_PURPOSE
    for key in TIMESTAMP_KEYS & body.keys():
        assert isinstance(getattr(parsed, key), datetime.datetime)
        assert getattr(parsed, key).tzinfo is not None
    # An optional field sent as null reads as absent (None) and to_dict leaves it out; required
    # nullable fields are written as null. Nulls are compared away on both sides.
    assert _without_nulls(_normalise(parsed.to_dict())) == _without_nulls(_normalise(body))


def test_undeclared_keys_are_detected() -> None:
    parsed = ChatRequest.from_dict({"model": "m", "messages": [{"role": "user", "nope": 1}], "extra": True})
    assert _undeclared(parsed) == {("ChatRequest", "extra"), ("Message", "nope")}


def test_every_request_and_response_model_has_an_example() -> None:
    covered = {name for name, _ in REQUESTS} | {name for name, _ in RESPONSES}
    top_level = {n for n in models.__all__ if n.endswith(("Request", "Response", "StreamChunk"))}
    assert top_level <= covered


def test_unions_parse_to_their_named_members() -> None:
    as_schema = GenerateRequest.from_dict({"model": "m", "format": {"type": "object"}})
    assert isinstance(as_schema.format_, JsonSchema)
    assert as_schema.format_["type"] == "object"
    assert GenerateRequest.from_dict({"model": "m", "format": "json"}).format_ == "json"
    assert ChatRequest.from_dict({"model": "m", "think": "high"}).think == "high"
    assert ChatRequest.from_dict({"model": "m", "think": False}).think is False
    assert CreateRequest.from_dict({"license": ["a", "b"]}).license_ == ["a", "b"]


def test_nested_models_are_typed() -> None:
    chat = ChatRequest.from_dict({"model": "m", "tools": [TOOL]})
    assert isinstance(chat.tools, list)
    parameters = chat.tools[0].function.parameters
    assert isinstance(parameters, ToolParameters)
    assert isinstance(parameters.defs, ToolParametersDefs)
    assert isinstance(parameters.properties, ToolParametersProperties)
    assert parameters.defs["unit"] == {"type": "string", "enum": ["celsius", "fahrenheit"]}
    assert parameters.properties["city"]["type"] == "string"

    chunk = ChatStreamChunk.from_dict(
        {
            "model": "m",
            "created_at": "2026-08-21T10:00:00.123456789Z",
            "message": {
                "role": "assistant",
                "content": "",
                "tool_calls": [{"function": {"name": "f", "arguments": {"a": 1}}}],
            },
            "done": False,
        }
    )
    assert isinstance(chunk.message.tool_calls, list)
    [call] = chunk.message.tool_calls
    assert isinstance(call.function.arguments, ToolCallFunctionArguments)
    assert call.function.arguments["a"] == 1
    assert chunk.created_at == datetime.datetime(2026, 8, 21, 10, 0, 0, 123456, tzinfo=datetime.UTC)


def test_nullable_fields_accept_null() -> None:
    show = ShowResponse.from_dict(
        {
            "details": {
                "parent_model": "",
                "format": "",
                "family": "",
                "families": None,
                "parameter_size": "",
                "quantization_level": "",
            },
            "model_info": None,
            "modified_at": "2025-05-04T17:37:44.706015396-07:00",
        }
    )
    assert show.model_info is None
    assert show.details.families is None


def test_python_built_request_sends_stream_false_explicitly() -> None:
    # The server streams when `stream` is omitted, so a request built in Python must carry it.
    assert GenerateRequest(model="m").to_dict() == {"model": "m", "stream": False}
    assert GenerateRequest(model="m", field_debug_render_only=True).to_dict()["_debug_render_only"] is True


def test_stream_error_line_is_not_a_chunk() -> None:
    # A failed stream ends with {"error": ...} under HTTP 200; only ErrorResponse accepts it, so a
    # reader must look for the "error" key before parsing a chunk.
    line = {"error": "an error was encountered while running the model"}
    with pytest.raises(ShapeError, match="required key is missing"):
        GenerateStreamChunk.from_dict(line)
    assert ErrorResponse.from_dict(line).error == line["error"]


def test_missing_required_key_is_rejected() -> None:
    with pytest.raises(ShapeError) as caught:
        ListResponse.from_dict({})
    assert (caught.value.path, caught.value.cause) == ("models", "required key is missing")
