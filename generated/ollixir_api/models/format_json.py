"""The string "json" selects grammar-constrained JSON output."""

from typing import Literal

from ..types import ShapeError, json_type

FormatJson = Literal["json"]
"""The string "json" selects grammar-constrained JSON output."""

FORMAT_JSON_VALUES: frozenset[FormatJson] = frozenset(
    {
        "json",
    }
)


def check_format_json(value: object) -> FormatJson:
    """``value`` if it is one of the allowed values, else ``ShapeError``."""
    if isinstance(value, str) and value in FORMAT_JSON_VALUES:
        return value
    expected = ", ".join(repr(v) for v in sorted(FORMAT_JSON_VALUES))
    raise ShapeError(f"expected one of {expected}, got {json_type(value)}")
