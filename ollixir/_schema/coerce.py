"""Turn decoded JSON back into the Python types a signature or class declares.

Used for tool-call arguments (lenient: models sometimes quote numbers or JSON-encode lists) and for structured
output (strict: the grammar already constrained the answer, so anything off is reported). Errors carry the path
of the value that did not fit, so the message can be sent back to the model or shown to a user.
"""

from __future__ import annotations

import collections.abc
import contextlib
import datetime
import enum
import json
import math
import re
import types
import typing
import uuid
from typing import Any, Final, Literal

from ollixir._schema.records import describe_record, is_pydantic_model, is_record, unwrap_annotated

__all__ = ["CoercionError", "coerce", "describe_value"]

Extra = Literal["forbid", "ignore"]

_INTEGER_TEXT: Final = re.compile(r"[+-]?[0-9]+")
_SEQUENCES: Final = frozenset(
    {
        list,
        collections.abc.Sequence,
        collections.abc.MutableSequence,
        collections.abc.Collection,
        collections.abc.Iterable,
    }
)
_SETS: Final = frozenset({set, frozenset, collections.abc.Set, collections.abc.MutableSet})
_MAPPINGS: Final = frozenset({dict, collections.abc.Mapping, collections.abc.MutableMapping})
_PARSERS: Final[dict[Any, Any]] = {
    datetime.datetime: datetime.datetime.fromisoformat,
    datetime.date: datetime.date.fromisoformat,
    datetime.time: datetime.time.fromisoformat,
    uuid.UUID: uuid.UUID,
}


class CoercionError(Exception):
    """A value that does not fit its declared type; ``path`` is like ``"point.x"`` or ``"items[2]"``."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


def describe_value(value: object) -> str:
    """A short JSON-flavoured description of a value for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    text = repr(value)
    text = text if len(text) <= 60 else text[:57] + "..."
    return f"{'string' if isinstance(value, str) else 'number'} {text}"


