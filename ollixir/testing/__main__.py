"""``python -m ollixir.testing [--host H] [--port N]``: run the test server in the foreground.

The first line printed is the base URL (flushed at once, so a parent process can read it); the server
stops on Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType

from ._server import OllamaTestServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ollixir.testing", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=11434, help="port to bind; 0 picks a free one (default 11434)"
    )
    parser.add_argument(
        "--api-key", default="test-key", help="bearer key for /api/web_search and /api/web_fetch"
    )
    args = parser.parse_args(argv)
    done = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        done.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    with OllamaTestServer(args.host, args.port, api_key=args.api_key) as server:
        print(server.url, flush=True)
        while not done.wait(0.5):
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
