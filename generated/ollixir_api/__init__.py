"""Generated from openapi.yaml by scripts/generate; do not edit.

- ``models``: one class per schema. Absent optional fields are ``None``; ``from_dict`` checks every
  value and raises ``ShapeError`` for JSON of the wrong shape; models read like the JSON objects
  they model (``r["message"]["content"]``).
- ``api``: the operation table, ``api.OPERATIONS`` (operation id to ``Operation``).
"""

from .types import Model, Operation, ShapeError

__all__ = (
    "Model",
    "Operation",
    "ShapeError",
)
