"""A griffe extension for the API reference: docstrings that exist only at run time.

The module-level operations (``ollixir.chat``, ``ollixir.aio.chat``, their official-client aliases
such as ``ollixir.generate``) are built at import time from the client methods, which carry the
prose; statically griffe sees only their typed overload stubs. This fills each such function or
alias with the docstring ``help()`` shows. The batch jobs (``ollixir.batch``) are generated from one
async source by unasync, which copies strings as they are, so their public names set ``__doc__`` from
a hand-written module instead of carrying a docstring literal; those are filled in here too.
tests/test_docs.py loads the same extension.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any

import griffe

# The modules whose public functions are built at import time (the generated client surface).
RUNTIME_MODULES = ("ollixir_api.surface.functions", "ollixir_api.surface.async_functions")
# The modules whose public classes and functions set ``__doc__`` at import time (ollixir/batch/_docs.py).
ASSIGNED_DOC_MODULES = ("ollixir.batch._async", "ollixir.batch._sync")


class RuntimeDocstrings(griffe.Extension):
    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        if pkg.name == "ollixir":
            _assigned_docstrings(pkg)
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


def _assigned_docstrings(pkg: griffe.Module) -> None:
    """Each public name of ``ASSIGNED_DOC_MODULES`` gets the ``__doc__`` it has at run time; statically
    it has no docstring at all (and one written there would be a bug: unasync would copy it to the
    other flavour)."""
    for module_path in ASSIGNED_DOC_MODULES:
        module = pkg.modules_collection[module_path]
        runtime = importlib.import_module(module_path)
        for name in runtime.__all__:
            member = module.members[name]
            if member.docstring and member.docstring.value.strip():
                raise ValueError(
                    f"{module_path}.{name} has a docstring literal; its __doc__ comes from _docs.py"
                )
            doc = inspect.getdoc(getattr(runtime, name))
            if doc:
                member.docstring = griffe.Docstring(_fence_doctests(doc), parent=member)


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
