"""Binding request bodies onto the /v1 middleware's Go structs (``openai.*``, ``anthropic.*``).

The middleware decodes with gin's ``ShouldBindJSON``, so the rules of ``_gobind`` hold here too: keys
match case-insensitively, unknown keys and ``null`` are ignored, the first type mismatch is reported as
``json: cannot unmarshal string into Go struct field ChatCompletionRequest.model of type string`` once
decoding is done, and a custom ``UnmarshalJSON`` error stops decoding at once. Unlike the native
handlers, an empty body is reported as Go's plain ``EOF``.

Types are described with plain values: a Go type name for scalars (``"string"``, ``"int"``,
``"float64"``, ``"interface {}"``, ...), :class:`Struct`, :class:`Slice`, or :class:`Custom` for types
with their own ``UnmarshalJSON``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

from ._goscan import GoJSONError, JsonFloat, PairsDict, decode_first_value, unmarshal

__all__ = [
    "Abort",
    "Binder",
    "Custom",
    "GoType",
    "Slice",
    "Struct",
    "TypeMismatch",
    "bind_body",
    "go_kind",
    "go_type_of",
    "parse_go_json",
]


@dataclass(frozen=True)
class TypeMismatch:
    """A ``json.UnmarshalTypeError``: ``struct``/``field`` are empty when decoded outside any struct."""

    kind: str
    struct: str
    field: str
    typ: str

    def __str__(self) -> str:
        if not self.struct and not self.field:
            return f"json: cannot unmarshal {self.kind} into Go value of type {self.typ}"
        where = f"{self.struct}.{self.field}"
        return f"json: cannot unmarshal {self.kind} into Go struct field {where} of type {self.typ}"

    def within(self, struct: str, path: str) -> TypeMismatch:
        """As the outer decoder reports an inner decode's error (``addErrorContext``)."""
        return TypeMismatch(self.kind, struct, f"{path}.{self.field}" if self.field else path, self.typ)


class Abort(Exception):
    """An ``UnmarshalJSON`` method failed: decoding stops with this error.

    A :class:`TypeMismatch` (from a nested ``json.Unmarshal``) gets the outer field's context; any other
    error keeps its text.
    """

    def __init__(self, error: str | TypeMismatch) -> None:
        super().__init__(str(error))
        self.mismatch = error if isinstance(error, TypeMismatch) else None


@dataclass(frozen=True)
class Struct:
    go: str  # as errors print the type: "openai.Message", or the literal of an anonymous struct
    fields: Mapping[str, GoType]

    @property
    def name(self) -> str:
        """``reflect.Type.Name()``: what errors print before the field path ("" when anonymous)."""
        return "" if self.go.startswith("struct {") else self.go.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class Slice:
    elem: GoType


@dataclass(frozen=True)
class Custom:
    go: str
    decode: Callable[[Binder, object, str, str], object]  # (binder, value, struct, path) -> value


GoType = str | Struct | Slice | Custom
_MISSING: Final = object()
_INT64: Final = range(-(1 << 63), 1 << 63)


def type_name(typ: GoType) -> str:
    if isinstance(typ, str):
        return typ
    if isinstance(typ, Slice):
        return "[]" + type_name(typ.elem)
    return typ.go


def go_kind(value: object) -> str:
    """The JSON kind Go's type errors name."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def go_type_of(value: object) -> str:
    """``%T`` of a value decoded into ``interface {}``."""
    if value is None:
        return "<nil>"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "float64"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "[]interface {}"
    return "map[string]interface {}"


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number_text(value: object) -> str:
    return value.text if isinstance(value, JsonFloat) else str(value)


def _zero(typ: GoType) -> object:
    """The value a JSON ``null`` element leaves in a slice."""
    if isinstance(typ, Struct):
        return {}
    return {"string": "", "bool": False, "int": 0, "float64": 0.0, "float32": 0.0}.get(str(typ))


class Binder:
    """One decode: remembers the first type error, as ``decodeState.savedError`` does."""

    def __init__(self) -> None:
        self.saved: TypeMismatch | None = None

    def type_error(self, value: object, struct: str, path: str, typ: GoType) -> None:
        kind = go_kind(value)
        if typ in ("int", "float64", "float32") and _is_number(value):
            kind = "number " + _number_text(value)
        if self.saved is None:
            self.saved = TypeMismatch(kind, struct, path, type_name(typ))

    def check(self) -> None:
        """End of a nested ``json.Unmarshal``: its first type error is what it returns."""
        if self.saved is not None:
            raise Abort(self.saved)

    def struct(self, obj: PairsDict, typ: Struct, prefix: str) -> dict[str, object]:
        out: dict[str, object] = {}
        lowered = {name.lower(): name for name in reversed(list(typ.fields))}
        for key, value in obj.pairs:
            name = key if key in typ.fields else lowered.get(key.lower())
            if name is None or value is None:
                continue
            converted = self.value(value, typ.fields[name], typ.name, prefix + name)
            if converted is not _MISSING:
                out[name] = converted
        return out

    def value(self, value: object, typ: GoType, struct: str, path: str) -> object:
        if isinstance(typ, Custom):
            try:
                return typ.decode(self, value, struct, path)
            except Abort as exc:
                if exc.mismatch is None:
                    raise
                raise Abort(exc.mismatch.within(struct, path)) from None
        if isinstance(typ, Struct):
            if isinstance(value, PairsDict):
                return self.struct(value, typ, f"{path}." if path else "")
        elif isinstance(typ, Slice):
            if isinstance(value, list):
                items = [
                    _zero(typ.elem) if v is None else self.value(v, typ.elem, struct, path) for v in value
                ]
                return [item for item in items if item is not _MISSING]
        elif typ in ("interface {}", "json.RawMessage"):
            return value
        elif typ == "string":
            if isinstance(value, str):
                return value
        elif typ == "bool":
            if isinstance(value, bool):
                return value
        elif typ == "int":
            if isinstance(value, int) and not isinstance(value, bool) and value in _INT64:
                return value
        elif typ in ("float64", "float32"):
            if _is_number(value):
                return value
        elif typ == "map[string]interface {}" and isinstance(value, dict):
            return value
        self.type_error(value, struct, path, typ)
        return _MISSING


def bind_body(body: bytes, typ: Struct) -> dict[str, object]:
    """Decode ``body`` onto ``typ`` like ``ShouldBindJSON``; raises GoJSONError with Go's message."""
    try:
        decoded = decode_first_value(body)
    except GoJSONError as exc:
        raise GoJSONError("EOF" if exc.eof else str(exc)) from None
    if decoded is None:
        return {}
    if not isinstance(decoded, PairsDict):
        raise GoJSONError(f"json: cannot unmarshal {go_kind(decoded)} into Go value of type {typ.go}")
    binder = Binder()
    try:
        result = binder.struct(decoded, typ, "")
    except Abort as exc:
        raise GoJSONError(str(exc)) from None
    if binder.saved is not None:
        raise GoJSONError(str(binder.saved))
    return result


def parse_go_json(text: str) -> object:
    """``json.Unmarshal`` of a string into ``interface {}``; raises ValueError with Go's message."""
    try:
        return unmarshal(text.encode())
    except GoJSONError as exc:
        raise ValueError(str(exc)) from None
