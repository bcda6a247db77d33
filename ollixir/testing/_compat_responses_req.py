"""Request side of ``POST /v1/responses``: ``openai.ResponsesRequest`` and ``FromResponsesRequest``.

``input`` is a string (one user message) or a list of items: messages (``content`` a string or
``input_text`` / ``output_text`` / ``input_image`` parts; ``role`` alone implies ``type: message``),
``function_call``, ``function_call_output``, ``reasoning`` (its ``encrypted_content`` becomes the
thinking of the next assistant message) and ``web_search_call`` (ignored). ``instructions`` becomes a
system message, ``max_output_tokens`` ``num_predict``, ``reasoning.effort`` ``think``,
``text.format`` ``json_schema`` the ``format``; ``temperature`` defaults to 1 (``top_p`` is only passed
when given). ``namespace`` tools expand to ``<namespace>.<name>`` functions. Decoding errors carry
Ollama's wording (``input[0]: unknown input item type: "x"``).
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Final

from ._compat_bind import Abort, Binder, Custom, GoType, Slice, Struct, go_kind, parse_go_json
from ._compat_openai_req import decode_image_url, mapping, mappings, think_from_effort
from ._gojson import go_quote
from ._goscan import PairsDict

__all__ = ["RESPONSES_REQUEST", "responses_chat_request"]


def _strict(value: object, typ: Struct) -> dict[str, object]:
    """A nested ``json.Unmarshal``: the first type error ends it (a custom UnmarshalJSON returns it)."""
    if value is None:
        return {}
    if not isinstance(value, PairsDict):
        raise Abort(f"json: cannot unmarshal {go_kind(value)} into Go value of type {typ.go}")
    binder = Binder()
    out = binder.struct(value, typ, "")
    if binder.saved is not None:
        raise Abort(str(binder.saved))  # returned wrapped ("input[0]: ..."), so without outer context
    return out


def _struct_literal(*fields: tuple[str, str, str]) -> str:
    """``reflect.Type.String()`` of an anonymous struct with json tags."""
    parts = [f'{name} {kind} "json:\\"{tag}\\""' for name, kind, tag in fields]
    return "struct { " + "; ".join(parts) + " }"


_PEEK: Final = Struct(
    _struct_literal(("Type", "string", "type"), ("Role", "string", "role")),
    {"type": "string", "role": "string"},
)
_CONTENT_PEEK: Final = Struct(_struct_literal(("Type", "string", "type")), {"type": "string"})
_CONTENT: Final = {
    "input_text": Struct("openai.ResponsesTextContent", {"type": "string", "text": "string"}),
    "input_image": Struct(
        "openai.ResponsesImageContent",
        {"type": "string", "detail": "string", "file_id": "string", "image_url": "string"},
    ),
    "output_text": Struct("openai.ResponsesOutputTextContent", {"type": "string", "text": "string"}),
    "input_file": Struct(
        "openai.ResponsesFileContent",
        {
            "type": "string",
            "file_data": "string",
            "file_id": "string",
            "file_url": "string",
            "filename": "string",
        },
    ),
}
_RAW_MESSAGE: Final = Struct(
    _struct_literal(
        ("Type", "string", "type"), ("Role", "string", "role"), ("Content", "json.RawMessage", "content")
    ),
    {"type": "string", "role": "string", "content": "json.RawMessage"},
)
_RAW_OUTPUT: Final = Struct(
    _struct_literal(
        ("Type", "string", "type"), ("CallID", "string", "call_id"), ("Output", "json.RawMessage", "output")
    ),
    {"type": "string", "call_id": "string", "output": "json.RawMessage"},
)
_ITEMS: Final = {
    "function_call": Struct(
        "openai.ResponsesFunctionCall",
        {"id": "string", "type": "string", "call_id": "string", "name": "string", "arguments": "string"},
    ),
    "reasoning": Struct(
        "openai.ResponsesReasoningInput",
        {
            "id": "string",
            "type": "string",
            "summary": Slice(
                Struct("openai.ResponsesReasoningSummary", {"type": "string", "text": "string"})
            ),
            "encrypted_content": "string",
        },
    ),
    "web_search_call": Struct(
        "openai.ResponsesWebSearchCall", {"id": "string", "type": "string", "status": "string"}
    ),
}


def _contents(raw: object, what: str) -> list[dict[str, object]]:
    """Content given as a string or a list of typed parts (``what`` names the field in errors)."""
    if isinstance(raw, str) or raw is None:
        return [{"type": "input_text", "text": raw or ""}]
    if not isinstance(raw, list):
        raise Abort(
            f"{what} must be a string or array: json: cannot unmarshal {go_kind(raw)} "
            "into Go value of type []json.RawMessage"
        )
    parts: list[dict[str, object]] = []
    for index, part in enumerate(raw):
        try:
            kind = str(_strict(part, _CONTENT_PEEK).get("type", ""))
            if kind not in _CONTENT:
                raise Abort(f"unknown content type: {kind}")
            parts.append({"type": kind, **_strict(part, _CONTENT[kind])})
        except Abort as exc:
            raise Abort(f"{what}[{index}]: {exc}") from None
    return parts


def _item(raw: object) -> dict[str, object]:
    peek = _strict(raw, _PEEK)
    kind = str(peek.get("type", "")) or ("message" if peek.get("role") else "")
    if kind == "message":
        message = _strict(raw, _RAW_MESSAGE)
        content = _contents(message["content"], "content") if "content" in message else []
        return {"kind": kind, "role": message.get("role", ""), "content": content}
    if kind == "function_call_output":
        output = _strict(raw, _RAW_OUTPUT)
        value = output.get("output")
        parts = [] if isinstance(value, str) or value is None else _contents(value, "output")
        text = value if isinstance(value, str) else "".join(str(p.get("text", "")) for p in parts)
        return {"kind": kind, "call_id": output.get("call_id", ""), "output": text, "parts": parts}
    if kind in _ITEMS:
        return {"kind": kind, **_strict(raw, _ITEMS[kind])}
    if not kind:
        raise Abort("input item missing required 'type' field")
    raise Abort(f"unknown input item type: {go_quote(kind)}")


def _input(binder: Binder, value: object, struct: str, path: str) -> object:
    """``ResponsesInput.UnmarshalJSON``."""
    if isinstance(value, str):
        return {"text": value, "items": []}
    if not isinstance(value, list):
        raise Abort(
            f"input must be a string or array: json: cannot unmarshal {go_kind(value)} "
            "into Go value of type []json.RawMessage"
        )
    items: list[dict[str, object]] = []
    for index, raw in enumerate(value):
        try:
            items.append(_item(raw))
        except Abort as exc:
            raise Abort(f"input[{index}]: {exc}") from None
    return {"text": "", "items": items}


_TOOL_FIELDS: dict[str, GoType] = {
    "type": "string", "name": "string", "description": "string", "strict": "bool",
    "parameters": "map[string]interface {}",
}  # fmt: skip
_TOOL: Final = Struct("openai.ResponsesTool", _TOOL_FIELDS)
_TOOL_FIELDS["tools"] = Slice(_TOOL)  # a namespace's members
RESPONSES_REQUEST: Final = Struct(
    "openai.ResponsesRequest",
    {
        "model": "string", "background": "bool", "conversation": "json.RawMessage", "include": Slice("string"),
        "input": Custom("openai.ResponsesInput", _input), "instructions": "string", "max_output_tokens": "int",
        "reasoning": Struct(
            "openai.ResponsesReasoning", {"effort": "string", "generate_summary": "string", "summary": "string"}
        ),
        "temperature": "float64",
        "text": Struct(
            "openai.ResponsesText",
            {"format": Struct(
                "openai.ResponsesTextFormat",
                {"type": "string", "name": "string", "schema": "json.RawMessage", "strict": "bool"},
            )},
        ),
        "top_p": "float64", "truncation": "string", "tools": Slice(_TOOL), "stream": "bool",
    },
)  # fmt: skip


def _convert_content(parts: list[Mapping[str, object]]) -> tuple[str, list[str]]:
    """Text and base64 images of content parts; raises ValueError for unsupported ones."""
    text, images = "", []
    for part in parts:
        kind = part.get("type")
        if kind in ("input_text", "output_text"):
            text += str(part.get("text", ""))
        elif kind == "input_image" and part.get("image_url"):
            image = decode_image_url(str(part["image_url"]))
            if isinstance(image, str):
                raise ValueError(image)
            images.append(base64.b64encode(image).decode())
        elif kind == "input_file":
            raise ValueError("file inputs are not currently supported")
    return text, images


def _arguments(text: str) -> dict[str, object]:
    if not text:
        return {}
    try:
        value = parse_go_json(text)
    except ValueError as exc:
        raise ValueError(f"failed to parse function call arguments: {exc}") from None
    if not isinstance(value, dict):
        raise ValueError(
            "failed to parse function call arguments: Value looks like object, but can't find closing '}' symbol"
        )
    return value


def _join_replayed(messages: list[dict[str, object]], message: dict[str, object], call_id: object) -> bool:
    """An assistant message replayed between a call and its output joins the call's message."""
    last = messages[-1] if messages else {}
    if message["role"] != "assistant" or last.get("role") != "assistant":
        return False
    if not any(call.get("id") == call_id for call in mappings(last.get("tool_calls"))):
        return False
    joined, text = str(last.get("content", "")), str(message["content"])
    last["content"] = joined + ("\n" if joined and text else "") + text
    earlier, images = last.get("images"), message["images"]
    last["images"] = [
        *(earlier if isinstance(earlier, list) else []),
        *(images if isinstance(images, list) else []),
    ]
    if message.get("thinking"):
        last["thinking"] = message["thinking"]
    return True


