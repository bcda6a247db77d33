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
class WebSearchRequest(Model):
    """Request of POST https://ollama.com/api/web_search.

    Attributes:
        query (str): Search query.
        max_results (int | None): Maximum number of results (server default 5, maximum 10).
    """

    query: str
    max_results: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "query": "query",
        "max_results": "max_results",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["query"] = self.query
        if self.max_results is not None:
            out["max_results"] = self.max_results
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
        query = get("query")
        if type(query) is not str and not isinstance(query, str):
            raise wrong(src, "query", query, "string")

        max_results = get("max_results")
        if max_results is not None:
            found += 1
            if type(max_results) is not int and (isinstance(max_results, bool) or not isinstance(max_results, int)):
                raise wrong(src, "max_results", max_results, "integer")

        obj = cls(
            query,
            max_results,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["query"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["max_results"]) -> int | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["query"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["max_results"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
