"""Read-only navigation of openapi.yaml for the spec tests.

Field paths are dotted JSON names; `name[]` steps into the items of an array field, e.g.
`messages[].tool_calls[].function.arguments`. `$ref`, `anyOf`, `oneOf` and `allOf` are looked
through, so a path matches whichever union member declares the field.
"""

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from openapi_spec_validator.readers import read_from_filename

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"

Schema = dict[str, Any]


@cache
def load_spec() -> Schema:
    spec, _ = read_from_filename(str(SPEC_PATH))
    return dict(spec)


def resolve(spec: Schema, node: Schema) -> Schema:
    seen: set[str] = set()
    while "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), f"only local refs are expected, got {ref}"
        assert ref not in seen, f"reference cycle at {ref}"
        seen.add(ref)
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def members(spec: Schema, node: Schema) -> Iterator[Schema]:
    """The schema itself and, recursively, every member of its unions and allOf."""
    node = resolve(spec, node)
    yield node
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in node.get(key, []):
            yield from members(spec, sub)


def reachable(spec: Schema, node: object) -> Iterator[Schema]:
    """Every mapping reachable from `node`, following local refs (each target once)."""
    seen: set[int] = set()
    stack: list[object] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, list):
            stack.extend(current)
            continue
        if not isinstance(current, dict):
            continue
        if "$ref" in current:
            current = resolve(spec, current)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack.extend(current.values())


def _is_array(node: Schema) -> bool:
    kind = node.get("type")
    return kind == "array" or (isinstance(kind, list) and "array" in kind)


def child(spec: Schema, node: Schema, step: str) -> Schema | None:
    name, into_items = (step[:-2], True) if step.endswith("[]") else (step, False)
    found: Schema | None = None
    for member in members(spec, node):
        if name in member.get("properties", {}):
            found = member["properties"][name]
            break
    if found is None or not into_items:
        return found
    for member in members(spec, found):
        if _is_array(member) and "items" in member:
            items: Schema = member["items"]
            return items
    return None


def find(spec: Schema, node: Schema, path: str) -> Schema | None:
    current: Schema | None = node
    for step in path.split("."):
        if current is None:
            return None
        current = child(spec, current, step)
    return current


def field_paths(spec: Schema, node: Schema, prefix: str = "") -> set[str]:
    """Every declared field below `node`, as dotted paths (free-form objects are leaves)."""
    paths: set[str] = set()
    for member in members(spec, node):
        for name, sub in member.get("properties", {}).items():
            path = prefix + name
            paths.add(path)
            for sub_member in members(spec, sub):
                if _is_array(sub_member) and "items" in sub_member:
                    paths |= field_paths(spec, sub_member["items"], path + "[].")
                elif sub_member.get("properties"):
                    paths |= field_paths(spec, sub_member, path + ".")
    return paths


def with_parents(paths: set[str]) -> set[str]:
    """Add every parent of each path: `a[].b.c` brings `a` and `a[].b`."""
    out = set(paths)
    for path in paths:
        steps = path.split(".")
        for end in range(1, len(steps)):
            parent = ".".join(steps[:end])
            out.add(parent[:-2] if parent.endswith("[]") else parent)
    return out


def operations(spec: Schema) -> Iterator[tuple[str, str, Schema]]:
    methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in methods:
                yield method.upper(), path, op


def operation(spec: Schema, method: str, path: str) -> Schema | None:
    op: Schema | None = spec["paths"].get(path, {}).get(method.lower())
    return op


def request_schema(spec: Schema, op: Schema) -> Schema | None:
    body = op.get("requestBody")
    if body is None:
        return None
    content = resolve(spec, body)["content"]
    media = content.get("application/json")
    if media is None:
        return None
    schema: Schema = media["schema"]
    return schema


def response(spec: Schema, op: Schema, status: str) -> Schema | None:
    found = op.get("responses", {}).get(status)
    return None if found is None else resolve(spec, found)


def response_schema(spec: Schema, op: Schema, status: str, media_type: str) -> Schema | None:
    found = response(spec, op, status)
    if found is None:
        return None
    media = found.get("content", {}).get(media_type)
    if media is None:
        return None
    schema: Schema = media["schema"]
    return schema
