from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_model,
    expect_object,
    missing,
    wrong,
)

if TYPE_CHECKING:
    from ..models.tool_call_function_arguments import ToolCallFunctionArguments


@_attrs_define
class ToolCallFunction(Model):
    """The function being called.

    Attributes:
        name (str): Function name.
        arguments (ToolCallFunctionArguments): The call's arguments. Always sent; `{}` when there
            are none, except that servers before the ordered-map arguments could send null for a call
            without arguments (a Go nil map), which means the same. Clients read a null free-form object
            here as `{}`.
        index (int | None): Position of the call in the turn; always sent by the server (0 when
            unset).
    """

    name: str
    arguments: ToolCallFunctionArguments
    index: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "name": "name",
        "arguments": "arguments",
        "index": "index",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["name"] = self.name
        out["arguments"] = self.arguments.to_dict()
        if self.index is not None:
            out["index"] = self.index
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.tool_call_function_arguments import ToolCallFunctionArguments  # noqa: PLC0415

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 2
        name = get("name")
        if type(name) is not str and not isinstance(name, str):
            raise wrong(src, "name", name, "string")

        arguments = get("arguments")
        if arguments is not None:
            arguments = expect_model(ToolCallFunctionArguments.from_dict, arguments, src, "arguments")
        elif "arguments" in src:
            # null: the server's nil map, which means no members.
            arguments = ToolCallFunctionArguments()
        else:
            raise missing("arguments")

        index = get("index")
        if index is not None:
            found += 1
            if type(index) is not int and (isinstance(index, bool) or not isinstance(index, int)):
                raise wrong(src, "index", index, "integer")

        obj = cls(
            name,
            arguments,
            index,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["name"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["arguments"]) -> ToolCallFunctionArguments: ...
        @overload
        def __getitem__(self, key: Literal["index"]) -> int | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["name"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["arguments"], default: object = None) -> ToolCallFunctionArguments: ...
        @overload
        def get(self, key: Literal["index"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
