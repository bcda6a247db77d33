"""Uniform field listings for the record-like classes ollixir maps to JSON objects.

Dataclasses, TypedDicts and attrs classes each describe their fields differently; schema generation and
argument coercion both need the same four facts about every field, so they are gathered here once.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass
from typing import Any, Final, Literal

import attrs

from ollixir._errors import RequestError
from ollixir._schema.docstrings import parse_docstring

__all__ = [
    "MISSING",
    "Field",
    "Record",
    "describe_record",
    "is_pydantic_model",
    "is_record",
    "unwrap_annotated",
]

MISSING: Final[Any] = dataclasses.MISSING
_TYPEDDICT_WRAPPERS: Final = frozenset({"Required", "NotRequired", "ReadOnly"})

RecordKind = Literal["dataclass", "typeddict", "attrs"]


@dataclass(frozen=True)
class Field:
    """One field: its JSON key, constructor argument, annotation, whether it is required, default, description."""

    key: str
    argument: str
    annotation: Any
    required: bool
    default: Any
    description: str | None


@dataclass(frozen=True)
class Record:
    """A record class and its fields, in declaration order."""

    cls: type
    kind: RecordKind
    fields: tuple[Field, ...]
    description: str | None


def is_typeddict(tp: object) -> bool:
    # typing.is_typeddict misses typing_extensions.TypedDict on 3.11, so check the shape instead.
    return (
        isinstance(tp, type)
        and issubclass(tp, dict)
        and hasattr(tp, "__required_keys__")
        and hasattr(tp, "__optional_keys__")
    )


def is_record(tp: object) -> bool:
    """Whether ``tp`` is a dataclass, TypedDict or attrs class (the classes this module understands)."""
    return isinstance(tp, type) and (dataclasses.is_dataclass(tp) or is_typeddict(tp) or attrs.has(tp))


def is_pydantic_model(tp: object) -> bool:
    """Duck-typed pydantic v2 model class check, so pydantic never has to be imported."""
    return isinstance(tp, type) and callable(getattr(tp, "model_json_schema", None))


def unwrap_annotated(tp: Any) -> tuple[Any, str | None]:
    """Strip ``Annotated[...]``, returning the inner type and the description its metadata carries.

    A description is a plain string, an object with a string ``documentation`` (``typing_extensions.Doc``) or a
    string ``description`` (pydantic's ``Field(description=...)``). The outermost description wins.
    """
    description: str | None = None
    while typing.get_origin(tp) is typing.Annotated:
        base, *metadata = typing.get_args(tp)
        for item in metadata:
            text = (
                item
                if isinstance(item, str)
                else getattr(item, "documentation", getattr(item, "description", None))
            )
            if isinstance(text, str) and description is None:
                description = text
        tp = base
    return tp, description


def _typeddict_item(tp: Any, declared_required: bool) -> tuple[Any, bool]:
    """Strip ``Required``/``NotRequired``/``ReadOnly`` and say whether the key is required.

    The wrappers are read again here because Python 3.11 computes ``__required_keys__`` wrongly when the
    annotations are strings (``from __future__ import annotations``).
    """
    required = declared_required
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            base, *metadata = typing.get_args(tp)
            inner, required = _typeddict_item(base, required)
            return typing.Annotated[(inner, *metadata)], required
        name = getattr(origin, "_name", None) or getattr(origin, "__name__", None)
        if origin is None or name not in _TYPEDDICT_WRAPPERS:
            return tp, required
        if name != "ReadOnly":
            required = name == "Required"
        tp = typing.get_args(tp)[0]


def _hints(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls, include_extras=True)
    except Exception as error:  # NameError for unresolvable forward references, TypeError for bad ones
        raise RequestError(f"cannot resolve the type annotations of {cls.__qualname__}: {error}") from None


def _own_docstring(cls: type) -> str | None:
    doc = cls.__dict__.get("__doc__")
    # dataclasses invent "Name(field: type, ...)" when a class has no docstring; that says nothing useful.
    if not isinstance(doc, str) or doc.startswith(f"{cls.__name__}("):
        return None
    return doc


def describe_record(cls: type) -> Record:
    """Fields of a dataclass, TypedDict or attrs class. Fields a constructor does not take are left out."""
    doc = parse_docstring(_own_docstring(cls))
    fields: list[Field] = []
    if dataclasses.is_dataclass(cls):
        hints = _hints(cls)
        for item in dataclasses.fields(cls):
            if not item.init:
                continue
            required = item.default is MISSING and item.default_factory is MISSING
            description = item.metadata.get("description")
            fields.append(
                Field(
                    key=item.name,
                    argument=item.name,
                    annotation=hints.get(item.name, Any),
                    required=required,
                    default=item.default,
                    description=description if isinstance(description, str) else doc.params.get(item.name),
                )
            )
        kind: RecordKind = "dataclass"
    elif is_typeddict(cls):
        hints = _hints(cls)
        required_keys = typing.cast(frozenset[str], cls.__required_keys__)  # type: ignore[attr-defined]
        for name, annotation in hints.items():
            inner, required = _typeddict_item(annotation, name in required_keys)
            fields.append(
                Field(
                    key=name,
                    argument=name,
                    annotation=inner,
                    required=required,
                    default=MISSING,
                    description=doc.params.get(name),
                )
            )
        kind = "typeddict"
    else:
        try:
            attrs.resolve_types(cls)
        except Exception as error:
            raise RequestError(
                f"cannot resolve the type annotations of {cls.__qualname__}: {error}"
            ) from None
        for attribute in attrs.fields(cls):
            if not attribute.init:
                continue
            argument = attribute.alias or attribute.name
            has_default = attribute.default is not attrs.NOTHING
            default = MISSING
            if has_default and not isinstance(attribute.default, attrs.Factory):  # type: ignore[arg-type]
                default = attribute.default
            description = attribute.metadata.get("description")
            fields.append(
                Field(
                    key=argument,
                    argument=argument,
                    annotation=attribute.type if attribute.type is not None else Any,
                    required=not has_default,
                    default=default,
                    description=description
                    if isinstance(description, str)
                    else doc.params.get(attribute.name),
                )
            )
        kind = "attrs"
    return Record(cls=cls, kind=kind, fields=tuple(fields), description=doc.description or None)
