"""Thinking effort level (case-sensitive; gpt-oss maps "max" to "high")."""

from typing import Literal

from ..types import ShapeError, json_type

ThinkLevel = Literal["high", "low", "max", "medium"]
"""Thinking effort level (case-sensitive; gpt-oss maps "max" to "high")."""

THINK_LEVEL_VALUES: frozenset[ThinkLevel] = frozenset(
    {
        "high",
        "low",
        "max",
        "medium",
    }
)


def check_think_level(value: object) -> ThinkLevel:
    """``value`` if it is one of the allowed values, else ``ShapeError``."""
    if isinstance(value, str) and value in THINK_LEVEL_VALUES:
        return value
    expected = ", ".join(repr(v) for v in sorted(THINK_LEVEL_VALUES))
    raise ShapeError(f"expected one of {expected}, got {json_type(value)}")
