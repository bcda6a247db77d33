"""What a test server offers: the pullable catalogue as data, and the text ``serve-test`` prints."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from ._fake import FakeModel
from ._faults import Fault, FaultKind
from ._state import Installed, initial_models

__all__ = ["CatalogueEntry", "default_catalogue", "describe_fault", "entries", "format_catalogue"]


@dataclass(frozen=True)
class CatalogueEntry:
    """A model a test server offers: a name ``pull`` can fetch, or an installed model.

    ``name`` is the form ``/api/tags`` shows (``gemma3:latest``); ``size`` (bytes) and ``digest`` (64
    hex digits) are what ``/api/tags`` reports for it once installed. ``installed`` says whether the
    server has it already.
    """

    name: str
    capabilities: tuple[str, ...]
    size: int
    digest: str
    installed: bool


def entries(registry: Mapping[str, Installed], installed: Iterable[str]) -> list[CatalogueEntry]:
    """Catalogue entries for a registry (by lookup key), in registry order."""
    have = set(installed)
    return [
        CatalogueEntry(m.name.short, m.capabilities, m.size, m.digest, key in have)
        for key, m in registry.items()
    ]


def default_catalogue(
    models: Sequence[FakeModel] = (), pullable: Sequence[FakeModel] = ()
) -> list[CatalogueEntry]:
    """The catalogue a fresh ``OllamaTestServer(models=models, registry=pullable)`` offers.

    Computed without starting a server: the default models (installed), the registry-only models,
    then ``models`` (installed) and ``pullable`` (the table is in the ``ollixir.testing`` docstring).
    """
    installed, registry = initial_models(models, pullable)
    return entries(registry, installed)


def _human_size(size: int) -> str:
    # Decimal units, as `ollama list` prints them.
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} B"


def format_catalogue(catalogue: Sequence[CatalogueEntry], *, indent: str = "  ") -> list[str]:
    """One aligned line per entry: name, capabilities, size and the digest's first 12 digits."""
    if not catalogue:
        return [f"{indent}(none)"]
    name_width = max(len(e.name) for e in catalogue)
    caps = [", ".join(e.capabilities) for e in catalogue]
    caps_width = max(len(c) for c in caps)
    return [
        f"{indent}{e.name:<{name_width}}  {c:<{caps_width}}  {_human_size(e.size):>8}  {e.digest[:12]}"
        for e, c in zip(catalogue, caps, strict=True)
    ]


_SHOWN: Final[Mapping[FaultKind, tuple[str, ...]]] = {
    FaultKind.FAIL: ("status", "body", "message", "retry_after"),
    FaultKind.ERROR_BODY: ("message",),
    FaultKind.CLOSE_BEFORE_HEADERS: (),
    FaultKind.DELAY_HEADERS: ("delay",),
    FaultKind.ERROR_LINE: ("after", "message"),
    FaultKind.DROP: ("after",),
    FaultKind.MALFORMED_LINE: ("after", "text"),
    FaultKind.SLOW_STREAM: ("delay",),
    FaultKind.HUGE_LINE: ("size", "after"),
    FaultKind.TRUNCATED_BODY: ("fraction", "close"),
    FaultKind.GZIP: (),
}


def describe_fault(fault: Fault) -> str:
    """One line: kind, its settings, which requests it matches and how many more it affects."""
    settings = ", ".join(
        f"{name}={getattr(fault, name)!r}" for name in _SHOWN[fault.kind] if getattr(fault, name) is not None
    )
    if fault.operation is not None:
        scope = f"operation {fault.operation} ({fault.method} {fault.path})"
    else:
        scope = f"{fault.method or 'any method'} {fault.path or '*'}"
    if fault.times is None:
        count = "every matching request"
    else:
        left = fault.times - fault.hits
        count = f"next {left} matching request{'s' if left != 1 else ''}"
    detail = f" ({settings})" if settings else ""
    return f"{fault.kind.value}{detail} on {scope}, {count}"
