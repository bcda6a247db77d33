from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_model,
    expect_object,
    expect_strings,
    wrong,
)

if TYPE_CHECKING:
    from ..models.options import Options


@_attrs_define
class EmbedRequest(Model):
    """Request of POST /api/embed.

    Attributes:
        model (str): Model name (any model, not only embedding models).
        input_ (list[str] | str | None): One text or a list of texts to embed. Empty, [] or absent
            only loads the model.
        truncate (bool | None): Truncate inputs to the context (server default true); false gives
            400 when too long.
        dimensions (int | None): Cut vectors to this many dimensions and re-normalize (when smaller
            than native).
        keep_alive (float | str | None): How long the model stays loaded after the request: a Go
            duration string ("5m", "1h30m", "0") or a number of seconds. Negative keeps it loaded
            forever, 0 unloads it. A unit-less numeric string such as "3600" is a 400.
        options (Options | None): Runtime options. Precedence: request > Modelfile PARAMETER >
            server default. Unknown keys are ignored and null values skipped; a value of the wrong type
            fails the request with a 500.
    """

    model: str
    input_: list[str] | str | None = None
    truncate: bool | None = None
    dimensions: int | None = None
    keep_alive: float | str | None = None
    options: Options | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "model": "model",
        "input": "input_",
        "truncate": "truncate",
        "dimensions": "dimensions",
        "keep_alive": "keep_alive",
        "options": "options",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["model"] = self.model
        if self.input_ is not None:
            out["input"] = self.input_
        if self.truncate is not None:
            out["truncate"] = self.truncate
        if self.dimensions is not None:
            out["dimensions"] = self.dimensions
        if self.keep_alive is not None:
            out["keep_alive"] = self.keep_alive
        if self.options is not None:
            out["options"] = self.options.to_dict()
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.options import Options  # noqa: PLC0415

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 1
        model = get("model")
        if type(model) is not str and not isinstance(model, str):
            raise wrong(src, "model", model, "string")

        input_ = get("input")
        if input_ is not None:
            found += 1
            if isinstance(input_, str):
                pass
            elif isinstance(input_, list):
                input_ = expect_strings(input_, src, "input")
            else:
                raise wrong(src, "input", input_, "string or array")

        truncate = get("truncate")
        if truncate is not None:
            found += 1
            if type(truncate) is not bool:
                raise wrong(src, "truncate", truncate, "boolean")

        dimensions = get("dimensions")
        if dimensions is not None:
            found += 1
            if type(dimensions) is not int and (isinstance(dimensions, bool) or not isinstance(dimensions, int)):
                raise wrong(src, "dimensions", dimensions, "integer")

        keep_alive = get("keep_alive")
        if keep_alive is not None:
            found += 1
            if isinstance(keep_alive, str):
                pass
            elif (
                type(keep_alive) is float
                or type(keep_alive) is int
                or (isinstance(keep_alive, int | float) and not isinstance(keep_alive, bool))
            ):
                pass
            else:
                raise wrong(src, "keep_alive", keep_alive, "string or number")

        options = get("options")
        if options is not None:
            found += 1
            options = expect_model(Options.from_dict, options, src, "options")

        obj = cls(
            model,
            input_,
            truncate,
            dimensions,
            keep_alive,
            options,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["model"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["input"]) -> list[str] | str | None: ...
        @overload
        def __getitem__(self, key: Literal["truncate"]) -> bool | None: ...
        @overload
        def __getitem__(self, key: Literal["dimensions"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["keep_alive"]) -> float | str | None: ...
        @overload
        def __getitem__(self, key: Literal["options"]) -> Options | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["model"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["input"], default: object = None) -> list[str] | str | None: ...
        @overload
        def get(self, key: Literal["truncate"], default: object = None) -> bool | None: ...
        @overload
        def get(self, key: Literal["dimensions"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["keep_alive"], default: object = None) -> float | str | None: ...
        @overload
        def get(self, key: Literal["options"], default: object = None) -> Options | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...

    @property
    def input(self) -> list[str] | str | None:
        """``input_`` under its JSON name, as the official ``ollama`` client reads it."""
        return self.input_
