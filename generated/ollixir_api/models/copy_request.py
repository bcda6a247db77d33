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
class CopyRequest(Model):
    """Request of POST /api/copy.

    Attributes:
        source (str): Existing model name.
        destination (str): New model name.
    """

    source: str
    destination: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "source": "source",
        "destination": "destination",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["source"] = self.source
        out["destination"] = self.destination
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
        found = 2
        source = get("source")
        if type(source) is not str and not isinstance(source, str):
            raise wrong(src, "source", source, "string")

        destination = get("destination")
        if type(destination) is not str and not isinstance(destination, str):
            raise wrong(src, "destination", destination, "string")

        obj = cls(
            source,
            destination,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["source"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["destination"]) -> str: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["source"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["destination"], default: object = None) -> str: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
