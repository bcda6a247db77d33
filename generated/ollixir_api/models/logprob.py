from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_integers,
    expect_models,
    expect_object,
    wrong,
)

if TYPE_CHECKING:
    from ..models.token_logprob import TokenLogprob


@_attrs_define
class Logprob(Model):
    """Log probability of a generated token, with the most likely alternatives.

    Attributes:
        token (str): Token text.
        logprob (float): Natural-log probability.
        bytes_ (list[int] | None): UTF-8 bytes of the token (omitted for an empty token).
        top_logprobs (list[TokenLogprob] | None): Most likely alternatives, only when top_logprobs >
            0 was requested.
    """

    token: str
    logprob: float
    bytes_: list[int] | None = None
    top_logprobs: list[TokenLogprob] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "token": "token",
        "logprob": "logprob",
        "bytes": "bytes_",
        "top_logprobs": "top_logprobs",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["token"] = self.token
        out["logprob"] = self.logprob
        if self.bytes_ is not None:
            out["bytes"] = self.bytes_
        if self.top_logprobs is not None:
            out["top_logprobs"] = [item.to_dict() for item in self.top_logprobs]
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.token_logprob import TokenLogprob  # noqa: PLC0415

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 2
        token = get("token")
        if type(token) is not str and not isinstance(token, str):
            raise wrong(src, "token", token, "string")

        logprob = get("logprob")
        if (
            type(logprob) is not float
            and type(logprob) is not int
            and (isinstance(logprob, bool) or not isinstance(logprob, int | float))
        ):
            raise wrong(src, "logprob", logprob, "number")

        bytes_ = get("bytes")
        if bytes_ is not None:
            found += 1
            bytes_ = expect_integers(bytes_, src, "bytes")

        top_logprobs = get("top_logprobs")
        if top_logprobs is not None:
            found += 1
            top_logprobs = expect_models(TokenLogprob.from_dict, top_logprobs, src, "top_logprobs")

        obj = cls(
            token,
            logprob,
            bytes_,
            top_logprobs,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["token"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["logprob"]) -> float: ...
        @overload
        def __getitem__(self, key: Literal["bytes"]) -> list[int] | None: ...
        @overload
        def __getitem__(self, key: Literal["top_logprobs"]) -> list[TokenLogprob] | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["token"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["logprob"], default: object = None) -> float: ...
        @overload
        def get(self, key: Literal["bytes"], default: object = None) -> list[int] | None: ...
        @overload
        def get(self, key: Literal["top_logprobs"], default: object = None) -> list[TokenLogprob] | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...

    @property
    def bytes(self) -> list[int] | None:
        """``bytes_`` under its JSON name, as the official ``ollama`` client reads it."""
        return self.bytes_
