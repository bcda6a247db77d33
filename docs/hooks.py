"""MkDocs hooks: the parts of the site generated from the code at build time.

- ``<!-- api: MODULE -->`` becomes one mkdocstrings entry per name of ``MODULE.__all__``. The names of
  ``ollixir`` load lazily through ``__getattr__``, so listing them explicitly is what makes every one
  of them appear (griffe follows the ``TYPE_CHECKING`` imports to their definitions).
- ``<!-- cli -->`` becomes the help of every command of the argparse parser of ``ollixir``.
- ``<!-- examples -->`` includes every script of ``examples/`` from its file, ``<!-- example: NAME -->``
  one of them (a marker rather than a fenced ``--8<--`` line, which ruff's Markdown formatter would
  rewrite as Python).
"""

from __future__ import annotations

import argparse
import ast
import importlib
import os
import re
import types
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
API_MARK = re.compile(r"<!-- api: ([\w.]+) -->")
EXAMPLE_MARK = re.compile(r"<!-- example: ([\w.]+) -->")


def public_names(module_name: str) -> list[str]:
    """The names a module exports, in the order of its ``__all__``."""
    return list(importlib.import_module(module_name).__all__)


def api_markdown(module_name: str) -> str:
    module = importlib.import_module(module_name)
    parts = [f"::: {module_name}\n    options:\n      members: false\n      show_root_heading: false\n"]
    for name in public_names(module_name):
        obj = getattr(module, name)
        if isinstance(obj, types.ModuleType):
            parts.append(f"## `{module_name}.{name}`\n\nThe module [`{obj.__name__}`][{obj.__name__}].\n")
        else:
            parts.append(f"::: {module_name}.{name}\n")
    return "\n".join(parts)


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def cli_markdown() -> str:
    from ollixir.cli._parser import build_parser

    # A fixed width, so the page does not depend on the terminal that builds it.
    os.environ["COLUMNS"] = "100"
    parser = build_parser()
    parts = ["```text", parser.format_help().rstrip(), "```", ""]
    for name, sub in _subcommands(parser).items():
        parts += [f"## `ollixir {name}`", "", "```text", sub.format_help().rstrip(), "```", ""]
    return "\n".join(parts)


def example_files() -> list[Path]:
    return sorted(p for p in (ROOT / "examples").glob("*.py") if not p.name.startswith("_"))


def include(name: str) -> str:
    """A highlighted block that pymdownx.snippets fills with the example's file."""
    path = ROOT / "examples" / name
    if not path.is_file():
        raise FileNotFoundError(f"docs name an example that does not exist: examples/{name}")
    return f'```py title="examples/{name}"\n--8<-- "examples/{name}"\n```'


def examples_markdown() -> str:
    parts = []
    for path in example_files():
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        summary = doc.strip().splitlines()[0] if doc.strip() else ""
        parts += [f"## `{path.name}`", "", summary, "", include(path.name), ""]
    return "\n".join(parts)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    markdown = API_MARK.sub(lambda m: api_markdown(m.group(1)), markdown)
    markdown = EXAMPLE_MARK.sub(lambda m: include(m.group(1)), markdown)
    if "<!-- cli -->" in markdown:
        markdown = markdown.replace("<!-- cli -->", cli_markdown())
    if "<!-- examples -->" in markdown:
        markdown = markdown.replace("<!-- examples -->", examples_markdown())
    return markdown
