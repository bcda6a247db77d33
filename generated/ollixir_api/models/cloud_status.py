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
class CloudStatus(Model):
    """Whether ollama.com cloud features are disabled on this server.

    Attributes:
        disabled (bool | None): True when OLLAMA_NO_CLOUD or server.json disables the cloud.
        source (str | None): What disabled it: "none", "env" (OLLAMA_NO_CLOUD), "config"
            (~/.ollama/server.json `{"disable_ollama_cloud": true}`) or "both" (plain string; more may
            appear).
    """

    disabled: bool | None = None
    source: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "disabled": "disabled",
        "source": "source",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.disabled is not None:
            out["disabled"] = self.disabled
        if self.source is not None:
            out["source"] = self.source
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
        disabled = get("disabled")
        if disabled is not None:
            found += 1
            if type(disabled) is not bool:
                raise wrong(src, "disabled", disabled, "boolean")

        source = get("source")
        if source is not None:
            found += 1
            if type(source) is not str and not isinstance(source, str):
                raise wrong(src, "source", source, "string")

        obj = cls(
            disabled,
            source,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["disabled"]) -> bool | None: ...
        @overload
        def __getitem__(self, key: Literal["source"]) -> str | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["disabled"], default: object = None) -> bool | None: ...
        @overload
        def get(self, key: Literal["source"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
