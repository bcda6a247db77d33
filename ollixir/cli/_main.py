"""Entry point: parse, dispatch, and turn exceptions into messages and exit codes.

0 success; 1 the server refused or failed, or could not be reached; 2 bad usage (argparse errors and
``RequestError``, which the library raises before sending anything); 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
import urllib.parse
from collections.abc import Callable, Sequence

from .._errors import ConnectionError, OllixirError, RequestError, ResponseError, TimeoutError
from ._parser import build_parser

__all__ = ["main"]

Handler = Callable[[argparse.Namespace], int]


def _handler(command: str) -> Handler:
    # Imported on demand so `ollixir --help` and usage errors stay fast.
    if command == "run":
        from ._chat import cmd_run

        return cmd_run
    if command in ("pull", "push", "create"):
        from . import _transfer

        handlers = {"pull": _transfer.cmd_pull, "push": _transfer.cmd_push, "create": _transfer.cmd_create}
        return handlers[command]
    if command == "serve-test":
        from ._serve import cmd_serve_test

        return cmd_serve_test
    if command == "demo":
        from ._demo import cmd_demo

        return cmd_demo
    if command in ("status", "whoami", "signout", "recommend"):
        from ._cloud import HANDLERS

        return HANDLERS[command]
    from . import _commands

    return _commands.HANDLERS[command]


def _error(message: str) -> None:
    sys.stderr.write(f"Error: {message}\n")
    sys.stderr.flush()


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return 0
    return exc.code if isinstance(exc.code, int) else 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``ollixir`` command line with ``argv`` (default ``sys.argv[1:]``) and return the exit code."""
    parser = build_parser()
    try:
        args, extra = parser.parse_known_args(argv)
        # argparse stops filling `run`'s prompt at the first option (`run m --think why is...`): the words
        # after it come back as extras, and belong to the prompt.
        if extra and args.command == "run" and not any(word.startswith("-") for word in extra):
            args.prompt = [*args.prompt, *extra]
        elif extra:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as exc:
        return _exit_code(exc)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return _handler(args.command)(args)
    except RequestError as exc:
        _error(exc.message)
        return 2
    except ConnectionError as exc:
        # The server's address: the URL without the operation's path.
        parts = urllib.parse.urlsplit(exc.url or "")
        where = f"{parts.scheme}://{parts.netloc}" if parts.netloc else "the configured host"
        cause = exc.__cause__
        import httpx  # already loaded by the client; not needed for --help or usage errors

        # The library's own message carries a generic hint; the CLI gives a shorter one in its own terms.
        if isinstance(cause, httpx.ConnectError) and not isinstance(exc, TimeoutError):
            _error(f"could not connect to Ollama at {where} ({cause})")
        else:
            _error(str(exc))
        from ._commands import START_HINT

        sys.stderr.write(f"{START_HINT}\n")
        return 1
    except ResponseError as exc:
        _error(exc.error)
        return 1
    except OllixirError as exc:
        _error(str(exc))
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        return 130
    except BrokenPipeError:
        # `ollixir list | head`: the reader left. Silence the flush at exit, which would fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
