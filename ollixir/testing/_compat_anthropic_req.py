"""Request side of ``POST /v1/messages``: ``anthropic.MessagesRequest`` and ``FromMessagesRequest``.

``system`` (a string or text blocks) becomes a system message; each message's blocks are folded into
one native message (text concatenated, base64 ``image`` sources as images, ``tool_use`` as tool calls,
the last ``thinking`` block as thinking), and ``tool_result`` blocks become ``tool`` messages (before
the user's text). ``max_tokens`` is ``num_predict``; ``temperature``, ``top_p``, ``top_k`` and
``stop_sequences`` go to ``options``; ``thinking: {"type": "enabled"}`` is ``think: true``
(``disabled``: false), else ``output_config.effort`` (``xhigh`` counts as ``high``). ``tool_choice`` and
``metadata`` are read and ignored.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Final

from ._compat import go_map
from ._compat_bind import Abort, Binder, Custom, Slice, Struct, TypeMismatch, go_kind
from ._compat_openai_req import mapping, mappings
from ._gojson import go_dumps, go_quote
from ._goscan import PairsDict
from ._govalues import GoValueError, go_b64decode

__all__ = ["MESSAGES_REQUEST", "estimate_input_tokens", "messages_chat_request"]


def _arguments(binder: Binder, value: object, struct: str, path: str) -> object:
    """``ToolCallFunctionArguments.UnmarshalJSON`` (an ordered map)."""
    if isinstance(value, dict):
        return value
    raise Abort("Value looks like object, but can't find closing '}' symbol")


_BLOCK: Final = Struct(
    "anthropic.ContentBlock",
    {
        "type": "string", "text": "string",
        "citations": Slice(Struct("anthropic.Citation", {
            "type": "string", "url": "string", "title": "string", "encrypted_index": "string", "cited_text": "string",
        })),
        "source": Struct("anthropic.ImageSource", {
            "type": "string", "media_type": "string", "data": "string", "url": "string",
        }),
        "id": "string", "name": "string", "input": Custom("api.ToolCallFunctionArguments", _arguments),
        "tool_use_id": "string", "content": "interface {}", "is_error": "bool", "thinking": "string",
        "signature": "string",
    },
)  # fmt: skip
_RAW_PARAM: Final = Struct(
    'struct { Role string "json:\\"role\\""; Content json.RawMessage "json:\\"content\\"" }',
    {"role": "string", "content": "json.RawMessage"},
)


def _message(binder: Binder, value: object, struct: str, path: str) -> object:
    """``MessageParam.UnmarshalJSON``: content is a string or a list of blocks (nested decodes)."""
    inner = Binder()
    if not isinstance(value, PairsDict):
        raise Abort(TypeMismatch(go_kind(value), "", "", _RAW_PARAM.go))
    role = str(inner.struct(value, _RAW_PARAM, "").get("role", ""))
    inner.check()
    given = [item for key, item in value.pairs if key.lower() == "content"]
    if not given:
        raise Abort("unexpected end of JSON input")  # no content at all: Unmarshal of an empty RawMessage
    content = given[-1]
    if isinstance(content, str) or content is None:
        return {"role": role, "content": [{"type": "text", "text": content or ""}]}
    blocks = inner.value(content, Slice(_BLOCK), "", "")
    inner.check()
    return {"role": role, "content": blocks}


MESSAGES_REQUEST: Final = Struct(
    "anthropic.MessagesRequest",
    {
        "model": "string", "max_tokens": "int", "messages": Slice(Custom("anthropic.MessageParam", _message)),
        "system": "interface {}", "stream": "bool", "temperature": "float64", "top_p": "float64",
        "top_k": "int", "stop_sequences": Slice("string"),
        "tools": Slice(Struct("anthropic.Tool", {
            "type": "string", "name": "string", "description": "string", "input_schema": "json.RawMessage",
            "max_uses": "int",
        })),
        "tool_choice": Struct("anthropic.ToolChoice", {
            "type": "string", "name": "string", "disable_parallel_tool_use": "bool",
        }),
        "thinking": Struct("anthropic.ThinkingConfig", {"type": "string", "budget_tokens": "int"}),
        "metadata": Struct("anthropic.Metadata", {"user_id": "string"}),
        "output_config": Struct("anthropic.OutputConfig", {"effort": "string"}),
    },
)  # fmt: skip


def _image(source: Mapping[str, object]) -> str:
    """The base64 image of a source; raises ValueError with Ollama's message."""
    if source.get("type") != "base64":
        raise ValueError(
            f"invalid image source type: {source.get('type', '')}. Only base64 images are supported."
        )
    try:
        return base64.b64encode(go_b64decode(str(source.get("data", "")))).decode()
    except GoValueError as exc:
        raise ValueError(f"invalid base64 image data: {exc}") from None


