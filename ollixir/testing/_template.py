"""A light check of Go ``text/template`` syntax, for ``create``'s ``template error: ...`` answers.

Only structural errors are detected (unclosed actions, unbalanced ``if``/``range``/``with``/``block``/
``define`` and ``end``, stray ``else``), with Go's wording for a template named ``""``.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["template_error"]

_OPENERS: Final = frozenset({"if", "range", "with", "block", "define"})
_WORD: Final = re.compile(r"[A-Za-z_]+")


def template_error(text: str) -> str | None:
    """Go's parse error message for ``text``, or None when it looks well-formed."""
    depth = 0
    pos = 0
    while True:
        start = text.find("{{", pos)
        if start < 0:
            break
        line = text.count("\n", 0, start) + 1
        end = text.find("}}", start + 2)
        if end < 0:
            return f"template: :{line}: unclosed action"
        body = text[start + 2 : end].strip()
        body = body.removeprefix("-").removesuffix("-").strip()
        pos = end + 2
        if body.startswith("/*"):
            continue
        match = _WORD.match(body)
        word = match.group(0) if match else ""
        if word in _OPENERS:
            depth += 1
        elif word == "end":
            if depth == 0:
                return f"template: :{line}: unexpected {{{{end}}}}"
            depth -= 1
        elif word == "else" and depth == 0:
            return f"template: :{line}: unexpected {{{{else}}}}"
    if depth:
        return f"template: :{text.count(chr(10)) + 1}: unexpected EOF"
    return None
