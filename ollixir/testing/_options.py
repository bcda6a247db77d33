"""Runtime ``options`` validation as ``api.Options.FromMap`` does it (bad types are HTTP 500)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["OPTION_TYPES", "merged_options", "option_error"]

OPTION_TYPES: Final[Mapping[str, str]] = {
    "num_keep": "int", "seed": "int", "num_predict": "int", "top_k": "int", "top_p": "float",
    "min_p": "float", "typical_p": "float", "repeat_last_n": "int", "temperature": "float",
    "repeat_penalty": "float", "presence_penalty": "float", "frequency_penalty": "float",
    "stop": "array", "num_ctx": "int", "num_batch": "int", "num_gpu": "int", "main_gpu": "int",
    "use_mmap": "bool", "num_thread": "int", "draft_num_predict": "int",
}  # fmt: skip


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def option_error(options: Mapping[str, object]) -> str | None:
    """The first ``option "x" must be of type ...`` error, or None. Unknown keys and nulls are ignored."""
    for key, value in options.items():
        kind = OPTION_TYPES.get(key)
        if kind is None or value is None:
            continue
        if kind == "int" and not _is_number(value):
            return f'option "{key}" must be of type integer'
        if kind == "float" and not _is_number(value):
            return f'option "{key}" must be of type float32'
        if kind == "bool" and not isinstance(value, bool):
            return f'option "{key}" must be of type boolean'
        if kind == "array":
            if not isinstance(value, list):
                return f'option "{key}" must be of type array'
            if not all(isinstance(item, str) for item in value):
                return f'option "{key}" must be of an array of strings'
    return None


def merged_options(
    model_parameters: Mapping[str, object], request: Mapping[str, object]
) -> dict[str, object]:
    """Request options over the model's PARAMETERs (known keys only, nulls skipped)."""
    merged: dict[str, object] = {}
    for source in (model_parameters, request):
        for key, value in source.items():
            if key in OPTION_TYPES and value is not None:
                merged[key] = value
    return merged
