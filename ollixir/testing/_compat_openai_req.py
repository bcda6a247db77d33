"""Request conversion of ``/v1/chat/completions`` and ``/v1/completions`` (``openai.FromChatRequest``,
``openai.FromCompleteRequest``): the OpenAI body bound onto Ollama's Go structs, turned into the native
chat or generate request. Conversion errors raise ValueError with Ollama's message (answered 400).
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from typing import Final

from ._compat_bind import Slice, Struct, go_type_of, parse_go_json
from ._gojson import F32, go_quote
from ._govalues import GoValueError, go_b64decode

__all__ = [
    "API_TOOL",
    "CHAT_REQUEST",
    "COMPLETION_REQUEST",
    "chat_request",
    "completion_request",
    "decode_image_url",
    "mapping",
    "mappings",
    "think_from_effort",
]

_TOOL_FN = Struct(
    "api.ToolFunction",
    {"name": "string", "description": "string", "parameters": "map[string]interface {}"},
)
API_TOOL = Struct("api.Tool", {"type": "string", "items": "interface {}", "function": _TOOL_FN})
_CALL_FN = Struct(
    'struct { Name string "json:\\"name\\""; Arguments string "json:\\"arguments\\"" }',
    {"name": "string", "arguments": "string"},
)
_TOOL_CALL = Struct(
    "openai.ToolCall", {"id": "string", "index": "int", "type": "string", "function": _CALL_FN}
)
_MESSAGE = Struct(
    "openai.Message",
    {
        "role": "string", "content": "interface {}", "reasoning": "string", "tool_calls": Slice(_TOOL_CALL),
        "name": "string", "tool_call_id": "string",
    },
)  # fmt: skip
STREAM_OPTIONS = Struct("openai.StreamOptions", {"include_usage": "bool"})
CHAT_REQUEST = Struct(
    "openai.ChatCompletionRequest",
    {
        "model": "string", "messages": Slice(_MESSAGE), "stream": "bool", "stream_options": STREAM_OPTIONS,
        "max_tokens": "int", "seed": "int", "stop": "interface {}", "temperature": "float64",
        "frequency_penalty": "float64", "presence_penalty": "float64", "top_p": "float64",
        "response_format": Struct(
            "openai.ResponseFormat",
            {"type": "string", "json_schema": Struct("openai.JsonSchema", {"schema": "json.RawMessage"})},
        ),
        "tools": Slice(API_TOOL), "reasoning": Struct("openai.Reasoning", {"effort": "string"}),
        "reasoning_effort": "string", "logprobs": "bool", "top_logprobs": "int", "_debug_render_only": "bool",
    },
)  # fmt: skip
COMPLETION_REQUEST = Struct(
    "openai.CompletionRequest",
    {
        "model": "string", "prompt": "string", "frequency_penalty": "float32", "max_tokens": "int",
        "presence_penalty": "float32", "seed": "int", "stop": "interface {}", "stream": "bool",
        "stream_options": STREAM_OPTIONS, "temperature": "float32", "top_p": "float32", "suffix": "string",
        "logprobs": "int", "_debug_render_only": "bool",
    },
)  # fmt: skip
# OpenAI's scale is clamped to Ollama's levels rather than refused.
_EFFORTS: Final[Mapping[str, bool | str]] = {
    "none": False, "minimal": "low", "low": "low", "medium": "medium", "high": "high", "max": "max",
    "xhigh": "max", "ultra": "max",
}  # fmt: skip


def think_from_effort(effort: str) -> bool | str | None:
    """The native ``think`` of an OpenAI reasoning effort; raises ValueError with Ollama's message."""
    if not effort:
        return None
    if effort in _EFFORTS:
        return _EFFORTS[effort]
    raise ValueError(
        f"invalid reasoning value: {go_quote(effort)} "
        '(must be "minimal", "low", "medium", "high", "xhigh", "ultra", "max", or "none")'
    )


def decode_image_url(url: str) -> bytes | str:
    """The image bytes of a base64 ``data:`` URL, or the error message."""
    if url.startswith(("http://", "https://")):
        return "image URLs are not currently supported, please use base64 encoded data instead"
    if url.startswith("data:;base64,"):
        url = url.removeprefix("data:;base64,")
    else:
        prefix = next((f"data:image/{t};base64," for t in ("jpeg", "jpg", "png", "webp") if url.startswith(f"data:image/{t};base64,")), None)  # fmt: skip
        if prefix is None:
            return "invalid image input"
        url = url.removeprefix(prefix)
    try:
        return go_b64decode(url)
    except GoValueError:
        return "invalid image input"


