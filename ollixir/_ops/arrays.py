"""Embeddings as NumPy arrays: ``embed(..., dtype="float32")`` (the ``numpy`` extra).

The answer's ``embeddings`` are decoded row by row straight into one ``(len(input), dimensions)``
array (:mod:`ollixir._core.jsonmatrix`), so a float32 result costs 4 bytes per number instead of the
32 or so of a list of Python floats, and no list of every vector is ever built on the way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeAlias, TypeVar

from .._core.call import raise_error_object, read_json
from .._core.jsonmatrix import decode_matrix_field
from .._errors import ProtocolError, RequestError

if TYPE_CHECKING:
    import numpy
    import numpy.typing

__all__ = ["EMBED_DTYPES", "EmbedArrayResponse", "EmbedDType", "array_reader", "check_dtype"]

EmbedDType: TypeAlias = Literal["float32", "float64"]
EMBED_DTYPES: tuple[str, ...] = ("float32", "float64")

S = TypeVar("S", bound="numpy.floating[Any]")


@dataclass(slots=True)
class EmbedArrayResponse(Generic[S]):
    """Answer of ``/api/embed`` with the vectors as one NumPy array (``embed(..., dtype=...)``).

    Attributes:
        model: Model name as sent.
        embeddings: ``numpy.ndarray`` of shape ``(len(input), dimensions)`` and the requested dtype,
            one L2-normalized vector per row (shape ``(0, 0)`` for a load-only call).
        total_duration: Total time in nanoseconds, None when the server left it out.
        load_duration: Model load time in nanoseconds, None when left out.
        prompt_eval_count: Input tokens evaluated, None when left out.
        additional_properties: Fields this version of ollixir does not know.
    """

    model: str
    embeddings: numpy.typing.NDArray[S]
    total_duration: int | None = None
    load_duration: int | None = None
    prompt_eval_count: int | None = None
    additional_properties: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The answer as ``response_format="dict"`` gives it: plain values, the array as is."""
        out: dict[str, Any] = {
            **self.additional_properties,
            "model": self.model,
            "embeddings": self.embeddings,
        }
        for name in ("total_duration", "load_duration", "prompt_eval_count"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> EmbedArrayResponse[Any]:
        d = dict(src)
        model = d.pop("model", None)
        if not isinstance(model, str):
            raise ProtocolError("the embed answer has no model name", status=200, operation="embed")
        return cls(
            model,
            d.pop("embeddings"),
            d.pop("total_duration", None),
            d.pop("load_duration", None),
            d.pop("prompt_eval_count", None),
            d,
        )


def check_dtype(dtype: object) -> numpy.dtype[Any]:
    """The NumPy dtype for ``dtype=``; a :class:`RequestError` for unknown names or without NumPy."""
    if not isinstance(dtype, str) or dtype not in EMBED_DTYPES:
        raise RequestError(
            f"dtype must be one of {', '.join(map(repr, EMBED_DTYPES))} (or None for lists), got {dtype!r}",
            param="dtype",
        )
    try:
        import numpy
    except ImportError:
        raise RequestError(
            f"dtype={dtype!r} returns NumPy arrays, and NumPy is not installed: pip install 'ollixir[numpy]'",
            param="dtype",
        ) from None
    return numpy.dtype(dtype)


def _matrix(value: object, dtype: numpy.dtype[Any], status: int) -> numpy.ndarray[Any, Any]:
    """The slow path's conversion of an already decoded ``embeddings`` value, checked like the fast one."""
    import numpy

    def bad(why: str) -> ProtocolError:
        return ProtocolError(f"the embed answer's embeddings {why}", status=status, operation="embed")

    if not isinstance(value, list) or not all(isinstance(row, list) for row in value):
        raise bad("are not a list of vectors")
    if not value:
        return numpy.empty((0, 0), dtype=dtype)
    if len({len(row) for row in value}) != 1:
        raise bad("have different lengths, which one array cannot hold")
    for row in value:
        for x in row:
            if type(x) is not float and type(x) is not int:
                raise bad(f"hold a {type(x).__name__} ({x!r}), not a number")
    try:
        return numpy.array(value, dtype=dtype)
    except OverflowError:
        raise bad("hold a number too large for a float") from None


def array_reader(typed: bool, dtype: numpy.dtype[Any]) -> Callable[[int, bytes], Any]:
    def read(status: int, body: bytes) -> Any:
        decoded = decode_matrix_field(body, "embeddings", dtype)
        if decoded is not None:
            data, matrix = decoded
            raise_error_object("embed", status, body, data)
        else:
            # Anything unusual: decode the ordinary way (errors, error bodies, NaN, odd layouts).
            data = read_json("embed", status, body)
            if type(data) is not dict:
                raise ProtocolError(
                    f"expected a JSON object, got {type(data).__name__}", status=status, operation="embed"
                )
            if "embeddings" not in data:
                raise ProtocolError("the embed answer has no embeddings", status=status, operation="embed")
            matrix = _matrix(data["embeddings"], dtype, status)
        data["embeddings"] = matrix
        return EmbedArrayResponse.from_dict(data) if typed else data

    return read
