from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_integers,
    expect_object,
    missing,
    wrong,
)


@_attrs_define
class Tensor(Model):
    """A tensor of the model file.

    Attributes:
        name (str): Tensor name.
        type_ (str): Element type, e.g. "Q4_K" or "F32".
        shape (list[int] | None): Dimensions.
    """

    name: str
    type_: str
    shape: list[int] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "name": "name",
        "type": "type_",
        "shape": "shape",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["name"] = self.name
        out["type"] = self.type_
        if self.shape is not None:
            out["shape"] = self.shape
        else:
            out["shape"] = None
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 3
        name = get("name")
        if type(name) is not str and not isinstance(name, str):
            raise wrong(src, "name", name, "string")

        type_ = get("type")
        if type(type_) is not str and not isinstance(type_, str):
            raise wrong(src, "type", type_, "string")

        shape = get("shape")
        if shape is not None:
            shape = expect_integers(shape, src, "shape")
        elif "shape" not in src:
            raise missing("shape")

        obj = cls(
            name,
            type_,
            shape,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["name"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["type"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["shape"]) -> list[int] | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["name"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["type"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["shape"], default: object = None) -> list[int] | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...

    @property
    def type(self) -> str:
        """``type_`` under its JSON name, as the official ``ollama`` client reads it."""
        return self.type_
