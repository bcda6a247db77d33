from typing import Literal

FormatJson = Literal["json"]

FORMAT_JSON_VALUES: set[FormatJson] = {
    "json",
}


def check_format_json(value: str) -> FormatJson:
    if value in FORMAT_JSON_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FORMAT_JSON_VALUES!r}")
