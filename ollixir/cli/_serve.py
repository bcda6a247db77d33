"""``ollixir serve-test``: the bundled test server in the foreground until Ctrl-C or SIGTERM."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType

__all__ = ["cmd_serve_test"]


def cmd_serve_test(args: argparse.Namespace) -> int:
    from ..testing import OllamaTestServer

    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        try:
            server = OllamaTestServer(args.bind, args.port)
        except OSError as exc:
            sys.stderr.write(f"Error: cannot listen on {args.bind}:{args.port}: {exc.strerror or exc}\n")
            return 1
        with server:
            # The URL comes first and alone on its line, so scripts can read it.
            sys.stdout.write(f"{server.url}\n")
            sys.stdout.flush()
            sys.stderr.write(
                f"ollixir test server (fake models, no GPU) listening on {server.url}\n"
                f"Use it with: export OLLAMA_HOST={server.url}   or   ollixir --host {server.url} list\n"
                "Press Ctrl-C to stop.\n"
            )
            sys.stderr.flush()
            # A timed wait, so signals are noticed on every platform.
            while not stop.wait(0.5):
                pass
        sys.stderr.write("test server stopped\n")
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
