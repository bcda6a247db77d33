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
    from ..models.web_search_result import WebSearchResult


@_attrs_define
class WebSearchResponse(Model):
    """Answer of web_search. No release evidence (ollama.com answers this), so `results` is optional;
    the Go client's api.WebSearchResponse (since v0.31.2) decodes it.

    Attributes:
        results (list[WebSearchResult] | None): Search hits.
    """

    results: list[WebSearchResult] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "results": "results",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.results is not None:
            out["results"] = [item.to_dict() for item in self.results]
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.web_search_result import WebSearchResult  # noqa: PLC0415

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 0
        results = get("results")
        if results is not None:
            found += 1
            results = expect_models(WebSearchResult.from_dict, results, src, "results")

        obj = cls(
            results,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        def __getitem__(self, key: Literal["results"]) -> list[WebSearchResult] | None: ...

        @overload
        def get(self, key: Literal["results"], default: object = None) -> list[WebSearchResult] | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
