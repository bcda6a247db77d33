"""Tool parameter schemas cut down to what the Ollama server keeps.

The server decodes ``function.parameters`` into plain Go structs without custom decoding (``api/types.go``
at v0.33.0-rc2), so every keyword those structs do not declare is dropped before the model sees the schema:

* the parameters object (``ToolFunctionParameters``) keeps ``type``, ``$defs``, ``items``, ``required`` and
  ``properties``;
* each property, each ``anyOf`` member and each nested property (``ToolProperty``) keeps ``anyOf``, ``type``,
  ``items``, ``description``, ``enum``, ``properties`` and ``required``;
* the values of ``$defs`` and ``items`` are Go ``any``: kept whole, whatever keywords they hold.

:func:`server_parameters` applies the same cut, so a built tool shows exactly what the model will get, and
reports what it removed. A ``$ref`` where the server reads a property is inlined from ``$defs`` (pydantic
puts its ``$defs`` inside the property's own schema, where the server would drop them); a recursive one
cannot be inlined and is reported as dropped. References that stay inside ``items`` or ``$defs`` keep
working: the definitions they need are moved to the parameters' ``$defs``, the only place the server reads.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from typing import Any, Final

__all__ = [
    "PARAMETERS_KEYWORDS",
    "PROPERTY_KEYWORDS",
    "ToolSchemaWarning",
    "server_parameters",
    "warn_dropped",
]

PARAMETERS_KEYWORDS: Final = ("type", "$defs", "items", "required", "properties")
PROPERTY_KEYWORDS: Final = ("anyOf", "type", "items", "description", "enum", "properties", "required")
_DEFS_PREFIX: Final = "#/$defs/"


class ToolSchemaWarning(UserWarning):
    """A tool definition lost JSON Schema keywords the Ollama server would have dropped anyway."""


class _Cut:
    """One pass over a parameters object: the definitions pool and what was dropped where."""

    def __init__(self, definitions: Mapping[str, Any], silent: frozenset[str]) -> None:
        self.pool: dict[str, Any] = dict(definitions)
        self.silent = silent
        self.dropped: dict[str, list[str]] = {}

    def drop(self, where: str, keyword: str) -> None:
        if keyword in self.silent:
            return
        found = self.dropped.setdefault(where, [])
        if keyword not in found:
            found.append(keyword)

    def hoist(self, definitions: object) -> dict[str, str]:
        """Move nested ``$defs`` into the pool; returns the renames needed to avoid clashes."""
        if not isinstance(definitions, Mapping):
            return {}
        renames: dict[str, str] = {}
        for name, schema in definitions.items():
            new, suffix = str(name), 2
            while new in self.pool and self.pool[new] != schema:
                new, suffix = f"{name}_{suffix}", suffix + 1
            renames[str(name)] = new
        for name, schema in definitions.items():
            self.pool[renames[str(name)]] = _renamed(schema, renames)
        return {old: new for old, new in renames.items() if old != new}

    def prop(self, node: object, where: str, active: tuple[str, ...]) -> Any:
        """A ``ToolProperty`` position: inline references, keep the declared keywords, recurse."""
        if not isinstance(node, Mapping):
            return node  # the server rejects or ignores it; validation happens elsewhere
        self.dropped.setdefault(where, [])  # report parents before their properties
        schema: Mapping[str, Any] = _renamed(node, self.hoist(node.get("$defs")))
        reference = schema.get("$ref")
        if isinstance(reference, str):
            name = reference.removeprefix(_DEFS_PREFIX)
            siblings = {k: v for k, v in schema.items() if k not in ("$ref", "$defs")}
            if reference.startswith(_DEFS_PREFIX) and name in self.pool and name not in active:
                return self.prop({**self.pool[name], **siblings}, where, (*active, name))
            self.drop(where, "$ref")
            schema = siblings
        result: dict[str, Any] = {}
        for key, value in schema.items():
            if key == "$defs":
                continue  # hoisted above
            if key not in PROPERTY_KEYWORDS:
                self.drop(where, key)
            elif key == "anyOf" and isinstance(value, list):
                result[key] = [self.prop(member, where, active) for member in value]
            elif key == "properties" and isinstance(value, Mapping):
                result[key] = {name: self.prop(sub, f"{where}.{name}", active) for name, sub in value.items()}
            else:
                result[key] = value
        return result

    def needed(self, roots: Iterable[object]) -> dict[str, Any]:
        """The pool entries referenced from kept-whole values, transitively, in pool order."""
        wanted: set[str] = set()
        stack = list(roots)
        while stack:
            for name in _references(stack.pop()):
                if name in self.pool and name not in wanted:
                    wanted.add(name)
                    stack.append(self.pool[name])
        return {name: schema for name, schema in self.pool.items() if name in wanted}


def _renamed(node: Any, renames: Mapping[str, str]) -> Any:
    if not renames:
        return node
    if isinstance(node, Mapping):
        out = {key: _renamed(value, renames) for key, value in node.items()}
        reference = out.get("$ref")
        if isinstance(reference, str) and reference.removeprefix(_DEFS_PREFIX) in renames:
            out["$ref"] = _DEFS_PREFIX + renames[reference.removeprefix(_DEFS_PREFIX)]
        return out
    if isinstance(node, list):
        return [_renamed(item, renames) for item in node]
    return node


def _references(node: object) -> Iterable[str]:
    if isinstance(node, Mapping):
        reference = node.get("$ref")
        if isinstance(reference, str) and reference.startswith(_DEFS_PREFIX):
            yield reference.removeprefix(_DEFS_PREFIX)
        for value in node.values():
            yield from _references(value)
    elif isinstance(node, list):
        for item in node:
            yield from _references(item)


def _kept_whole(node: object) -> Iterable[object]:
    """The values the server keeps without decoding: every ``items`` below a kept property."""
    if isinstance(node, Mapping):
        if "items" in node:
            yield node["items"]
        for member in node.get("anyOf", ()) if isinstance(node.get("anyOf"), list) else ():
            yield from _kept_whole(member)
        properties = node.get("properties")
        if isinstance(properties, Mapping):
            for sub in properties.values():
                yield from _kept_whole(sub)


def server_parameters(
    parameters: Mapping[str, Any], *, silent: Iterable[str] = ()
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """``parameters`` as the server will keep it, and the dropped keywords per parameter path.

    Paths are dotted property names (``"range.from"``); ``""`` is the parameters object itself. Keywords in
    ``silent`` are removed without being reported (the builder's own derived ``default`` and ``title``).
    """
    cut = _Cut({}, frozenset(silent))
    cut.dropped[""] = []
    cut.hoist(parameters.get("$defs"))
    result: dict[str, Any] = {}
    for key, value in parameters.items():
        if key == "$defs":
            continue  # rebuilt below from what is still referenced
        if key not in PARAMETERS_KEYWORDS:
            cut.drop("", key)
        elif key == "properties" and isinstance(value, Mapping):
            result[key] = {name: cut.prop(sub, name, ()) for name, sub in value.items()}
        else:
            result[key] = value
    roots = [result.get("items"), *_kept_whole({"properties": result.get("properties", {})})]
    definitions = cut.needed(roots)
    if definitions:
        result["$defs"] = definitions
    return result, {where: keywords for where, keywords in cut.dropped.items() if keywords}


def warn_dropped(tool: str, dropped: Mapping[str, list[str]], *, stacklevel: int) -> None:
    """One :class:`ToolSchemaWarning` naming every dropped keyword and its parameter."""
    if not dropped:
        return
    parts = [
        f"{'the parameters object' if where == '' else repr(where)}: {', '.join(keywords)}"
        for where, keywords in dropped.items()
    ]
    warnings.warn(
        f"tool '{tool}': the Ollama server ignores these JSON Schema keywords, so they were left out: "
        + "; ".join(parts)
        + " (a parameter keeps only type, description, enum, items, anyOf, properties and required; "
        "describe other constraints in its description)",
        ToolSchemaWarning,
        stacklevel=stacklevel + 1,
    )
