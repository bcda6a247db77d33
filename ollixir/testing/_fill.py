"""Deterministic values for JSON Schemas: tool-call arguments and structured (``format``) output.

The rules are part of the fake models' documented contract (see ``_fake.py``):

* ``key=value`` (or ``key="some value"``) written in the user's prompt sets every property of that name
  (at any depth); the value is parsed as JSON when the schema asks for a non-string type and it parses to
  that type, else it stays a string. Trailing punctuation is dropped from unquoted values.
* otherwise ``enum`` -> its first member, ``const`` -> the constant, ``anyOf``/``oneOf``/``allOf`` -> the
  first branch, a list ``type`` -> its first non-``"null"`` entry; then by type: ``string`` -> the
  prompt's last word (surrounding punctuation stripped; ``"text"`` if there is none), ``integer`` ->
  ``minimum`` or 42, ``number`` -> ``minimum`` or 1.5, ``boolean`` -> true, ``null`` -> null,
  ``array`` -> ``max(1, minItems)`` copies of its ``items`` value, ``object`` -> its properties in
  schema order (all of them for ``format``; only ``required`` ones plus explicit ``key=value`` ones for
  tool arguments). A schema without ``type`` is an object if it has ``properties``, an
  array if it has ``items``, else a string.
* a local ``$ref`` (``#/$defs/Name``, ``#/definitions/Name``, any ``#/...`` JSON pointer) is followed
  into the top-level schema, as pydantic's ``model_json_schema()`` nests its models that way; a
  reference met again inside its own expansion (a recursive model) ends there: ``[]`` as an array's
  items, else ``null``. An unresolvable reference is a string.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

__all__ = ["explicit_values", "fill_schema", "last_word"]

_PUNCT: Final = ".,;:!?'\"()[]{}<>"
_EXPLICIT: Final = re.compile(r'([A-Za-z_][\w.-]*)=("([^"]*)"|[^\s,;]+)')
_TYPE_CHECK: Final = {
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}


def last_word(prompt: str) -> str:
    """The prompt's last whitespace-separated word without surrounding punctuation, else ``"text"``."""
    for word in reversed(prompt.split()):
        stripped = word.strip(_PUNCT)
        if stripped:
            return stripped
    return "text"


def explicit_values(prompt: str) -> dict[str, str]:
    """``key=value`` / ``key="quoted value"`` pairs written in the prompt (later ones win)."""
    found: dict[str, str] = {}
    for match in _EXPLICIT.finditer(prompt):
        value = match.group(3) if match.group(3) is not None else match.group(2)
        found[match.group(1)] = value.rstrip(_PUNCT) if match.group(3) is None else value
    return found


def _schema_type(schema: Mapping[str, object]) -> str:
    declared = schema.get("type")
    if isinstance(declared, list):
        declared = next((t for t in declared if t != "null"), "null")
    if isinstance(declared, str):
        return declared
    if "properties" in schema:
        return "object"
    if "items" in schema:
        return "array"
    return "string"


def _explicit(raw: str, kind: str) -> object:
    if kind == "string":
        return raw
    try:
        parsed: object = json.loads(raw)
    except ValueError:
        return raw
    check = _TYPE_CHECK.get(kind)
    return parsed if check is not None and check(parsed) else raw


def _resolve(root: Mapping[str, object], ref: str) -> object:
    if not ref.startswith("#"):
        return None
    node: object = root
    for part in ref[1:].split("/")[1:] if ref != "#" else []:
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def fill_schema(
    schema: object,
    prompt: str,
    *,
    all_properties: bool,
    explicit: Mapping[str, str] | None = None,
    key: str | None = None,
) -> object:
    """A deterministic value matching ``schema``; ``explicit`` sets same-named properties at any depth."""
    root = schema if isinstance(schema, Mapping) else {}
    return _fill(schema, prompt, _Context(root, all_properties, ()), explicit, key)


@dataclass(frozen=True)
class _Context:
    root: Mapping[str, object]
    all_properties: bool
    # References being expanded, outermost first.
    active: tuple[str, ...]


def _fill(
    schema: object, prompt: str, ctx: _Context, explicit: Mapping[str, str] | None, key: str | None
) -> object:
    if not isinstance(schema, Mapping):
        return last_word(prompt)
    ref = schema.get("$ref")
    if isinstance(ref, str):
        if ref in ctx.active:
            return None
        target = _resolve(ctx.root, ref)
        if isinstance(target, Mapping):
            inner = _Context(ctx.root, ctx.all_properties, (*ctx.active, ref))
            return _fill(target, prompt, inner, explicit, key)
    kind = _schema_type(schema)
    if key is not None and explicit is not None and key in explicit:
        return _explicit(explicit[key], kind)
    enum = schema.get("enum")
    if isinstance(enum, list) and enum:
        return enum[0]
    if "const" in schema:
        return schema["const"]
    for combinator in ("anyOf", "oneOf", "allOf"):
        branches = schema.get(combinator)
        if isinstance(branches, list) and branches:
            return _fill(branches[0], prompt, ctx, explicit, key)
    minimum = schema.get("minimum")
    if kind == "integer":
        return int(minimum) if isinstance(minimum, int | float) and not isinstance(minimum, bool) else 42
    if kind == "number":
        return minimum if isinstance(minimum, int | float) and not isinstance(minimum, bool) else 1.5
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    if kind == "array":
        count = schema.get("minItems")
        copies = max(1, count) if isinstance(count, int) and not isinstance(count, bool) else 1
        items = schema.get("items")
        if isinstance(items, Mapping) and items.get("$ref") in ctx.active:
            return []
        return [_fill(items, prompt, ctx, explicit, None) for _ in range(copies)]
    if kind == "object":
        return _fill_object(schema, prompt, ctx, explicit)
    return last_word(prompt)


def _fill_object(
    schema: Mapping[str, object], prompt: str, ctx: _Context, explicit: Mapping[str, str] | None
) -> dict[str, object]:
    properties = schema.get("properties")
    required = schema.get("required")
    required_names = {r for r in required if isinstance(r, str)} if isinstance(required, list) else set()
    result: dict[str, object] = {}
    if not isinstance(properties, Mapping):
        return result
    for name, sub in properties.items():
        chosen = ctx.all_properties or name in required_names or (explicit is not None and name in explicit)
        if chosen:
            result[name] = _fill(sub, prompt, ctx, explicit, name)
    return result
