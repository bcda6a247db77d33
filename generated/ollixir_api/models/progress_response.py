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
class ProgressResponse(Model):
    """Progress of pull, push and create (each NDJSON line, and the final answer when stream is false).

    Attributes:
        status (str): Free-form status, e.g. "pulling manifest", "pulling 6a0746a1ec1a", "success".
        digest (str | None): Layer digest being transferred; not always a sha256 value (create uses
            a placeholder).
        total (int | None): Total bytes (omitted when 0).
        completed (int | None): Bytes done so far (omitted when 0).
    """

    status: str
    digest: str | None = None
    total: int | None = None
    completed: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "status": "status",
        "digest": "digest",
        "total": "total",
        "completed": "completed",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["status"] = self.status
        if self.digest is not None:
            out["digest"] = self.digest
        if self.total is not None:
            out["total"] = self.total
        if self.completed is not None:
            out["completed"] = self.completed
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
        status = get("status")
        if type(status) is not str and not isinstance(status, str):
            raise wrong(src, "status", status, "string")

        digest = get("digest")
        if digest is not None:
            found += 1
            if type(digest) is not str and not isinstance(digest, str):
                raise wrong(src, "digest", digest, "string")

        total = get("total")
        if total is not None:
            found += 1
            if type(total) is not int and (isinstance(total, bool) or not isinstance(total, int)):
                raise wrong(src, "total", total, "integer")

        completed = get("completed")
        if completed is not None:
            found += 1
            if type(completed) is not int and (isinstance(completed, bool) or not isinstance(completed, int)):
                raise wrong(src, "completed", completed, "integer")

        obj = cls(
            status,
            digest,
            total,
            completed,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["status"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["digest"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["total"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["completed"]) -> int | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["status"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["digest"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["total"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["completed"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