def _native_message(role: str, content: str = "", **extra: object) -> dict[str, object]:
    """An ``api.Message`` as Go encodes it: empty optional fields left out."""
    message: dict[str, object] = {"role": role, "content": content}
    message.update({key: value for key, value in extra.items() if value})
    return message


def mapping(value: object) -> Mapping[str, object]:
    return value if isinstance(value, Mapping) else {}


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def mappings(value: object) -> list[Mapping[str, object]]:
    """A decoded JSON list as mappings (anything else as an empty one)."""
    return [mapping(item) for item in _list(value)]


def _f32(value: object, default: float) -> float:
    """A ``float32`` request field (Go prints it with float32 digits)."""
    return F32(value) if isinstance(value, int | float) and not isinstance(value, bool) else default


def _from_tool_calls(calls: object) -> list[dict[str, object]]:
    """``FromCompletionToolCall``; raises ValueError when arguments are not a JSON object."""
    out: list[dict[str, object]] = []
    for call in _list(calls):
        fn = mapping(mapping(call).get("function"))
        try:
            arguments = parse_go_json(str(fn.get("arguments", "")))
        except ValueError:
            raise ValueError("invalid tool call arguments") from None
        if not isinstance(arguments, dict):
            raise ValueError("invalid tool call arguments")
        native: dict[str, object] = {
            "function": {"index": 0, "name": fn.get("name", ""), "arguments": arguments}
        }
        if mapping(call).get("id"):
            native = {"id": mapping(call)["id"], **native}
        out.append(native)
    return out


def _tool_name(messages: Sequence[Mapping[str, object]], call_id: object) -> str:
    for message in reversed(messages):
        for call in _list(message.get("tool_calls")):
            if mapping(call).get("id") == call_id:
                return str(mapping(mapping(call).get("function")).get("name", ""))
    return ""


def _image(data: bytes) -> list[str]:
    return [base64.b64encode(data).decode()]  # api.ImageData travels as base64


def _part(role: str, part: object) -> dict[str, object]:
    """One content part as its own message; raises ValueError with Ollama's message."""
    if not isinstance(part, dict):
        raise ValueError("invalid message format")
    kind = part.get("type")
    if kind == "text":
        if not isinstance(part.get("text"), str):
            raise ValueError("invalid message format")
        return _native_message(role, str(part["text"]))
    if kind == "image_url":
        ref = part.get("image_url")
        url = ref.get("url") if isinstance(ref, dict) else ref
        if not isinstance(url, str):
            raise ValueError("invalid message format")
        image = decode_image_url(url)
        if isinstance(image, str):
            raise ValueError(image)
        return _native_message(role, images=_image(image))
    if kind == "input_audio":
        audio = part.get("input_audio")
        if not isinstance(audio, dict):
            raise ValueError("invalid input_audio format")
        if not isinstance(audio.get("data"), str):
            raise ValueError("invalid input_audio format: missing data")
        try:
            return _native_message(role, images=_image(go_b64decode(str(audio["data"]))))
        except GoValueError as exc:
            raise ValueError(f"invalid input_audio base64 data: {exc}") from None
    raise ValueError("invalid message format")


