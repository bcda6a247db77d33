"""JSON Schema from Python types, for tool parameters and structured output (``format``).

Schemas are produced inline (no ``$ref``), which is what Ollama's grammar conversion and tool templates handle
best. Optional values and unions are expressed with a ``type`` list wherever JSON Schema allows it
(``str | None`` becomes ``{"type": ["string", "null"]}``, ``int | str`` becomes ``{"type": ["integer",
"string"]}``); only unions of structured members use ``anyOf``. Output is deterministic: properties follow
declaration order and every schema is built with the same key order.
"""

from __future__ import annotations

import collections.abc
import datetime
import enum
import json
import types
import typing
import uuid
from collections.abc import Mapping
from typing import Any, Final

from ollixir._errors import OllixirError, RequestError
from ollixir._schema.coerce import CoercionError, coerce
from ollixir._schema.records import (
    MISSING,
    describe_record,
    is_pydantic_model,
    is_record,
    unwrap_annotated,
)

__all__ = ["StructuredOutputError", "json_default", "json_schema_for", "parse_structured", "schema_for_type"]

_SCALARS: Final[Mapping[type, str]] = {bool: "boolean", int: "integer", float: "number", str: "string"}
_FORMATS: Final[Mapping[type, str]] = {
    datetime.datetime: "date-time",
    datetime.date: "date",
    datetime.time: "time",
    uuid.UUID: "uuid",
}
_ARRAYS: Final = frozenset(
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


class StructuredOutputError(OllixirError, ValueError):
    """A model's structured answer did not fit the requested class.

    ``path`` locates the offending value (``"address.city"``, ``"items[2]"``; empty for the whole answer) and
    ``text`` is the raw answer.
    """

    def __init__(self, message: str, *, path: str = "", text: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.text = text


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    for python_type, name in _SCALARS.items():
        if type(value) is python_type or (python_type is not bool and isinstance(value, python_type)):
            return name
    raise TypeError(value)


def _enum_schema(values: list[Any], where: str) -> dict[str, Any]:
    plain = [value.value if isinstance(value, enum.Enum) else value for value in values]
    if not plain:
        raise RequestError(f"{where}: an enumeration needs at least one value")
    try:
        kinds = list(dict.fromkeys(_json_type(value) for value in plain))
    except TypeError as error:
        raise RequestError(
            f"{where}: enum value {error.args[0]!r} is not a JSON string, number, boolean or null"
        ) from None
    if "integer" in kinds and "number" in kinds:
        kinds.remove("integer")
    return {"type": kinds[0] if len(kinds) == 1 else kinds, "enum": plain}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if not schema:
        return schema  # an unconstrained schema already admits null
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        result = {**schema, "type": kinds if "null" in kinds else [*kinds, "null"]}
        if "enum" in result and None not in result["enum"]:
            result["enum"] = [*result["enum"], None]
        return result
    if "anyOf" in schema:
        return {**schema, "anyOf": [*schema["anyOf"], {"type": "null"}]}
    return {"anyOf": [schema, {"type": "null"}]}


def json_default(value: object) -> tuple[bool, Any]:
    """``(True, json_value)`` when a default can be shown in a schema, ``(False, None)`` otherwise."""
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, tuple | frozenset | set):
        value = list(value)
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        return False, None
    return True, value


def _inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """Replace local ``#/$defs/`` references by their targets; recursive schemas are returned unchanged."""
    definitions = schema.get("$defs", {})

    def resolve(node: Any, active: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [resolve(item, active) for item in node]
        if not isinstance(node, dict):
            return node
        reference = node.get("$ref")
        if isinstance(reference, str) and reference.startswith("#/$defs/"):
            name = reference.removeprefix("#/$defs/")
            if name in active or name not in definitions:
                raise RecursionError(name)
            target = resolve(definitions[name], (*active, name))
            return {**target, **{k: resolve(v, active) for k, v in node.items() if k != "$ref"}}
        return {key: resolve(value, active) for key, value in node.items() if key != "$defs"}

    try:
        return typing.cast(dict[str, Any], resolve(schema, ()))
    except RecursionError:
        return schema


class _Builder:
    def __init__(self, where: str) -> None:
        self.where = where
        self.active: list[type] = []

    def fail(self, message: str) -> typing.NoReturn:
        raise RequestError(f"{self.where}: {message}")

    def build(self, tp: Any) -> dict[str, Any]:
        tp, description = unwrap_annotated(tp)
        schema = self._build(tp)
        if description is not None:
            schema = {**schema, "description": description}
        return schema

    def _build(self, tp: Any) -> dict[str, Any]:
        if tp is Any or tp is object:
            return {}
        if tp is None or tp is types.NoneType:
            return {"type": "null"}
        supertype = getattr(tp, "__supertype__", None)  # typing.NewType
        if supertype is not None:
            return self.build(supertype)
        if type(tp).__name__ == "TypeAliasType":
            return self.build(tp.__value__)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return _enum_schema(list(tp), self.where)
        if isinstance(tp, type):
            for python_type, name in _SCALARS.items():
                if issubclass(tp, python_type):
                    return {"type": name}
        if tp in _FORMATS:
            return {"type": "string", "format": _FORMATS[tp]}
        origin, arguments = typing.get_origin(tp), typing.get_args(tp)
        if origin is typing.Literal:
            return _enum_schema(list(arguments), self.where)
        if origin is typing.Union or origin is types.UnionType:
            return self._union(arguments)
        if tp in _ARRAYS or origin in _ARRAYS:
            return {"type": "array", "items": self.build(arguments[0])} if arguments else {"type": "array"}
        if tp in _SETS or origin in _SETS:
            schema: dict[str, Any] = {"type": "array", "uniqueItems": True}
            return {**schema, "items": self.build(arguments[0])} if arguments else schema
        if tp is tuple or origin is tuple:
            return self._tuple(arguments)
        if tp in _MAPPINGS or origin in _MAPPINGS:
            return self._mapping(arguments)
        if is_record(tp):
            return self._record(tp)
        if is_pydantic_model(tp):
            return _inline_refs(tp.model_json_schema())
        if isinstance(tp, type) and tp in (bytes, bytearray):
            self.fail("bytes cannot travel in JSON; use str (for example base64 text)")
        self.fail(f"unsupported type annotation {tp!r}")

    def _union(self, members: tuple[Any, ...]) -> dict[str, Any]:
        nullable = any(member is None or member is types.NoneType for member in members)
        schemas = [self.build(m) for m in members if m is not None and m is not types.NoneType]
        if not schemas:
            return {"type": "null"}
        if len(schemas) == 1:
            return _nullable(schemas[0]) if nullable else schemas[0]
        if all(set(s) == {"type"} and isinstance(s["type"], str) for s in schemas):
            kinds = list(dict.fromkeys(s["type"] for s in schemas))
            return {"type": [*kinds, "null"] if nullable else kinds}
        return {"anyOf": [*schemas, {"type": "null"}] if nullable else schemas}

    def _tuple(self, arguments: tuple[Any, ...]) -> dict[str, Any]:
        if not arguments:
            return {"type": "array"}
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return {"type": "array", "items": self.build(arguments[0])}
        if arguments == ((),):  # tuple[()]
            return {"type": "array", "maxItems": 0}
        items = [self.build(argument) for argument in arguments]
        return {"type": "array", "prefixItems": items, "minItems": len(items), "maxItems": len(items)}

    def _mapping(self, arguments: tuple[Any, ...]) -> dict[str, Any]:
        if not arguments:
            return {"type": "object"}
        key, value = arguments
        if unwrap_annotated(key)[0] is not str:
            self.fail(f"mapping keys must be str for JSON objects, not {key!r}")
        value_schema = self.build(value)
        return (
            {"type": "object", "additionalProperties": value_schema} if value_schema else {"type": "object"}
        )

    def _record(self, cls: type) -> dict[str, Any]:
        if cls in self.active:
            self.fail(f"recursive type {cls.__qualname__} cannot be written inline")
        self.active.append(cls)
        try:
            record = describe_record(cls)
            properties: dict[str, Any] = {}
            required: list[str] = []
            for field in record.fields:
                schema = self.build(field.annotation)
                if field.description and "description" not in schema:
                    schema["description"] = field.description
                if field.default is not MISSING:
                    ok, value = json_default(field.default)
                    if ok:
                        schema["default"] = value
                properties[field.key] = schema
                if field.required:
                    required.append(field.key)
        finally:
            self.active.pop()
        result: dict[str, Any] = {"type": "object", "properties": properties, "required": required}
        if record.description:
            result["description"] = record.description
        return result


def _name(tp: Any) -> str:
    return tp.__name__ if isinstance(tp, type) else repr(tp)


def schema_for_type(tp: Any, *, where: str) -> dict[str, Any]:
    """JSON Schema for one annotation; unsupported annotations raise RequestError prefixed with ``where``."""
    return _Builder(where).build(tp)


def json_schema_for(cls_or_schema: Any) -> dict[str, Any]:
    """A JSON Schema for ``format=``: from a dataclass, TypedDict, attrs class, Enum, pydantic model or any
    supported annotation (``list[Item]``). A mapping is taken to be a schema already and returned as is."""
    if isinstance(cls_or_schema, Mapping):
        return typing.cast(dict[str, Any], cls_or_schema)
    name = _name(cls_or_schema)
    return schema_for_type(cls_or_schema, where=f"structured output {name}")


def parse_structured(cls: Any, text: str) -> Any:
    """Parse a model's JSON answer into ``cls`` (the class given to :func:`json_schema_for`).

    Dataclasses and attrs classes are instantiated, TypedDicts come back as checked dicts, pydantic models go
    through ``model_validate_json``, other annotations (``list[Item]``) are checked and converted, and a schema
    mapping yields the decoded JSON unchecked. Unknown keys in objects are ignored. Raises
    :class:`StructuredOutputError` naming the field path that did not fit.
    """
    name = _name(cls)
    if is_pydantic_model(cls) and callable(getattr(cls, "model_validate_json", None)):
        try:
            return cls.model_validate_json(text)
        except ValueError as error:  # pydantic's ValidationError is a ValueError
            raise StructuredOutputError(
                f"structured output does not match {name}: {error}", text=text
            ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise StructuredOutputError(
            f"structured output is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}",
            text=text,
        ) from None
    if isinstance(cls, Mapping):
        return data
    try:
        return coerce(data, cls, strict=True, extra="ignore")
    except CoercionError as error:
        where = f" at '{error.path}'" if error.path else ""
        raise StructuredOutputError(
            f"structured output does not match {name}{where}: {error.message}", path=error.path, text=text
        ) from None
