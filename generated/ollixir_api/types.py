"""Shared machinery of the generated package.

- ``ShapeError``: the one exception every ``from_dict`` raises for JSON of the wrong shape.
- ``Model``: the base of every generated model, giving it the read-only dict idioms of the official
  ``ollama`` client (``r["message"]["content"]``, ``"done_reason" in r``, ``r.get(...)``, ``dict(r)``).
- ``Operation``: one entry of the operation table in ``api/``.
- The ``expect_*`` helpers the generated ``from_dict`` methods call to check values.

Absent optional fields are ``None`` everywhere; there is no sentinel value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Generic, NoReturn, TypeVar

__all__ = ["Model", "Operation", "ShapeError"]

T = TypeVar("T")
RequestT = TypeVar("RequestT")
ResponseT = TypeVar("ResponseT")
ChunkT = TypeVar("ChunkT")


class ShapeError(ValueError):
    """A JSON value does not have the shape the API schema declares.

    ``path`` locates the value (``"message.content"``, ``"models[3].details"``; empty for the object
    itself) and ``cause`` says what is wrong with it. The path is built up as the error leaves nested
    objects and list items. An underlying error (such as the ``ValueError`` of an unparsable
    timestamp) is kept as ``__cause__``.
    """

    def __init__(self, cause: str, path: str = "") -> None:
        super().__init__(cause)
        self.cause = cause
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.cause}" if self.path else self.cause

    def within(self, key: str) -> ShapeError:
        """Prefix the path with the key of the object member that held the bad value."""
        path = self.path
        self.path = key if not path else key + path if path[0] == "[" else f"{key}.{path}"
        return self

    def at(self, index: int) -> ShapeError:
        """Prefix the path with the index of the list item that held the bad value."""
        path = self.path
        self.path = f"[{index}]" + ("" if not path or path[0] == "[" else ".") + path
        return self


def json_type(value: object) -> str:
    """The JSON name of a value's type, as error messages say it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string " + _snippet(value)
    if isinstance(value, list):
        return "array"
    if isinstance(value, Mapping):
        return "object"
    return type(value).__name__


def _snippet(text: str) -> str:
    return repr(text) if len(text) <= 40 else repr(text[:40]) + "..."


def wrong(src: Mapping[str, Any], key: str, value: object, expected: str) -> ShapeError:
    """The error for member ``key`` of ``src`` holding ``value`` where ``expected`` was due."""
    if value is None and key not in src:
        return ShapeError("required key is missing", key)
    return ShapeError(f"expected {expected}, got {json_type(value)}", key)


def missing(key: str) -> ShapeError:
    return ShapeError("required key is missing", key)


def expect_object(value: object) -> dict[str, Any]:
    """``value`` as the dict a ``from_dict`` reads."""
    if isinstance(value, dict):
        return value
    if isinstance(value, Mapping):
        return dict(value)
    raise ShapeError(f"expected object, got {json_type(value)}")


def expect_datetime(value: object, src: Mapping[str, Any], key: str) -> datetime:
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError as exc:
            raise ShapeError(f"not an ISO 8601 date-time: {_snippet(value)}", key) from exc
    raise wrong(src, key, value, "string (date-time)")


def expect_model(from_dict: Callable[[Mapping[str, Any]], T], value: object, src: Mapping[str, Any], key: str) -> T:
    if isinstance(value, dict):
        try:
            return from_dict(value)
        except ShapeError as exc:
            raise exc.within(key)
    raise wrong(src, key, value, "object")


def expect_list(value: object, src: Mapping[str, Any], key: str) -> list[Any]:
    if isinstance(value, list):
        return value
    raise wrong(src, key, value, "array")


def expect_models(
    from_dict: Callable[[Mapping[str, Any]], T], value: object, src: Mapping[str, Any], key: str
) -> list[T]:
    items = expect_list(value, src, key)
    out = []
    for i, item in enumerate(items):
        try:
            out.append(from_dict(item))
        except ShapeError as exc:
            raise exc.at(i).within(key)
    return out


