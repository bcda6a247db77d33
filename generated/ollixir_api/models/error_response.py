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
class ErrorResponse(Model):
    """Error body, also used for the final `{"error": ...}` line of a failed stream. Errors proxied
    from a cloud model's upstream may carry extra keys (StatusCode, Status).

    Attributes:
        error (str): Error message.
        signin_url (str | None): ollama.com page for connecting this machine (401 only).
    """

    error: str
    signin_url: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "error": "error",
        "signin_url": "signin_url",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["error"] = self.error
        if self.signin_url is not None:
            out["signin_url"] = self.signin_url
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
        error = get("error")
        if type(error) is not str and not isinstance(error, str):
            raise wrong(src, "error", error, "string")

        signin_url = get("signin_url")
        if signin_url is not None:
            found += 1
            if type(signin_url) is not str and not isinstance(signin_url, str):
                raise wrong(src, "signin_url", signin_url, "string")

        obj = cls(
            error,
            signin_url,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["error"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["signin_url"]) -> str | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["error"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["signin_url"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
