"""Binding decoded JSON onto the server's request structs the way Go's ``encoding/json`` does.

What matters to clients: field names match case-insensitively, unknown keys and ``null`` values are
ignored, a wrong type yields ``json: cannot unmarshal number into Go struct field GenerateRequest.model
of type string`` (the first such error wins and decoding goes on), and custom ``UnmarshalJSON`` methods
(``keep_alive``, ``think``, chat messages, tool arguments) abort decoding with their own message.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ._goscan import GoJSONError, JsonFloat, PairsDict
from ._govalues import MAX_DURATION, GoValueError, go_b64decode, parse_go_duration

__all__ = ["STRUCTS", "bind_request"]

# fmt: off
# Field tables of the Go request structs (json name -> type tag). Tags: Go type names, or a custom
# decoder name in angle brackets.
_GEN: Final = {
    "model": "string", "prompt": "string", "suffix": "string", "system": "string", "template": "string",
    "context": "[]int", "stream": "bool", "raw": "bool", "format": "<raw>", "keep_alive": "<duration>",
    "images": "<images>", "options": "map[string]interface {}", "think": "<think>", "truncate": "bool",
    "shift": "bool", "logprobs": "bool", "top_logprobs": "int", "_debug_render_only": "bool",
}
_CHAT: Final = {
    "model": "string", "messages": "<messages>", "stream": "bool", "format": "<raw>",
    "keep_alive": "<duration>", "tools": "<tools>", "options": "map[string]interface {}",
    "think": "<think>", "truncate": "bool", "shift": "bool", "logprobs": "bool", "top_logprobs": "int",
    "_debug_render_only": "bool",
}
_MESSAGE: Final = {
    "role": "string", "content": "string", "thinking": "string", "images": "<images>",
    "tool_calls": "<tool_calls>", "tool_name": "string", "tool_call_id": "string",
}
STRUCTS: Final[Mapping[str, Mapping[str, str]]] = {
    "GenerateRequest": _GEN,
    "ChatRequest": _CHAT,
    "EmbedRequest": {
        "model": "string",
        "input": "interface {}",
        "keep_alive": "<duration>",
        "truncate": "bool",
        "dimensions": "int",
        "options": "map[string]interface {}",
    },
    "EmbeddingRequest": {
        "model": "string",
        "prompt": "string",
        "keep_alive": "<duration>",
        "options": "map[string]interface {}",
    },
    "CreateRequest": {
        "model": "string",
        "stream": "bool",
        "quantize": "string",
        "from": "string",
        "files": "map[string]string",
        "adapters": "map[string]string",
        "template": "string",
        "license": "interface {}",
        "system": "string",
        "parameters": "map[string]interface {}",
        "messages": "<messages>",
        "renderer": "string",
        "parser": "string",
        "requires": "string",
        "info": "map[string]interface {}",
        "name": "string",
        "quantization": "string",
        "draft_files": "map[string]string",
        "draft_quantize": "string",
        "remote_host": "string",
    },
    "DeleteRequest": {"model": "string", "name": "string"},
    "ShowRequest": {
        "model": "string",
        "system": "string",
        "template": "string",
        "verbose": "bool",
        "options": "map[string]interface {}",
        "name": "string",
    },
    "CopyRequest": {"source": "string", "destination": "string"},
    "PullRequest": {
        "model": "string",
        "insecure": "bool",
        "username": "string",
        "password": "string",
        "stream": "bool",
        "name": "string",
    },
    "PushRequest": {
        "model": "string",
        "insecure": "bool",
        "username": "string",
        "password": "string",
        "stream": "bool",
        "name": "string",
    },
}
# fmt: on
_INT64_RANGE: Final = range(-(1 << 63), 1 << 63)


class _Abort(Exception):
    """An ``UnmarshalJSON`` method failed: Go stops decoding and reports this error."""


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


class _Binder:
    def __init__(self) -> None:
        self.saved: str | None = None

    def _type_error(self, value: object, struct: str, path: str, go_type: str, *, num: bool = False) -> None:
        kind = _kind(value)
        if num and isinstance(value, int | float) and not isinstance(value, bool):
            kind = "number " + (value.text if isinstance(value, JsonFloat) else str(value))
        if self.saved is None:
            self.saved = (
                f"json: cannot unmarshal {kind} into Go struct field {struct}.{path} of type {go_type}"
            )

    def _save(self, message: str) -> None:
        if self.saved is None:
            self.saved = message

    def struct(
        self, obj: PairsDict, struct: str, fields: Mapping[str, str], prefix: str
    ) -> dict[str, object]:
        out: dict[str, object] = {}
        lowered = {name.lower(): name for name in reversed(list(fields))}
        for key, value in obj.pairs:
            name = key if key in fields else lowered.get(key.lower())
            if name is None or value is None:
                continue
            converted = self.field(value, struct, prefix + name, fields[name])
            if converted is not _MISSING:
                out[name] = converted
        return out

    def field(self, value: object, struct: str, path: str, tag: str) -> object:
        handler = _CUSTOM.get(tag)
        if handler is not None:
            return handler(self, value, struct, path)
        if tag in ("interface {}", "<raw>"):
            return value
        if tag == "string":
            if isinstance(value, str):
                return value
        elif tag == "bool":
            if isinstance(value, bool):
                return value
        elif tag == "int":
            if _is_int(value):
                return value
            self._type_error(value, struct, path, "int", num=True)
            return _MISSING
        elif tag == "map[string]interface {}":
            if isinstance(value, dict):
                return dict(value)
        elif tag == "map[string]string":
            if isinstance(value, dict):
                result: dict[str, str] = {}
                for key, item in value.items():
                    if isinstance(item, str):
                        result[key] = item
                    elif item is not None:
                        self._type_error(item, struct, path, "string")
                return result
        elif tag == "[]int" and isinstance(value, list):
            ints: list[int] = []
            for item in value:
                if _is_int(item):
                    assert isinstance(item, int)
                    ints.append(item)
                elif item is not None:
                    self._type_error(item, struct, path, "int", num=True)
            return ints
        self._type_error(value, struct, path, tag)
        return _MISSING

    def duration(self, value: object, struct: str, path: str) -> object:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            go_type = {"bool": "bool", "array": "[]interface {}", "object": "map[string]interface {}"}
            raise _Abort(f"Unsupported type: '{go_type[_kind(value)]}'")
        if isinstance(value, str):
            try:
                ns = parse_go_duration(value)
            except GoValueError as exc:
                raise _Abort(str(exc)) from None
            return MAX_DURATION if ns < 0 else ns
        return MAX_DURATION if value < 0 else int(value * 1_000_000_000)

    def think(self, value: object, struct: str, path: str) -> object:
        if isinstance(value, bool):
            return value
        if isinstance(value, str):
            if value not in ("high", "medium", "low", "max"):
                from ._gojson import go_quote

                raise _Abort(
                    f"invalid think value: {go_quote(value)} "
                    '(must be "high", "medium", "low", "max", true, or false)'
                )
            return value
        raise _Abort('think must be a boolean or string ("high", "medium", "low", "max", true, or false)')

    def images(self, value: object, struct: str, path: str) -> object:
        if not isinstance(value, list):
            self._type_error(value, struct, path, "[]api.ImageData")
            return _MISSING
        decoded: list[bytes] = []
        for item in value:
            if isinstance(item, str):
                try:
                    decoded.append(go_b64decode(item))
                except GoValueError as exc:
                    self._save(str(exc))
            elif item is not None:
                self._type_error(item, struct, path, "api.ImageData")
        return decoded

    def messages(self, value: object, struct: str, path: str) -> object:
        if not isinstance(value, list):
            self._type_error(value, struct, path, "[]api.Message")
            return _MISSING
        result: list[dict[str, object]] = []
        for item in value:
            if item is None:
                result.append({"role": "", "content": ""})
                continue
            if not isinstance(item, PairsDict):
                raise _Abort(f"json: cannot unmarshal {_kind(item)} into Go value of type api.Alias")
            # Message.UnmarshalJSON decodes into a local Alias type with a fresh decoder.
            inner = _Binder()
            message = inner.struct(item, "Alias", _MESSAGE, "")
            if inner.saved is not None:
                raise _Abort(inner.saved)
            message["role"] = str(message.get("role", "")).lower()
            result.append(message)
        return result

    def tool_calls(self, value: object, struct: str, path: str) -> object:
        if not isinstance(value, list):
            self._type_error(value, struct, path, "[]api.ToolCall")
            return _MISSING
        calls: list[dict[str, object]] = []
        for item in value:
            if not isinstance(item, PairsDict):
                if item is not None:
                    self._type_error(item, "Alias", path, "api.ToolCall")
                continue
            call = self.struct(item, "ToolCall", {"id": "string", "function": "<function>"}, path + ".")
            calls.append(call)
        return calls

    def function(self, value: object, struct: str, path: str) -> object:
        if not isinstance(value, PairsDict):
            self._type_error(value, struct, path, "api.ToolCallFunction")
            return _MISSING
        fields = {"index": "int", "name": "string", "arguments": "<arguments>"}
        return self.struct(value, "ToolCallFunction", fields, path + ".")

    def arguments(self, value: object, struct: str, path: str) -> object:
        if isinstance(value, dict):
            return dict(value)
        raise _Abort("Value looks like object, but can't find closing '}' symbol")

    def tools(self, value: object, struct: str, path: str) -> object:
        if not isinstance(value, list):
            self._type_error(value, struct, path, "api.Tools")
            return _MISSING
        tools: list[dict[str, object]] = []
        for item in value:
            if not isinstance(item, PairsDict):
                if item is not None:
                    self._type_error(item, struct, path, "api.Tool")
                continue
            tool = self.struct(
                item, "Tool", {"type": "string", "items": "interface {}", "function": "<tool_fn>"}, path + "."
            )
            tools.append(tool)
        return tools

    def tool_fn(self, value: object, struct: str, path: str) -> object:
        if not isinstance(value, PairsDict):
            self._type_error(value, struct, path, "api.ToolFunction")
            return _MISSING
        fields = {"name": "string", "description": "string", "parameters": "map[string]interface {}"}
        return self.struct(value, "ToolFunction", fields, path + ".")


_MISSING: Final = object()
_CUSTOM: Final = {
    "<duration>": _Binder.duration,
    "<think>": _Binder.think,
    "<images>": _Binder.images,
    "<messages>": _Binder.messages,
    "<tool_calls>": _Binder.tool_calls,
    "<function>": _Binder.function,
    "<arguments>": _Binder.arguments,
    "<tools>": _Binder.tools,
    "<tool_fn>": _Binder.tool_fn,
}


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value in _INT64_RANGE


def bind_request(decoded: object, struct: str) -> dict[str, object]:
    """Bind a decoded body onto ``api.<struct>``; raises :class:`GoJSONError` with Go's message."""
    if decoded is None:
        return {}
    if not isinstance(decoded, PairsDict):
        raise GoJSONError(f"json: cannot unmarshal {_kind(decoded)} into Go value of type api.{struct}")
    binder = _Binder()
    try:
        result = binder.struct(decoded, struct, STRUCTS[struct], "")
    except _Abort as exc:
        raise GoJSONError(str(exc)) from None
    if binder.saved is not None:
        raise GoJSONError(binder.saved)
    return result
