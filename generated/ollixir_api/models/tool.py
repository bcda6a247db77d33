from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_model,
    expect_object,
    wrong,
)

if TYPE_CHECKING:
    from ..models.tool_function import ToolFunction


@_attrs_define
class Tool(Model):
    """A tool the model may call.

    Attributes:
        function (ToolFunction): A function tool definition.
        type_ (str | None): Tool type; only "function" exists.
        items (Any): Optional JSON Schema `items` accepted at tool level (any JSON value).
    """

    function: ToolFunction
    type_: str | None = "function"
    items: Any = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "function": "function",
        "type": "type_",
        "items": "items",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["function"] = self.function.to_dict()
        if self.type_ is not None:
            out["type"] = self.type_
        if self.items is not None:
            out["items"] = self.items
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.tool_function import ToolFunction  # noqa: PLC0415

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 1
        function = expect_model(ToolFunction.from_dict, get("function"), src, "function")

        type_ = get("type")
        if type_ is not None:
            found += 1
            if type(type_) is not str and not isinstance(type_, str):
                raise wrong(src, "type", type_, "string")

        items = get("items")
        if items is not None:
            found += 1
            pass

        obj = cls(
            function,
            type_,
            items,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["function"]) -> ToolFunction: ...
        @overload
        def __getitem__(self, key: Literal["type"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["items"]) -> Any: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["function"], default: object = None) -> ToolFunction: ...
        @overload
        def get(self, key: Literal["type"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["items"], default: object = None) -> Any: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...

    @property
    def type(self) -> str | None:
        """``type_`` under its JSON name, as the official ``ollama`` client reads it."""
        return self.type_
