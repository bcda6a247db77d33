from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.format_json import FORMAT_JSON_VALUES, FormatJson
from ..models.think_level import THINK_LEVEL_VALUES, ThinkLevel
from ..types import (
    Model,
    expect_model,
    expect_models,
    expect_object,
    wrong,
)

if TYPE_CHECKING:
    from ..models.json_schema import JsonSchema
    from ..models.message import Message
    from ..models.options import Options
    from ..models.tool import Tool


@_attrs_define
class ChatRequest(Model):
    """Request of POST /api/chat.

    Attributes:
        model (str): Model name; required (empty gives 400 "model is required").
        messages (list[Message] | None): Conversation so far; empty or absent only loads (or
            unloads) the model.
        tools (list[Tool] | None): Tools the model may call (400 if the model lacks the tools
            capability).
        format_ (FormatJson | JsonSchema | None): Output format: "json" or a JSON Schema object.
            Absent (or null or "") means free text; other values are not rejected up front but fail
            later with a 500.
        options (Options | None): Runtime options. Precedence: request > Modelfile PARAMETER >
            server default. Unknown keys are ignored and null values skipped; a value of the wrong type
            fails the request with a 500.
        stream (bool | None): Stream NDJSON chunks. The SERVER streams when this is omitted or null;
            the default here is false and the client always sends it explicitly.
        keep_alive (float | str | None): How long the model stays loaded after the request: a Go
            duration string ("5m", "1h30m", "0") or a number of seconds. Negative keeps it loaded
            forever, 0 unloads it. A unit-less numeric string such as "3600" is a 400.
        think (bool | ThinkLevel | None): Enable thinking (true/false) or pick a level. Unset on a
            thinking-capable model means on; a truthy value on a model without thinking is a 400.
        truncate (bool | None): Drop the oldest non-system messages to fit the context (server
            default true).
        shift (bool | None): Shift the context when it fills up instead of failing (server default
            true).
        logprobs (bool | None): Return log probabilities of the generated tokens.
        top_logprobs (int | None): Number of alternatives per token (0-20, else 400).
        field_debug_render_only (bool | None): Debug only; return the rendered prompt in _debug_info
            instead of running.
    """

    model: str
    messages: list[Message] | None = None
    tools: list[Tool] | None = None
    format_: FormatJson | JsonSchema | None = None
    options: Options | None = None
    stream: bool | None = False
    keep_alive: float | str | None = None
    think: bool | ThinkLevel | None = None
    truncate: bool | None = None
    shift: bool | None = None
    logprobs: bool | None = None
    top_logprobs: int | None = None
    field_debug_render_only: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "model": "model",
        "messages": "messages",
        "tools": "tools",
        "format": "format_",
        "options": "options",
        "stream": "stream",
        "keep_alive": "keep_alive",
        "think": "think",
        "truncate": "truncate",
        "shift": "shift",
        "logprobs": "logprobs",
        "top_logprobs": "top_logprobs",
        "_debug_render_only": "field_debug_render_only",
    }

    def to_dict(self) -> dict[str, Any]:
        from ..models.json_schema import JsonSchema  # noqa: PLC0415

        out: dict[str, Any] = {}
        out["model"] = self.model
        if self.messages is not None:
            out["messages"] = [item.to_dict() for item in self.messages]
        if self.tools is not None:
            out["tools"] = [item.to_dict() for item in self.tools]
        if self.format_ is not None:
            out["format"] = self.format_.to_dict() if isinstance(self.format_, JsonSchema) else self.format_
        if self.options is not None:
            out["options"] = self.options.to_dict()
        if self.stream is not None:
            out["stream"] = self.stream
        if self.keep_alive is not None:
            out["keep_alive"] = self.keep_alive
        if self.think is not None:
            out["think"] = self.think
        if self.truncate is not None:
            out["truncate"] = self.truncate
        if self.shift is not None:
            out["shift"] = self.shift
        if self.logprobs is not None:
            out["logprobs"] = self.logprobs
        if self.top_logprobs is not None:
            out["top_logprobs"] = self.top_logprobs
        if self.field_debug_render_only is not None:
            out["_debug_render_only"] = self.field_debug_render_only
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.json_schema import JsonSchema  # noqa: PLC0415
        from ..models.message import Message  # noqa: PLC0415
        from ..models.options import Options  # noqa: PLC0415
        from ..models.tool import Tool  # noqa: PLC0415

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 1
        model = get("model")
        if type(model) is not str and not isinstance(model, str):
            raise wrong(src, "model", model, "string")

        messages = get("messages")
        if messages is not None:
            found += 1
            messages = expect_models(Message.from_dict, messages, src, "messages")

        tools = get("tools")
        if tools is not None:
            found += 1
            tools = expect_models(Tool.from_dict, tools, src, "tools")

        format_ = get("format")
        if format_ is not None:
            found += 1
            if isinstance(format_, str) and format_ in FORMAT_JSON_VALUES:
                pass
            elif isinstance(format_, dict):
                format_ = expect_model(JsonSchema.from_dict, format_, src, "format")
            else:
                raise wrong(src, "format", format_, "'json' or object")

        options = get("options")
        if options is not None:
            found += 1
            options = expect_model(Options.from_dict, options, src, "options")

        stream = get("stream")
        if stream is not None:
            found += 1
            if type(stream) is not bool:
                raise wrong(src, "stream", stream, "boolean")

        keep_alive = get("keep_alive")
        if keep_alive is not None:
            found += 1
            if isinstance(keep_alive, str):
                pass
            elif (
                type(keep_alive) is float
                or type(keep_alive) is int
                or (isinstance(keep_alive, int | float) and not isinstance(keep_alive, bool))
            ):
                pass
            else:
                raise wrong(src, "keep_alive", keep_alive, "string or number")

        think = get("think")
        if think is not None:
            found += 1
            if type(think) is bool:
                pass
            elif isinstance(think, str) and think in THINK_LEVEL_VALUES:
                pass
            else:
                raise wrong(src, "think", think, "boolean or one of 'high', 'low', 'max', 'medium'")

        truncate = get("truncate")
        if truncate is not None:
            found += 1
            if type(truncate) is not bool:
                raise wrong(src, "truncate", truncate, "boolean")

        shift = get("shift")
        if shift is not None:
            found += 1
            if type(shift) is not bool:
                raise wrong(src, "shift", shift, "boolean")

        logprobs = get("logprobs")
        if logprobs is not None:
            found += 1
            if type(logprobs) is not bool:
                raise wrong(src, "logprobs", logprobs, "boolean")

        top_logprobs = get("top_logprobs")
        if top_logprobs is not None:
            found += 1
            if type(top_logprobs) is not int and (isinstance(top_logprobs, bool) or not isinstance(top_logprobs, int)):
                raise wrong(src, "top_logprobs", top_logprobs, "integer")

        field_debug_render_only = get("_debug_render_only")
        if field_debug_render_only is not None:
            found += 1
            if type(field_debug_render_only) is not bool:
                raise wrong(src, "_debug_render_only", field_debug_render_only, "boolean")

        obj = cls(
            model,
            messages,
            tools,
            format_,
            options,
            stream,
            keep_alive,
            think,
            truncate,
            shift,
            logprobs,
            top_logprobs,
            field_debug_render_only,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["model"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["messages"]) -> list[Message] | None: ...
        @overload
        def __getitem__(self, key: Literal["tools"]) -> list[Tool] | None: ...
        @overload
        def __getitem__(self, key: Literal["format"]) -> FormatJson | JsonSchema | None: ...
        @overload
        def __getitem__(self, key: Literal["options"]) -> Options | None: ...
        @overload
        def __getitem__(self, key: Literal["stream"]) -> bool | None: ...
        @overload
        def __getitem__(self, key: Literal["keep_alive"]) -> float | str | None: ...
        @overload
        def __getitem__(self, key: Literal["think"]) -> bool | ThinkLevel | None: ...
        @overload
        def __getitem__(self, key: Literal["truncate"]) -> bool | None: ...
        @overload
        def __getitem__(self, key: Literal["shift"]) -> bool | None: ...
        @overload
        def __getitem__(self, key: Literal["logprobs"]) -> bool | None: ...
        @overload
        def __getitem__(self, key: Literal["top_logprobs"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["_debug_render_only"]) -> bool | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["model"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["messages"], default: object = None) -> list[Message] | None: ...
        @overload
        def get(self, key: Literal["tools"], default: object = None) -> list[Tool] | None: ...
        @overload
        def get(self, key: Literal["format"], default: object = None) -> FormatJson | JsonSchema | None: ...
        @overload
        def get(self, key: Literal["options"], default: object = None) -> Options | None: ...
        @overload
        def get(self, key: Literal["stream"], default: object = None) -> bool | None: ...
        @overload
        def get(self, key: Literal["keep_alive"], default: object = None) -> float | str | None: ...
        @overload
        def get(self, key: Literal["think"], default: object = None) -> bool | ThinkLevel | None: ...
        @overload
        def get(self, key: Literal["truncate"], default: object = None) -> bool | None: ...
        @overload
        def get(self, key: Literal["shift"], default: object = None) -> bool | None: ...
        @overload
        def get(self, key: Literal["logprobs"], default: object = None) -> bool | None: ...
        @overload
        def get(self, key: Literal["top_logprobs"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["_debug_render_only"], default: object = None) -> bool | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...

    @property
    def format(self) -> FormatJson | JsonSchema | None:
        """``format_`` under its JSON name, as the official ``ollama`` client reads it."""
        return self.format_
