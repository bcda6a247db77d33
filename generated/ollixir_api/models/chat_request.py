from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.format_json import FormatJson, check_format_json
from ..models.think_level import ThinkLevel, check_think_level
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_schema import JsonSchema
    from ..models.message import Message
    from ..models.options import Options
    from ..models.tool import Tool


T = TypeVar("T", bound="ChatRequest")


@_attrs_define
class ChatRequest:
    """Request of POST /api/chat.

    Attributes:
        model (str): Model name; required (empty gives 400 "model is required").
        messages (list[Message] | Unset): Conversation so far; empty or absent only loads (or unloads) the model.
        tools (list[Tool] | Unset): Tools the model may call (400 if the model lacks the tools capability).
        format_ (FormatJson | JsonSchema | Unset): Output format: "json" or a JSON Schema object. Absent (or null or "")
            means free text; other values are not rejected up front but fail later with a 500.
        options (Options | Unset): Runtime options. Precedence: request > Modelfile PARAMETER > server default. Unknown
            keys are ignored and null values skipped; a value of the wrong type fails the request with a 500.
        stream (bool | Unset): Stream NDJSON chunks. The SERVER streams when this is omitted or null; the default here
            is false and the client always sends it explicitly. Default: False.
        keep_alive (float | str | Unset): How long the model stays loaded after the request: a Go duration string ("5m",
            "1h30m", "0") or a number of seconds. Negative keeps it loaded forever, 0 unloads it. A unit-less numeric string
            such as "3600" is a 400.
        think (bool | ThinkLevel | Unset): Enable thinking (true/false) or pick a level. Unset on a thinking-capable
            model means on; a truthy value on a model without thinking is a 400.
        truncate (bool | Unset): Drop the oldest non-system messages to fit the context (server default true).
        shift (bool | Unset): Shift the context when it fills up instead of failing (server default true).
        logprobs (bool | Unset): Return log probabilities of the generated tokens.
        top_logprobs (int | Unset): Number of alternatives per token (0-20, else 400).
        field_debug_render_only (bool | Unset): Debug only; return the rendered prompt in _debug_info instead of
            running.
    """

    model: str
    messages: list[Message] | Unset = UNSET
    tools: list[Tool] | Unset = UNSET
    format_: FormatJson | JsonSchema | Unset = UNSET
    options: Options | Unset = UNSET
    stream: bool | Unset = False
    keep_alive: float | str | Unset = UNSET
    think: bool | ThinkLevel | Unset = UNSET
    truncate: bool | Unset = UNSET
    shift: bool | Unset = UNSET
    logprobs: bool | Unset = UNSET
    top_logprobs: int | Unset = UNSET
    field_debug_render_only: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = []
            for messages_item_data in self.messages:
                messages_item = messages_item_data.to_dict()
                messages.append(messages_item)

        tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tools, Unset):
            tools = []
            for tools_item_data in self.tools:
                tools_item = tools_item_data.to_dict()
                tools.append(tools_item)

        format_: dict[str, Any] | str | Unset
        if isinstance(self.format_, Unset):
            format_ = UNSET
        elif isinstance(self.format_, str):
            format_ = self.format_
        else:
            format_ = self.format_.to_dict()

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        stream = self.stream

        keep_alive: float | str | Unset
        if isinstance(self.keep_alive, Unset):
            keep_alive = UNSET
        else:
            keep_alive = self.keep_alive

        think: bool | str | Unset
        if isinstance(self.think, Unset):
            think = UNSET
        elif isinstance(self.think, str):
            think = self.think
        else:
            think = self.think

        truncate = self.truncate

        shift = self.shift

        logprobs = self.logprobs

        top_logprobs = self.top_logprobs

        field_debug_render_only = self.field_debug_render_only

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
            }
        )
        if messages is not UNSET:
            field_dict["messages"] = messages
        if tools is not UNSET:
            field_dict["tools"] = tools
        if format_ is not UNSET:
            field_dict["format"] = format_
        if options is not UNSET:
            field_dict["options"] = options
        if stream is not UNSET:
            field_dict["stream"] = stream
        if keep_alive is not UNSET:
            field_dict["keep_alive"] = keep_alive
        if think is not UNSET:
            field_dict["think"] = think
        if truncate is not UNSET:
            field_dict["truncate"] = truncate
        if shift is not UNSET:
            field_dict["shift"] = shift
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs
        if top_logprobs is not UNSET:
            field_dict["top_logprobs"] = top_logprobs
        if field_debug_render_only is not UNSET:
            field_dict["_debug_render_only"] = field_debug_render_only

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_schema import JsonSchema  # noqa: PLC0415
        from ..models.message import Message  # noqa: PLC0415
        from ..models.options import Options  # noqa: PLC0415
        from ..models.tool import Tool  # noqa: PLC0415

        d = dict(src_dict)
        model = d.pop("model")

        _messages = d.pop("messages", UNSET)
        messages: list[Message] | Unset = UNSET
        if _messages is not UNSET:
            messages = []
            for messages_item_data in _messages:
                messages_item = Message.from_dict(messages_item_data)

                messages.append(messages_item)

        _tools = d.pop("tools", UNSET)
        tools: list[Tool] | Unset = UNSET
        if _tools is not UNSET:
            tools = []
            for tools_item_data in _tools:
                tools_item = Tool.from_dict(tools_item_data)

                tools.append(tools_item)

        def _parse_format_(data: object) -> FormatJson | JsonSchema | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_format_type_0 = check_format_json(data)

                return componentsschemas_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_format_type_1 = JsonSchema.from_dict(data)

            return componentsschemas_format_type_1

        format_ = _parse_format_(d.pop("format", UNSET))

        _options = d.pop("options", UNSET)
        options: Options | Unset
        if isinstance(_options, Unset):
            options = UNSET
        else:
            options = Options.from_dict(_options)

        stream = d.pop("stream", UNSET)

        def _parse_keep_alive(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        keep_alive = _parse_keep_alive(d.pop("keep_alive", UNSET))

        def _parse_think(data: object) -> bool | ThinkLevel | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_think_type_1 = check_think_level(data)

                return componentsschemas_think_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | ThinkLevel | Unset, data)

        think = _parse_think(d.pop("think", UNSET))

        truncate = d.pop("truncate", UNSET)

        shift = d.pop("shift", UNSET)

        logprobs = d.pop("logprobs", UNSET)

        top_logprobs = d.pop("top_logprobs", UNSET)

        field_debug_render_only = d.pop("_debug_render_only", UNSET)

        chat_request = cls(
            model=model,
            messages=messages,
            tools=tools,
            format_=format_,
            options=options,
            stream=stream,
            keep_alive=keep_alive,
            think=think,
            truncate=truncate,
            shift=shift,
            logprobs=logprobs,
            top_logprobs=top_logprobs,
            field_debug_render_only=field_debug_render_only,
        )

        chat_request.additional_properties = d
        return chat_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
