from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_models,
    expect_object,
    expect_strings,
    wrong,
)

if TYPE_CHECKING:
    from ..models.tool_call import ToolCall


@_attrs_define
class Message(Model):
    """A chat message sent to the server (also used in create requests).

    Attributes:
        role (str): system, user, assistant or tool by convention; lower-cased by the server, not
            validated.
        content (str | None): Message text; may be omitted, e.g. on assistant turns that only carry
            tool calls.
        thinking (str | None): Reasoning text of an earlier assistant turn.
        images (list[str] | None): Standard padded base64 images (no data URL prefix).
        tool_calls (list[ToolCall] | None): Tool calls made by an assistant turn.
        tool_name (str | None): On tool messages, the name of the tool whose result this is.
        tool_call_id (str | None): On tool messages, the id of the call being answered.
    """

    role: str
    content: str | None = None
    thinking: str | None = None
    images: list[str] | None = None
    tool_calls: list[ToolCall] | None = None
    tool_name: str | None = None
    tool_call_id: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "role": "role",
        "content": "content",
        "thinking": "thinking",
        "images": "images",
        "tool_calls": "tool_calls",
        "tool_name": "tool_name",
        "tool_call_id": "tool_call_id",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["role"] = self.role
        if self.content is not None:
            out["content"] = self.content
        if self.thinking is not None:
            out["thinking"] = self.thinking
        if self.images is not None:
            out["images"] = self.images
        if self.tool_calls is not None:
            out["tool_calls"] = [item.to_dict() for item in self.tool_calls]
        if self.tool_name is not None:
            out["tool_name"] = self.tool_name
        if self.tool_call_id is not None:
            out["tool_call_id"] = self.tool_call_id
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.tool_call import ToolCall  # noqa: PLC0415

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 1
        role = get("role")
        if type(role) is not str and not isinstance(role, str):
            raise wrong(src, "role", role, "string")

        content = get("content")
        if content is not None:
            found += 1
            if type(content) is not str and not isinstance(content, str):
                raise wrong(src, "content", content, "string")

        thinking = get("thinking")
        if thinking is not None:
            found += 1
            if type(thinking) is not str and not isinstance(thinking, str):
                raise wrong(src, "thinking", thinking, "string")

        images = get("images")
        if images is not None:
            found += 1
            images = expect_strings(images, src, "images")

        tool_calls = get("tool_calls")
        if tool_calls is not None:
            found += 1
            tool_calls = expect_models(ToolCall.from_dict, tool_calls, src, "tool_calls")

        tool_name = get("tool_name")
        if tool_name is not None:
            found += 1
            if type(tool_name) is not str and not isinstance(tool_name, str):
                raise wrong(src, "tool_name", tool_name, "string")

        tool_call_id = get("tool_call_id")
        if tool_call_id is not None:
            found += 1
            if type(tool_call_id) is not str and not isinstance(tool_call_id, str):
                raise wrong(src, "tool_call_id", tool_call_id, "string")

        obj = cls(
            role,
            content,
            thinking,
            images,
            tool_calls,
            tool_name,
            tool_call_id,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["role"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["content"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["thinking"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["images"]) -> list[str] | None: ...
        @overload
        def __getitem__(self, key: Literal["tool_calls"]) -> list[ToolCall] | None: ...
        @overload
        def __getitem__(self, key: Literal["tool_name"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["tool_call_id"]) -> str | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["role"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["content"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["thinking"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["images"], default: object = None) -> list[str] | None: ...
        @overload
        def get(self, key: Literal["tool_calls"], default: object = None) -> list[ToolCall] | None: ...
        @overload
        def get(self, key: Literal["tool_name"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["tool_call_id"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
