from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_object,
    wrong,
)


@_attrs_define
class DeleteRequest(Model):
    """Request of DELETE /api/delete. Give `model` (optional here only because the deprecated `name`
    may replace it).

    Attributes:
        model (str | None): Model to delete; required unless the deprecated `name` is given.
        name (str | None): Deprecated alias of `model`.
    """

    model: str | None = None
    name: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "model": "model",
        "name": "name",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.model is not None:
            out["model"] = self.model
        if self.name is not None:
            out["name"] = self.name
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
        found = 0
        model = get("model")
        if model is not None:
            found += 1
            if type(model) is not str and not isinstance(model, str):
                raise wrong(src, "model", model, "string")

        name = get("name")
        if name is not None:
            found += 1
            if type(name) is not str and not isinstance(name, str):
                raise wrong(src, "name", name, "string")

        obj = cls(
            model,
            name,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["model"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["name"]) -> str | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["model"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["name"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