def _messages(req: Mapping[str, object]) -> list[dict[str, object]]:
    messages: list[dict[str, object]] = []
    if req.get("instructions"):
        messages.append({"role": "system", "content": req["instructions"]})
    given = mapping(req.get("input"))
    if given.get("text"):
        messages.append({"role": "user", "content": given["text"]})
    items = mappings(given.get("items"))
    pending = ""
    for index, item in enumerate(items):
        kind = item.get("kind")
        if kind == "reasoning":
            pending = str(item.get("encrypted_content", ""))
        elif kind == "message":
            text, images = _convert_content(mappings(item.get("content")))
            message: dict[str, object] = {"role": item.get("role", ""), "content": text, "images": images}
            if message["role"] == "assistant" and pending:
                message["thinking"], pending = pending, ""
            following = items[index + 1] if index + 1 < len(items) else {}
            answered = following.get("call_id") if following.get("kind") == "function_call_output" else ""
            if not (answered and _join_replayed(messages, message, answered)):
                messages.append(message)
        elif kind == "function_call":
            call = {"id": item.get("call_id", ""), "function": {"index": 0, "name": item.get("name", ""),
                    "arguments": _arguments(str(item.get("arguments", "")))}}  # fmt: skip
            if messages and messages[-1].get("role") == "assistant":
                messages[-1]["tool_calls"] = [*mappings(messages[-1].get("tool_calls")), call]
                if pending:
                    messages[-1]["thinking"], pending = pending, ""
            else:
                messages.append(
                    {"role": "assistant", "content": "", "tool_calls": [call], "thinking": pending}
                )
                pending = ""
        elif kind == "function_call_output":
            text, images = str(item.get("output", "")), []
            if item.get("parts"):
                text, images = _convert_content(mappings(item.get("parts")))
            messages.append(
                {"role": "tool", "content": text, "images": images, "tool_call_id": item.get("call_id")}
            )
    if pending:
        messages.append({"role": "assistant", "content": "", "thinking": pending})
    return [{k: v for k, v in m.items() if v or k in ("role", "content")} for m in messages]


