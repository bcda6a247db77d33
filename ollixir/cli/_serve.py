"""``ollixir serve-test``: the bundled test server in the foreground until Ctrl-C or SIGTERM."""

from __future__ import annotations

import argparse
import sys

__all__ = ["cmd_serve_test"]


def cmd_serve_test(args: argparse.Namespace) -> int:
    from ..testing import ServerConfigError
    from ..testing._console import catalogue_lines, load_config, report_lines, until_signalled

    try:
        config = load_config(args.models)
    except ServerConfigError as exc:
        sys.stderr.write(f"Error: {exc}\n")
        return 2
    if args.list:
        sys.stdout.write("\n".join(catalogue_lines(config)) + "\n")
        return 0
    with until_signalled() as wait:
        try:
            server = config.start(args.bind, args.port)
        except OSError as exc:
            sys.stderr.write(f"Error: cannot listen on {args.bind}:{args.port}: {exc.strerror or exc}\n")
            return 1
        except ValueError as exc:  # a bad OLLAMA_ORIGINS entry
            sys.stderr.write(f"Error: {exc}\n")
            return 2
        with server:
            # The URL comes first and alone on its line, so scripts can read it.
            sys.stdout.write(f"{server.url}\n" + "\n".join(report_lines(server)) + "\n")
            sys.stdout.flush()
            sys.stderr.write(
                f"ollixir test server (fake models, no GPU) listening on {server.url}\n"
                f"Use it with: export OLLAMA_HOST={server.url}   or   ollixir --host {server.url} list\n"
                "Press Ctrl-C to stop.\n"
            )
            sys.stderr.flush()
            wait()
        sys.stderr.write("test server stopped\n")
        return 0
