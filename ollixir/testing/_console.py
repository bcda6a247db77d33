"""Running the test server as a process: what ``ollixir serve-test`` and ``python -m ollixir.testing`` print.

Start-up output on stdout: the base URL alone on the first line (scripts read it), then what the
server offers — installed models (scripted ones marked), pullable names not installed yet, armed
faults and the extra CORS origins. ``--list`` prints the catalogue without starting a server.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from ._config import ServerConfig
from ._cors import BUILTIN_ORIGINS
from ._inventory import default_catalogue, describe_fault, format_catalogue
from ._script import ScriptedReplies
from ._server import OllamaTestServer

__all__ = ["catalogue_lines", "load_config", "report_lines", "until_signalled"]


def load_config(path: str | None) -> ServerConfig:
    """The ``--models`` file's configuration, or an empty one; raises ServerConfigError."""
    return ServerConfig() if path is None else ServerConfig.load(path)


def catalogue_lines(config: ServerConfig) -> list[str]:
    """``--list``: every model a server with ``config`` would have installed, then the pullable-only ones."""
    catalogue = default_catalogue(config.models, config.pullable)
    installed = [e for e in catalogue if e.installed]
    pullable = [e for e in catalogue if not e.installed]
    return [
        f"Installed on start ({len(installed)}):",
        *format_catalogue(installed),
        f"Pullable with `pull NAME` ({len(pullable)} more; installed models can be pulled too):",
        *format_catalogue(pullable),
    ]


def report_lines(server: OllamaTestServer) -> list[str]:
    """What a running server offers, for its start-up output."""
    listing = server._state.listing()
    installed = server.installed_models()
    lines = [f"Installed models ({len(installed)}):"]
    for model, line in zip(listing, format_catalogue(installed), strict=True):
        reply = model.spec.reply
        note = ""
        if isinstance(reply, ScriptedReplies):
            note = f"  scripted: {len(reply.replies)} replies, then {reply.when_done}"
        elif isinstance(reply, str):
            note = "  fixed reply"
        lines.append(line + note)
    pullable = [e for e in server.catalogue() if not e.installed]
    lines += [f"Pullable names ({len(pullable)}; pull installs them):", *format_catalogue(pullable)]
    faults = list(server.faults)
    lines.append(f"Faults armed ({len(faults)}):")
    lines += [f"  {describe_fault(f)}" for f in faults] or ["  (none)"]
    extra = server.origins[: len(server.origins) - len(BUILTIN_ORIGINS)]
    if extra:
        lines.append("Extra CORS origins: " + ", ".join(extra))
    return lines


@contextmanager
def until_signalled() -> Iterator[Callable[[], None]]:
    """Install SIGINT/SIGTERM handlers; yields a function that blocks until one arrives."""
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}

    def wait() -> None:
        # A timed wait, so signals are noticed on every platform.
        while not stop.wait(0.5):
            pass

    try:
        yield wait
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