def expect_strings(value: object, src: Mapping[str, Any], key: str) -> list[str]:
    items = expect_list(value, src, key)
    for i, item in enumerate(items):
        if type(item) is not str and not isinstance(item, str):
            raise ShapeError(f"expected string, got {json_type(item)}").at(i).within(key)
    return items


def expect_integers(value: object, src: Mapping[str, Any], key: str) -> list[int]:
    items = expect_list(value, src, key)
    for i, item in enumerate(items):
        if type(item) is not int and (isinstance(item, bool) or not isinstance(item, int)):
            raise ShapeError(f"expected integer, got {json_type(item)}").at(i).within(key)
    return items


def _first_non_number(items: list[Any]) -> tuple[int, object]:
    for i, item in enumerate(items):
        if isinstance(item, bool) or not isinstance(item, int | float):
            return i, item
    return -1, None  # pragma: no cover - only called when sum() failed


def expect_numbers(value: object, src: Mapping[str, Any], key: str) -> list[float]:
    """A list of numbers. Embeddings hold hundreds of thousands of them, so they are checked by
    ``sum()`` in C, which fails on anything but numbers; a JSON ``true``/``false`` among them passes
    as the number 1/0 (``bool`` is an ``int`` in Python)."""
    items = expect_list(value, src, key)
    try:
        sum(items)
    except TypeError:
        i, item = _first_non_number(items)
        raise ShapeError(f"expected number, got {json_type(item)}").at(i).within(key) from None
    return items


def expect_number_lists(value: object, src: Mapping[str, Any], key: str) -> list[list[float]]:
    rows = expect_list(value, src, key)
    for i, row in enumerate(rows):
        if not isinstance(row, list):
            raise ShapeError(f"expected array, got {json_type(row)}").at(i).within(key)
        try:
            sum(row)
        except TypeError:
            j, item = _first_non_number(row)
            raise ShapeError(f"expected number, got {json_type(item)}").at(j).at(i).within(key) from None
    return rows


def expect_member(values: frozenset[Any], value: object, src: Mapping[str, Any], key: str) -> Any:
    if isinstance(value, str | int) and not isinstance(value, bool) and value in values:
        return value
    raise wrong(src, key, value, "one of " + ", ".join(repr(v) for v in sorted(values)))


# Model class -> the attribute names of its fields whose default is None (see Model.__getattr__).
_OPTIONAL_FIELDS: dict[type, frozenset[str]] = {}


def _optional_fields(cls: type) -> frozenset[str]:
    from attrs import fields

    return frozenset(f.name for f in fields(cls) if f.default is None)


