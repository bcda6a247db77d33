"""Generated from openapi.yaml by scripts/generate; do not edit.

- ``models``: one class per schema. Absent optional fields are ``None``; ``from_dict`` checks every
  value and raises ``ShapeError`` for JSON of the wrong shape; models read like the JSON objects
  they model (``r["message"]["content"]``).
- ``api``: the operation table, ``api.OPERATIONS`` (operation id to ``Operation``).
- ``surface``: the client surface (scripts/facade_codegen.py): the methods, overloads and module
  functions that ``ollixir.Client``, ``ollixir.AsyncClient``, ``ollixir`` and ``ollixir.aio`` expose.
  Unlike ``models`` and ``api`` it imports ``ollixir`` (its run-time half), so it is not imported here.
"""

from .types import Model, Operation, ShapeError

__all__ = (
    "Model",
    "Operation",
    "ShapeError",
)
