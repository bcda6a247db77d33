"""Docstring reading for tool and schema descriptions: Google, NumPy and reST (Sphinx) styles.

Only two things are extracted: the description (everything before the first section or field list) and one
description per parameter. Anything the reader does not recognise simply contributes nothing.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import Final

__all__ = ["Docstring", "parse_docstring"]

# Google-style headers whose entries describe parameters or attributes.
_PARAM_SECTIONS: Final = frozenset(
    {
        "args",
        "arguments",
        "parameters",
        "params",
        "keyword args",
        "keyword arguments",
        "kwargs",
        "other parameters",
        "attributes",
    }
)
# Any other header ends a parameter section and the description.
_OTHER_SECTIONS: Final = frozenset(
    {
        "returns",
        "return",
        "yields",
        "yield",
        "raises",
        "raise",
        "exceptions",
        "warns",
        "warnings",
        "examples",
        "example",
        "notes",
        "note",
        "see also",
        "references",
        "todo",
        "methods",
        "receives",
        "tip",
        "hint",
        "important",
        "caution",
        "danger",
        "error",
        "attention",
        "warning",
    }
)
_GOOGLE_HEADER: Final = re.compile(r"^([A-Za-z][A-Za-z ]*):\s*$")
_NUMPY_RULE: Final = re.compile(r"^\s*-{3,}\s*$")
_GOOGLE_ENTRY: Final = re.compile(r"^\*{0,2}([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(([^)]*)\))?\s*:\s*(.*)$")
_NUMPY_ENTRY: Final = re.compile(
    r"^\*{0,2}([A-Za-z_][A-Za-z0-9_]*(?:\s*,\s*\*{0,2}[A-Za-z_][A-Za-z0-9_]*)*)\s*(?::.*)?$"
)
_REST_FIELD: Final = re.compile(r"^[:@](\w+)((?:\s+[^:]+?)?)\s*:\s*(.*)$")
_REST_PARAM_KINDS: Final = frozenset(
    {"param", "parameter", "arg", "argument", "key", "keyword", "ivar", "var"}
)


@dataclass
class Docstring:
    """The parts of a docstring that end up in a schema."""

    description: str = ""
    params: dict[str, str] = field(default_factory=dict)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _join(lines: list[str]) -> str:
    """Join wrapped lines into paragraphs: single breaks become spaces, blank lines separate paragraphs."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def _section_name(lines: list[str], index: int) -> tuple[str, int] | None:
    """``(name, lines used)`` if a section header starts at ``index`` (Google ``Args:`` or NumPy underline)."""
    line = lines[index].strip()
    if index + 1 < len(lines) and _NUMPY_RULE.match(lines[index + 1]) and line:
        return line.lower(), 2
    match = _GOOGLE_HEADER.match(line)
    if match and match.group(1).lower() in _PARAM_SECTIONS | _OTHER_SECTIONS:
        return match.group(1).lower(), 1
    return None


def _read_entries(lines: list[str], numpy: bool) -> dict[str, str]:
    """Parameter entries of one section body: an entry line, then deeper-indented continuation lines."""
    entries: dict[str, list[str]] = {}
    base = min((_indent(line) for line in lines if line.strip()), default=0)
    names: list[str] = []
    for line in lines:
        if not line.strip():
            for name in names:
                entries[name].append("")
            continue
        if _indent(line) <= base:
            names = []
            if numpy:
                match = _NUMPY_ENTRY.match(line.strip())
                if match:
                    names = [part.strip().lstrip("*") for part in match.group(1).split(",")]
                    for name in names:
                        entries[name] = []
            else:
                match = _GOOGLE_ENTRY.match(line.strip())
                if match:
                    names = [match.group(1)]
                    entries[match.group(1)] = [match.group(3)]
            continue
        for name in names:
            entries[name].append(line)
    return {name: _join(text) for name, text in entries.items() if _join(text)}


def _read_rest(lines: list[str]) -> dict[str, str]:
    params: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        match = _REST_FIELD.match(line.strip())
        if match:
            current = None
            kind, middle, text = match.group(1).lower(), match.group(2).split(), match.group(3)
            if kind in _REST_PARAM_KINDS and middle:
                current = params.setdefault(middle[-1].lstrip("*"), [])
                current.append(text)
        elif current is not None and line.strip() and _indent(line) > 0:
            current.append(line)
        elif not line.strip() and current is not None:
            current.append("")
        else:
            current = None
    return {name: _join(text) for name, text in params.items() if _join(text)}


def parse_docstring(doc: str | None) -> Docstring:
    """Split a docstring into its description and per-parameter descriptions."""
    if not doc or not doc.strip():
        return Docstring()
    lines = inspect.cleandoc(doc).splitlines()
    description: list[str] = []
    params: dict[str, str] = {}
    index = 0
    while index < len(lines):
        header = _section_name(lines, index)
        if header is not None or _REST_FIELD.match(lines[index].strip()):
            break
        description.append(lines[index])
        index += 1
    params.update(_read_rest(lines[index:]))
    while index < len(lines):
        header = _section_name(lines, index)
        if header is None:
            index += 1
            continue
        name, used = header
        numpy = used == 2
        start = index + used
        end = start
        header_indent = _indent(lines[index])
        while end < len(lines) and _section_name(lines, end) is None:
            # A Google section ends at the first line back at the header's indentation.
            if not numpy and lines[end].strip() and _indent(lines[end]) <= header_indent:
                break
            end += 1
        if name in _PARAM_SECTIONS:
            for key, text in _read_entries(lines[start:end], numpy).items():
                params.setdefault(key, text)
        index = end
    return Docstring(description=_join(description), params=params)