def _chat_messages(messages: list[object]) -> list[dict[str, object]]:
    """``FromChatRequest``'s messages; raises ValueError with Ollama's message."""
    out: list[dict[str, object]] = []
    typed = [mapping(m) for m in messages]
    for msg in typed:
        role, call_id = str(msg.get("role", "")), msg.get("tool_call_id", "")
        tool_name = ""
        if role.lower() == "tool":
            tool_name = str(msg.get("name", "")) or (_tool_name(typed, call_id) if call_id else "")
        content, thinking = msg.get("content"), msg.get("reasoning", "")
        if isinstance(content, str):
            calls = _from_tool_calls(msg.get("tool_calls"))
            extra = {"tool_calls": calls, "tool_name": tool_name, "tool_call_id": call_id}
            out.append(_native_message(role, content, thinking=thinking, **extra))
        elif isinstance(content, list):
            out.extend(_part(role, part) for part in content)
            if out and _list(msg.get("tool_calls")):
                # The calls go to the last message made so far, even one of an earlier turn.
                last = out[-1]
                for key in ("thinking", "tool_calls", "tool_name", "tool_call_id"):
                    last.pop(key, None)
                calls = _from_tool_calls(msg.get("tool_calls"))
                extra = {
                    "thinking": thinking,
                    "tool_calls": calls,
                    "tool_name": tool_name,
                    "tool_call_id": call_id,
                }
                last.update({key: value for key, value in extra.items() if value})
        elif "tool_calls" in msg:  # content may be left out only when tool calls are present
            calls = _from_tool_calls(msg.get("tool_calls"))
            out.append(_native_message(role, thinking=thinking, tool_calls=calls, tool_call_id=call_id))
        else:
            raise ValueError(f"invalid message content type: {go_type_of(content)}")
    return out


def _stop(stop: object, *, strict: bool) -> list[str] | None:
    """``options.stop`` of a string or list (None: nothing usable); strict rejects non-strings."""
    if isinstance(stop, str):
        return [stop]
    for item in _list(stop):
        if strict and not isinstance(item, str):
            raise ValueError(f"invalid type for 'stop' field: {go_type_of(item)}")
    return [s for s in _list(stop) if isinstance(s, str)] or None


def chat_request(req: Mapping[str, object]) -> dict[str, object]:
    """``FromChatRequest``: the native chat request; raises ValueError with Ollama's message."""
    messages = _chat_messages(_list(req.get("messages")))
    options: dict[str, object] = {}
    if isinstance(req.get("stop"), str | list):
        options["stop"] = _stop(req["stop"], strict=False)
    if "max_tokens" in req:
        options["num_predict"] = req["max_tokens"]
    options["temperature"] = req.get("temperature", 1.0)
    for key in ("seed", "frequency_penalty", "presence_penalty"):
        if key in req:
            options[key] = req[key]
    options["top_p"] = req.get("top_p", 1.0)
    native: dict[str, object] = {"model": req.get("model", ""), "messages": messages}
    fmt = req.get("response_format")
    if isinstance(fmt, dict):
        kind = str(fmt.get("type", "")).strip().lower()
        schema = mapping(fmt.get("json_schema")).get("schema")
        if kind == "json_object":
            native["format"] = "json"
        elif kind == "json_schema" and schema is not None:
            native["format"] = schema
    native.update(options=options, stream=bool(req.get("stream")))
    if req.get("tools"):
        native["tools"] = req["tools"]
    reasoning = req.get("reasoning")
    effort = reasoning.get("effort", "") if isinstance(reasoning, dict) else req.get("reasoning_effort", "")
    think = think_from_effort(str(effort))
    if think is not None:
        native["think"] = think
    if req.get("_debug_render_only"):
        native["_debug_render_only"] = True
    if req.get("logprobs"):
        native["logprobs"] = True
    if req.get("top_logprobs"):
        native["top_logprobs"] = req["top_logprobs"]
    return native


def completion_request(req: Mapping[str, object]) -> dict[str, object]:
    """``FromCompleteRequest``: the native generate request; raises ValueError with Ollama's message."""
    options: dict[str, object] = {}
    if isinstance(req.get("stop"), str | list):
        options["stop"] = _stop(req["stop"], strict=True)
    if "max_tokens" in req:
        options["num_predict"] = req["max_tokens"]
    options["temperature"] = _f32(req.get("temperature"), 1.0)
    if "seed" in req:
        options["seed"] = req["seed"]
    options["frequency_penalty"] = _f32(req.get("frequency_penalty"), F32(0))
    options["presence_penalty"] = _f32(req.get("presence_penalty"), F32(0))
    options["top_p"] = _f32(req.get("top_p"), 1.0) if req.get("top_p") else 1.0
    native: dict[str, object] = {"model": req.get("model", ""), "prompt": req.get("prompt", "")}
    if req.get("suffix"):
        native["suffix"] = req["suffix"]
    native.update(stream=bool(req.get("stream")), options=options)
    top = req.get("logprobs")
    if isinstance(top, int) and top > 0:
        native.update(logprobs=True, top_logprobs=top)
    if req.get("_debug_render_only"):
        native["_debug_render_only"] = True
    return native
