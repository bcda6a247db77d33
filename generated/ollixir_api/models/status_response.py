from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_model,
    expect_object,
)

if TYPE_CHECKING:
    from ..models.cloud_status import CloudStatus


@_attrs_define
class StatusResponse(Model):
    """Answer of /api/status (not the progress object, which is ProgressResponse here).

    Attributes:
        cloud (CloudStatus | None): Whether ollama.com cloud features are disabled on this server.
    """

    cloud: CloudStatus | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "cloud": "cloud",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.cloud is not None:
            out["cloud"] = self.cloud.to_dict()
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.cloud_status import CloudStatus  # noqa: PLC0415

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 0
        cloud = get("cloud")
        if cloud is not None:
            found += 1
            cloud = expect_model(CloudStatus.from_dict, cloud, src, "cloud")

        obj = cls(
            cloud,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        def __getitem__(self, key: Literal["cloud"]) -> CloudStatus | None: ...

        @overload
        def get(self, key: Literal["cloud"], default: object = None) -> CloudStatus | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
