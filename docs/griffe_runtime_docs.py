"""A griffe extension for the API reference: docstrings that exist only at run time.

The module-level operations (``ollixir.chat``, ``ollixir.aio.chat``, their official-client aliases
such as ``ollixir.generate``) are built at import time from the client methods, which carry the
prose; statically griffe sees only their typed overload stubs. This fills each such function or
alias with the docstring ``help()`` shows. tests/test_docs.py loads the same extension.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any

import griffe

# The modules whose public functions are built at import time (the generated client surface).
RUNTIME_MODULES = ("ollixir_api.surface.functions", "ollixir_api.surface.async_functions")


class RuntimeDocstrings(griffe.Extension):
    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        # The surface is part of the generated package; ollixir re-exports its functions.
        if pkg.name != "ollixir_api":
            return
        for module_path in RUNTIME_MODULES:
            module = pkg.modules_collection[module_path]
            runtime = importlib.import_module(module_path)
            for name in runtime.__all__:
                member = module.members.get(name)
                if member is None or member.is_alias or (member.docstring and member.docstring.value.strip()):
                    continue
                function = getattr(runtime, name)
                doc = inspect.getdoc(function)
                if not doc:
                    continue
                target = getattr(function, "__name__", name)
                if target != name:
                    # An official-client alias: one line pointing at the documented function.
                    member.docstring = griffe.Docstring(
                        f"Another name for [`{target}`][{pkg_path(module_path)}.{target}] (the official client's name).",
                        parent=member,
                    )
                    continue
                # Statically the name is an assignment (and typed overload stubs); the built
                # function has the signature and the prose help() shows.
                replacement = griffe.Function(
                    name,
                    parameters=_parameters(function),
                    returns=None,
                    lineno=member.lineno,
                    endlineno=member.endlineno,
                )
                module.set_member(name, replacement)
                replacement.docstring = griffe.Docstring(_fence_doctests(doc), parent=replacement)


def _fence_doctests(doc: str) -> str:
    """Doctest paragraphs as code blocks, so their brackets do not read as Markdown links."""
    out: list[str] = []
    in_block = False
    for line in doc.splitlines():
        if not in_block and line.startswith(">>>"):
            out.append("```pycon")
            in_block = True
        elif in_block and not line.strip():
            out.append("```")
            in_block = False
        out.append(line)
    if in_block:
        out.append("```")
    return "\n".join(out)


def pkg_path(module_path: str) -> str:
    """The public module of a generated functions module."""
    return "ollixir.aio" if module_path.endswith("async_functions") else "ollixir"


_KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: griffe.ParameterKind.positional_only,
    inspect.Parameter.POSITIONAL_OR_KEYWORD: griffe.ParameterKind.positional_or_keyword,
    inspect.Parameter.VAR_POSITIONAL: griffe.ParameterKind.var_positional,
    inspect.Parameter.KEYWORD_ONLY: griffe.ParameterKind.keyword_only,
    inspect.Parameter.VAR_KEYWORD: griffe.ParameterKind.var_keyword,
}


def _parameters(function: Any) -> griffe.Parameters:
    signature = inspect.signature(function)
    return griffe.Parameters(
        *(
            griffe.Parameter(
                p.name,
                annotation=None if p.annotation is p.empty else str(p.annotation),
                kind=_KINDS[p.kind],
                default=None if p.default is p.empty else repr(p.default),
            )
            for p in signature.parameters.values()
        )
    )
