from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_number_lists,
    expect_object,
    wrong,
)


@_attrs_define
class EmbedResponse(Model):
    """Answer of /api/embed.

    Attributes:
        model (str): Model name as sent.
        embeddings (list[list[float]]): One L2-normalized vector per input ([] for a load-only
            call).
        total_duration (int | None): Total time in nanoseconds.
        load_duration (int | None): Model load time in nanoseconds.
        prompt_eval_count (int | None): Input tokens evaluated.
    """

    model: str
    embeddings: list[list[float]]
    total_duration: int | None = None
    load_duration: int | None = None
    prompt_eval_count: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "model": "model",
        "embeddings": "embeddings",
        "total_duration": "total_duration",
        "load_duration": "load_duration",
        "prompt_eval_count": "prompt_eval_count",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["model"] = self.model
        out["embeddings"] = self.embeddings
        if self.total_duration is not None:
            out["total_duration"] = self.total_duration
        if self.load_duration is not None:
            out["load_duration"] = self.load_duration
        if self.prompt_eval_count is not None:
            out["prompt_eval_count"] = self.prompt_eval_count
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
        model = get("model")
        if type(model) is not str and not isinstance(model, str):
            raise wrong(src, "model", model, "string")

        embeddings = expect_number_lists(get("embeddings"), src, "embeddings")

        total_duration = get("total_duration")
        if total_duration is not None:
            found += 1
            if type(total_duration) is not int and (
                isinstance(total_duration, bool) or not isinstance(total_duration, int)
            ):
                raise wrong(src, "total_duration", total_duration, "integer")

        load_duration = get("load_duration")
        if load_duration is not None:
            found += 1
            if type(load_duration) is not int and (
                isinstance(load_duration, bool) or not isinstance(load_duration, int)
            ):
                raise wrong(src, "load_duration", load_duration, "integer")

        prompt_eval_count = get("prompt_eval_count")
        if prompt_eval_count is not None:
            found += 1
            if type(prompt_eval_count) is not int and (
                isinstance(prompt_eval_count, bool) or not isinstance(prompt_eval_count, int)
            ):
                raise wrong(src, "prompt_eval_count", prompt_eval_count, "integer")

        obj = cls(
            model,
            embeddings,
            total_duration,
            load_duration,
            prompt_eval_count,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["model"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["embeddings"]) -> list[list[float]]: ...
        @overload
        def __getitem__(self, key: Literal["total_duration"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["load_duration"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["prompt_eval_count"]) -> int | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["model"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["embeddings"], default: object = None) -> list[list[float]]: ...
        @overload
        def get(self, key: Literal["total_duration"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["load_duration"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["prompt_eval_count"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
