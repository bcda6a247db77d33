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
class WebFetchRequest(Model):
    """Request of POST https://ollama.com/api/web_fetch.

    Attributes:
        url (str): Page URL (a bare host also works).
    """

    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "url": "url",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["url"] = self.url
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
        found = 1
        url = get("url")
        if type(url) is not str and not isinstance(url, str):
            raise wrong(src, "url", url, "string")

        obj = cls(
            url,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        def __getitem__(self, key: Literal["url"]) -> str: ...

        @overload
        def get(self, key: Literal["url"], default: object = None) -> str: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
