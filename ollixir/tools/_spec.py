"""Validation of hand-written tool parameter specs (``tools.define``) and of ready-made tool dicts."""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping, Sequence
from typing import Any, Final

from ollixir._errors import RequestError

__all__ = ["JSON_TYPES", "check_parameters", "check_tool_dict", "plain"]

JSON_TYPES: Final = ("string", "integer", "number", "boolean", "array", "object", "null")
# JSON Schema keywords passed through unchanged; anything else is most likely a typo.
_PASSTHROUGH: Final = frozenset(
    {
        "format",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "minLength",
        "maxLength",
        "pattern",
        "minItems",
        "maxItems",
        "uniqueItems",
        "additionalProperties",
        "const",
        "title",
        "examples",
    }
)
_SPEC_KEYS: Final = frozenset(
    {"type", "description", "enum", "items", "properties", "required", "default", "anyOf"}
)
_SCALAR_TYPES: Final = {bool: "boolean", int: "integer", float: "number", str: "string", type(None): "null"}


def plain(value: Any) -> Any:
    """A deep copy made of plain dicts and lists, so callers can never mutate what they passed in."""
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def _fail(where: str, message: str) -> RequestError:
    return RequestError(f"{where}: {message}", param="tools")


def _json_ok(value: Any) -> bool:
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        return False
    return True


def _types_of(spec: Mapping[str, Any], where: str) -> list[str]:
    declared = spec.get("type")
    kinds = [declared] if isinstance(declared, str) else declared
    if not isinstance(kinds, list) or not kinds or not all(isinstance(k, str) for k in kinds):
        raise _fail(where, "'type' must be a type name or a non-empty list of them")
    for kind in kinds:
        if kind not in JSON_TYPES:
            raise _fail(where, f"unknown type {kind!r}; use one of {', '.join(JSON_TYPES)}")
    return kinds


def _check_enum(values: object, kinds: list[str], where: str) -> list[Any]:
    if not isinstance(values, list | tuple) or not values:
        raise _fail(where, "'enum' must be a non-empty list")
    for value in values:
        kind = _SCALAR_TYPES.get(type(value))
        allowed = kind in kinds or (kind == "integer" and "number" in kinds)
        if kind is None or not allowed:
            raise _fail(
                where, f"enum value {value!r} does not match type {kinds if len(kinds) > 1 else kinds[0]}"
            )
    return list(values)


def _check_spec(spec: object, where: str) -> tuple[dict[str, Any], bool]:
    """A normalised property schema and whether the property marked itself ``required``."""
    if not isinstance(spec, Mapping):
        raise _fail(where, f"a parameter spec must be a mapping, not {type(spec).__name__}")
    for key in spec:
        if not isinstance(key, str) or (key not in _SPEC_KEYS and key not in _PASSTHROUGH):
            close = difflib.get_close_matches(str(key), sorted(_SPEC_KEYS | _PASSTHROUGH), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise _fail(where, f"unknown spec key {key!r}{hint}")
    result: dict[str, Any] = {}
    kinds: list[str] = []
    if "type" in spec:
        kinds = _types_of(spec, where)
        result["type"] = spec["type"] if isinstance(spec["type"], str) else list(kinds)
    elif "anyOf" not in spec:
        raise _fail(where, "missing 'type'")
    if "description" in spec:
        if not isinstance(spec["description"], str):
            raise _fail(where, "'description' must be a string")
        result["description"] = spec["description"]
    if "enum" in spec:
        result["enum"] = _check_enum(spec["enum"], kinds or list(JSON_TYPES), where)
    if "items" in spec:
        if kinds and "array" not in kinds:
            raise _fail(where, "'items' only applies to arrays")
        result["items"], _ = _check_spec(spec["items"], f"{where}.items")
    own_required = False
    nested_required: list[str] | None = None
    required = spec.get("required")
    if isinstance(required, bool):
        own_required = required
    elif isinstance(required, list | tuple) and all(isinstance(name, str) for name in required):
        nested_required = list(required)
    elif "required" in spec:
        raise _fail(where, "'required' must be true/false, or a list of property names on an object")
    if "properties" in spec:
        if kinds and "object" not in kinds:
            raise _fail(where, "'properties' only applies to objects")
        nested = check_parameters(spec["properties"], where, nested_required)
        result["properties"], result["required"] = nested["properties"], nested["required"]
    elif nested_required is not None:
        raise _fail(where, "a 'required' list needs 'properties'")
    if "anyOf" in spec:
        members = spec["anyOf"]
        if not isinstance(members, list | tuple) or not members:
            raise _fail(where, "'anyOf' must be a non-empty list of specs")
        result["anyOf"] = [_check_spec(member, f"{where}.anyOf[{i}]")[0] for i, member in enumerate(members)]
    if "default" in spec:
        if own_required:
            raise _fail(where, "a parameter with a default cannot also be required")
        if not _json_ok(spec["default"]):
            raise _fail(where, "'default' must be JSON-serialisable")
        result["default"] = spec["default"]
    for key, value in spec.items():
        if key in _PASSTHROUGH:
            result[key] = plain(value)
    return result, own_required


def check_parameters(
    parameters: object, where: str, required_names: Sequence[str] | None = None
) -> dict[str, Any]:
    """An object schema from ``{name: spec}``; a property is required if its spec or ``required_names`` says so."""
    if not isinstance(parameters, Mapping):
        raise _fail(where, f"parameters must be a mapping of names to specs, not {type(parameters).__name__}")
    properties: dict[str, Any] = {}
    required: list[str] = []
    for name, spec in parameters.items():
        if not isinstance(name, str) or not name:
            raise _fail(where, f"parameter names must be non-empty strings, got {name!r}")
        properties[name], own = _check_spec(spec, f"{where}.{name}")
        if own:
            required.append(name)
    for name in required_names or ():
        if name not in properties:
            raise _fail(where, f"required property {name!r} is not among the properties")
        if name not in required:
            required.append(name)
    return {"type": "object", "properties": properties, "required": required}


def check_tool_dict(tool: Mapping[str, Any]) -> dict[str, Any]:
    """Light validation of a tool definition dict: ``type`` is ``"function"``, the function has a name."""
    result: dict[str, Any] = plain(tool)
    kind = result.setdefault("type", "function")
    if kind != "function":
        raise RequestError(f"tool type must be 'function', got {kind!r}", param="tools")
    function = result.get("function")
    if not isinstance(function, dict):
        raise RequestError("tool needs a 'function' object", param="tools")
    name = function.get("name")
    if not isinstance(name, str) or not name:
        raise RequestError("tool function needs a non-empty 'name'", param="tools")
    if "description" in function and not isinstance(function["description"], str | None):
        raise RequestError(f"tool '{name}': 'description' must be a string", param="tools")
    if "parameters" in function and not isinstance(function["parameters"], dict | None):
        raise RequestError(f"tool '{name}': 'parameters' must be an object", param="tools")
    return result
