"""``python -m ollixir.testing [--host H] [--port N] [--models FILE] [--list]``: the test server in the foreground.

The first line printed is the base URL (flushed at once, so a parent process can read it), followed
by what the server offers; the server stops on Ctrl-C or SIGTERM. ``--models`` reads a
:class:`~ollixir.testing.ServerConfig` file; ``--list`` prints the catalogue and exits.
"""

from __future__ import annotations

import argparse
import sys

from ._config import ServerConfigError
from ._console import catalogue_lines, load_config, report_lines, until_signalled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ollixir.testing", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=11434, help="port to bind; 0 picks a free one (default 11434)"
    )
    parser.add_argument(
        "--api-key", default="test-key", help="bearer key for /api/web_search and /api/web_fetch"
    )
    parser.add_argument(
        "--models", metavar="FILE", help="extra models, pullable names and faults (JSON/TOML)"
    )
    parser.add_argument(
        "--list", action="store_true", help="print the installed and pullable models, then exit"
    )
    args = parser.parse_args(argv)
    try:
        config = load_config(args.models)
    except ServerConfigError as exc:
        parser.error(str(exc))
    if args.list:
        print("\n".join(catalogue_lines(config)))
        return 0
    with until_signalled() as wait:
        try:
            server = config.start(args.host, args.port, api_key=args.api_key)
        except ValueError as exc:  # a bad OLLAMA_ORIGINS entry
            parser.error(str(exc))
        with server:
            print(server.url, flush=True)
            print("\n".join(report_lines(server)), flush=True)
            wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
