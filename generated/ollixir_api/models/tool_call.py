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
    from ..models.tool_call_function import ToolCallFunction


@_attrs_define
class ToolCall(Model):
    """A tool call made by the model.

    Attributes:
        function (ToolCallFunction): The function being called.
        id (str | None): Opaque call id (e.g. "call_k3x9q2ab"); omitted when empty.
    """

    function: ToolCallFunction
    id: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "function": "function",
        "id": "id",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["function"] = self.function.to_dict()
        if self.id is not None:
            out["id"] = self.id
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.tool_call_function import ToolCallFunction  # noqa: PLC0415

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 1
        function = expect_model(ToolCallFunction.from_dict, get("function"), src, "function")

        id = get("id")
        if id is not None:
            found += 1
            if type(id) is not str and not isinstance(id, str):
                raise wrong(src, "id", id, "string")

        obj = cls(
            function,
            id,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["function"]) -> ToolCallFunction: ...
        @overload
        def __getitem__(self, key: Literal["id"]) -> str | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["function"], default: object = None) -> ToolCallFunction: ...
        @overload
        def get(self, key: Literal["id"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