def _tool_result(content: object) -> tuple[str, list[str]]:
    if isinstance(content, str):
        return content, []
    text, images = "", []
    for block in content if isinstance(content, list) else []:
        if not isinstance(block, dict):
            continue
        if block.get("type") == "text" and isinstance(block.get("text"), str):
            text += block["text"]
        elif block.get("type") == "image":
            if not isinstance(block.get("source"), dict):
                raise ValueError("invalid tool_result image source")
            source = {k: v for k, v in block["source"].items() if isinstance(v, str)}
            images.append(_image(source))
    return text, images


def _convert(message: Mapping[str, object]) -> list[dict[str, object]]:
    """``convertMessage``: one Anthropic message as native messages."""
    role = str(message.get("role", "")).lower()
    text, images, calls, thinking = "", [], [], ""
    results: list[dict[str, object]] = []
    for block in mappings(message.get("content")):
        kind = block.get("type")
        if kind == "text":
            text += str(block.get("text", ""))
        elif kind == "image":
            if "source" not in block:
                raise ValueError("invalid image source")
            images.append(_image(mapping(block["source"])))
        elif kind in ("tool_use", "server_tool_use"):
            if kind == "tool_use" and not block.get("id"):
                raise ValueError("tool_use block missing required 'id' field")
            if kind == "tool_use" and not block.get("name"):
                raise ValueError("tool_use block missing required 'name' field")
            fn = {"index": 0, "name": block.get("name", ""), "arguments": block.get("input", {})}
            calls.append({"id": block.get("id", ""), "function": fn})
        elif kind == "tool_result":
            content, result_images = _tool_result(block.get("content"))
            result = {"role": "tool", "content": content, "images": result_images}
            results.append({**result, "tool_call_id": block.get("tool_use_id", "")})
        elif kind == "thinking":
            thinking = str(block.get("thinking", thinking))
        elif kind == "web_search_tool_result":
            raise ValueError("the test server does not run the built-in web_search tool")
    out = results if role == "user" else []
    if text or images or calls or thinking:
        out.append(
            {"role": role, "content": text, "images": images, "tool_calls": calls, "thinking": thinking}
        )
    out += [] if role == "user" else results
    return [{k: v for k, v in m.items() if v or k in ("role", "content")} for m in out]


def _system(system: object) -> str:
    blocks = [mapping(b) for b in system] if isinstance(system, list) else []
    texts = [b.get("text") for b in blocks if b.get("type") == "text"]
    return system if isinstance(system, str) else "".join(t for t in texts if isinstance(t, str))


def _parameters(tool: Mapping[str, object]) -> object:
    schema = tool.get("input_schema")
    if schema is None:
        return None
    name = go_quote(str(tool.get("name", "")))
    if not isinstance(schema, dict):
        raise ValueError(
            f"invalid input_schema for tool {name}: json: cannot unmarshal {go_kind(schema)} "
            "into Go value of type api.ToolFunctionParameters"
        )
    return schema