class Model:
    """Base of every generated model: read-only access in the style of the JSON object it models.

    Keys are JSON names (``"format"``, not the attribute ``format_``). ``m[key]`` gives a field's
    value (``None`` when the field was absent) or an additional property, and raises ``KeyError``
    for anything else; ``key in m`` is true for fields that are not ``None`` and for additional
    properties; ``m.get(key, default)`` gives a field's value (even ``None``) and the default only
    for keys that are neither fields nor additional properties; iterating yields ``(key, value)``
    pairs for every field, then every additional property, so ``dict(m)`` works.
    """

    __slots__ = ()

    # JSON key -> attribute name, in declaration order; set by each generated model.
    _KEYS: ClassVar[Mapping[str, str]] = {}
    if TYPE_CHECKING:
        additional_properties: dict[str, Any]
    else:
        # Only at run time: each model declares typed overloads of these for type checkers.

        def __getitem__(self, key):
            name = self._KEYS.get(key)
            if name is not None:
                return getattr(self, name)
            extra = self.additional_properties
            if key in extra:
                return extra[key]
            known = [*self._KEYS, *extra]
            raise KeyError(f"{key!r} is not a field of {type(self).__name__}; its fields are: {', '.join(known)}")

        def __getattr__(self, name):
            # Reached only for a slot never assigned. The stream hot paths (ollixir._ops.fastpath)
            # build chunks with object.__new__ and set just the fields the server sent, which saves
            # about a microsecond a chunk over __init__ assigning all seventeen; an optional field
            # left unset reads as its default (None), additional_properties as a dict kept on first
            # use, and anything else raises as usual. Hidden from type checkers, which would
            # otherwise accept any attribute name.
            cls = type(self)
            optional = _OPTIONAL_FIELDS.get(cls)
            if optional is None:
                optional = _OPTIONAL_FIELDS[cls] = _optional_fields(cls)
            if name in optional:
                return None
            if name == "additional_properties":
                extra = {}
                object.__setattr__(self, name, extra)
                return extra
            raise AttributeError(f"{cls.__name__!r} object has no attribute {name!r}", name=name, obj=self)

    def get(self, key: str, default: Any = None) -> Any:
        name = self._KEYS.get(key)
        if name is not None:
            return getattr(self, name)
        return self.additional_properties.get(key, default)

    def __contains__(self, key: object) -> bool:
        name = self._KEYS.get(key) if isinstance(key, str) else None
        if name is not None:
            return getattr(self, name) is not None
        return key in self.additional_properties

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        for key, name in self._KEYS.items():
            yield key, getattr(self, name)
        yield from self.additional_properties.items()


class Operation(Generic[RequestT, ResponseT, ChunkT]):
    """One operation of the API as ``openapi.yaml`` declares it (a frozen value).

    The type parameters are the request body model, the JSON response model and the NDJSON stream
    chunk model (``None`` where there is none). Models are referenced by name and imported only by
    ``request_type()``, ``response_type()`` and ``chunk_type()``, so importing the table is cheap.
    """

    __slots__ = (
        "cloud",
        "description",
        "errors",
        "method",
        "not_found",
        "operation_id",
        "path",
        "path_params",
        "request_media",
        "request_model",
        "response_model",
        "stream_model",
        "success",
        "summary",
        "tag",
    )

    operation_id: str
    tag: str
    method: str
    path: str
    path_params: tuple[str, ...]
    request_model: str | None
    request_media: str
    response_model: str | None
    stream_model: str | None
    success: tuple[int, ...]
    not_found: tuple[int, ...]
    errors: tuple[int, ...]
    cloud: bool
    summary: str
    description: str

    def __init__(
        self,
        *,
        operation_id: str,
        tag: str,
        method: str,
        path: str,
        path_params: tuple[str, ...],
        request_model: str | None,
        request_media: str,
        response_model: str | None,
        stream_model: str | None,
        success: tuple[int, ...],
        not_found: tuple[int, ...],
        errors: tuple[int, ...],
        cloud: bool,
        summary: str,
        description: str,
    ) -> None:
        fields = locals()
        for name in self.__slots__:
            object.__setattr__(self, name, fields[name])

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"Operation is frozen; cannot set {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"Operation is frozen; cannot delete {name!r}")

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Operation):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return f"Operation({self.operation_id!r}, {self.method} {self.path})"

    def request_type(self) -> type[RequestT]:
        """The request body model class; ``LookupError`` when the body is not a model (or absent)."""
        cls: type[RequestT] = self._model(self.request_model, "request body")
        return cls

    def response_type(self) -> type[ResponseT]:
        """The ``application/json`` success model class; ``LookupError`` when there is none."""
        cls: type[ResponseT] = self._model(self.response_model, "JSON response")
        return cls

    def chunk_type(self) -> type[ChunkT]:
        """The ``application/x-ndjson`` stream chunk model class; ``LookupError`` when it does not stream."""
        cls: type[ChunkT] = self._model(self.stream_model, "stream chunk")
        return cls

    def _model(self, name: str | None, what: str) -> Any:
        if name is None:
            raise LookupError(f"operation {self.operation_id!r} has no {what} model")
        from . import models

        return getattr(models, name)
