from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_models,
    expect_object,
)

if TYPE_CHECKING:
    from ..models.running_model import RunningModel


@_attrs_define
class ProcessResponse(Model):
    """Answer of /api/ps.

    Attributes:
        models (list[RunningModel]): Loaded models, latest expiry first.
    """

    models: list[RunningModel]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "models": "models",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["models"] = [item.to_dict() for item in self.models]
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.running_model import RunningModel  # noqa: PLC0415

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 1
        models = expect_models(RunningModel.from_dict, get("models"), src, "models")

        obj = cls(
            models,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        def __getitem__(self, key: Literal["models"]) -> list[RunningModel]: ...

        @overload
        def get(self, key: Literal["models"], default: object = None) -> list[RunningModel]: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