def messages_chat_request(req: Mapping[str, object]) -> dict[str, object]:
    """The native chat request; raises ValueError with Ollama's message."""
    messages: list[dict[str, object]] = []
    system = _system(req.get("system"))
    if system:
        messages.append({"role": "system", "content": system})
    for message in mappings(req.get("messages")):
        messages += _convert(message)
    options: dict[str, object] = {"num_predict": req.get("max_tokens", 0)}
    for key in ("temperature", "top_p", "top_k"):
        if key in req:
            options[key] = req[key]
    if req.get("stop_sequences"):
        options["stop"] = req["stop_sequences"]
    tools = []
    for tool in mappings(req.get("tools")):
        if str(tool.get("type", "")).startswith("web_search"):
            raise ValueError("the test server does not run the built-in web_search tool")
        function = {"name": tool.get("name", ""), "description": tool.get("description", "")}
        parameters = _parameters(tool)
        if parameters is not None:
            function["parameters"] = parameters
        tools.append({"type": "function", "function": {k: v for k, v in function.items() if v}})
    native: dict[str, object] = {"model": req.get("model", ""), "messages": messages, "options": options}
    native["stream"] = bool(req.get("stream"))
    if tools:
        native["tools"] = tools
    thinking = mapping(req.get("thinking")).get("type")
    effort = str(mapping(req.get("output_config")).get("effort", "")).strip().lower()
    effort = "high" if effort == "xhigh" else effort
    if thinking in ("enabled", "disabled"):
        native["think"] = thinking == "enabled"
    elif effort in ("high", "medium", "low", "max"):
        native["think"] = effort
    return native


def _block_length(block: Mapping[str, object]) -> int:
    """``countContentBlock``: text and thinking bytes, and the JSON of tool blocks."""
    total = len(str(block.get("text", "")).encode()) + len(str(block.get("thinking", "")).encode())
    if block.get("type") in ("tool_use", "tool_result"):
        total += len(go_dumps(_block_json(block)).encode())
    return total


def _present(
    block: Mapping[str, object], fields: tuple[str, ...], kept: tuple[str, ...] = ()
) -> dict[str, object]:
    """The ``omitempty`` fields that are set, in order (``kept``: pointers, present when given)."""
    return {key: block[key] for key in fields if block.get(key) or (key in kept and key in block)}


def _block_json(block: Mapping[str, object]) -> dict[str, object]:
    """A ``ContentBlock`` as ``json.Marshal`` writes it (field order, ``omitempty``)."""
    out: dict[str, object] = {"type": block.get("type", ""), **_present(block, ("text",), ("text",))}
    citations = mappings(block.get("citations"))
    if citations:
        fields = ("encrypted_index", "cited_text")
        out["citations"] = [
            {
                "type": c.get("type", ""),
                "url": c.get("url", ""),
                "title": c.get("title", ""),
                **_present(c, fields),
            }
            for c in citations
        ]
    if "source" in block:
        source = mapping(block["source"])
        out["source"] = {"type": source.get("type", ""), **_present(source, ("media_type", "data", "url"))}
    out.update(_present(block, ("id", "name", "input"), ("input",)))
    out.update(_present(block, ("tool_use_id",)))
    if block.get("content") is not None:
        out["content"] = go_map(block["content"])  # decoded into interface {}: maps print sorted
    out.update(_present(block, ("is_error", "thinking", "signature"), ("thinking",)))
    return out


def _system_length(system: object) -> int:
    """``countAnyContent`` of ``system``: a string, blocks (each re-decoded as a ContentBlock) or JSON."""
    if isinstance(system, str):
        return len(system.encode())
    if not isinstance(system, list):
        return 0 if system is None else len(go_dumps(go_map(system)).encode())
    total = 0
    for item in system:
        binder = Binder()
        block = binder.value(item, _BLOCK, "", "")
        if binder.saved is None and isinstance(block, dict):
            total += _block_length(block)
    return total


def estimate_input_tokens(req: Mapping[str, object]) -> int:
    """``EstimateInputTokens``: a quarter of the request's text bytes (message_start's first count).

    Ollama counts each tool's ``input_schema`` as the raw bytes received; here it is their compact JSON.
    """
    system = req.get("system")
    total = _system_length(system)
    messages = mappings(req.get("messages"))
    for message in messages:
        total += len(str(message.get("role", "")).encode())
        blocks = message.get("content")
        total += sum(_block_length(mapping(b)) for b in (blocks if isinstance(blocks, list) else []))
    for tool in mappings(req.get("tools")):
        schema = tool.get("input_schema")
        total += len(str(tool.get("name", "")).encode()) + len(str(tool.get("description", "")).encode())
        total += len(go_dumps(schema).encode()) if schema is not None else 0
    tokens = total // 4
    return 1 if tokens == 0 and (messages or system is not None) else tokens