def _tools(tools: object, namespace: str = "") -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for entry in tools if isinstance(tools, list) else []:
        tool = mapping(entry)
        if tool.get("type") == "web_search":
            raise ValueError("the test server does not run the built-in web_search tool")
        if tool.get("type") == "namespace":
            prefix = f"{tool.get('name', '')}." if tool.get("name") else ""
            out.extend(_tools(tool.get("tools"), prefix))
            continue
        name = str(tool.get("name", ""))
        name = namespace + name if namespace and not name.startswith(namespace) else name
        function = {
            "name": name,
            "description": tool.get("description", ""),
            "parameters": tool.get("parameters"),
        }
        out.append({"type": tool.get("type", ""), "function": {k: v for k, v in function.items() if v}})
    return out


def responses_chat_request(req: Mapping[str, object]) -> dict[str, object]:
    """The native chat request; raises ValueError with Ollama's message."""
    options: dict[str, object] = {"temperature": req.get("temperature", 1.0)}
    if "top_p" in req:
        options["top_p"] = req["top_p"]
    if "max_output_tokens" in req:
        options["num_predict"] = req["max_output_tokens"]
    native: dict[str, object] = {
        "model": req.get("model", ""),
        "messages": _messages(req),
        "options": options,
    }
    think = think_from_effort(str(mapping(req.get("reasoning")).get("effort", "")))
    tools = _tools(req.get("tools"))
    if tools:
        native["tools"] = tools
    fmt = mapping(mapping(req.get("text")).get("format"))
    if fmt.get("type") == "json_schema" and fmt.get("schema") is not None:
        native["format"] = fmt["schema"]
    if think is not None:
        native["think"] = think
    native["stream"] = bool(req.get("stream"))
    return native