def _key(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class _Coercer:
    def __init__(self, strict: bool, extra: Extra) -> None:
        self.strict = strict
        self.extra = extra

    def run(self, value: Any, tp: Any, path: str) -> Any:
        tp, _ = unwrap_annotated(tp)
        if tp is Any or tp is object:
            return value
        if tp is None or tp is types.NoneType:
            if value is None:
                return None
            raise CoercionError(path, f"expected null, got {describe_value(value)}")
        if hasattr(tp, "__supertype__"):  # NewType is the identity at run time
            return self.run(value, tp.__supertype__, path)
        if type(tp).__name__ == "TypeAliasType":
            return self.run(value, tp.__value__, path)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return self._enum(value, tp, path)
        if isinstance(tp, type) and issubclass(tp, bool | int | float | str):
            return self._scalar(value, tp, path)
        if tp in _PARSERS:
            if isinstance(value, str):
                try:
                    return _PARSERS[tp](value)
                except ValueError:
                    pass
            raise CoercionError(path, f"expected {tp.__name__} text, got {describe_value(value)}")
        origin, arguments = typing.get_origin(tp), typing.get_args(tp)
        if origin is typing.Literal:
            return self._literal(value, arguments, path)
        if origin is typing.Union or origin is types.UnionType:
            return self._union(value, arguments, path)
        if is_pydantic_model(tp):
            try:
                return tp.model_validate(value)
            except ValueError as error:
                raise CoercionError(path, str(error)) from None
        kind = origin or tp
        is_array = kind in _SEQUENCES or kind in _SETS or kind is tuple
        is_mapping = kind in _MAPPINGS
        if not self.strict and isinstance(value, str) and (is_array or is_mapping or is_record(tp)):
            # Models sometimes send a list or object as JSON text; accept it when it decodes.
            with contextlib.suppress(ValueError):
                value = json.loads(value)
        if is_array:
            return self._array(value, tp, origin, arguments, path)
        if is_mapping:
            if not isinstance(value, dict):
                raise CoercionError(path, f"expected an object, got {describe_value(value)}")
            item_type = arguments[1] if arguments else Any
            return {key: self.run(item, item_type, _key(path, str(key))) for key, item in value.items()}
        if is_record(tp):
            return self._record(value, tp, path)
        raise CoercionError(path, f"cannot convert to unsupported type {tp!r}")

    def _enum(self, value: Any, tp: type[enum.Enum], path: str) -> Any:
        for member in tp:
            if member.value == value and type(member.value) is type(value):
                return member
        if not self.strict and isinstance(value, str) and value in tp.__members__:
            return tp[value]
        choices = ", ".join(json.dumps(member.value, default=repr) for member in tp)
        raise CoercionError(path, f"expected one of {choices}, got {describe_value(value)}")

    def _scalar(self, value: Any, tp: type, path: str) -> Any:
        if issubclass(tp, bool):
            if isinstance(value, bool):
                return value
            if not self.strict and isinstance(value, str) and value.lower() in ("true", "false"):
                return value.lower() == "true"
            raise CoercionError(path, f"expected a boolean, got {describe_value(value)}")
        if issubclass(tp, str):
            if isinstance(value, str):
                return value if tp is str else tp(value)
            raise CoercionError(path, f"expected a string, got {describe_value(value)}")
        number: int | float | None = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = value
        elif not self.strict and isinstance(value, str):
            text = value.strip()
            try:
                number = int(text) if _INTEGER_TEXT.fullmatch(text) else float(text)
            except ValueError:
                number = None
        if number is not None and math.isfinite(number):
            if issubclass(tp, int):
                if isinstance(number, int) or number.is_integer():
                    return typing.cast(Any, tp)(int(number))
            else:
                return typing.cast(Any, tp)(number)
        expected = "an integer" if issubclass(tp, int) else "a number"
        raise CoercionError(path, f"expected {expected}, got {describe_value(value)}")

    def _literal(self, value: Any, allowed: tuple[Any, ...], path: str) -> Any:
        for option in allowed:
            plain = option.value if isinstance(option, enum.Enum) else option
            if plain == value and type(plain) is type(value):
                return option
        choices = ", ".join(
            json.dumps(option.value if isinstance(option, enum.Enum) else option, default=repr)
            for option in allowed
        )
        raise CoercionError(path, f"expected one of {choices}, got {describe_value(value)}")

    def _union(self, value: Any, members: tuple[Any, ...], path: str) -> Any:
        if value is None and any(m is None or m is types.NoneType for m in members):
            return None
        candidates = [m for m in members if m is not None and m is not types.NoneType]
        failures: list[CoercionError] = []
        # An exact match wins over a lenient conversion: for int | str, "3" stays a string.
        passes = [True] if self.strict else [True, False]
        for strict in passes:
            attempt = _Coercer(strict, self.extra)
            for member in candidates:
                try:
                    return attempt.run(value, member, path)
                except CoercionError as error:
                    failures.append(error)
        deepest = max(failures, key=lambda error: len(error.path))
        if len(candidates) == 1 or deepest.path != path:
            raise deepest
        names = " or ".join(_type_name(member) for member in members)
        raise CoercionError(path, f"expected {names}, got {describe_value(value)}")

    def _array(self, value: Any, tp: Any, origin: Any, arguments: tuple[Any, ...], path: str) -> Any:
        if not isinstance(value, list):
            raise CoercionError(path, f"expected an array, got {describe_value(value)}")
        kind = origin or tp
        if kind is tuple and arguments and not (len(arguments) == 2 and arguments[1] is Ellipsis):
            fixed = () if arguments == ((),) else arguments
            if len(value) != len(fixed):
                raise CoercionError(path, f"expected an array of {len(fixed)} items, got {len(value)}")
            return tuple(
                self.run(item, t, f"{path}[{i}]")
                for i, (item, t) in enumerate(zip(value, fixed, strict=True))
            )
        item_type = arguments[0] if arguments else Any
        items = [self.run(item, item_type, f"{path}[{index}]") for index, item in enumerate(value)]
        if kind is tuple:
            return tuple(items)
        if kind in _SETS:
            try:
                return frozenset(items) if kind is frozenset else set(items)
            except TypeError as error:
                raise CoercionError(path, f"items cannot form a set: {error}") from None
        return items

    def _record(self, value: Any, cls: type, path: str) -> Any:
        if not isinstance(value, dict):
            raise CoercionError(path, f"expected an object, got {describe_value(value)}")
        record = describe_record(cls)
        known = {field.key for field in record.fields}
        if self.extra == "forbid":
            for key in value:
                if key not in known:
                    raise CoercionError(_key(path, str(key)), "unexpected field")
        arguments: dict[str, Any] = {}
        for field in record.fields:
            if field.key in value:
                arguments[field.argument] = self.run(
                    value[field.key], field.annotation, _key(path, field.key)
                )
            elif field.required:
                raise CoercionError(_key(path, field.key), "missing required field")
        if record.kind == "typeddict":
            return arguments
        try:
            return cls(**arguments)
        except (TypeError, ValueError) as error:
            raise CoercionError(path, f"cannot build {cls.__qualname__}: {error}") from None


def _type_name(tp: Any) -> str:
    tp, _ = unwrap_annotated(tp)
    if tp is None or tp is types.NoneType:
        return "null"
    names = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array", dict: "object"}
    origin = typing.get_origin(tp) or tp
    return names.get(origin, getattr(origin, "__qualname__", repr(origin)))


def coerce(value: Any, tp: Any, *, strict: bool, extra: Extra, path: str = "") -> Any:
    """Convert decoded JSON ``value`` to ``tp``; raises :class:`CoercionError` with the failing path.

    ``strict`` refuses quoted numbers and booleans, enum member names and JSON-encoded arrays/objects, which
    the lenient mode accepts. ``extra`` decides whether unknown object keys are an error or dropped.
    """
    return _Coercer(strict, extra).run(value, tp, path)
